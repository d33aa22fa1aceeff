package emit

import (
	"bytes"
	"go/format"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/nexmogen/nexmogen/generator/build"
	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/load"
	"github.com/nexmogen/nexmogen/spec"
	"github.com/nexmogen/nexmogen/templates"
)

// TestStaticFilesAreFormatted: the runtime files are copied with their
// package clause rewritten and not formatted again, so every copy must be
// gofmt-clean, whatever the spec. It is held here for the Nexmo spec,
// every golden spec, and an empty API.
func TestStaticFilesAreFormatted(t *testing.T) {
	apis := []*ir.API{{Package: "empty"}, buildSpec(t, spec.YAML, spec.Path)}
	golden, err := filepath.Glob(filepath.Join("..", "testdata", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range golden {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files := archiveFiles(string(data))
		apis = append(apis, buildSpecFiles(t, files["spec.yaml"].Data, path, files))
	}
	for _, api := range apis {
		files, err := Static(api)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			formatted, err := format.Source(f.Bytes)
			if err != nil {
				t.Fatalf("%s for %s does not parse: %v", f.Name, api.Title, err)
			}
			if !bytes.Equal(formatted, f.Bytes) {
				t.Errorf("%s rendered for %q is not gofmt-clean: fix templates.Copy", f.Name, api.Title)
			}
		}
	}
}

// buildSpec loads and builds a spec for the test.
func buildSpec(t *testing.T, data []byte, file string) *ir.API {
	t.Helper()
	return buildSpecFiles(t, data, file, nil)
}

// buildSpecFiles loads, with the files its $refs read, and builds a spec.
func buildSpecFiles(t *testing.T, data []byte, file string, files fs.FS) *ir.API {
	t.Helper()
	doc, err := load.LoadFiles(data, file, files)
	if err != nil {
		t.Fatal(err)
	}
	api, err := build.Build(doc, build.Options{Package: "x", Reserved: templates.Names()})
	if err != nil {
		t.Fatal(err)
	}
	return api
}

// archiveFiles are the sections of a txtar archive ("-- name --" lines), as
// the files a spec's $refs read.
func archiveFiles(archive string) fstest.MapFS {
	files := fstest.MapFS{}
	var name string
	for _, line := range strings.SplitAfter(archive, "\n") {
		if n, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "-- "); ok && strings.HasSuffix(n, " --") {
			name = strings.TrimSuffix(n, " --")
			files[name] = &fstest.MapFile{}
			continue
		}
		if name != "" {
			files[name].Data = append(files[name].Data, line...)
		}
	}
	return files
}
