package generator_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// allOfVariants is vonage-voice's createCall body, reduced: a oneOf of two
// schemas that each extend Base with a part that only requires a name and
// a typeless part that declares it.
const allOfVariants = `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /calls:
    delete:
      operationId: deleteCall
      responses:
        "204": {description: gone}
        "404":
          description: not found
          content:
            application/problem+json:
              schema: {type: object, properties: {title: {type: string}}}
    post:
      operationId: createCall
      requestBody:
        required: true
        content:
          application/json:
            schema:
              oneOf:
                - $ref: "#/components/schemas/WithNcco"
                - $ref: "#/components/schemas/WithURL"
      responses:
        "204": {description: ok}
components:
  schemas:
    WithNcco:
      allOf:
        - title: With NCCO
          required: [ncco]
        - properties:
            ncco: {type: array, items: {type: object}}
        - $ref: "#/components/schemas/Base"
    WithURL:
      allOf:
        - title: With URL
          required: [answer_url]
        - properties:
            answer_url: {type: array, items: {type: string}}
        - $ref: "#/components/schemas/Base"
    Base:
      type: object
      required: [to]
      properties:
        to: {type: string}
`

// TestModelAllOfRequiredPart: a part that only requires names merges
// into the object like the others; the variants were once both Base,
// their own properties and required names silently dropped.
func TestModelAllOfRequiredPart(t *testing.T) {
	api, _, err := generator.Model([]byte(allOfVariants), "v.yaml", generator.Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"WithNcco": "ncco", "WithURL": "answer_url"}
	for _, s := range api.Structs {
		prop, ok := want[s.GoName]
		if !ok {
			continue
		}
		delete(want, s.GoName)
		required := map[string]bool{}
		for _, f := range s.Fields {
			required[f.Name] = f.Required
		}
		if !required[prop] || !required["to"] {
			t.Errorf("%s: required %v, want %s and to", s.GoName, required, prop)
		}
	}
	if len(want) > 0 {
		t.Errorf("no struct for %v", want)
	}
	for _, s := range api.Structs {
		if s.Union != nil && len(s.Fields) == 2 && (s.Fields[0].Type.Name != "WithNcco" || s.Fields[1].Type.Name != "WithURL") {
			t.Errorf("union %s: variants %s, %s", s.GoName, s.Fields[0].Type.Name, s.Fields[1].Type.Name)
		}
	}
}

// TestModelAllOfObjectBesideScalar: properties in a typeless part beside
// a string part have no Go shape: refused with the part's position, not
// dropped.
func TestModelAllOfObjectBesideScalar(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Mixed:
      allOf:
        - type: string
        - properties:
            a: {type: string}
`
	_, _, err := generator.Model([]byte(spec), "m.yaml", generator.Options{})
	if err == nil || !strings.Contains(err.Error(), "m.yaml:9:11: unsupported: allOf parts of different types") {
		t.Fatalf("err = %v", err)
	}
}

// TestAcceptWithoutSuccessBody: an operation whose success has no body
// asks for its error bodies' media type, not the client's default JSON
// (which a server answering only application/problem+json refuses).
func TestAcceptWithoutSuccessBody(t *testing.T) {
	files, _, err := generator.Generate([]byte(allOfVariants), "v.yaml", generator.Options{Package: "p", Generate: "client"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Name != "client_operations.go" {
			continue
		}
		src := string(f.Bytes)
		i := strings.Index(src, "func (c *Client) DeleteCall(")
		j := strings.Index(src[i:], "\n}\n")
		if i < 0 || j < 0 || !regexp.MustCompile(`accept:\s+"application/problem\+json"`).MatchString(src[i:i+j]) {
			t.Errorf("DeleteCall does not ask for application/problem+json:\n%s", src[max(i, 0):max(i, 0)+max(j, 0)])
		}
		return
	}
	t.Fatal("no client_operations.go")
}

// TestModelExampleBreakingSchema: an example that breaks its schema (a
// warning) is not the package's runnable Example's answer; a named
// example that fits is.
func TestModelExampleBreakingSchema(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: string}}
              example: '[ "quoted" ]'
  /b:
    get:
      operationId: getB
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: string}}
              examples:
                a: {value: "not an array"}
                b: {value: ["x"]}
`
	api, warnings, err := generator.Model([]byte(spec), "e.yaml", generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) == 0 {
		t.Error("no warning of the broken examples")
	}
	got := map[string]string{}
	for _, op := range api.Operations {
		got[op.ID] = op.Success.Example
	}
	if got["getA"] != "" || got["getB"] != `["x"]` {
		t.Errorf("examples %q", got)
	}
}
