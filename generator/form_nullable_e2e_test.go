package generator_test

import "testing"

// TestFormNullableEndToEnd runs testdata/e2e/form_nullable_test.go against
// the code of form_nullable.txtar: nullable properties of a model body
// declared as JSON and a form, null as an empty value in the form.
func TestFormNullableEndToEnd(t *testing.T) {
	loopback(t, "form_nullable.txtar", "nullforms", "form_nullable_test.go")
}
