package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// models prints every struct of the API.
func models(api *ir.API, f *jen.File) {
	for _, st := range api.Structs {
		if st.Union != nil {
			unionType(api, f, st)
			continue
		}
		if st.ByMedia != nil {
			mediaBodyType(f, st)
			continue
		}
		f.Add(structComment(st))
		f.Type().Id(st.GoName).Struct(structFields(st)...)
		f.Line()
		additionalMethods(st, f)
		if st.Closed {
			f.Comment("closedObject tells the presence checks that " + st.GoName + " allows no property but its")
			f.Comment("fields (additionalProperties: false): any other key, element or attribute is refused.")
			f.Func().Params(jen.Id(st.GoName)).Id("closedObject").Params().Block()
			f.Line()
		}
		if st.NoProperties {
			noPropertiesMethods(f, st)
			continue
		}
		if st.XMLText {
			xmlTextMethods(f, st)
			continue
		}
		if st.XMLDecimals {
			f.Comment("MarshalXML writes " + st.GoName + " with its numbers as plain decimals (1234567.891,")
			f.Comment("not encoding/xml's 1.234567891e+06), as JSON writes them.")
			f.Func().Params(jen.Id("x").Id(st.GoName)).Id("MarshalXML").
				Params(jen.Id("e").Op("*").Qual("encoding/xml", "Encoder"), jen.Id("start").Qual("encoding/xml", "StartElement")).
				Error().Block(jen.Return(jen.Id("marshalXMLDecimals").Call(jen.Id("e"), jen.Id("start"), jen.Id("x"))))
			f.Line()
		}
	}
}

// structComment documents a struct by its role.
func structComment(st *ir.Struct) *jen.Statement {
	switch st.Role {
	case ir.RoleParams:
		return comment(st.GoName, st.Doc, "")
	case ir.RoleForm:
		if st.Multipart {
			return comment(st.GoName, "is the multipart body "+quote(st.Name)+", sent as multipart/form-data: each field is a part.", st.Doc)
		}
		return comment(st.GoName, "is the form body "+quote(st.Name)+", sent as application/x-www-form-urlencoded.", st.Doc)
	}
	return comment(st.GoName, "is the schema "+quote(st.Name)+".", st.Doc)
}

// structFields prints the fields of a struct with their tags.
func structFields(st *ir.Struct) []jen.Code {
	var out []jen.Code
	if st.XMLName != "" {
		out = append(out, jen.Comment("XMLName is the element "+quote(st.XMLName)+" in XML bodies."),
			jen.Id("XMLName").Qual("encoding/xml", "Name").Tag(map[string]string{"json": "-", "xml": st.XMLName}))
	}
	for _, fd := range st.Fields {
		where := "property"
		switch {
		case fd.Type.Kind == ir.KindStream:
			where = "file part"
		case fd.Type.Kind == ir.KindArray && fd.Type.Elem.Kind == ir.KindStream:
			where = "file parts"
		case st.Multipart && fd.Style == ir.StyleJSON:
			where = "JSON part"
		case st.Multipart:
			where = "text part"
		case st.Role != ir.RoleModel:
			where = inName(fd.In) + " field"
		}
		code := jen.Id(fd.GoName).Add(fieldType(fd))
		if tags := fieldTags(fd); len(tags) > 0 {
			code.Tag(tags)
		}
		out = append(out, fieldComment(fd, where), code)
	}
	return out
}

// fieldTags are a field's struct tags.
func fieldTags(fd *ir.Field) map[string]string {
	tags := map[string]string{}
	if fd.JSONTag != "" {
		tags["json"] = fd.JSONTag
	}
	if fd.XMLTag != "" {
		tags["xml"] = fd.XMLTag
	}
	if fd.AccessTag != "" {
		tags["nexmogen"] = fd.AccessTag
	}
	return tags
}

