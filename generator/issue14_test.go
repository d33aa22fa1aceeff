package generator_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"unicode"

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
// (they became a struct silently, so a valid non-object value failed to
// decode) are an object with a positioned warning that says a non-object
// value is refused, an error with -strict; an allOf part that says type:
// object makes the schema an object without a warning. The generated
// server answers a string for it 400, the client a decode error
// (testdata/e2e/untyped_test.go).
func TestIssue14Item26PropertiesWithoutType(t *testing.T) {
	spec := issueSpec("", "    Root: {properties: {name: {type: string}}}\n")
	files, warnings, err := generator.Generate([]byte(spec), "spec.yaml", generator.Options{Package: "issue"})
	if err != nil {
		t.Fatal(err)
	}
	const want = "spec.yaml:15:5: warning: properties without type: object: generated as an object, so a value that is not an object (which JSON Schema would accept) is refused"
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0].Error(), want) {
		t.Errorf("warnings %v, want one: %s", warnings, want)
	}
	if m := fileNamed(t, files, "models.go"); !strings.Contains(m, "type Root struct") {
		t.Errorf("Root is no struct:\n%s", m)
	}
	_, _, err = generator.Generate([]byte(spec), "spec.yaml", generator.Options{Package: "issue", Strict: true})
	if err == nil || !strings.Contains(err.Error(), "spec.yaml:15:5: properties without type: object") {
		t.Errorf("-strict: %v", err)
	}
	spec = issueSpec("", "    Root: {allOf: [{$ref: '#/components/schemas/Base'}], properties: {x: {type: string}}}\n    Base: {type: object, properties: {id: {type: string}}}\n")
	if _, warnings, err := generator.Generate([]byte(spec), "spec.yaml", generator.Options{Package: "issue"}); err != nil || len(warnings) > 0 {
		t.Errorf("an allOf of a typed object: %v %v", warnings, err)
	}
	loopback(t, filepath.Join("warnings", "properties_without_type.txtar"), "untyped", "untyped_test.go")
}

