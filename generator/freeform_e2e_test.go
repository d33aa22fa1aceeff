package generator_test

import "testing"

// TestFreeformEndToEnd runs testdata/e2e/freeform_test.go against the code
// of freeform.txtar: maps and free-form values through JSON bodies, their
// rules on both sides, and JSON round trips.
func TestFreeformEndToEnd(t *testing.T) {
	loopback(t, "freeform.txtar", "freeform", "freeform_test.go")
}
