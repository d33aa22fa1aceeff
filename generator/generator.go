// Package generator turns an OpenAPI 3.0 or 3.1 document into Go source files: it
// loads and validates the document (load), makes every decision (build,
// into the ir), and prints (emit). Generate never touches the disk.
package generator

import (
	"fmt"
	"go/token"
	"io/fs"
	"slices"

	"github.com/nexmogen/nexmogen/generator/build"
	"github.com/nexmogen/nexmogen/generator/config"
	"github.com/nexmogen/nexmogen/generator/diag"
	"github.com/nexmogen/nexmogen/generator/emit"
	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/load"
	"github.com/nexmogen/nexmogen/templates"
)

// File is one generated file, named relative to the output directory.
type File = emit.File

// ExampleFile is the generated test file holding the package's runnable
// Example (left out with Options.NoExamples).
const ExampleFile = emit.ExampleFile

// Header is the first line of every generated file.
const Header = "// " + emit.Header

// Options steer a generation.
type Options struct {
	// Package is the Go package name of the output; "api" when empty.
	Package string
	// Generate is what to generate beside the models, enums, validators
	// and defaults: config.GenerateClient, config.GenerateServer, or both
	// (config.GenerateBoth, or empty).
	Generate string
	// Operations selects the operations to generate (all when empty).
	Operations config.Filter
	// Names gives operations and schemas Go names, over x-go-name.
	Names config.Names
	// Types gives schemas Go types of the user's, over x-go-type.
	Types config.Types
	// Strict makes every warning an error.
	Strict bool
	// NoExamples leaves out the package's runnable Example (ExampleFile).
	NoExamples bool
	// Files is the spec's directory, which its external $refs are read
	// from: a relative $ref is resolved against the file it is written
	// in, and "../" may climb back to this root but not past it; URLs and
	// absolute paths are refused. Diagnostics name a referenced file as
	// the spec's directory (from file) joined with its path in Files. With
	// Files nil, an external $ref is an error. Generate reads nothing else:
	// pass os.DirFS(filepath.Dir(file)) to read from the disk.
	Files fs.FS
}

// Warning is a positioned problem that does not stop the generation: an
// example or default that breaks its schema (a broken default is not
// applied), a pattern Go's RE2 cannot compile (not checked; the generated
// doc says so), a response without description, a const in a 3.0
// document. Its Error reads "file:line:col: warning: ...".
type Warning = diag.Diagnostic

// Generate makes the files of the package described by spec. file names
// the spec in diagnostics ("spec/nexmo.yaml:41:9: ..."). On any problem it
// returns an error listing every one, each positioned, and no files: the
// document's validation failures and the builder's (unsupported: ...)
// together. Warnings come with the files; with opts.Strict they are
// errors.
func Generate(spec []byte, file string, opts Options) ([]File, []*Warning, error) {
	part, ok := parts[opts.Generate]
	if !ok {
		return nil, nil, fmt.Errorf("invalid generate %q: want client, server or both", opts.Generate)
	}
	api, warnings, err := Model(spec, file, opts)
	if err != nil {
		return nil, warnings, err
	}
	files, err := emit.Emit(api)
	if err != nil {
		return nil, warnings, err
	}
	return slices.DeleteFunc(files, func(f File) bool {
		if opts.NoExamples && f.Name == ExampleFile {
			return true
		}
		p := emit.PartOf(f.Name)
		return p != emit.Shared && p != part && part != emit.Shared
	}), warnings, nil
}

// Model is the first half of Generate: the document loaded, checked and
// built into the IR that Generate prints, with the same diagnostics (and
// the same names: a tool reading the generated package, such as the
// corpus's smoke test, finds each ir.Struct under its GoName). Options'
// Generate and NoExamples, which choose files, do not change the IR; a
// client-only Generate only lifts what is a problem for a server alone
// (two operations a router cannot tell apart).
func Model(spec []byte, file string, opts Options) (*ir.API, []*Warning, error) {
	if opts.Package == "" {
		opts.Package = "api"
	}
	if !token.IsIdentifier(opts.Package) {
		return nil, nil, fmt.Errorf("invalid package name %q: not a Go identifier", opts.Package)
	}
	doc, loadErr := load.LoadFiles(spec, file, opts.Files)
	if doc == nil {
		return nil, nil, loadErr
	}
	namesErr, typesErr := applyNames(doc, opts.Names), applyTypes(doc, opts.Types)
	if namesErr != nil || typesErr != nil {
		var problems diag.List
		problems.Add(loadErr)
		problems.Add(namesErr)
		problems.Add(typesErr)
		return nil, nil, problems.Err()
	}
	if err := filterOperations(doc, opts.Operations); err != nil {
		var problems diag.List
		problems.Add(loadErr)
		problems.Add(err)
		return nil, nil, problems.Err()
	}
	api, buildErr := buildAfter(doc, loadErr, build.Options{Package: opts.Package, Reserved: templates.Names(), FormatTypes: formatTypes(opts.Types), ClientOnly: opts.Generate == "client"})
	var problems diag.List
	problems.Add(loadErr)
	problems.Add(buildErr)
	warnings := doc.Warnings()
	if opts.Strict {
		for _, w := range warnings {
			problems.Add(&Warning{Pos: w.Pos, Msg: w.Msg})
		}
		warnings = nil
	}
	if err := problems.Err(); err != nil {
		return nil, warnings, err
	}
	return api, warnings, nil
}

// buildAfter builds doc. When the document failed its validation
// (loadErr), the builder still runs to report what it cannot generate,
// but a document kin-openapi refused may hold what the builder never
// expects: a panic then leaves the validation's report alone.
func buildAfter(doc *load.Doc, loadErr error, opts build.Options) (api *ir.API, err error) {
	if loadErr != nil {
		defer func() {
			if recover() != nil {
				api, err = nil, nil
			}
		}()
	}
	return build.Build(doc, opts)
}

// parts maps Options.Generate to the part of the package it adds to the
// shared files (emit.Shared standing for both parts).
var parts = map[string]emit.Part{
	"":                    emit.Shared,
	config.GenerateBoth:   emit.Shared,
	config.GenerateClient: emit.Client,
	config.GenerateServer: emit.Server,
}
