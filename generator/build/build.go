// Package build turns a loaded OpenAPI document into the IR. Every decision
// about the generated code is made here: names (through package naming),
// Go types, struct tags, validation rules, defaults and order. Constructs
// outside the supported subset are positioned errors, never skipped.
package build

import (
	"cmp"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/diag"
	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/load"
	"github.com/nexmogen/nexmogen/generator/naming"
)

// Options steer the build.
type Options struct {
	// Package is the Go package name of the output.
	Package string
	// Reserved are package-level names the static runtime files declare;
	// spec-derived names must not take them. The names the jennifer-built
	// server files declare (naming.ServerReserved) are reserved by Build
	// itself.
	Reserved []string
	// FormatTypes gives every schema of a format a Go type of the user's
	// (the configuration's types.formats), unless its x-go-type says
	// otherwise.
	FormatTypes map[string]*ir.GoType
	// ClientOnly says no server is generated: what only a server cannot
	// do (tell apart two operations of one method and path) is then no
	// problem.
	ClientOnly bool
}

// builder holds the state of one build. It is not shared between builds.
type builder struct {
	// clientOnly is Options.ClientOnly.
	clientOnly bool
	doc        *load.Doc
	api        *ir.API
	diags      diag.List
	// types is the package scope: every type name is claimed here.
	types *naming.Scope
	// components maps a component schema name to its built type.
	components map[string]*ir.TypeRef
	// building marks components under construction, to stop on cycles.
	building map[string]bool
	// bases holds the union schema made for a base schema with a
	// discriminator, by component name (base.go).
	bases map[string]*openapi3.Schema
	// open marks the structs whose fields are being built, by Go name.
	open map[string]bool
	// formatTypes is Options.FormatTypes.
	formatTypes map[string]*ir.GoType
	// forms marks component schemas used as form bodies.
	forms map[string]bool
	// encoded marks the form structs whose encoding is decided.
	encoded map[*ir.Struct]bool
	// formBodies are the model bodies that may also travel as forms.
	formBodies []formModel
	// patterns dedupes compiled patterns by expression.
	patterns map[string]*ir.Pattern
	// elements holds the explicit xml names of structs (by Go name); only
	// those used as whole bodies get an XMLName field.
	elements map[string]string
	values   *naming.Scope
	// inline maps an inline object or enum schema to its type, so a
	// schema reached twice (through allOf) is one Go type.
	inline map[*openapi3.Schema]ir.TypeRef
	// xmlUnsafe are property names XML tags cannot carry (see
	// wireTagName).
	xmlUnsafe []namedPos
	// media holds the declared media types by name (see mediaType).
	media map[mediaKey]*ir.MediaType
	// opNames is the scope of the operations' Go names (client methods,
	// and the prefixed names of the hooks' operations).
	opNames *naming.Scope
	// built maps each built operation to its IR, for its callbacks.
	built map[*openapi3.Operation]*ir.Operation
	// hookPos is where each hook group is declared.
	hookPos map[*ir.HookGroup]ir.Pos
}

// Build makes the IR of doc, or returns every problem found, positioned.
func Build(doc *load.Doc, opts Options) (*ir.API, error) {
	b := &builder{
		doc:         doc,
		api:         &ir.API{Package: opts.Package},
		types:       naming.NewScope(slices.Concat(opts.Reserved, naming.ServerReserved())...),
		values:      naming.NewScope(opts.Reserved...),
		components:  make(map[string]*ir.TypeRef),
		building:    make(map[string]bool),
		bases:       make(map[string]*openapi3.Schema),
		open:        make(map[string]bool),
		formatTypes: opts.FormatTypes,
		clientOnly:  opts.ClientOnly,
		forms:       make(map[string]bool),
		encoded:     make(map[*ir.Struct]bool),
		patterns:    make(map[string]*ir.Pattern),
		elements:    make(map[string]string),
		inline:      make(map[*openapi3.Schema]ir.TypeRef),
		media:       make(map[mediaKey]*ir.MediaType),
		opNames:     naming.NewScope(naming.ClientMethods...),
		built:       make(map[*openapi3.Operation]*ir.Operation),
		hookPos:     make(map[*ir.HookGroup]ir.Pos),
	}
	b.unsupportedDocument()
	if b.infiniteCycles() {
		// The walks through allOf would not end: report what is known.
		return nil, b.diags.Err()
	}
	b.document()
	b.operations()
	b.hooks()
	b.remainingComponents()
	b.formModels()
	b.claimHookNames()
	b.nameMedia()
	b.server()
	b.sharedResponses()
	b.xmlBytes()
	b.additionalSecrets()
	b.unionSecrets()
	b.secretCarriers()
	b.xmlTagNames()
	b.accepts()
	b.markValidated()
	b.usedPatterns()
	b.patternRuns()
	if err := b.diags.Err(); err != nil {
		return nil, err
	}
	b.sortOutput()
	b.xmlUse()
	b.linkTypes()
	return b.api, nil
}

// document fills the document-level facts: info, server, auth, extensions.
func (b *builder) document() {
	t := b.doc.T
	if t.Info != nil {
		b.api.Title = singleLine(t.Info.Title)
		b.api.Description = t.Info.Description
		b.api.Version = t.Info.Version
	}
	b.servers()
	b.api.UserAgent = "nexmogen-" + b.api.Package + "/" + b.api.Version
	b.securitySchemes()
	b.bodyStatus()
	b.requestIDHeaders()
	b.errorClasses()
	b.api.Envelope = ir.Envelope{Code: defaultEnvelopeCode, Label: defaultEnvelopeLabel}
	if bs := b.api.BodyStatus; bs != nil {
		b.api.Envelope = ir.Envelope{Code: bs.Code, Label: bs.Label}
	}
}

// The fields of the server's error envelope when the document declares no
// body status fields (x-nexmogen-body-status).
const (
	defaultEnvelopeCode  = "code"
	defaultEnvelopeLabel = "message"
)

// remainingComponents builds the component schemas no operation reached,
// so nothing in the document is silently dropped.
func (b *builder) remainingComponents() {
	if b.doc.T.Components == nil {
		return
	}
	for _, name := range sortedKeys(b.doc.T.Components.Schemas) {
		if b.forms[name] {
			continue
		}
		b.component(name)
	}
}

// sortOutput puts types in name order and patterns in name order;
// operations keep the document's order.
func (b *builder) sortOutput() {
	slices.SortFunc(b.api.Structs, func(x, y *ir.Struct) int { return cmp.Compare(x.GoName, y.GoName) })
	slices.SortFunc(b.api.Enums, func(x, y *ir.Enum) int { return cmp.Compare(x.GoName, y.GoName) })
	slices.SortFunc(b.api.Patterns, func(x, y *ir.Pattern) int { return cmp.Compare(x.GoName, y.GoName) })
}

// pos is the position of the element with origin o.
func (b *builder) pos(o *openapi3.Origin) ir.Pos { return b.doc.KeyPos(o) }

// fieldPos is the position of a field of the element with origin o.
func (b *builder) fieldPos(o *openapi3.Origin, name string) ir.Pos { return b.doc.FieldPos(o, name) }
