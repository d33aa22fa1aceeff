// Package templates holds the text/template sources of the files that are
// (nearly) the same for every spec: runtime helpers copied into the output
// package and its package documentation. Each template is executed with its
// own typed view (computed from the IR by a New... function of this
// package, so templates print values and make no decisions). Templates are
// written so that their output is already gofmt-clean.
package templates

import (
	"bytes"
	"embed"
	"fmt"
	"text/template"

	"github.com/nexmogen/nexmogen/generator/ir"
)

//go:embed *.go.tmpl
var files embed.FS

var parsed = template.Must(template.New("").ParseFS(files, "*.go.tmpl"))

// Package is the view of templates that need nothing but the package's
// name and title.
type Package struct {
	// Name is the Go package name of the output.
	Name string
	// Title documents the package.
	Title string
}

// NewPackage computes the Package view of api.
func NewPackage(api *ir.API) any {
	return &Package{Name: api.Package, Title: api.Title}
}

// Render executes the named template with view. Templates are written
// gofmt-clean, so the output needs no formatting (formatting was a sixth
// of a generation's time); a test in generator/emit renders every template
// for several specs and holds the output to go/format's.
func Render(name string, view any) ([]byte, error) {
	var buf bytes.Buffer
	if err := parsed.ExecuteTemplate(&buf, name, view); err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return buf.Bytes(), nil
}
