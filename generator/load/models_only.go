package load

import "github.com/getkin/kin-openapi/openapi3"

// modelsOnly accepts a document without paths: OpenAPI 3.0 requires them,
// but a file of shared components (models only) is common and 3.1 makes
// paths optional. It is read as a document with no operations, and its
// component schemas generate as every document's do.
func (d *Doc) modelsOnly() {
	if d.T.Paths == nil {
		d.T.Paths = openapi3.NewPaths()
	}
}
