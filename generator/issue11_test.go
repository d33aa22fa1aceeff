package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// vendorSpec is the spec of testdata/warnings/vendor_imperfections.txtar.
func vendorSpec(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "warnings", "vendor_imperfections.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	spec, ok := parseArchive(data).file("spec.yaml")
	if !ok {
		t.Fatal("no spec.yaml")
	}
	return spec
}

// vendorProblems are the five imperfections of vendorSpec, by position.
var vendorProblems = []string{
	"spec.yaml:10:48: default does not match its schema",
	"spec.yaml:19:19: pattern \"^(?!admin)[a-z]+$\" is not valid in Go's RE2 syntax",
	"spec.yaml:22:19: const is an OpenAPI 3.1 keyword",
	"spec.yaml:26:19: example does not match its schema",
	"spec.yaml:28:9: a response without description",
}

// TestIssue11VendorWarnings: the imperfections of vendor specs are
// positioned warnings, all at once, and the package generates; the broken
// default is not applied and the unchecked pattern is documented.
func TestIssue11VendorWarnings(t *testing.T) {
	files, warnings, err := generator.Generate(vendorSpec(t), "spec.yaml", generator.Options{Package: "vendor"})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != len(vendorProblems) {
		t.Fatalf("%d warnings, want %d: %v", len(warnings), len(vendorProblems), warnings)
	}
	for i, w := range warnings {
		pos, msg, _ := strings.Cut(vendorProblems[i], ": ")
		if want := pos + ": warning: " + msg; !strings.HasPrefix(w.Error(), want) {
			t.Errorf("warning %d = %q, want %q...", i, w.Error(), want)
		}
	}
	for _, f := range files {
		if strings.Contains(string(f.Bytes), ") ApplyDefaults()") {
			t.Errorf("the broken default is applied in %s:\n%s", f.Name, f.Bytes)
		}
	}
	if m := fileNamed(t, files, "models.go"); !strings.Contains(m, `pattern "^(?!admin)[a-z]+$" is not checked`) {
		t.Errorf("the unchecked pattern is not documented:\n%s", m)
	}
}

// TestIssue11Strict: with Strict every warning is an error, and nothing is
// generated.
func TestIssue11Strict(t *testing.T) {
	files, warnings, err := generator.Generate(vendorSpec(t), "spec.yaml", generator.Options{Package: "vendor", Strict: true})
	if err == nil || files != nil || warnings != nil {
		t.Fatalf("strict: files %d, warnings %v, err %v", len(files), warnings, err)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(vendorProblems) {
		t.Fatalf("%d errors, want %d:\n%s", len(lines), len(vendorProblems), err)
	}
	for i, line := range lines {
		if !strings.HasPrefix(line, vendorProblems[i]) {
			t.Errorf("error %d = %q, want %q...", i, line, vendorProblems[i])
		}
	}
}

// TestIssue11LoadProblemsDoNotHideUnsupported: a document kin-openapi
// refuses (a misspelt type) is still built, so its unsupported constructs
// are reported in the same run, every problem at once.
func TestIssue11LoadProblemsDoNotHideUnsupported(t *testing.T) {
	spec := issueSpec("", `    Root:
      type: object
      properties:
        a: {type: strin}
        b: {oneOf: [{type: integer, nullable: true}, {type: number, nullable: true}]}
        c: {type: string, not: {type: integer}}
`)
	_, _, err := generator.Generate([]byte(spec), "spec.yaml", generator.Options{Package: "issue"})
	if err == nil {
		t.Fatal("generated")
	}
	for _, want := range []string{
		`spec.yaml:18:13: invalid type "strin"`,
		"spec.yaml:19:9: unsupported: 2 nullable variants of oneOf",
		"spec.yaml:20:27: unsupported: not",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("diagnostics lack %q:\n%s", want, err)
		}
	}
}
