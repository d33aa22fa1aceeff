package load

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/nexmogen/nexmogen/generator/diag"
	"github.com/nexmogen/nexmogen/generator/ir"
)

// version refuses a document that is not OpenAPI 3.0.x or 3.1.x: Swagger
// 2.0 and later versions differ in meaning, so reading them as 3.0 would
// generate wrong code (3.1 is read with its own meaning, see v31.go). A
// document with neither key is left to kin-openapi's message.
func (d *Doc) version() error {
	root := d.Root
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "openapi":
			if !isVersion(v.Value, "3.0") && !isVersion(v.Value, "3.1") {
				return &diag.Diagnostic{Pos: ir.Pos{File: d.File, Line: v.Line, Col: v.Column},
					Msg: fmt.Sprintf("unsupported: OpenAPI %q (3.0.x and 3.1.x are supported)", v.Value)}
			}
			return nil
		case "swagger":
			return &diag.Diagnostic{Pos: ir.Pos{File: d.File, Line: k.Line, Col: k.Column},
				Msg: fmt.Sprintf("unsupported: Swagger %q (OpenAPI 3.0.x is supported: convert the document first)", v.Value)}
		}
	}
	return nil
}

// isVersion reports whether v is minor ("3.1") or one of its patches.
func isVersion(v, minor string) bool { return v == minor || strings.HasPrefix(v, minor+".") }
