package generator_test

import "testing"

// TestFreeformEndToEnd runs testdata/e2e/freeform_test.go against the code
// of freeform.txtar: maps and free-form values through JSON bodies, their
// rules on both sides, and JSON round trips.
func TestFreeformEndToEnd(t *testing.T) {
	loopback(t, "freeform.txtar", "freeform", "freeform_test.go")
}

// TestReadOnlyWriteOnlyEndToEnd runs testdata/e2e/access_test.go against
// the code of access.txtar: readOnly properties are not required in a
// request and refused when one sets them (client validator and server),
// required in an answer; writeOnly ones the reverse.
func TestReadOnlyWriteOnlyEndToEnd(t *testing.T) {
	loopback(t, "access.txtar", "access", "access_test.go")
}

// TestVendorShapesEndToEnd runs testdata/e2e/vendor_shapes_test.go against
// the code of vendor_shapes.txtar: a base schema's discriminator, implied
// required properties, uniqueItems over objects, a $ref into a response.
func TestVendorShapesEndToEnd(t *testing.T) {
	loopback(t, "vendor_shapes.txtar", "vendorshapes", "vendor_shapes_test.go")
}

// TestOperationServersEndToEnd runs testdata/e2e/operation_servers_test.go
// against the code of operation_servers.txtar: a variable of an
// operation's own server, set like the document server's.
func TestOperationServersEndToEnd(t *testing.T) {
	loopback(t, "operation_servers.txtar", "opservers", "operation_servers_test.go")
}
