package build

import (
	"strings"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// xmlRootsNested reports, when the document has XML bodies, a struct that
// is a body's root element (it has an XMLName) and is also held by a field
// of a struct reachable from an XML response under another element name:
// encoding/xml refuses to marshal it ("name conflicts"), which a recursive
// schema used as an XML body always is.
func (b *builder) xmlRootsNested() {
	seen := map[string]bool{}
	var walk func(t ir.TypeRef)
	walk = func(t ir.TypeRef) {
		if t.Kind == ir.KindArray {
			walk(*t.Elem)
			return
		}
		if (t.Kind != ir.KindStruct && t.Kind != ir.KindUnion) || seen[t.Name] {
			return
		}
		seen[t.Name] = true
		st := b.structByName(t.Name)
		if st == nil {
			return
		}
		if st.Union != nil {
			for _, f := range st.Fields {
				walk(f.Type)
			}
			return
		}
		for _, f := range st.Fields {
			elem := f.Type
			for elem.Kind == ir.KindArray {
				elem = *elem.Elem
			}
			for _, inner := range b.xmlHeld(elem) {
				if inner.XMLName != "" && xmlElement(f.XMLTag) != inner.XMLName {
					b.diags.Addf(f.Pos, "unsupported: property %q holds %s, which is also an XML body's root element <%s>: encoding/xml cannot name it <%s> here", f.Name, inner.GoName, inner.XMLName, xmlElement(f.XMLTag))
				}
			}
			walk(f.Type)
		}
	}
	for _, op := range b.api.AllOperations() {
		for _, r := range op.Responses {
			if r.Type != nil && ir.HasCodec(r.Media, ir.MediaXML) {
				for _, t := range b.responseXML(r) {
					walk(t)
				}
			}
		}
		if xmlBody(op) {
			for _, t := range b.byMediaXML(op.Body.Type) {
				walk(t)
			}
		}
	}
}

// xmlElement is the element name of an xml struct tag: the last of a
// path ("features>feature"), without options.
func xmlElement(tag string) string {
	name, _, _ := strings.Cut(tag, ",")
	return name[strings.LastIndex(name, ">")+1:]
}

// xmlHeld are the structs a value of type t is written as: t's, or for a
// union each object variant's (a variant is read only from an element of
// its root name, so a property cannot hold it under another).
func (b *builder) xmlHeld(t ir.TypeRef) []*ir.Struct {
	st := b.structByName(t.Name)
	switch {
	case st == nil:
		return nil
	case t.Kind == ir.KindStruct:
		return []*ir.Struct{st}
	case t.Kind != ir.KindUnion:
		return nil
	}
	var out []*ir.Struct
	for _, f := range st.Fields {
		if f.Type.Kind == ir.KindStruct {
			out = append(out, b.xmlHeld(f.Type)...)
		}
	}
	return out
}
