package generator_test

import "testing"

// TestMediaSuffixesEndToEnd runs testdata/e2e/media_suffixes_test.go against
// the code of media_suffixes.txtar: text/xml, +json and +xml bodies between
// the generated client and server, under their declared names.
func TestMediaSuffixesEndToEnd(t *testing.T) {
	loopback(t, "media_suffixes.txtar", "suffixes", "media_suffixes_test.go")
}

// TestMediaStreamsEndToEnd runs testdata/e2e/media_streams_test.go against
// the code of media_streams.txtar: binary request and response bodies as
// streams (a 64 MiB upload and download, each measured to take under 16
// MiB), media ranges, text bodies, and retries of streamed bodies.
func TestMediaStreamsEndToEnd(t *testing.T) {
	loopback(t, "media_streams.txtar", "streams", "media_streams_test.go")
}

// TestMediaBodiesEndToEnd runs testdata/e2e/media_bodies_test.go against
// the code of media_bodies.txtar: a request body in several media types
// (JSON by default, WithBodyMedia to choose) and one in XML only.
func TestMediaBodiesEndToEnd(t *testing.T) {
	loopback(t, "media_bodies.txtar", "bodies", "media_bodies_test.go")
}

// TestMediaMultipartEndToEnd runs testdata/e2e/media_multipart_test.go
// against the code of media_multipart.txtar: a multipart/form-data body
// with form fields and file parts, a 64 MiB upload measured to grow the
// heap by less than 16 MiB.
func TestMediaMultipartEndToEnd(t *testing.T) {
	loopback(t, "media_multipart.txtar", "uploads", "media_multipart_test.go")
}

// TestMediaFormsEndToEnd runs testdata/e2e/media_forms_test.go against the
// code of media_forms.txtar: a body declared as JSON, XML and a form of one
// model, nested objects and arrays of objects in deepObject-style keys,
// through the generated client and server.
func TestMediaFormsEndToEnd(t *testing.T) {
	loopback(t, "media_forms.txtar", "forms", "media_forms_test.go")
}

// TestMediaRequestSchemasEndToEnd runs
// testdata/e2e/media_request_schemas_test.go against the code of
// media_request_schemas.txtar: a request body whose JSON and XML media
// types carry different schemas, through the generated client and server.
func TestMediaRequestSchemasEndToEnd(t *testing.T) {
	loopback(t, "media_request_schemas.txtar", "reports", "media_request_schemas_test.go")
}

// TestMediaMultipartPartsEndToEnd runs
// testdata/e2e/media_multipart_parts_test.go against the code of
// media_multipart_parts.txtar: JSON parts (nested objects, a map, an
// array of objects), repeated text parts and an array of files, each
// part's Content-Type as the encoding says.
func TestMediaMultipartPartsEndToEnd(t *testing.T) {
	loopback(t, "media_multipart_parts.txtar", "parts", "media_multipart_parts_test.go")
}

// TestMediaMixedBodiesEndToEnd runs testdata/e2e/media_mixed_bodies_test.go
// against the code of media_mixed_bodies.txtar: request bodies declared as
// JSON beside a form, multipart, text or a stream, each format sent and
// bound into its field of the body by format.
func TestMediaMixedBodiesEndToEnd(t *testing.T) {
	loopback(t, "media_mixed_bodies.txtar", "mixed", "media_mixed_bodies_test.go")
}

// TestMediaSecretsEndToEnd runs testdata/e2e/media_secrets_test.go against
// the code of media_secrets.txtar: request and response bodies by format
// (JSON and XML of different schemas) holding secrets, which travel with
// their values and print redacted.
func TestMediaSecretsEndToEnd(t *testing.T) {
	loopback(t, "media_secrets.txtar", "secrets", "media_secrets_test.go")
}
