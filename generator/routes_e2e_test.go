package generator_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// TestRoutesEndToEnd runs testdata/e2e/routes_test.go against the code of
// routes.txtar: the generated client against the generated server through
// overlapping templates (literal segments first) and segments that mix
// parameters with literal text ({Sid}.json, {name}.{ext}).
func TestRoutesEndToEnd(t *testing.T) {
	loopback(t, "routes.txtar", "routes", "routes_test.go")
}

// TestFragmentPathsClientOnly: paths told apart only by a URL fragment,
// an error when a server is generated (errors/fragment_paths.txtar), make
// a client with -generate client that calls each operation without the
// fragment (testdata/e2e/fragments_test.go, against a plain handler).
func TestFragmentPathsClientOnly(t *testing.T) {
	spec, ok := parseArchive(readFile(t, filepath.Join("testdata", "errors", "fragment_paths.txtar"))).file("spec.yaml")
	if !ok {
		t.Fatal("no spec.yaml")
	}
	_, _, err := generator.Generate(spec, "spec.yaml", generator.Options{Package: "fragments"})
	if err == nil || !strings.Contains(err.Error(), "spec.yaml:13:5: GET /files/{file_id}#get_shared_link: the same path as GET /files/{file_id}") {
		t.Fatalf("with a server: %v, want the fragment's operation refused at its position", err)
	}
	files, _, err := generator.Generate(spec, "spec.yaml", generator.Options{Package: "fragments", Generate: "client"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module fragments.test\n\ngo 1.26\n")
	for _, f := range files {
		write(t, filepath.Join(dir, "fragments", f.Name), string(f.Bytes))
	}
	write(t, filepath.Join(dir, "fragments", "e2e_test.go"), string(readFile(t, filepath.Join("testdata", "e2e", "fragments_test.go"))))
	goCmd(t, dir, "vet", "./...")
	goCmd(t, dir, "test", "-count=1", "./...")
}