// TestIssue14Item23TagNames: a property name a struct tag cannot carry
// (encoding/json would silently use the Go field name) is refused where it
// is written; "-" and names with JSON's punctuation still generate, and a
// name XML cannot carry (a space) is refused only when the document has
// XML bodies.
func TestIssue14Item23TagNames(t *testing.T) {
	for _, name := range []string{`foo\nbar`, `q\"uote`, `back\\slash`, `tab\there`, "a,b", "thumbs👍", `p \nfunc init() {}`} {
		spec := issueSpec("", "    Root:\n      type: object\n      properties:\n        \""+name+"\": {type: string}\n")
		wantDiagnostic(t, spec, "spec.yaml:18:9: unsupported: property name")
	}
	spec := issueSpec("", "    Root:\n      type: object\n      properties:\n        \"-\": {type: string}\n        \"a b\": {type: string}\n        \"x-y.z:@[]\": {type: string}\n")
	files, _, err := generator.Generate([]byte(spec), "spec.yaml", generator.Options{Package: "issue"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"`json:\"-,omitempty\"", "`json:\"a b,omitempty\"", "`json:\"x-y.z:@[],omitempty\""} {
		if m := fileNamed(t, files, "models.go"); !strings.Contains(m, want) {
			t.Errorf("models.go lacks %s:\n%s", want, m)
		}
	}
	xml := strings.Replace(spec, "            application/json:\n", "            application/xml:\n", 1)
	wantDiagnostic(t, xml, `spec.yaml:19:9: unsupported: property name "a b" cannot be an XML struct tag`)
}

// TestIssue14Item20GeneratedCodeCompiles: an enum with a repeated value
// generates a package that builds and vets (it gave "duplicate case" in
// enums.go, with exit 0), and uniqueItems on an array of objects or of
// arrays, which put a struct into a string field of validate.go, is now
// checked by the items' JSON encodings and builds. Both are golden cases
// and seeds of FuzzGenerate.
func TestIssue14Item20GeneratedCodeCompiles(t *testing.T) {
	_, files, warnings, err := generateCaseWarnings(t, filepath.Join("testdata", "warnings", "enum_repeated_value.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 2 {
		t.Errorf("warnings: %v", warnings)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module item20.test\n\ngo 1.26\n")
	for _, f := range files {
		write(t, filepath.Join(dir, "enums", f.Name), string(f.Bytes))
	}
	goCmd(t, dir, "vet", "./...")

	// uniqueItems over objects and arrays: checked by the items' JSON
	// encodings (a warning each), in a package that builds and vets.
	_, files, warnings, err = generateCaseWarnings(t, filepath.Join("testdata", "warnings", "unique_objects.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 2 {
		t.Errorf("uniqueItems warnings: %v", warnings)
	}
	dir = t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module item20u.test\n\ngo 1.26\n")
	for _, f := range files {
		write(t, filepath.Join(dir, "unique", f.Name), string(f.Bytes))
	}
	goCmd(t, dir, "vet", "./...")
}

// TestIssue14Item18TrojanSource: Unicode bidi controls in every text of a
// spec never reach the generated source (they were copied raw into
// comments: "Trojan Source"), and two operationIds that differ by a
// confusable character (a Cyrillic а) give two visibly different methods:
// every identifier of the output is ASCII.
func TestIssue14Item18TrojanSource(t *testing.T) {
	const rlo, lri, pdi = "\u202e", "\u2066", "\u2069"
	spec := strings.NewReplacer("BIDI", rlo+" } "+lri+"evil"+pdi).Replace(`openapi: 3.0.3
info: {title: "T BIDI", description: "D BIDI", version: "1"}
paths:
  /a:
    get:
      operationId: getAccount
      summary: "S BIDI"
      description: "O BIDI"
      parameters:
        - {name: q, in: query, description: "P BIDI", schema: {type: string, enum: ["v BIDI"], description: "E BIDI"}}
      responses:
        "200":
          description: "R BIDI"
          content:
            application/json:
              schema:
                type: object
                description: "M BIDI"
                properties:
                  p: {type: string, description: "F BIDI"}
  /b:
    get:
      operationId: getаccount
      responses:
        "204": {description: "R2 BIDI"}
`)
	files, _, err := generator.Generate([]byte(spec), "spec.yaml", generator.Options{Package: "trojan"})
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var methods []string
	for _, f := range files {
		if i := strings.IndexFunc(string(f.Bytes), func(r rune) bool {
			return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
		}); i >= 0 {
			line := 1 + strings.Count(string(f.Bytes[:i]), "\n")
			t.Errorf("%s:%d holds a bidi control", f.Name, line)
		}
		file, err := parser.ParseFile(fset, f.Name, f.Bytes, 0)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && strings.ContainsFunc(id.Name, func(r rune) bool { return r > unicode.MaxASCII }) {
				t.Errorf("%s: identifier %q is not ASCII", fset.Position(id.Pos()), id.Name)
			}
			if fn, ok := n.(*ast.FuncDecl); ok && fn.Recv != nil && strings.HasSuffix(fn.Name.Name, "ccount") {
				methods = append(methods, fn.Name.Name)
			}
			return true
		})
	}
	for _, want := range []string{"GetAccount", "GetU0430ccount"} {
		if !slices.Contains(methods, want) {
			t.Errorf("no method %s among %v", want, methods)
		}
	}
}

// TestIssue11RecursionXMLRoot: a recursive schema that is an XML body's
// root would hold its own root element under another name, which
// encoding/xml refuses to marshal ("name conflicts"): refused at the
// property, as any root struct nested under another element name is.
func TestIssue11RecursionXMLRoot(t *testing.T) {
	spec := strings.Replace(issueSpec("", "    Root:\n      type: object\n      properties:\n        parent: {$ref: '#/components/schemas/Root'}\n"),
		"            application/json:\n", "            application/xml:\n", 1)
	wantDiagnostic(t, spec, `spec.yaml:18:9: unsupported: property "parent" holds Root, which is also an XML body's root element <Root>`)
}

// TestIssue14Item03SecretsAtEveryDepth generates testdata/secrets.yaml, whose
// requests carry format: password values in a query and a header
// parameter, in nested objects, in arrays of objects and in an array body,
// and runs testdata/e2e/secrets_test.go against a server that echoes them
// all in its error: none may show in what the client returns.
func TestIssue14Item03SecretsAtEveryDepth(t *testing.T) {
	spec, err := os.ReadFile(filepath.Join("testdata", "secrets.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := generator.Generate(spec, "secrets.yaml", generator.Options{Package: "vault", Generate: "client"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module vault.test\n\ngo 1.26\n")
	for _, f := range files {
		write(t, filepath.Join(dir, "vault", f.Name), string(f.Bytes))
	}
	test, err := os.ReadFile(filepath.Join("testdata", "e2e", "secrets_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "vault", "e2e_test.go"), string(test))
	goCmd(t, dir, "vet", "./...")
	goCmd(t, dir, "test", "-count=1", "./...")
}
