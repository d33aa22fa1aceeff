package build

import (
	"reflect"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/load"
)

// buildDoc builds a document for a test, returning the API or the error.
func buildDoc(t *testing.T, doc string) (*ir.API, error) {
	t.Helper()
	d, err := load.Load([]byte(doc), "spec.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return Build(d, Options{Package: "x"})
}

const minimalDoc = `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      responses:
        "204": {description: none}
`

// TestErrorClasses: HTTP's meaning by default, a declared class replacing
// its default, and positioned refusals of unknown classes and statuses.
func TestErrorClasses(t *testing.T) {
	api, err := buildDoc(t, minimalDoc)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(api.ErrorClasses, defaultErrorClasses()) {
		t.Errorf("defaults: %+v", api.ErrorClasses)
	}
	api, err = buildDoc(t, minimalDoc+"x-nexmogen-error-classes:\n  refused: [\"420\"]\n  server: [\"5XX\", \"429\"]\n")
	if err != nil {
		t.Fatal(err)
	}
	want := defaultErrorClasses()
	want.Refused = []ir.StatusRange{{Lo: 420, Hi: 420}}
	want.Server = []ir.StatusRange{{Lo: 429, Hi: 429}, {Lo: 500, Hi: 599}}
	if !reflect.DeepEqual(api.ErrorClasses, want) {
		t.Errorf("declared: %+v, want %+v", api.ErrorClasses, want)
	}
	_, err = buildDoc(t, minimalDoc+"x-nexmogen-error-classes:\n  teapot: [\"418\"]\n  server: [\"600\", \"5X\"]\n")
	if err == nil {
		t.Fatal("bad classes accepted")
	}
	for _, w := range []string{`spec.yaml:9:1: x-nexmogen-error-classes: unknown class "teapot"`, `"600" is not a status`, `"5X" is not a status`} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("diagnostics lack %q:\n%v", w, err)
		}
	}
}
