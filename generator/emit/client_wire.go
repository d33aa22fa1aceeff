package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// A Secret prints "[REDACTED]" even through encoding/json and
// encoding/xml, so that a model logged as JSON shows no secret; but a
// body that holds one must carry its value on the wire. For every struct
// the builder gives a twin (ir.Struct.Wire), wire.go (shared by the
// client and the server) has the twin, whose secrets are plain strings
// (same JSON and XML tags, same XMLName), and a wire method that copies
// the struct into its twin, revealing the secrets: the client marshals the
// twin of a request body, the server stubs that of a response body.

// wired reports whether st travels as its wire twin (ir.Struct.Wire).
func wired(st *ir.Struct) bool { return st != nil && st.Wire != "" }

// clientWires prints the twins and their wire methods.
func clientWires(api *ir.API, f *jen.File) {
	need := wired
	for _, st := range api.Structs {
		if !need(st) {
			continue
		}
		twin := st.Wire
		f.Comment(twin + " is " + st.GoName + " as sent on the wire: its secrets are plain strings.")
		f.Type().Id(twin).StructFunc(func(g *jen.Group) {
			if st.XMLName != "" {
				g.Id("XMLName").Qual("encoding/xml", "Name").Tag(map[string]string{"json": "-", "xml": st.XMLName})
			}
			for _, fd := range st.Fields {
				t := clientWireType(fd.Type, need)
				if fd.Pointer {
					t = jen.Op("*").Add(t)
				}
				code := g.Id(fd.GoName).Add(t)
				if tags := fieldTags(fd); len(tags) > 0 {
					code.Tag(tags)
				}
			}
		})
		f.Line()
		f.Comment("wire copies x into its twin, revealing its secrets.")
		f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("wire").Params().Id(twin).BlockFunc(func(g *jen.Group) {
			g.Var().Id("w").Id(twin)
			if st.XMLName != "" {
				g.Id("w").Dot("XMLName").Op("=").Id("x").Dot("XMLName")
			}
			for _, fd := range st.Fields {
				clientWireCopy(g, fd, need)
			}
			g.Return(jen.Id("w"))
		})
		f.Line()
		if st.ByMedia != nil {
			mediaBodyWires(f, st, twin)
		}
	}
}

// clientWireType is the twin's type of a value of type t.
func clientWireType(t ir.TypeRef, need func(*ir.Struct) bool) *jen.Statement {
	switch {
	case t.Nullable:
		return jen.Id(rt.Nullable).Types(clientWireType(t.Base(), need))
	case t.Kind == ir.KindString && t.Secret:
		return jen.String()
	case t.Kind == ir.KindStruct && need(t.Struct):
		return jen.Id(t.Struct.Wire)
	case t.Kind == ir.KindArray:
		return jen.Index().Add(clientWireType(*t.Elem, need))
	case t.Kind == ir.KindMap:
		return jen.Map(jen.String()).Add(clientWireType(*t.Elem, need))
	}
	return goType(t)
}

// clientWireValue converts v, of type t, to the twin's type.
func clientWireValue(t ir.TypeRef, v *jen.Statement, need func(*ir.Struct) bool) *jen.Statement {
	switch {
	case t.Nullable && !clientSame(t, need):
		base := t.Base()
		return jen.Id(rt.mapNullable).Call(v, jen.Func().Params(jen.Id("v").Add(goType(base))).Add(clientWireType(base, need)).Block(
			jen.Return(clientWireValue(base, jen.Id("v"), need))))
	case t.Nullable:
		return v
	case t.Kind == ir.KindArray && !clientSame(t, need):
		// Inside a Nullable (clientWireCopy copies other arrays).
		return jen.Id(rt.mapSlice).Call(v, jen.Func().Params(jen.Id("v").Add(goType(*t.Elem))).Add(clientWireType(*t.Elem, need)).Block(
			jen.Return(clientWireValue(*t.Elem, jen.Id("v"), need))))
	case t.Kind == ir.KindString && t.Secret:
		return v.Dot("Reveal").Call()
	case t.Kind == ir.KindStruct && need(t.Struct):
		return v.Dot("wire").Call()
	}
	return v
}

// clientWireCopy prints the copy of one field into the twin w.
func clientWireCopy(g *jen.Group, fd *ir.Field, need func(*ir.Struct) bool) {
	x, w := jen.Id("x").Dot(fd.GoName), jen.Id("w").Dot(fd.GoName)
	switch {
	case fd.Type.Kind == ir.KindArray && !fd.Type.Nullable && !clientSame(*fd.Type.Elem, need):
		g.If(x.Clone().Op("!=").Nil()).Block(
			w.Clone().Op("=").Make(clientWireType(fd.Type, need), jen.Len(x.Clone())),
			jen.For(jen.Id("i").Op(":=").Range().Add(x.Clone())).Block(
				w.Clone().Index(jen.Id("i")).Op("=").Add(clientWireValue(*fd.Type.Elem, x.Clone().Index(jen.Id("i")), need)),
			),
		)
	case fd.Type.Kind == ir.KindMap && !clientSame(*fd.Type.Elem, need):
		g.If(x.Clone().Op("!=").Nil()).Block(
			w.Clone().Op("=").Make(clientWireType(fd.Type, need), jen.Len(x.Clone())),
			jen.For(jen.List(jen.Id("k"), jen.Id("item")).Op(":=").Range().Add(x.Clone())).Block(
				w.Clone().Index(jen.Id("k")).Op("=").Add(clientWireValue(*fd.Type.Elem, jen.Id("item"), need)),
			),
		)
	case fd.Pointer && !clientSame(fd.Type, need):
		g.If(x.Clone().Op("!=").Nil()).Block(
			jen.Id("v").Op(":=").Add(clientWireValue(fd.Type, x.Clone(), need)),
			w.Clone().Op("=").Op("&").Id("v"),
		)
	default:
		g.Add(w.Clone().Op("=").Add(clientWireValue(fd.Type, x.Clone(), need)))
	}
}

// clientSame reports whether values of type t are copied as they are.
func clientSame(t ir.TypeRef, need func(*ir.Struct) bool) bool {
	switch t.Kind {
	case ir.KindString:
		return !t.Secret
	case ir.KindStruct:
		return !need(t.Struct)
	case ir.KindArray, ir.KindMap:
		return clientSame(*t.Elem, need)
	case ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindEnum, ir.KindTime, ir.KindDate, ir.KindBytes, ir.KindAny, ir.KindGo, ir.KindUnion, ir.KindStream:
		return true
	}
	panic(unknownKind("clientSame", t.Kind))
}
