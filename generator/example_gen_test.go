package generator_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/generator/emit"
	"github.com/nexmogen/nexmogen/spec"
)

// TestGeneratedExamplesRun runs the generated Example of the Nexmo spec
// and of every golden case (go test, against the example's httptest
// server on loopback; an Example without an Output comment, for a spec
// without example answers, is compiled only), fails when a package with
// client operations has none, and checks that each package comment lists
// every operation of the client.
func TestGeneratedExamplesRun(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module golden.test\n\ngo 1.25\n")
	cases := map[string][]generator.File{}
	nexmo, _, err := generator.Generate(spec.YAML, spec.Path, generator.Options{Package: "nexmo"})
	if err != nil {
		t.Fatal(err)
	}
	cases["nexmo"] = nexmo
	for _, path := range goldenCases(t) {
		if _, files, err := generateCase(t, path); err == nil {
			cases[strings.TrimSuffix(filepath.Base(path), ".txtar")] = files
		}
	}
	var with, without []string
	for name, files := range cases {
		checkOperationsDoc(t, name, files)
		i := slices.IndexFunc(files, func(f generator.File) bool { return f.Name == emit.ExampleFile })
		if i < 0 {
			if hasClientMethods(files) {
				t.Errorf("%s: a package with client operations has no Example", name)
			}
			without = append(without, name)
			continue
		}
		with = append(with, name)
		for _, f := range files {
			write(t, filepath.Join(dir, name, f.Name), string(f.Bytes))
		}
	}
	if !slices.Contains(with, "nexmo") {
		t.Fatal("the Nexmo package has no Example")
	}
	slices.Sort(without)
	t.Logf("with an Example: %d packages; without (no operation): %v", len(with), without)
	goCmd(t, dir, "test", "-count=1", "-run", "^Example$", "./...")
}

// checkOperationsDoc fails unless doc.go lists every client method.
func checkOperationsDoc(t *testing.T, name string, files []generator.File) {
	t.Helper()
	var doc, ops string
	for _, f := range files {
		switch f.Name {
		case "doc.go":
			doc = string(f.Bytes)
		case "client_operations.go":
			ops = string(f.Bytes)
		}
	}
	methods := 0
	for _, line := range strings.Split(ops, "\n") {
		rest, ok := strings.CutPrefix(line, "func (c *Client) ")
		if !ok {
			continue
		}
		methods++
		method, _, _ := strings.Cut(rest, "(")
		if !strings.Contains(doc, "//   - "+method+": ") {
			t.Errorf("%s: the package comment does not list %s", name, method)
		}
	}
	if methods > 0 && !strings.Contains(doc, "// # Operations") {
		t.Errorf("%s: the package comment has no Operations section", name)
	}
}

// hasClientMethods reports whether the package declares a method of *Client
// in client_operations.go.
func hasClientMethods(files []generator.File) bool {
	for _, f := range files {
		if f.Name == "client_operations.go" && strings.Contains(string(f.Bytes), "\nfunc (c *Client) ") {
			return true
		}
	}
	return false
}
