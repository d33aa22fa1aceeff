package generator_test

import "testing"

// TestXMLAttributesEndToEnd runs testdata/e2e/xml_attributes_test.go
// against the code of xml_attributes.txtar: nullable XML attributes and an
// enum without type, through the generated client and server in JSON and
// XML.
func TestXMLAttributesEndToEnd(t *testing.T) {
	loopback(t, "xml_attributes.txtar", "attributes", "xml_attributes_test.go")
}

// TestXMLUnionsEndToEnd runs testdata/e2e/xml_unions_test.go against the
// code of xml_unions.txtar: oneOf and anyOf values in XML bodies, through
// the generated client and server.
func TestXMLUnionsEndToEnd(t *testing.T) {
	loopback(t, "xml_unions.txtar", "unions", "xml_unions_test.go")
}

// TestMediaSchemasEndToEnd runs testdata/e2e/media_schemas_test.go against
// the code of media_schemas.txtar: a response whose media types carry
// different schemas, through the generated client and server in JSON and
// XML, negotiated both ways.
func TestMediaSchemasEndToEnd(t *testing.T) {
	loopback(t, "media_schemas.txtar", "schemas", "media_schemas_test.go")
}

// TestXMLFreeformEndToEnd runs testdata/e2e/xml_freeform_test.go against
// the code of xml_freeform.txtar: free-form values in XML bodies as their
// elements' text, through the generated client and server.
func TestXMLFreeformEndToEnd(t *testing.T) {
	loopback(t, "xml_freeform.txtar", "freeform", "xml_freeform_test.go")
}
