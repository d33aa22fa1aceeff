package generator_test

import "testing"

// TestFormArraysEndToEnd runs testdata/e2e/form_arrays_test.go against the
// code of form_arrays.txtar: arrays in a form body as its encoding object
// says, query arrays spaceDelimited and pipeDelimited.
func TestFormArraysEndToEnd(t *testing.T) {
	loopback(t, "form_arrays.txtar", "forms", "form_arrays_test.go")
}

// TestFormNestedEndToEnd runs testdata/e2e/form_nested_test.go against the
// code of form_nested.txtar: a form-only body with nested objects and an
// array of objects under deepObject-style keys.
func TestFormNestedEndToEnd(t *testing.T) {
	loopback(t, "form_nested.txtar", "nested", "form_nested_test.go")
}
