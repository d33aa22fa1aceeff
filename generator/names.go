package generator

import (
	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/config"
	"github.com/nexmogen/nexmogen/generator/diag"
	"github.com/nexmogen/nexmogen/generator/ir"
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

// applyTypes gives the component schemas the file names their Go types,
// as x-go-type in the spec would (and over it). A schema the spec does not
// have is an error at its place in the file.
func applyTypes(doc *load.Doc, types config.Types) error {
	var diags diag.List
	for _, o := range types.Schemas {
		var ref *openapi3.SchemaRef
		if doc.T.Components != nil {
			ref = doc.T.Components.Schemas[o.From.Value]
		}
		if ref == nil || ref.Value == nil {
			diags.Addf(o.From.Pos, "schema %q is not in components/schemas", o.From.Value)
			continue
		}
		if ref.Value.Extensions == nil {
			ref.Value.Extensions = map[string]any{}
		}
		ref.Value.Extensions["x-go-type"] = o.Type.String()
	}
	return diags.Err()
}

// formatTypes maps each format the file names to its Go type.
func formatTypes(types config.Types) map[string]*ir.GoType {
	if len(types.Formats) == 0 {
		return nil
	}
	out := make(map[string]*ir.GoType, len(types.Formats))
	for _, o := range types.Formats {
		out[o.From.Value] = o.Type
	}
	return out
}
