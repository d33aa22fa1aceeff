package runtime

import (
	"bytes"
	"encoding"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"
)

// The generated structs say which properties are required in their tags:
// the builder writes omitempty exactly on the optional ones (JSON and XML
// alike). Decoding into a struct cannot tell a missing required integer,
// number or boolean from its zero; the functions below read the body a
// second time, as a tree, and compare it with the struct's tags.

// presenceField is one field of a struct as its tags describe it.
type presenceField struct {
	index []int
	typ   reflect.Type
	// name is the JSON key or the XML element or attribute (the first
	// element of an a>b path).
	name     string
	required bool
	attr     bool
	// path is the rest of an XML a>b path, "" for none.
	path string
	// readOnly and writeOnly come from the nexmogen tag: a property only
	// responses, or only requests, carry.
	readOnly, writeOnly bool
	// zero is the keyword of the rule that refuses the field's zero value
	// (the tag's zero=<keyword>), "" for none: the validators take the
	// zero for absent, so a request holding the key at its zero is
	// refused here.
	zero string
}

// requiredIn reports whether the field is required in a request (true)
// or a response: a readOnly property is never required in a request, a
// writeOnly one never in a response.
func (f *presenceField) requiredIn(request bool) bool {
	return f.required && !(request && f.readOnly) && !(!request && f.writeOnly)
}

// presenceFields caches the fields of struct types, by codec.
var presenceFields sync.Map // presenceKey -> []presenceField

// presenceKey is a struct type and its codec ("json" or "xml").
type presenceKey struct {
	t     reflect.Type
	codec string
}

// fieldsOf lists the tagged fields of struct type t for codec, embedded
// structs' fields included.
func fieldsOf(t reflect.Type, codec string) []presenceField {
	k := presenceKey{t, codec}
	if v, ok := presenceFields.Load(k); ok {
		return v.([]presenceField)
	}
	var out []presenceField
	for _, sf := range reflect.VisibleFields(t) {
		if !sf.IsExported() || sf.Name == "XMLName" || (sf.Anonymous && sf.Type.Kind() == reflect.Struct) {
			continue
		}
		tag, ok := sf.Tag.Lookup(codec)
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if !ok || name == "" {
			name = sf.Name
		}
		f := presenceField{index: sf.Index, typ: sf.Type, name: name, required: !hasOption(opts, "omitempty") && !hasOption(opts, "omitzero")}
		if access, ok := sf.Tag.Lookup("nexmogen"); ok {
			// A readOnly or writeOnly property is omitempty in both
			// directions; the tag says whether the spec requires it.
			f.readOnly, f.writeOnly = hasOption(access, "readOnly"), hasOption(access, "writeOnly")
			f.required = f.required || hasOption(access, "required")
			f.zero = optionValue(access, "zero")
		}
		if codec == "xml" {
			if hasOption(opts, "chardata") || hasOption(opts, "innerxml") || hasOption(opts, "comment") || hasOption(opts, "any") {
				continue
			}
			f.attr = hasOption(opts, "attr")
			f.name, f.path, _ = strings.Cut(name, ">")
		}
		out = append(out, f)
	}
	presenceFields.Store(k, out)
	return out
}

// hasOption reports whether a tag's comma-separated options hold o.
func hasOption(opts, o string) bool {
	for opts != "" {
		var x string
		x, opts, _ = strings.Cut(opts, ",")
		if x == o {
			return true
		}
	}
	return false
}

