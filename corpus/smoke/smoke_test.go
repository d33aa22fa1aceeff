package smoke

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// TestLines reads the outcome lines out of go test -v output; the smoke
// test of whole generated packages, and the proof that it fails on a
// disagreement, are in corpus/corpus_test.go.
func TestLines(t *testing.T) {
	out := "=== RUN   TestSmoke\n    smoke_test.go:52: SMOKE GetPet ok \n    smoke_test.go:57: SMOKE ListPets FAIL the server received another Params: x\n--- FAIL: TestSmoke (0.00s)\n"
	want := []string{"GetPet ok", "ListPets FAIL the server received another Params: x"}
	if got := Lines(out); !slices.Equal(got, want) {
		t.Errorf("Lines = %q, want %q", got, want)
	}
}

// TestSample: the strings the filler writes for patterns match them, and
// within the lengths asked for.
func TestSample(t *testing.T) {
	for _, c := range []struct {
		pattern        string
		minLen, maxLen int
	}{
		{`^AC[0-9a-fA-F]{32}$`, -1, -1},
		{`\d{7,15}`, -1, -1},
		{`payTo|upi_collect`, -1, -1},
		{`^[A-Z]{3}$`, 3, 3},
		{`^(\+|00)?[1-9][0-9]+$`, 8, 20},
		{`^[a-z]+(-[a-z]+)*$`, 10, -1},
		{`^[0-9-+\(\)\s]*$`, -1, -1}, // vonage-number-insight's required number: "" would be absent
	} {
		s, ok := stringFor("", []string{c.pattern}, c.minLen, c.maxLen)
		if !ok || s == "" || !regexp.MustCompile(c.pattern).MatchString(s) || c.minLen >= 0 && len(s) < c.minLen || c.maxLen >= 0 && len(s) > c.maxLen {
			t.Errorf("stringFor(%q, %d, %d) = %q, %v", c.pattern, c.minLen, c.maxLen, s, ok)
		}
	}
	// nexmo's newSecret: an allOf of patterns, each met by the string.
	secret := []string{"^[A-Za-z0-9]{8,25}$", "[0-9]", "[a-z]", "[A-Z]"}
	if s, ok := stringFor("password", secret, 8, 25); !ok || !allMatch(secret, s) || len(s) < 8 || len(s) > 25 {
		t.Errorf("newSecret: %q, %v", s, ok)
	}
	if s, ok := stringFor("", nil, -1, 3); !ok || s != "smo" {
		t.Errorf("maxLength 3: %q, %v", s, ok)
	}
	if s, ok := stringFor("", nil, 8, -1); !ok || s != "smokexxx" {
		t.Errorf("minLength 8: %q, %v", s, ok)
	}
	if s, ok := stringFor("uuid", nil, -1, -1); !ok || s != formatValues["uuid"] {
		t.Errorf("uuid: %q, %v", s, ok)
	}
	if _, ok := stringFor("uuid", nil, -1, 10); ok {
		t.Error("a uuid within 10 characters was found")
	}
}

func allMatch(patterns []string, s string) bool {
	for _, p := range patterns {
		if !regexp.MustCompile(p).MatchString(s) {
			return false
		}
	}
	return true
}

// TestNumberFor: 1 moved into the bounds and onto the step.
func TestNumberFor(t *testing.T) {
	inf := math.Inf(1)
	for _, c := range []struct {
		lo, hi     float64
		loEx, hiEx bool
		step, want float64
		ok         bool
	}{
		{60, 86400, false, false, 0, 60, true},
		{1, inf, true, false, 0, 2, true},
		{-inf, 0, false, true, 0, -1, true},
		{-inf, 0.5, false, false, 0, 0, true},
		{10, inf, false, false, 3, 12, true},
		{0.1, 0.2, false, false, 0, 0.15000000000000002, true},
		{5, 3, false, false, 0, 0, false},
	} {
		got, ok := numberFor(c.lo, c.hi, c.loEx, c.hiEx, c.step)
		if got != c.want && c.ok || ok != c.ok {
			t.Errorf("numberFor(%v, %v, %v, %v, %v) = %v, %v; want %v, %v", c.lo, c.hi, c.loEx, c.hiEx, c.step, got, ok, c.want, c.ok)
		}
	}
}

// endless is a document whose Node has no finite valid value: a required
// array of at least one Node. The filler used to recurse into it without
// end (its depth stop let a required array of minItems through).
const endless = `openapi: 3.0.3
info: {title: endless, version: "1"}
paths:
  /nodes:
    post:
      operationId: postNode
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Node'}
      responses:
        "204": {description: stored}
    get:
      operationId: getNode
      responses:
        "200":
          description: a node
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Node'}
components:
  schemas:
    Node:
      type: object
      required: [name, children]
      properties:
        name: {type: string}
        children:
          type: array
          minItems: 1
          items: {$ref: '#/components/schemas/Node'}
`

// TestFillerStop: the smoke test of a type whose every valid value is
// infinite ends (the filler's hard stop), and both operations are skips
// that say why: the client refuses the request the filler cut short, and
// the answer's line names the depth stop.
func TestFillerStop(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	files, _, err := generator.Generate([]byte(endless), "endless.yaml", generator.Options{Package: "endless", NoExamples: true})
	if err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(dir, "endless")
	for _, f := range files {
		p := filepath.Join(pkg, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Bytes, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	spec := filepath.Join(dir, "endless.yaml")
	if err := os.WriteFile(spec, []byte(endless), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module endless.test\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteSpec(pkg, spec); err != nil {
		t.Fatal(err)
	}
	// The go command's own timeout: a filler without its stop would
	// run until it, and fail the test.
	cmd := exec.Command("go", "test", "-count=1", "-v", "-timeout", "120s", "-run", "^TestSmoke$", "./endless")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the smoke test failed: %v\n%s", err, out)
	}
	lines := Lines(string(out))
	if len(lines) != 2 {
		t.Fatalf("want 2 outcome lines, got %q\n%s", lines, out)
	}
	for _, want := range []struct{ op, detail string }{
		{"GetNode skip", "the answer: the filler stopped at its depth stop in a endless.Node"},
		{"PostNode skip", "the client refused the minimal values"},
	} {
		if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, want.op) && strings.Contains(l, want.detail) }) {
			t.Errorf("no line %q ... %q among %q", want.op, want.detail, lines)
		}
	}
}
