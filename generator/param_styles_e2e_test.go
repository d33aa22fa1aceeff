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

// TestTypeNullEndToEnd runs testdata/e2e/type_null_test.go against the
// code of openapi31_type_null.txtar: properties and items of type "null",
// absent and null kept apart, any other value refused.
func TestTypeNullEndToEnd(t *testing.T) {
	loopback(t, "openapi31_type_null.txtar", "typenull", "type_null_test.go")
}

// TestPathStylesEndToEnd runs testdata/e2e/path_styles_test.go against
// the code of path_styles.txtar: path parameters of style simple, label
// and matrix (scalars, arrays, objects, exploded or not), header objects
// and an array cookie.
func TestPathStylesEndToEnd(t *testing.T) {
	loopback(t, "path_styles.txtar", "paths", "path_styles_test.go")
}

// TestParamMapsCookiesEndToEnd runs testdata/e2e/param_maps_cookies_test.go
// against the code of param_maps_cookies.txtar: maps in query parameters
// (deepObject, form exploded or not) and cookie arrays with explode true
// and cookie objects, sent by the generated client and bound by the
// generated server.
func TestParamMapsCookiesEndToEnd(t *testing.T) {
	loopback(t, "param_maps_cookies.txtar", "maps", "param_maps_cookies_test.go")
}

// TestParamTaggedUnionsEndToEnd runs testdata/e2e/param_tagged_unions_test.go
// against the code of param_tagged_unions.txtar: discriminated unions of
// objects in query parameters (deepObject, form exploded or not), the
// variant told by its discriminator's key.
func TestParamTaggedUnionsEndToEnd(t *testing.T) {
	loopback(t, "param_tagged_unions.txtar", "tagged", "param_tagged_unions_test.go")
}
