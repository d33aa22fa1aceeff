package generator_test

import "testing"

// TestFormArraysEndToEnd runs testdata/e2e/form_arrays_test.go against the
// code of form_arrays.txtar: arrays in a form body as its encoding object
// says, query arrays spaceDelimited and pipeDelimited.
func TestFormArraysEndToEnd(t *testing.T) {
	loopback(t, "form_arrays.txtar", "forms", "form_arrays_test.go")
}
