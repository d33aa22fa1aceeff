package generator_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// TestOpenAPI31Twin: an OpenAPI 3.1 document and its 3.0 twin generate the
// same Go package, byte for byte (testdata/openapi31_twin.txtar).
func TestOpenAPI31Twin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "openapi31_twin.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	a := parseArchive(data)
	v31, _ := a.file("spec.yaml")
	v30, _ := a.file("twin30.yaml")
	got, gotWarnings, err := generator.Generate(v31, "spec.yaml", generator.Options{Package: "twins"})
	if err != nil {
		t.Fatal(err)
	}
	want, wantWarnings, err := generator.Generate(v30, "twin30.yaml", generator.Options{Package: "twins"})
	if err != nil {
		t.Fatal(err)
	}
	if len(gotWarnings) != len(wantWarnings) {
		t.Errorf("3.1 warns %v, 3.0 %v", gotWarnings, wantWarnings)
	}
	if len(got) != len(want) {
		t.Fatalf("3.1 makes %d files, 3.0 %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Name != want[i].Name {
			t.Fatalf("file %d: %s, want %s", i, got[i].Name, want[i].Name)
		}
		if string(got[i].Bytes) != string(want[i].Bytes) {
			t.Errorf("%s differs between 3.1 and 3.0:\n%s", want[i].Name, firstDifference(string(want[i].Bytes), string(got[i].Bytes)))
		}
	}
}
