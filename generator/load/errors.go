package load

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// locate turns one of kin-openapi's typed validation errors into a
// position at the offending field and a one-line message. ok is false for
// errors it does not know; the caller then reports them where it found
// them. Several elements can fail because of one schema (a media type and
// the component it refers to): reporting at the schema's own field makes
// the reports equal, and the diagnostic list keeps one.
func (d *Doc) locate(err error) (pos ir.Pos, msg string, ok bool) {
	var dup *openapi3.DuplicateOperationIDError
	if errors.As(err, &dup) {
		return d.duplicate(dup)
	}
	var re *openapi3.SchemaPatternRegexError
	if errors.As(err, &re) {
		return d.FieldPos(re.Origin, "pattern"), PatternMessage(re.Pattern, regexpCause(re.Cause)), true
	}
	var pp *openapi3.PathParametersError
	if errors.As(err, &pp) {
		return d.pathParams(pp), fmt.Sprintf("%s %s: its path parameters and its path template do not match (%s)",
			pp.Method, pp.Path, strings.Join(pp.Missing, ", ")), true
	}
	var te *openapi3.SchemaTypeError
	if errors.As(err, &te) {
		return d.FieldPos(te.Origin, "type"), fmt.Sprintf("invalid type %q (string, number, integer, boolean, array or object)", te.Type), true
	}
	var extra *openapi3.ExtraSiblingFieldsError
	if errors.As(err, &extra) && len(extra.Fields) > 0 {
		return d.keyAfter(d.KeyPos(extra.Origin), extra.Fields[0]),
			fmt.Sprintf("unknown field %q (extensions start with x-)", extra.Fields[0]), true
	}
	var slash *openapi3.PathMustStartWithSlashError
	if errors.As(err, &slash) {
		return d.keyAfter(d.KeyPos(slash.Origin), slash.Path),
			fmt.Sprintf("path %q does not start with /", slash.Path), true
	}
	var conflict *openapi3.ConflictingPathsError
	if errors.As(err, &conflict) {
		return d.conflictingPaths(conflict)
	}
	var sve *openapi3.SchemaValueError
	if errors.As(err, &sve) && sve.Origin != nil {
		return d.FieldPos(sve.Origin, sve.ValueKind), valueMessage(sve), true
	}
	return ir.Pos{}, "", false
}

// duplicate positions a duplicated operationId at its second use in
// document order (kin-openapi names the pair in name order).
func (d *Doc) duplicate(dup *openapi3.DuplicateOperationIDError) (ir.Pos, string, bool) {
	var uses []ir.Pos
	for _, item := range d.T.Paths.Map() {
		for _, op := range item.Operations() {
			if op.OperationID == dup.OperationID {
				uses = append(uses, d.FieldPos(op.Origin, "operationId"))
			}
		}
	}
	slices.SortFunc(uses, func(a, b ir.Pos) int { return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col)) })
	if len(uses) < 2 {
		return d.FieldPos(dup.Origin, "operationId"), fmt.Sprintf("duplicate operationId %q (%s and %s)", dup.OperationID, dup.Endpoint1, dup.Endpoint2), true
	}
	return uses[1], fmt.Sprintf("duplicate operationId %q (first at line %d)", dup.OperationID, uses[0].Line), true
}

// conflictingPaths positions two templates that differ only in the names
// of their parameters at the later one in the document: no request could
// tell them apart.
func (d *Doc) conflictingPaths(c *openapi3.ConflictingPathsError) (ir.Pos, string, bool) {
	pos := func(path string) ir.Pos {
		if item := d.T.Paths.Value(path); item != nil {
			return d.KeyPos(item.Origin)
		}
		return ir.Pos{}
	}
	first, second := c.Path1, c.Path2
	p1, p2 := pos(first), pos(second)
	if p1.Line == 0 || p2.Line == 0 {
		return ir.Pos{}, "", false
	}
	if p2.Line < p1.Line {
		first, second, p1, p2 = second, first, p2, p1
	}
	return p2, fmt.Sprintf("path %q is path %q (line %d) with its parameters renamed: no request can tell them apart", second, first, p1.Line), true
}

// pathParams positions a path parameter mismatch at the operation.
func (d *Doc) pathParams(pp *openapi3.PathParametersError) ir.Pos {
	if item := d.T.Paths.Value(pp.Path); item != nil {
		if op := item.GetOperation(pp.Method); op != nil {
			return d.KeyPos(op.Origin)
		}
	}
	return d.KeyPos(pp.Origin)
}

