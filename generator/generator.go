// Package generator turns an OpenAPI 3.0 document into Go source files: it
// loads and validates the document (load), makes every decision (build,
// into the ir), and prints (emit). Generate never touches the disk.
package generator

import (
	"fmt"
	"go/token"
	"slices"

	"github.com/nexmogen/nexmogen/generator/build"
	"github.com/nexmogen/nexmogen/generator/config"
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
	// Generate is what to generate beside the models, enums, validators
	// and defaults: config.GenerateClient, config.GenerateServer, or both
	// (config.GenerateBoth, or empty).
	Generate string
	// Operations selects the operations to generate (all when empty).
	Operations config.Filter
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
	part, ok := parts[opts.Generate]
	if !ok {
		return nil, fmt.Errorf("invalid generate %q: want client, server or both", opts.Generate)
	}
	doc, err := load.Load(spec, file)
	if err != nil {
		return nil, err
	}
	if err := filterOperations(doc, opts.Operations); err != nil {
		return nil, err
	}
	api, err := build.Build(doc, build.Options{Package: opts.Package, Reserved: templates.Names()})
	if err != nil {
		return nil, err
	}
	files, err := emit.Emit(api)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(files, func(f File) bool {
		p := emit.PartOf(f.Name)
		return p != emit.Shared && p != part && part != emit.Shared
	}), nil
}

// parts maps Options.Generate to the part of the package it adds to the
// shared files (emit.Shared standing for both parts).
var parts = map[string]emit.Part{
	"":                    emit.Shared,
	config.GenerateBoth:   emit.Shared,
	config.GenerateClient: emit.Client,
	config.GenerateServer: emit.Server,
}
