package build

import (
	"cmp"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// xmlName is a schema's explicit element name (xml.name, its own or its
// allOf parts'), or "".
func xmlName(s *openapi3.Schema) string {
	if s.XML != nil && s.XML.Name != "" {
		return s.XML.Name
	}
	for _, part := range s.AllOf {
		if part.Value != nil && part.Value.XML != nil && part.Value.XML.Name != "" && s.XML == nil {
			return part.Value.XML.Name
		}
	}
	return ""
}

// xmlTag is the xml struct tag value of a property, honouring the OpenAPI
// xml object: a renamed element, an attribute, and arrays wrapped
// (`features>feature`) or not (one element per item, named by the items'
// xml.name).
func (b *builder) xmlTag(p property, optional bool) string {
	s := p.schema.Value
	name := p.name
	if s.XML != nil && s.XML.Name != "" {
		name = s.XML.Name
		if !jsonTagName(name) || strings.ContainsAny(name, " >") {
			b.diags.Addf(b.pos(s.XML.Origin), "unsupported: xml.name %q cannot be an XML struct tag", name)
		}
	}
	if s.XML != nil && (s.XML.Namespace != "" || s.XML.Prefix != "") {
		b.diags.Addf(b.pos(s.XML.Origin), "unsupported: xml namespace and prefix")
	}
	suffix := ""
	if optional {
		suffix = ",omitempty"
	}
	if s.XML != nil && s.XML.Attribute {
		return name + ",attr" + suffix
	}
	if !s.Type.Is("array") || s.Items == nil || s.Items.Value == nil {
		return name + suffix
	}
	item := p.name
	if x := s.Items.Value.XML; x != nil && x.Name != "" {
		item = x.Name
	}
	if s.XML != nil && s.XML.Wrapped {
		return name + ">" + item + suffix
	}
	if s.XML != nil && s.XML.Name != "" && (s.Items.Value.XML == nil || s.Items.Value.XML.Name == "") {
		return name + suffix
	}
	return item + suffix
}

// xmlBytes reports what an XML body cannot carry: byte and binary values
// (encoding/xml writes a []byte as its raw bytes, not base64, so the wire
// would not be what the spec says), maps and free-form values (XML has no
// form for an object of arbitrary keys or for any JSON value; encoding/xml
// refuses a map).
func (b *builder) xmlBytes() {
	seen := map[string]bool{}
	for _, op := range b.api.AllOperations() {
		if op.Body != nil && op.Body.Media.Codec == ir.MediaXML {
			b.xmlBody(op, op.Body.Type, "request body", seen)
		}
		for _, r := range op.Responses {
			if r.Type != nil && ir.HasCodec(r.Media, ir.MediaXML) {
				for _, t := range b.responseXML(r) {
					b.xmlBody(op, t, "response "+r.Code(), seen)
				}
			}
		}
		if xmlBody(op) {
			for _, t := range b.byMediaXML(op.Body.Type) {
				b.xmlBytesIn(t, seen)
			}
		}
	}
}

// xmlBody reports a whole XML body that is a map or free-form value, at
// its operation, and what its fields cannot carry.
func (b *builder) xmlBody(op *ir.Operation, t ir.TypeRef, what string, seen map[string]bool) {
	if looseKind(t) {
		b.diags.Addf(op.Pos, "unsupported: the XML %s of %s is a map or free-form value (XML has no form for one)", what, op.ID)
		return
	}
	if t.Kind == ir.KindUnion {
		b.xmlUnionRoot(t)
	}
	b.xmlBytesIn(t, seen)
}

// xmlUnionRoot names the elements of a union that is a whole XML body: the
// union's own (its xml.name, else its name), which its scalar variants are
// written as, and each object variant's: its own xml.name, else the
// union's (unless it is a body's root already). A variant is read only
// from an element of its name, so the root element tells object variants
// apart before their contents do.
func (b *builder) xmlUnionRoot(t ir.TypeRef) {
	st := b.structByName(t.Name)
	if st == nil || st.Union == nil {
		return
	}
	if st.XMLName == "" {
		st.XMLName = cmp.Or(b.elements[st.GoName], st.Name)
	}
	for _, f := range st.Fields {
		if v := b.structByName(f.Type.Name); f.Type.Kind == ir.KindStruct && v != nil && v.XMLName == "" {
			v.XMLName = cmp.Or(b.elements[v.GoName], st.XMLName)
		}
	}
}

// xmlUnion gives a union reachable from an XML body its XML methods
// (ir.Union.XML), and reports the variants XML cannot tell apart or carry:
// an array (a whole array is no one element), a map or free-form value,
// and two scalar variants of a oneOf (XML text has no type: "5" is a
// string and an integer). Its variants are then walked as fields are.
func (b *builder) xmlUnion(st *ir.Struct, seen map[string]bool) {
	st.Union.XML = true
	var scalar *ir.Field
	for _, f := range st.Fields {
		switch {
		case f.Type.Kind == ir.KindArray:
			b.diags.Addf(f.Pos, "unsupported: an array variant of a oneOf or anyOf in an XML body (an array is no one element)")
			continue
		case looseKind(f.Type):
			b.diags.Addf(f.Pos, "unsupported: a map or free-form variant of a oneOf or anyOf in an XML body (XML has no form for one)")
			continue
		case f.Type.Kind == ir.KindStruct || f.Type.Kind == ir.KindUnion || f.Type.Kind == ir.KindGo:
		case scalar != nil && st.Union.OneOf:
			b.diags.Addf(f.Pos, "unsupported: oneOf variants %s and %s in an XML body: XML text has no type, so no rule tells them apart", scalar.GoName, f.GoName)
		default:
			scalar = f
		}
		if holdsBytes(f.Type) {
			b.diags.Addf(f.Pos, "unsupported: a variant of format byte or binary in an XML body (encoding/xml would write raw bytes, not base64)")
		}
		b.xmlBytesIn(f.Type, seen)
	}
}

// xmlBytesIn reports the byte, map and free-form fields reachable from a
// value of type t.
func (b *builder) xmlBytesIn(t ir.TypeRef, seen map[string]bool) {
	switch t.Kind {
	case ir.KindArray:
		b.xmlBytesIn(*t.Elem, seen)
	case ir.KindStruct, ir.KindUnion:
		if seen[t.Name] {
			return
		}
		seen[t.Name] = true
		st := b.structByName(t.Name)
		if st == nil {
			return
		}
		if st.Union != nil {
			b.xmlUnion(st, seen)
			return
		}
		for _, f := range st.Fields {
			if holdsBytes(f.Type) {
				b.diags.Addf(f.Pos, "unsupported: property %q of format byte or binary in an XML body (encoding/xml would write raw bytes, not base64)", f.Name)
			}
			b.xmlNullable(f)
			if xmlTextKind(f.Type) && !f.Additional && !strings.Contains(f.XMLTag, ",attr") {
				// A free-form value travels as its element's text
				// (xml_freeform.go).
				st.XMLText = true
				continue
			}
			if looseKind(f.Type) {
				b.diags.Addf(f.Pos, "unsupported: property %q is a map, or a free-form value that is an attribute or in nested arrays, in an XML body (XML has no form for one)", f.Name)
				continue
			}
			b.xmlBytesIn(f.Type, seen)
		}
	case ir.KindString, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindEnum, ir.KindTime, ir.KindDate, ir.KindBytes,
		ir.KindAny, ir.KindMap, ir.KindGo, ir.KindStream:
		// Judged at the field that holds them.
	default:
		panic(unknownKind("xmlBytesIn", t.Kind))
	}
}

// holdsBytes reports whether t is bytes or an array of them.
func holdsBytes(t ir.TypeRef) bool {
	if t.Kind == ir.KindArray {
		return holdsBytes(*t.Elem)
	}
	return t.Kind == ir.KindBytes
}

// xmlTextKind reports a free-form value, or an array of them, that an XML
// body carries as its element's text.
func xmlTextKind(t ir.TypeRef) bool {
	if t.Kind == ir.KindArray && t.Elem != nil {
		t = *t.Elem
	}
	return t.Kind == ir.KindAny && !t.Nullable
}
