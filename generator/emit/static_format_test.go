package emit

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
		_, rest, _ := strings.Cut(string(data), "-- spec.yaml --\n")
		specText, _, _ := strings.Cut(rest, "\n-- ")
		apis = append(apis, buildSpec(t, []byte(specText), path))
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
	doc, err := load.Load(data, file)
	if err != nil {
		t.Fatal(err)
	}
	api, err := build.Build(doc, build.Options{Package: "x", Reserved: templates.Names()})
	if err != nil {
		t.Fatal(err)
	}
	return api
}
