package generator_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// jsonOnlySpec has no XML body anywhere, but models with numbers (which
// an XML API writes through MarshalXML as plain decimals), a secret and
// a security scheme (whose credentials are the runtime's Secret).
const jsonOnlySpec = `openapi: 3.0.3
info: {title: JSON only, version: "1"}
security: [{key: []}]
paths:
  /prices/{id}:
    put:
      operationId: putPrice
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Price'}
      responses:
        "200":
          description: the price
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Price'}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
  schemas:
    Price:
      type: object
      required: [amount]
      properties:
        amount: {type: number}
        rates: {type: array, items: {type: number}}
        token: {type: string, format: password}
`

// TestJSONOnlyDropsXML: a package whose bodies are all JSON carries no
// XML for its models: no xml struct tag, no XMLName, no MarshalXML of
// decimals and so no xml_numbers.go, no Secret.MarshalXML (secret_xml.go);
// its models.go and secret.go import no encoding/xml. Declaring no
// Content-Encoding parameter, it has no server_coding.go. It builds and vets.
// The same spec with an XML response keeps all of them.
func TestJSONOnlyDropsXML(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module jsononly.test\n\ngo 1.26\n")
	files, _, err := generator.Generate([]byte(jsonOnlySpec), "spec.yaml", generator.Options{Package: "jsononly"})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range files {
		names[f.Name] = true
		write(t, filepath.Join(dir, "jsononly", f.Name), string(f.Bytes))
		src := string(f.Bytes)
		if f.Name == "models.go" || f.Name == "wire.go" {
			for _, bad := range []string{`xml:"`, "XMLName", "MarshalXML"} {
				if strings.Contains(src, bad) {
					t.Errorf("%s of a JSON-only API holds %s", f.Name, bad)
				}
			}
		}
		if f.Name == "models.go" || f.Name == "secret.go" || f.Name == "wire.go" {
			if imports(t, f.Name, f.Bytes, "encoding/xml") {
				t.Errorf("%s of a JSON-only API imports encoding/xml", f.Name)
			}
		}
	}
	for _, want := range []string{"models.go", "secret.go", "wire.go"} {
		if !names[want] {
			t.Errorf("%s not generated: the test no longer looks at it", want)
		}
	}
	for _, gone := range []string{"xml_numbers.go", "secret_xml.go", "server_coding.go"} {
		if names[gone] {
			t.Errorf("%s generated for a JSON-only API", gone)
		}
	}
	goCmd(t, dir, "vet", "./...")

	withXML := strings.Replace(jsonOnlySpec, "            application/json:\n              schema: {$ref: '#/components/schemas/Price'}\n",
		"            application/json:\n              schema: {$ref: '#/components/schemas/Price'}\n            application/xml:\n              schema: {$ref: '#/components/schemas/Price'}\n", 1)
	files, _, err = generator.Generate([]byte(withXML), "spec.yaml", generator.Options{Package: "withxml"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range files {
		got[f.Name] = string(f.Bytes)
	}
	for _, want := range []string{"xml_numbers.go", "secret_xml.go"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%s not generated for an API with an XML response", want)
		}
	}
	for _, want := range []string{`xml:"amount"`, "XMLName xml.Name", "MarshalXML"} {
		if !strings.Contains(got["models.go"], want) {
			t.Errorf("models.go of an API with an XML response lacks %s", want)
		}
	}
}

// imports reports whether the Go file src imports path.
func imports(t *testing.T, name string, src []byte, path string) bool {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	for _, im := range f.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == path {
			return true
		}
	}
	return false
}
