package generator

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/config"
	"github.com/nexmogen/nexmogen/generator/diag"
	"github.com/nexmogen/nexmogen/generator/load"
)

// applyNames gives the operations and component schemas the file names
// their Go names, as x-go-name in the spec would (and over it). A name the
// spec does not have is an error at its place in the file.
func applyNames(doc *load.Doc, names config.Names) error {
	var diags diag.List
	for _, r := range names.Operations {
		found := false
		if doc.T.Paths != nil {
			for _, item := range doc.T.Paths.Map() {
				for _, op := range item.Operations() {
					if op.OperationID == r.From.Value {
						op.Extensions = withGoName(op.Extensions, r.To.Value)
						found = true
					}
				}
			}
		}
		if !found {
			diags.Addf(r.From.Pos, "operationId %q is not in the spec", r.From.Value)
		}
	}
	for _, r := range names.Schemas {
		var ref *openapi3.SchemaRef
		if doc.T.Components != nil {
			ref = doc.T.Components.Schemas[r.From.Value]
		}
		if ref == nil || ref.Value == nil {
			diags.Addf(r.From.Pos, "schema %q is not in components/schemas", r.From.Value)
			continue
		}
		ref.Value.Extensions = withGoName(ref.Value.Extensions, r.To.Value)
	}
	return diags.Err()
}

// withGoName is ext with x-go-name set to name.
func withGoName(ext map[string]any, name string) map[string]any {
	if ext == nil {
		ext = map[string]any{}
	}
	ext["x-go-name"] = name
	return ext
}
