// Package load reads an OpenAPI 3.0 or 3.1 document with kin-openapi, origin
// tracking on, and validates it (examples and formats included). Every
// problem it reports carries the file, line and column it is about.
package load

import (
	"context"
	"errors"
	"io/fs"
	"regexp"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/nexmogen/nexmogen/generator/diag"
	"github.com/nexmogen/nexmogen/generator/ir"
)

// Doc is a loaded, valid document with the YAML tree it came from.
type Doc struct {
	// T is kin-openapi's model of the document, with origins.
	T *openapi3.T
	// File is the name used in diagnostics.
	File string
	// Root is the parsed YAML, for positions kin-openapi does not record.
	Root *yaml.Node

	// warnings are the problems that do not stop the generation.
	warnings diag.List
	// brokenDefaults are the schemas (by origin) whose default breaks
	// them: a warning, and the default is not applied.
	brokenDefaults map[*openapi3.Origin]bool
	// nullOnly are the schemas (by origin) of type "null" alone (3.1).
	nullOnly map[*openapi3.Origin]bool
	// trees are the parsed files the document's $refs reached, by their
	// names in diagnostics.
	trees map[string]*yaml.Node
	// locs are their paths in the spec's directory, by the same names.
	locs map[string]string
}

// Load parses and validates data. file names the document in diagnostics.
// External $refs are refused: see LoadFiles. On a problem found once
// kin-openapi has loaded the document, it returns the document and the
// problems (the caller may build it to report more); before that, no
// document. Warnings are the Doc's (see Warnings).
func Load(data []byte, file string) (*Doc, error) { return LoadFiles(data, file, nil) }

// LoadFiles is Load for a document whose external $refs are read from
// files, the directory tree of the spec (rooted at the spec's directory;
// see refs.go). With files nil an external $ref is refused.
func LoadFiles(data []byte, file string, files fs.FS) (*Doc, error) {
	data = yamlSafe(data)
	root, err := parseYAML(data, file)
	if err != nil {
		return nil, err
	}
	d := &Doc{File: file, Root: root, brokenDefaults: make(map[*openapi3.Origin]bool), nullOnly: make(map[*openapi3.Origin]bool)}
	if err := d.version(); err != nil {
		return nil, err
	}
	if err := d.nulls(); err != nil {
		return nil, err
	}
	t, err := d.loader(files).LoadFromDataWithPath(data, d.location())
	if err != nil {
		if ferr, ok := d.refFailure(err); ok {
			return nil, ferr
		}
		pos, msg := d.loadError(err)
		return nil, &diag.Diagnostic{Pos: pos, Msg: msg}
	}
	d.T = t
	d.internalize()
	d.modelsOnly()
	d.lenient()
	// A document that loaded is returned with its problems, so that the
	// builder can report its own (unsupported: ...) too. A 3.1 document
	// is validated as 3.1, then read in 3.0's terms (v31).
	var problems diag.List
	problems.Add(d.servers())
	problems.Add(d.validate(context.Background()))
	problems.Add(d.v31())
	return d, problems.Err()
}

// parseYAML reads data into a node tree, turning a syntax error into a
// positioned diagnostic.
func parseYAML(data []byte, file string) (*yaml.Node, error) {
	var root yaml.Node
	err := yaml.Unmarshal(data, &root)
	if err == nil {
		if root.Kind == 0 {
			return nil, &diag.Diagnostic{Pos: ir.Pos{File: file, Line: 1, Col: 1}, Msg: "empty document"}
		}
		return &root, nil
	}
	var le *yaml.LoadError
	if errors.As(err, &le) {
		pos := ir.Pos{File: file, Line: le.Mark.Line, Col: le.Mark.Column}
		if pos.Line == 0 {
			// Reader errors (bad encoding, control characters) only
			// know their byte offset.
			pos = offsetPos(data, le.Mark.Index, file)
		}
		return nil, &diag.Diagnostic{Pos: pos, Msg: "invalid YAML: " + le.Message}
	}
	return nil, &diag.Diagnostic{Pos: ir.Pos{File: file, Line: 1, Col: 1}, Msg: "invalid YAML: " + err.Error()}
}

// quoted finds the double-quoted strings of an error message.
var quoted = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)

// find returns the position of the last string quoted in msg that is also a
// scalar of the document or of a file it refers to (kin-openapi quotes the
// $ref it failed to resolve), or the document's start.
func (d *Doc) find(msg string) ir.Pos {
	pos, _, _ := d.findQuoted(msg)
	return pos
}

// findScalar returns the first scalar node, in document order, whose value
// is v.
func findScalar(n *yaml.Node, v string) *yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode && n.Value == v {
		return n
	}
	for _, c := range n.Content {
		if f := findScalar(c, v); f != nil {
			return f
		}
	}
	return nil
}

// Pos converts a kin-openapi location to a diagnostic position, in the
// file the location is in.
func (d *Doc) Pos(l *openapi3.Location) ir.Pos {
	if l == nil || l.Line == 0 {
		return ir.Pos{File: d.File, Line: 1, Col: 1}
	}
	return ir.Pos{File: d.display(l.File), Line: l.Line, Col: l.Column}
}

// KeyPos is the position of the key heading an element with origin o.
func (d *Doc) KeyPos(o *openapi3.Origin) ir.Pos {
	if o == nil {
		return ir.Pos{File: d.File, Line: 1, Col: 1}
	}
	return d.Pos(o.Key)
}

// FieldPos is the position of field name inside the element with origin o,
// or the element's own position when the field has none.
func (d *Doc) FieldPos(o *openapi3.Origin, name string) ir.Pos {
	if o != nil {
		if l, ok := o.Fields.Lookup(name); ok {
			return d.Pos(&l)
		}
	}
	return d.KeyPos(o)
}
