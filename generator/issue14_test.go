package generator_test

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// issueSpec is a one-operation document whose response body is schema
// Root, with the given components (indented under components.schemas) and
// operation parameters.
func issueSpec(params, schemas string) string {
	return `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    get:
      operationId: getA
` + params + `      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Root'}
components:
  schemas:
` + schemas
}

// wantDiagnostic generates spec and wants an error whose every line is
// positioned in spec.yaml and one of which holds want.
func wantDiagnostic(t *testing.T, spec, want string) {
	t.Helper()
	_, _, err := generator.Generate([]byte(spec), "spec.yaml", generator.Options{Package: "issue"})
	if err == nil {
		t.Fatalf("generated; want a diagnostic holding %q", want)
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if !strings.HasPrefix(line, "spec.yaml:") || strings.HasPrefix(line, "spec.yaml:1:1:") {
			t.Errorf("diagnostic not positioned: %q", line)
		}
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("diagnostics lack %q:\n%s", want, err)
	}
}

// TestIssue14Item17AllOfCycle: allOf cycles (mutual, self, three schemas,
// reached through a parameter) and required-property cycles are positioned
// errors, not a stack overflow. The stack is capped so that a regression
// fails in a second rather than after a gigabyte.
func TestIssue14Item17AllOfCycle(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(64 << 20))
	root := "    Root: {type: object, properties: {a: {$ref: '#/components/schemas/A'}}}\n"
	cases := map[string]struct{ params, schemas, want string }{
		"mutual": {"", root + "    A: {allOf: [{$ref: '#/components/schemas/B'}]}\n    B: {allOf: [{$ref: '#/components/schemas/A'}]}\n",
			`schema "A" holds itself ("A" → allOf "B" → allOf "A")`},
		"self": {"", root + "    A: {allOf: [{$ref: '#/components/schemas/A'}]}\n",
			`schema "A" holds itself ("A" → allOf "A")`},
		"three": {"", root + "    A: {allOf: [{$ref: '#/components/schemas/B'}]}\n    B: {allOf: [{$ref: '#/components/schemas/C'}]}\n    C: {allOf: [{$ref: '#/components/schemas/A'}]}\n",
			`("A" → allOf "B" → allOf "C" → allOf "A")`},
		"with properties": {"", root + "    A: {type: object, properties: {x: {type: string}}, allOf: [{$ref: '#/components/schemas/B'}]}\n    B: {type: object, allOf: [{$ref: '#/components/schemas/A'}]}\n",
			`schema "A" holds itself`},
		"parameter": {"      parameters:\n        - {name: p, in: query, schema: {allOf: [{$ref: '#/components/schemas/P'}]}}\n",
			"    Root: {type: object}\n    P: {allOf: [{$ref: '#/components/schemas/Q'}]}\n    Q: {allOf: [{$ref: '#/components/schemas/P'}]}\n",
			`schema "P" holds itself ("P" → allOf "Q" → allOf "P")`},
		"required property": {"", root + "    A: {type: object, required: [b], properties: {b: {$ref: '#/components/schemas/B'}}}\n    B: {type: object, required: [a], properties: {a: {$ref: '#/components/schemas/A'}}}\n",
			`schema "A" holds itself ("A" → property "b" "B" → property "a" "A")`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { wantDiagnostic(t, issueSpec(c.params, c.schemas), c.want) })
	}
}

// TestIssue11Recursion: schemas that refer to themselves or each other
// through optional properties and array items generate (a pointer or a
// slice breaks the cycle), and the output compiles (recursion.txtar is the
// golden case; TestGoldenCompiles builds it).
func TestIssue11Recursion(t *testing.T) {
	spec := issueSpec("", `    Root:
      type: object
      required: [name]
      properties:
        name: {type: string}
        parent: {$ref: '#/components/schemas/Root'}
        children: {type: array, items: {$ref: '#/components/schemas/Root'}}
        other: {$ref: '#/components/schemas/Other'}
    Other:
      type: object
      properties:
        back: {$ref: '#/components/schemas/Root'}
`)
	files, _, err := generator.Generate([]byte(spec), "spec.yaml", generator.Options{Package: "issue"})
	if err != nil {
		t.Fatal(err)
	}
	models := fileNamed(t, files, "models.go")
	for _, want := range []string{"Parent *Root `", "Children []Root `", "Other *Other `", "Back *Root `"} {
		if !strings.Contains(models, want) {
			t.Errorf("models.go lacks %q:\n%s", want, models)
		}
	}
}

func fileNamed(t *testing.T, files []generator.File, name string) string {
	t.Helper()
	for _, f := range files {
		if f.Name == name {
			return string(f.Bytes)
		}
	}
	t.Fatalf("no %s generated", name)
	return ""
}

// TestIssue14Item19RefIntoProperties: a $ref into a component's properties
// is the property's schema (it was a false "is not defined" at 1:1); an
// inline object reached both ways is one type (ref_into_properties.txtar).
func TestIssue14Item19RefIntoProperties(t *testing.T) {
	spec := issueSpec(`      parameters:
        - {name: id, in: query, schema: {$ref: '#/components/schemas/Root/properties/id'}}
`, `    Root:
      type: object
      properties:
        id: {type: string, pattern: '^[a-z]+$'}
        owner: {type: object, properties: {name: {type: string}}}
        again: {$ref: '#/components/schemas/Root/properties/owner'}
`)
	files, _, err := generator.Generate([]byte(spec), "spec.yaml", generator.Options{Package: "issue"})
	if err != nil {
		t.Fatal(err)
	}
	models := fileNamed(t, files, "models.go")
	for _, want := range []string{"Owner *RootOwner `", "Again *RootOwner `", "\tID string\n"} {
		if !strings.Contains(models, want) {
			t.Errorf("models.go lacks %q:\n%s", want, models)
		}
	}
	if v := fileNamed(t, files, "validate.go"); !strings.Contains(v, `Rule: "pattern"`) {
		t.Errorf("the parameter's pattern (from Root's id) is not checked:\n%s", v)
	}
}

// TestIssue14Item26PropertiesWithoutType: properties without type: object
// are refused where they are written (they became a struct, so a valid
// non-object value failed to decode); an allOf part that says type:
// object makes the schema an object.
func TestIssue14Item26PropertiesWithoutType(t *testing.T) {
	wantDiagnostic(t, issueSpec("", "    Root: {properties: {name: {type: string}}}\n"),
		"spec.yaml:15:5: unsupported: properties without type: object")
	spec := issueSpec("", "    Root: {allOf: [{$ref: '#/components/schemas/Base'}], properties: {x: {type: string}}}\n    Base: {type: object, properties: {id: {type: string}}}\n")
	if _, _, err := generator.Generate([]byte(spec), "spec.yaml", generator.Options{Package: "issue"}); err != nil {
		t.Errorf("an allOf of a typed object: %v", err)
	}
}
