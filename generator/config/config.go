// Package config reads nexmogen.yaml, the generator's configuration file:
// what to generate, where, and from which spec. Every problem in the file
// is a positioned diagnostic ("nexmogen.yaml:3:5: ..."), as in a spec;
// unknown keys are errors, so a misspelt option is never silently ignored.
package config

import (
	"github.com/nexmogen/nexmogen/generator/ir"
)

// DefaultFile is the file the command reads when -config is not given and
// the file exists in the current directory.
const DefaultFile = "nexmogen.yaml"

// Config is the content of a configuration file. A field left out of the
// file is the zero value; Set records which keys the file gave.
type Config struct {
	// File is the configuration file's name, as diagnostics print it.
	File string
	// Spec is the OpenAPI document to read, relative to the file's
	// directory.
	Spec string
	// Output is the directory of the generated package, relative to the
	// file's directory.
	Output string
	// Package is the Go package name of the output.
	Package string
	// Generate is what to generate beside the models and validators:
	// "client", "server" or "both".
	Generate string
	// Strict makes every warning an error.
	Strict bool
	// Examples is whether to generate the package's runnable Example
	// (true when the file does not say).
	Examples bool
	// Operations selects the operations to generate.
	Operations Filter
	// Names sets Go names (as x-go-name in the spec would, and over it):
	// operations by operationId, schemas by their name in
	// components/schemas.
	Names Names
	// Types gives schemas Go types of the user's (as x-go-type in the
	// spec would, and over it): by format, and by component schema name.
	Types Types
	// Set holds the top-level keys the file gave ("spec", "package", ...),
	// so that only those override the command's defaults.
	Set map[string]bool
}

// Filter selects operations: with no include list every operation is
// kept, else those whose tag is in IncludeTags or whose operationId is in
// IncludeIDs; then those with a tag in ExcludeTags or an operationId in
// ExcludeIDs are dropped. Every name must be in the spec (an unknown one is
// an error at its place in the file).
type Filter struct {
	IncludeTags, ExcludeTags []Name
	IncludeIDs, ExcludeIDs   []Name
	// Pos is where the operations key stands.
	Pos ir.Pos
}

// Empty reports whether the filter keeps every operation.
func (f Filter) Empty() bool {
	return len(f.IncludeTags)+len(f.ExcludeTags)+len(f.IncludeIDs)+len(f.ExcludeIDs) == 0
}

// Name is a name given in the file and where it stands.
type Name struct {
	Value string
	Pos   ir.Pos
}

// Generate's values.
const (
	GenerateBoth   = "both"
	GenerateClient = "client"
	GenerateServer = "server"
)

// Names are the Go names the file gives, each with where it stands.
type Names struct {
	Operations, Schemas []Rename
}

// Rename gives the spec element From the Go name To.
type Rename struct {
	From, To Name
}

// Types are the Go types of the user's the file gives: Formats for every
// schema of a format (a price string of format decimal, say), Schemas for
// component schemas by name (over their x-go-type).
type Types struct {
	Formats, Schemas []TypeOverride
}

// TypeOverride gives the schemas From names (a format, or a component
// schema) the Go type Type.
type TypeOverride struct {
	From Name
	Type *ir.GoType
	// Pos is where the type is written.
	Pos ir.Pos
}