// PatternMessage is the diagnostic of a pattern Go's regexp package
// rejects. The builder uses it too, so both stages say the same.
func PatternMessage(pattern string, err error) string {
	return fmt.Sprintf("pattern %q is not valid in Go's RE2 syntax: %v (Go has no lookahead: write the rule as an allOf of several patterns)", pattern, err)
}

// regexpCause digs the regexp package's error out of kin-openapi's
// wrapping.
func regexpCause(err error) error {
	var se *openapi3.SchemaError
	if errors.As(err, &se) && se.Origin != nil {
		return se.Origin
	}
	return err
}

// valueMessage says which value (example, default) breaks its schema and
// why, on one line, without kin-openapi's schema dump.
func valueMessage(sve *openapi3.SchemaValueError) string {
	var se *openapi3.SchemaError
	if errors.As(sve.Cause, &se) {
		where := ""
		if p := se.JSONPointer(); len(p) > 0 {
			where = " at /" + strings.Join(p, "/")
		}
		return fmt.Sprintf("%s does not match its schema%s: %s", sve.ValueKind, where, se.Reason)
	}
	return fmt.Sprintf("%s does not match its schema: %s", sve.ValueKind, firstLine(sve.Cause.Error()))
}

// firstLine is the first line of a message.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(s)
}

// unresolved matches kin-openapi's message for a $ref it cannot follow.
var unresolved = regexp.MustCompile(`^failed to resolve "[^"]*" in fragment in URI: "((?:[^"\\]|\\.)*)"`)

// construct matches the YAML decoder's message for a value of the wrong
// shape ("line 9: cannot construct !!str `nope` into ...").
var construct = regexp.MustCompile(`line (\d+): (.*)`)

// mark matches the decoder's position inside a construct error.
var mark = regexp.MustCompile(`\bat L(\d+)\.C(\d+)\b`)

// loadError positions a loader error and rewrites it as one line: a
// dangling $ref reads "unresolved $ref", a value of the wrong shape is
// placed on its line.
func (d *Doc) loadError(err error) (ir.Pos, string) {
	msg := err.Error()
	var ext *openapi3.DisallowedExternalRefError
	if errors.As(err, &ext) {
		return d.find(msg), fmt.Sprintf("unsupported: external $ref %q (no files to read it from: generator.Options.Files is nil)", ext.Ref)
	}
	if m := unresolved.FindStringSubmatch(msg); m != nil {
		return d.find(msg), fmt.Sprintf("unresolved $ref %q: nothing is defined there", m[1])
	}
	if m := construct.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		pos := d.lineStart(line)
		if at := mark.FindStringSubmatch(m[2]); at != nil {
			// The decoder's own mark ("at L3.C40") is more precise.
			pos.Line, _ = strconv.Atoi(at[1])
			pos.Col, _ = strconv.Atoi(at[2])
		}
		return pos, "invalid document: " + strings.TrimSpace(m[2])
	}
	return d.find(msg), firstLine(msg)
}

// lineStart is the position of the last node that starts on line: on
// "key: value", the value.
func (d *Doc) lineStart(line int) ir.Pos {
	pos := ir.Pos{File: d.File, Line: line, Col: 1}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Line == line && n.Column >= pos.Col {
			pos.Col = n.Column
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(d.Root)
	return pos
}

// offsetPos is the line and column (in characters, from 1) of byte offset
// i of data.
func offsetPos(data []byte, i int, file string) ir.Pos {
	i = max(0, min(i, len(data)))
	before := data[:i]
	line := 1 + bytes.Count(before, []byte("\n"))
	start := bytes.LastIndexByte(before, '\n') + 1
	return ir.Pos{File: file, Line: line, Col: 1 + utf8.RuneCount(before[start:])}
}

// keyAfter is the position of the first mapping key named name at or after
// from, in document order: kin-openapi places some errors at the element
// that holds the offending key, not at the key.
func (d *Doc) keyAfter(from ir.Pos, name string) ir.Pos {
	found := from
	var walk func(n *yaml.Node) bool
	walk = func(n *yaml.Node) bool {
		for i, c := range n.Content {
			isKey := n.Kind == yaml.MappingNode && i%2 == 0
			if isKey && c.Value == name && (c.Line > from.Line || c.Line == from.Line && c.Column >= from.Col) {
				found = ir.Pos{File: from.File, Line: c.Line, Col: c.Column}
				return true
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(d.tree(from.File))
	return found
}