// additionalMethods prints the JSON methods of a struct with a field for
// its other keys (ir.Field.Additional): the declared properties bind by
// their exact keys, the others go to that field, which is written after
// them in key order (a key that is declared is not written twice).
func additionalMethods(st *ir.Struct, f *jen.File) {
	var extra *ir.Field
	var declared []*ir.Field
	for _, fd := range st.Fields {
		switch {
		case fd.Additional:
			extra = fd
		case fd.JSONTag != "" && fd.JSONTag != "-":
			declared = append(declared, fd)
		}
	}
	if extra == nil {
		return
	}
	keys := []jen.Code{jen.Id("b"), jen.Id("x").Dot(extra.GoName)}
	for _, fd := range declared {
		keys = append(keys, jen.Lit(fd.Name))
	}
	json := func(name string) *jen.Statement { return jen.Qual("encoding/json", name) }
	f.Comment("MarshalJSON writes the declared properties of " + st.GoName + ", then the keys of")
	f.Comment(extra.GoName + " that are not declared, in key order.")
	f.Func().Params(jen.Id("x").Id(st.GoName)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Type().Id("plain").Id(st.GoName),
		jen.List(jen.Id("b"), jen.Err()).Op(":=").Add(json("Marshal")).Call(jen.Id("plain").Call(jen.Id("x"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id(rt.appendAdditional).Call(keys...)),
	)
	f.Line()
	f.Comment("UnmarshalJSON reads the declared properties of " + st.GoName + " by their exact keys")
	f.Comment("(encoding/json would also take a key that differs only by case) and the")
	f.Comment("others into " + extra.GoName + ".")
	f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.Var().Id("m").Map(jen.String()).Add(json("RawMessage"))
		g.If(jen.Err().Op(":=").Add(json("Unmarshal")).Call(jen.Id("b"), jen.Op("&").Id("m")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		for _, fd := range declared {
			g.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("m").Index(jen.Lit(fd.Name)), jen.Id("ok")).Block(
				jen.If(jen.Err().Op(":=").Add(json("Unmarshal")).Call(jen.Id("v"), jen.Op("&").Id("x").Dot(fd.GoName)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Delete(jen.Id("m"), jen.Lit(fd.Name)),
			)
		}
		g.Return(jen.Id(rt.decodeAdditional).Call(jen.Id("m"), jen.Op("&").Id("x").Dot(extra.GoName)))
	})
	f.Line()
}

// noPropertiesMethods prints the decoders of an object that allows no
// property (ir.Struct.NoProperties): {} or null in JSON, an empty element
// in XML; a key, a child element, an attribute or text is an error.
func noPropertiesMethods(f *jen.File, st *ir.Struct) {
	f.Comment("UnmarshalJSON reads " + st.GoName + ", an object that allows no property")
	f.Comment("(additionalProperties: false): {} or null; any key is an error.")
	f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().
		Block(jen.Return(jen.Id(rt.decodeNoProperties).Call(jen.Lit(st.Name), jen.Id("b"))))
	f.Line()
	f.Comment("UnmarshalXML reads " + st.GoName + " as an empty element; a child element, an")
	f.Comment("attribute or text is an error.")
	f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("UnmarshalXML").Params(
		jen.Id("d").Op("*").Qual("encoding/xml", "Decoder"), jen.Id("start").Qual("encoding/xml", "StartElement"),
	).Error().Block(jen.Return(jen.Id(rt.decodeNoElements).Call(jen.Lit(st.Name), jen.Id("d"), jen.Id("start"))))
	f.Line()
}

// xmlTextMethods prints the XML methods of a struct with free-form fields
// an XML body carries: each is its element's text (and numbers are plain
// decimals), through the runtime's twin of the struct.
func xmlTextMethods(f *jen.File, st *ir.Struct) {
	xmlParams := []jen.Code{jen.Id("e").Op("*").Qual("encoding/xml", "Encoder"), jen.Id("start").Qual("encoding/xml", "StartElement")}
	f.Comment("MarshalXML writes " + st.GoName + " with its free-form values as their elements' text")
	f.Comment("(a JSON string its text, a number or boolean its literal, null no element).")
	f.Func().Params(jen.Id("x").Id(st.GoName)).Id("MarshalXML").Params(xmlParams...).Error().
		Block(jen.Return(jen.Id(rt.marshalXMLText).Call(jen.Id("e"), jen.Id("start"), jen.Id("x"))))
	f.Line()
	f.Comment("UnmarshalXML reads " + st.GoName + ", each free-form value its element's text as a JSON string.")
	f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("UnmarshalXML").Params(
		jen.Id("d").Op("*").Qual("encoding/xml", "Decoder"), jen.Id("start").Qual("encoding/xml", "StartElement"),
	).Error().Block(jen.Return(jen.Id(rt.unmarshalXMLText).Call(jen.Id("d"), jen.Id("start"), jen.Id("x"))))
	f.Line()
	f.Comment("xmlTwinned tells the presence checks that " + st.GoName + "'s tags still describe its XML.")
	f.Func().Params(jen.Id(st.GoName)).Id("xmlTwinned").Params().Block()
	f.Line()
}
