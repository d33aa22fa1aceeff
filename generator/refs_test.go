package generator_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// countingFS counts the opens of each file.
type countingFS struct {
	fs.FS
	mu    sync.Mutex
	opens map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opens[name]++
	c.mu.Unlock()
	return c.FS.Open(name)
}

// TestRefsReadEachFileOnce: schemas/models.yaml is reached from the spec,
// from the path item and from errors.yaml, and read once; nothing outside
// the archive's inputs is opened.
func TestRefsReadEachFileOnce(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "refs_multi_file.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	a := parseArchive(data)
	spec, _ := a.file("spec.yaml")
	files := &countingFS{FS: a.inputs(), opens: map[string]int{}}
	if _, _, err := generator.Generate(spec, "spec.yaml", generator.Options{Files: files}); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"paths/pet.yaml": 1, "schemas/models.yaml": 1, "schemas/tag.yaml": 1, "schemas/common/errors.yaml": 1}
	for name, n := range files.opens {
		if want[name] != n {
			t.Errorf("%s opened %d times", name, n)
		}
	}
	if len(files.opens) != len(want) {
		t.Errorf("opened %v, want %v", files.opens, want)
	}
}

// TestRefsWithoutFiles: with Options.Files nil, Generate reads nothing and
// an external $ref is a positioned error.
func TestRefsWithoutFiles(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "refs_multi_file.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	spec, _ := parseArchive(data).file("spec.yaml")
	_, _, err = generator.Generate(spec, "api/spec.yaml", generator.Options{})
	want := `api/spec.yaml:8:17: unsupported: external $ref "schemas/common/errors.yaml#/components/parameters/Limit" (no files to read it from: generator.Options.Files is nil)`
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}

// TestRefsNameFilesUnderTheSpecsDirectory: a referenced file is named in
// diagnostics as the spec's directory joined with its path.
func TestRefsNameFilesUnderTheSpecsDirectory(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "errors", "ref_missing_file.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	a := parseArchive(data)
	spec, _ := a.file("spec.yaml")
	_, _, err = generator.Generate(spec, filepath.Join("specs", "api.yaml"), generator.Options{Files: a.inputs()})
	want := filepath.Join("specs", "schemas", "thing.yaml") + `:5:13: unresolved $ref "./parts/missing.yaml#/Part": cannot read ` +
		filepath.Join("specs", "schemas", "parts", "missing.yaml") + ": file does not exist"
	if err == nil || strings.TrimSpace(err.Error()) != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
}
