// Package generator turns an OpenAPI 3.0 document into Go source files: it
// loads and validates the document (load), makes every decision (build,
// into the ir), and prints (emit). Generate never touches the disk.
package generator

import (
	"go/ast"
	"go/parser"
	"go/token"

	"github.com/nexmogen/nexmogen/generator/build"
	"github.com/nexmogen/nexmogen/generator/emit"
	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/load"
	"github.com/nexmogen/nexmogen/generator/naming"
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
	doc, err := load.Load(spec, file)
	if err != nil {
		return nil, err
	}
	reserved, err := runtimeNames(opts.Package)
	if err != nil {
		return nil, err
	}
	reserved = append(reserved, naming.ServerReserved()...)
	api, err := build.Build(doc, build.Options{Package: opts.Package, Reserved: reserved})
	if err != nil {
		return nil, err
	}
	return emit.Emit(api)
}

// runtimeNames lists the package-level names the static files declare, by
// parsing them, so spec names never collide with them.
func runtimeNames(pkg string) ([]string, error) {
	files, err := emit.Static(&ir.API{Package: pkg})
	if err != nil {
		return nil, err
	}
	var names []string
	fset := token.NewFileSet()
	for _, f := range files {
		parsed, err := parser.ParseFile(fset, f.Name, f.Bytes, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range parsed.Decls {
			names = append(names, declNames(d)...)
		}
	}
	return names, nil
}

// declNames are the names a top-level declaration introduces (methods
// excluded).
func declNames(d ast.Decl) []string {
	var out []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			out = append(out, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				out = append(out, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					out = append(out, n.Name)
				}
			}
		}
	}
	return out
}
