package generator_test

import "testing"

// TestParamObjectsEndToEnd runs testdata/e2e/param_objects_test.go
// against the code of param_objects.txtar: object parameters (form,
// deepObject) and JSON-text parameters (content application/json, arrays
// of objects) sent by the generated client and bound by the generated
// server.
func TestParamObjectsEndToEnd(t *testing.T) {
	loopback(t, "param_objects.txtar", "objects", "param_objects_test.go")
}

// TestParamUnionsEndToEnd runs testdata/e2e/param_unions_test.go against
// the code of param_unions.txtar: oneOf and anyOf in query and header
// parameters and a form field, the variants tried in the spec's order.
func TestParamUnionsEndToEnd(t *testing.T) {
	loopback(t, "param_unions.txtar", "unions", "param_unions_test.go")
}
