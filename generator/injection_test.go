package generator_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// evil is Go code a spec smuggles into its texts, hoping a generator
// prints it outside a comment or a string.
const evil = `\nfunc init() { panic(\"injected\") }\nvar _ = ` + "`"

// TestSpecTextNeverBecomesCode puts code, newlines, NUL and comment
// closers into every free text of a spec (title, descriptions, summaries,
// enum values; comment closers into a property name, since a property
// name holding code is refused, TestIssue14Item23TagNames): the output
// type-checks and declares no init function.
func TestSpecTextNeverBecomesCode(t *testing.T) {
	spec := strings.NewReplacer("EVIL", evil).Replace(`openapi: 3.0.3
info:
  title: "Title EVIL */ \u0000"
  description: "Description EVIL */"
  version: "1"
paths:
  /a:
    get:
      operationId: getA
      summary: "Summary EVIL"
      description: "Op EVIL \u0000"
      parameters:
        - name: "q"
          in: query
          description: "Param EVIL"
          schema: {type: string, enum: ["EVIL", "\u0000"]}
      responses:
        "200":
          description: "Response EVIL"
          content:
            application/json:
              schema:
                type: object
                description: "Schema EVIL"
                properties:
                  "p */ /*": {type: string, description: "Prop EVIL"}
`)
	files, _, err := generator.Generate([]byte(spec), "spec.yaml", generator.Options{Package: "evil"})
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, f := range files {
		file, err := parser.ParseFile(fset, f.Name, f.Bytes, parser.ParseComments)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "init" {
				t.Errorf("%s declares func init: spec text became code", f.Name)
			}
		}
		parsed = append(parsed, file)
	}
	for _, err := range typeErrors(fset, parsed) {
		t.Errorf("does not compile: %v", err)
	}
}
