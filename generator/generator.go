// Package generator turns an OpenAPI 3.0 document into Go source files: it
// loads and validates the document (load), makes every decision (build,
// into the ir), and prints (emit). Generate never touches the disk.
package generator

import (
	"fmt"
	"go/token"

	"github.com/nexmogen/nexmogen/generator/build"
	"github.com/nexmogen/nexmogen/generator/emit"
	"github.com/nexmogen/nexmogen/generator/load"
	"github.com/nexmogen/nexmogen/templates"
)

// File is one generated file, named relative to the output directory.
type File = emit.File

// Header is the first line of every generated file.
const Header = "// " + emit.Header

// Options steer a generation.
type Options struct {
	// Package is the Go package name of the output; "nexmo" when empty.
	Package string
}

// Generate makes the files of the package described by spec. file names
// the spec in diagnostics ("spec/nexmo.yaml:41:9: ..."). On any problem it
// returns an error listing every one, each positioned, and no files.
func Generate(spec []byte, file string, opts Options) ([]File, error) {
	if opts.Package == "" {
		opts.Package = "nexmo"
	}
	if !token.IsIdentifier(opts.Package) {
		return nil, fmt.Errorf("invalid package name %q: not a Go identifier", opts.Package)
	}
	doc, err := load.Load(spec, file)
	if err != nil {
		return nil, err
	}
	api, err := build.Build(doc, build.Options{Package: opts.Package, Reserved: templates.Names()})
	if err != nil {
		return nil, err
	}
	return emit.Emit(api)
}
