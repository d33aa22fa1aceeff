package generator_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// TestSupportedSubsetEndToEnd generates the supported-subset golden spec
// into a throwaway module and runs testdata/e2e/subset_test.go there: the
// generated client against the generated server, over loopback, for every
// construct the README's supported-subset table lists as supported.
func TestSupportedSubsetEndToEnd(t *testing.T) {
	archive, err := os.ReadFile(filepath.Join("testdata", "supported_subset.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	spec, ok := parseArchive(archive).file("spec.yaml")
	if !ok {
		t.Fatal("no spec.yaml")
	}
	files, _, err := generator.Generate(spec, "spec.yaml", generator.Options{Package: "subset"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module subset.test\n\ngo 1.26\n")
	for _, f := range files {
		write(t, filepath.Join(dir, "subset", f.Name), string(f.Bytes))
	}
	e2e, err := os.ReadFile(filepath.Join("testdata", "e2e", "subset_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "subset", "e2e_test.go"), string(e2e))
	goCmd(t, dir, "vet", "./...")
	goCmd(t, dir, "test", "-count=1", "./...")
}