// optionValue is the value of a key=value option of a tag's options, or "".
func optionValue(opts, key string) string {
	for opts != "" {
		var x string
		x, opts, _ = strings.Cut(opts, ",")
		if k, v, ok := strings.Cut(x, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// isJSONZero reports whether a decoded JSON scalar is its Go type's zero:
// "", a number equal to 0, false.
func isJSONZero(v jsonNode) bool {
	switch x := v.(type) {
	case string:
		return x == ""
	case json.Number:
		f, err := x.Float64()
		return err == nil && f == 0
	case bool:
		return !x
	}
	return false
}

// nullableType is a Nullable (nullable.go): null is one of its values,
// and its value's inside is checked as T's.
type nullableType interface{ nullableElem() reflect.Type }

// nullableOf is T when t is a Nullable[T].
func nullableOf(t reflect.Type) (reflect.Type, bool) {
	if t.Kind() == reflect.Struct && t.Implements(reflect.TypeFor[nullableType]()) {
		return reflect.Zero(t).Interface().(nullableType).nullableElem(), true
	}
	return nil, false
}

// takesNull reports whether a value of type t may be null: a Nullable, or
// a free-form value (its JSON text is kept as it is, and null is one of its
// values).
func takesNull(t reflect.Type) bool {
	_, ok := nullableOf(t)
	return ok || t == reflect.TypeFor[json.RawMessage]()
}

// opaque reports whether values of t decode themselves (a Secret, an
// enum with its own decoder...): their inside is not the tags' business.
func opaque(t reflect.Type, codec string) bool {
	if codec == "json" {
		return opaqueJSON(t)
	}
	pt := reflect.PointerTo(t)
	if t.Kind() == reflect.Struct && t.Implements(reflect.TypeFor[interface{ xmlTwinned() }]()) {
		return false // read through a twin of the same tags (xml_freeform.go)
	}
	return pt.Implements(reflect.TypeFor[xml.Unmarshaler]()) || pt.Implements(reflect.TypeFor[encoding.TextUnmarshaler]())
}

// opaqueJSON is opaque for JSON.
func opaqueJSON(t reflect.Type) bool {
	if _, ok := additionalOf(t); ok {
		return false // its own decoder keeps the tags' exact keys
	}
	return reflect.PointerTo(t).Implements(reflect.TypeFor[json.Unmarshaler]())
}

// additionalOf is the type of the values of a struct's other keys (its
// field tagged nexmogen:"additional", a map), when it has one: a schema
// with properties and additionalProperties.
func additionalOf(t reflect.Type) (reflect.Type, bool) {
	if t.Kind() != reflect.Struct {
		return nil, false
	}
	for i := range t.NumField() {
		if sf := t.Field(i); sf.Tag.Get("nexmogen") == "additional" && sf.Type.Kind() == reflect.Map {
			return sf.Type.Elem(), true
		}
	}
	return nil, false
}

// closedType is a struct that allows no property but its fields
// (additionalProperties: false beside properties): its generated
// closedObject method says so.
type closedType interface{ closedObject() }

// isClosed reports whether struct type t allows no property but its
// fields.
func isClosed(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.Implements(reflect.TypeFor[closedType]())
}

// errNotDeclared is the error of a key (JSON), element or attribute (XML)
// that a closed struct does not declare.
func errNotDeclared(field, kind string) error {
	return &errPresence{field: field, problem: "is not allowed: the schema declares no such " + kind + " (additionalProperties is false)"}
}

// undeclaredKey is the first key of obj, in key order, that is none of
// fields' names, or "" and false when each is one; it does not allocate.
func undeclaredKey(obj map[string]any, fields []presenceField) (string, bool) {
	first, found := "", false
	for k := range obj {
		if !declaredKey(fields, k) && (!found || k < first) {
			first, found = k, true
		}
	}
	return first, found
}

// declaredKey reports whether key is one of fields' names.
func declaredKey(fields []presenceField, key string) bool {
	for i := range fields {
		if fields[i].name == key {
			return true
		}
	}
	return false
}

// appendAdditional appends to obj, the JSON object of a struct's declared
// properties, the keys of extra that are not declared, in key order.
func appendAdditional[V any](obj []byte, extra map[string]V, declared ...string) ([]byte, error) {
	keys := make([]string, 0, len(extra))
	for k := range extra {
		if !slices.Contains(declared, k) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return obj, nil
	}
	slices.Sort(keys)
	out := obj[:len(obj)-1]
	for _, k := range keys {
		if len(out) > 1 {
			out = append(out, ',')
		}
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		vb, err := json.Marshal(extra[k])
		if err != nil {
			return nil, err
		}
		out = append(append(append(out, kb...), ':'), vb...)
	}
	return append(out, '}'), nil
}

// decodeAdditional decodes the values of m, a struct's keys that are no
// declared property, into *dst; nil when there are none.
func decodeAdditional[V any](m map[string]json.RawMessage, dst *map[string]V) error {
	*dst = nil
	if len(m) == 0 {
		return nil
	}
	*dst = make(map[string]V, len(m))
	for k, raw := range m {
		var v V
		if err := json.Unmarshal(raw, &v); err != nil {
			return fmt.Errorf("property %s: %w", strconvQuote(k), err)
		}
		(*dst)[k] = v
	}
	return nil
}

// errPresence is a body that lacks what its schema requires.
type errPresence struct {
	field, problem string
}

// Error names the field at fault.
func (e *errPresence) Error() string {
	if e.field == "" {
		return "the body " + e.problem
	}
	return "the field " + e.field + " " + e.problem
}

// jsonNode is a JSON value as decoded for presence checks: nil (null),
// map[string]any, []any or a scalar.
type jsonNode = any

// decodeJSONTree decodes a JSON document as a tree, refusing an object
// that gives a key twice (encoding/json would keep the last one).
func decodeJSONTree(body []byte) (jsonNode, error) {
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	v, err := jsonTreeValue(d)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err == nil {
		return nil, errors.New("more than one JSON value")
	}
	return v, nil
}

// jsonTreeValue reads one value from d.
func jsonTreeValue(d *json.Decoder) (jsonNode, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		obj := map[string]any{}
		for d.More() {
			kt, err := d.Token()
			if err != nil {
				return nil, err
			}
			key := kt.(string)
			if _, dup := obj[key]; dup {
				return nil, &errPresence{field: strconvQuote(key), problem: "is given twice"}
			}
			if obj[key], err = jsonTreeValue(d); err != nil {
				return nil, err
			}
		}
		_, err := d.Token()
		return obj, err
	case json.Delim('['):
		arr := []any{}
		for d.More() {
			v, err := jsonTreeValue(d)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		_, err := d.Token()
		return arr, err
	}
	return tok, nil
}

// strconvQuote quotes a key for an error, cut to 64 bytes.
func strconvQuote(s string) string {
	if len(s) > 64 {
		s = s[:64] + "..."
	}
	b, _ := json.Marshal(s)
	return string(b)
}

// presenceJSON checks the tree v against type t: every required key of a
// struct is there (spelled exactly: encoding/json would also take "NAME"
// for "name") and not null, unless it is a Nullable. strict also refuses
// null for optional properties and array items that are no Nullable, as
// the server does; the client tolerates them.
func presenceJSON(v jsonNode, t reflect.Type, field string, strict bool) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if e, ok := nullableOf(t); ok {
		if v == nil {
			return nil
		}
		return presenceJSON(v, e, field, strict)
	}
	if s, ok := v.(string); ok && strict && t == reflect.TypeFor[time.Time]() && !rfc3339Hour(s) {
		// time.Time's decoder takes a one-digit hour (T0:00:00Z);
		// RFC 3339's date-time has two.
		return &errPresence{field: field, problem: "is not an RFC 3339 date-time: its hour has two digits"}
	}
	if opaque(t, "json") {
		return nil
	}
	if s, ok := v.(string); ok && strict && t == reflect.TypeFor[[]byte]() && strings.ContainsAny(s, "\r\n") {
		// encoding/json's base64 skips line breaks; RFC 4648 (section
		// 3.3) and the spec's format byte do not have them.
		return &errPresence{field: field, problem: "is not base64: it holds a line break"}
	}
	switch t.Kind() {
	case reflect.Struct:
		if v == nil {
			return &errPresence{field: field, problem: "is null"}
		}
		obj, ok := v.(map[string]any)
		if !ok {
			return nil // the decoder reports the mismatch
		}
		fields := fieldsOf(t, "json")
		if k, ok := undeclaredKey(obj, fields); ok && isClosed(t) {
			return errNotDeclared(join(field, k), "property")
		}
		if elem, ok := additionalOf(t); ok {
			for k, fv := range obj {
				if declaredKey(fields, k) {
					continue
				}
				if fv == nil {
					if strict && !takesNull(elem) {
						return &errPresence{field: join(field, k), problem: "is null"}
					}
					continue
				}
				if err := presenceJSON(fv, elem, join(field, k), strict); err != nil {
					return err
				}
			}
		}
		for _, f := range fields {
			fv, present := obj[f.name]
			required := f.requiredIn(strict)
			if !present {
				if required {
					return &errPresence{field: join(field, f.name), problem: "is required"}
				}
				continue
			}
			if strict && f.readOnly && fv != nil {
				// As kin-openapi's request validation says.
				return &errPresence{field: join(field, f.name), problem: "is read-only: a request cannot set it"}
			}
			if strict && f.zero != "" && isJSONZero(fv) {
				text, _ := json.Marshal(fv)
				return &errPresence{field: join(field, f.name), problem: "is " + string(text) + ", which its " + f.zero + " refuses"}
			}
			if fv == nil {
				if (required || strict) && !takesNull(f.typ) {
					return &errPresence{field: join(field, f.name), problem: "is null"}
				}
				continue
			}
			if err := presenceJSON(fv, f.typ, join(field, f.name), strict); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		arr, _ := v.([]any)
		for _, item := range arr {
			if item == nil {
				if strict && !takesNull(t.Elem()) {
					return &errPresence{field: field + "[]", problem: "holds null"}
				}
				continue
			}
			if err := presenceJSON(item, t.Elem(), field+"[]", strict); err != nil {
				return err
			}
		}
	case reflect.Map:
		obj, _ := v.(map[string]any)
		for k, item := range obj {
			if item == nil {
				if strict && !takesNull(t.Elem()) {
					return &errPresence{field: join(field, k), problem: "is null"}
				}
				continue
			}
			if err := presenceJSON(item, t.Elem(), join(field, k), strict); err != nil {
				return err
			}
		}
	}
	return nil
}

// rfc3339Hour reports whether s, a date-time that time.Parse takes, has
// the two-digit hour RFC 3339 demands (YYYY-MM-DDTHH:...): the layout's
// "15" also takes one digit, which kin-openapi's pattern refuses.
func rfc3339Hour(s string) bool {
	return len(s) > 13 && s[10] == 'T' && '0' <= s[11] && s[11] <= '9' && '0' <= s[12] && s[12] <= '9' && s[13] == ':'
}

// join names a nested field, a.b.
func join(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// exactKeys removes from the tree v, in place, every key of a struct's
// object that is not a field's exact key, and reports whether it removed
// any: such keys are no properties of the schema, but encoding/json would
// bind one that differs from a field's key only by case.
func exactKeys(v jsonNode, t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if e, ok := nullableOf(t); ok {
		t = e
	}
	if opaque(t, "json") {
		return false
	}
	removed := false
	switch t.Kind() {
	case reflect.Struct:
		obj, _ := v.(map[string]any)
		fields := fieldsOf(t, "json")
		for k, fv := range obj {
			var f *presenceField
			for i := range fields {
				if fields[i].name == k {
					f = &fields[i]
				}
			}
			if f == nil {
				if isClosed(t) {
					// Kept, for presenceJSON to refuse.
					continue
				}
				if elem, ok := additionalOf(t); ok {
					// One of its other keys, kept.
					removed = exactKeys(fv, elem) || removed
					continue
				}
				delete(obj, k)
				removed = true
				continue
			}
			removed = exactKeys(fv, f.typ) || removed
		}
	case reflect.Slice, reflect.Array:
		arr, _ := v.([]any)
		for _, item := range arr {
			removed = exactKeys(item, t.Elem()) || removed
		}
	case reflect.Map:
		obj, _ := v.(map[string]any)
		for _, item := range obj {
			removed = exactKeys(item, t.Elem()) || removed
		}
	}
	return removed
}

// xmlNode is an XML element as read for presence checks.
type xmlNode struct {
	name     string
	attrs    map[string]bool
	children []*xmlNode
}

// decodeXMLTree reads the root element of an XML document.
func decodeXMLTree(body []byte) (*xmlNode, error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.CharsetReader = charsetReader
	var stack []*xmlNode
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &xmlNode{name: tok.Name.Local, attrs: map[string]bool{}}
			for _, a := range tok.Attr {
				if a.Name.Space != "xmlns" && !(a.Name.Space == "" && a.Name.Local == "xmlns") {
					// (A namespace declaration is no attribute of the schema's.)
					n.attrs[a.Name.Local] = true
				}
			}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.children = append(top.children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			n := stack[len(stack)-1]
			if stack = stack[:len(stack)-1]; len(stack) == 0 {
				return n, nil
			}
		}
	}
}

// presenceXML checks element n against type t: every required element or
// attribute of a struct is there (it reads answers: a writeOnly property
// is not required). A required array is not checked (an unwrapped empty
// array has no element), its items are.
func presenceXML(n *xmlNode, t reflect.Type, field string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if e, ok := nullableOf(t); ok {
		t = e
	}
	if t.Kind() != reflect.Struct || opaque(t, "xml") {
		return nil
	}
	if isClosed(t) {
		if err := undeclaredXML(n, fieldsOf(t, "xml"), field); err != nil {
			return err
		}
	}
	for _, f := range fieldsOf(t, "xml") {
		name := join(field, f.name)
		if f.attr {
			if f.requiredIn(false) && !n.attrs[f.name] && !takesNull(f.typ) {
				// (XML has no null: a Nullable attribute left out is null.)
				return &errPresence{field: name, problem: "is required"}
			}
			continue
		}
		kids := n.named(f.name)
		for seg := range strings.SplitSeq(f.path, ">") {
			if seg != "" {
				var next []*xmlNode
				for _, k := range kids {
					next = append(next, k.named(seg)...)
				}
				kids = next
			}
		}
		ft := f.typ
		if ft.Kind() == reflect.Slice && ft.Elem().Kind() != reflect.Uint8 {
			ft = ft.Elem()
		} else if len(kids) == 0 && f.requiredIn(false) && !takesNull(ft) {
			// (XML has no null: a Nullable left out is null.)
			return &errPresence{field: name, problem: "is required"}
		}
		for _, k := range kids {
			if err := presenceXML(k, ft, name); err != nil {
				return err
			}
		}
	}
	return nil
}

// undeclaredXML refuses an attribute or a child element of n, the
// element of a closed struct, that none of its fields declares.
func undeclaredXML(n *xmlNode, fields []presenceField, field string) error {
	declared := func(name string, attr bool) bool {
		for i := range fields {
			if fields[i].name == name && fields[i].attr == attr {
				return true
			}
		}
		return false
	}
	first := ""
	for a := range n.attrs {
		if !declared(a, true) && (first == "" || a < first) {
			first = a
		}
	}
	if first != "" {
		return errNotDeclared(join(field, first), "attribute")
	}
	for _, c := range n.children {
		if !declared(c.name, false) {
			return errNotDeclared(join(field, c.name), "element")
		}
	}
	return nil
}

// named lists the children of n called name.
func (n *xmlNode) named(name string) []*xmlNode {
	var out []*xmlNode
	for _, c := range n.children {
		if c.name == name {
			out = append(out, c)
		}
	}
	return out
}

// decodeStrictJSON decodes body into dst (a pointer) as the schema reads
// it rather than as encoding/json would: keys bind exactly (a key that
// differs from a property's only by case is no property, and is ignored),
// a key given twice in an object is refused, a required property must be
// present and no value may be null. Those failures are *errPresence.
func decodeStrictJSON(body []byte, dst any) error {
	t := reflect.TypeOf(dst).Elem()
	if scanPresence(body, t, true, true) {
		// Each key once and exact, every check passed: nothing for the
		// tree to find or rewrite (presence_scan.go).
		return json.Unmarshal(body, dst)
	}
	tree, err := decodeJSONTree(body)
	if err != nil {
		return err
	}
	if exactKeys(tree, t) {
		if body, err = json.Marshal(tree); err != nil {
			return err
		}
	}
	if err := json.Unmarshal(body, dst); err != nil {
		return err
	}
	return presenceJSON(tree, t, "", true)
}

// charsetReader reads the single-byte encodings an XML answer may declare
// besides UTF-8: ISO-8859-1 (Latin-1) and US-ASCII.
func charsetReader(charset string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii":
		b, err := io.ReadAll(in)
		if err != nil {
			return nil, err
		}
		runes := make([]rune, len(b))
		for i, c := range b {
			runes[i] = rune(c)
		}
		return strings.NewReader(string(runes)), nil
	}
	return nil, fmt.Errorf("unsupported XML encoding %q", charset)
}
