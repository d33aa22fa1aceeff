package generator_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// TestDocumentsEndToEnd generates testdata/documents.txtar, a JSON spec
// over several files, into a throwaway module and runs
// testdata/e2e/documents_test.go there: the generated client against the
// generated server, over loopback.
func TestDocumentsEndToEnd(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "documents.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	a := parseArchive(data)
	spec, ok := a.file("spec.yaml")
	if !ok {
		t.Fatal("no spec.yaml")
	}
	files, _, err := generator.Generate(spec, "spec.yaml", generator.Options{Package: "documents", Files: a.inputs()})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module documents.test\n\ngo 1.26\n")
	for _, f := range files {
		write(t, filepath.Join(dir, "documents", f.Name), string(f.Bytes))
	}
	e2e, err := os.ReadFile(filepath.Join("testdata", "e2e", "documents_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "documents", "e2e_test.go"), string(e2e))
	goCmd(t, dir, "vet", "./...")
	goCmd(t, dir, "test", "-count=1", "./...")
}
