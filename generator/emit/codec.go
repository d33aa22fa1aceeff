package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// codec is everything the emitters print about a value of one kind
// (ARCHITECTURE.md rule 2): adding a kind means one ir.Kind, the builder's
// format mapping, one entry of codecs, and one runtime parser. A function
// left nil means the kind has no such form (a struct is never written as
// query text): asking for it panics, since the builder should have refused
// the spec.
type codec struct {
	// goType prints the Go type of a value.
	goType func(t ir.TypeRef) *jen.Statement
	// text prints the wire text of v for a query, path, header or form
	// value.
	text func(v *jen.Statement) *jen.Statement
	// parser is the runtime's parser of wire text (server_wire.go,
	// server_formats.go); generic ones are instantiated with the value's
	// type (an enum's own).
	parser  string
	generic bool
	// zero prints the zero value; isZero the test that v holds it (an
	// optional value that is zero is absent), nonZero the test that it
	// does not.
	zero    func() *jen.Statement
	isZero  func(v *jen.Statement) *jen.Statement
	nonZero func(v *jen.Statement) *jen.Statement
	// show prints v as the text of a validation message.
	show func(v *jen.Statement) *jen.Statement
	// literal prints l, a literal of the family the kind takes
	// (ir.Literal), as a value of type t: a default, an enum's value.
	literal func(t ir.TypeRef, l ir.Literal) *jen.Statement
	// textLen, of a kind that is a string on the wire (date-time, date,
	// bytes), prints the length in characters of v's wire text without
	// allocating: what minLength and maxLength judge (README: string
	// rules on formatted values).
	textLen func(v *jen.Statement) *jen.Statement
}

// codecs is the table, one entry per kind (enums and secrets are derived
// from their base, see codecOf). It is filled by init: an array's Go type
// is its element's, so the table refers to itself.
var codecs map[ir.Kind]*codec

func init() { codecs = codecTable() }

// codecTable builds codecs.
func codecTable() map[ir.Kind]*codec {
	return map[ir.Kind]*codec{
		ir.KindString: {
			goType:  func(ir.TypeRef) *jen.Statement { return jen.String() },
			literal: scalarOf(ir.LitString),
			text:    func(v *jen.Statement) *jen.Statement { return v },
			parser:  rt.srvParseString,
			generic: true,
			zero:    func() *jen.Statement { return jen.Lit("") },
			isZero:  func(v *jen.Statement) *jen.Statement { return v.Op("==").Lit("") },
			nonZero: func(v *jen.Statement) *jen.Statement { return v.Op("!=").Lit("") },
			show:    func(v *jen.Statement) *jen.Statement { return v },
		},
		ir.KindInt: {
			goType:  func(ir.TypeRef) *jen.Statement { return jen.Int() },
			literal: scalarOf(ir.LitInt),
			text:    func(v *jen.Statement) *jen.Statement { return jen.Qual("strconv", "Itoa").Call(v) },
			parser:  rt.srvParseInt,
			generic: true,
			zero:    func() *jen.Statement { return jen.Lit(0) },
			isZero:  func(v *jen.Statement) *jen.Statement { return v.Op("==").Lit(0) },
			nonZero: func(v *jen.Statement) *jen.Statement { return v.Op("!=").Lit(0) },
			show:    func(v *jen.Statement) *jen.Statement { return jen.Qual("strconv", "Itoa").Call(v) },
		},
		ir.KindFloat: {
			goType:  func(ir.TypeRef) *jen.Statement { return jen.Float64() },
			literal: scalarOf(ir.LitFloat),
			text: func(v *jen.Statement) *jen.Statement {
				return jen.Qual("strconv", "FormatFloat").Call(v, jen.LitByte('f'), jen.Lit(-1), jen.Lit(64))
			},
			parser:  rt.srvParseFloat,
			generic: true,
			zero:    func() *jen.Statement { return jen.Lit(0) },
			isZero:  func(v *jen.Statement) *jen.Statement { return v.Op("==").Lit(0) },
			nonZero: func(v *jen.Statement) *jen.Statement { return v.Op("!=").Lit(0) },
			show: func(v *jen.Statement) *jen.Statement {
				return jen.Qual("strconv", "FormatFloat").Call(v, jen.LitByte('g'), jen.Lit(-1), jen.Lit(64))
			},
		},
		ir.KindBool: {
			goType:  func(ir.TypeRef) *jen.Statement { return jen.Bool() },
			literal: scalarOf(ir.LitBool),
			text:    func(v *jen.Statement) *jen.Statement { return jen.Qual("strconv", "FormatBool").Call(v) },
			parser:  rt.srvParseBool,
			generic: true,
			zero:    func() *jen.Statement { return jen.False() },
			isZero:  func(v *jen.Statement) *jen.Statement { return jen.Op("!").Add(v) },
			nonZero: func(v *jen.Statement) *jen.Statement { return v },
			show:    func(v *jen.Statement) *jen.Statement { return jen.Qual("strconv", "FormatBool").Call(v) },
		},
		ir.KindTime: {
			goType:  func(ir.TypeRef) *jen.Statement { return jen.Qual("time", "Time") },
			literal: timeLit,
			text: func(v *jen.Statement) *jen.Statement {
				return recv(v).Dot("Format").Call(jen.Qual("time", "RFC3339Nano"))
			},
			parser:  rt.srvParseTime,
			zero:    func() *jen.Statement { return jen.Qual("time", "Time").Values() },
			isZero:  func(v *jen.Statement) *jen.Statement { return recv(v).Dot("IsZero").Call() },
			nonZero: func(v *jen.Statement) *jen.Statement { return jen.Op("!").Add(recv(v)).Dot("IsZero").Call() },
			show: func(v *jen.Statement) *jen.Statement {
				return recv(v).Dot("Format").Call(jen.Qual("time", "RFC3339Nano"))
			},
			textLen: func(v *jen.Statement) *jen.Statement { return jen.Id(rt.timeTextLen).Call(v) },
		},
		ir.KindDate: {
			goType:  func(ir.TypeRef) *jen.Statement { return jen.Id(rt.Date) },
			literal: dateLit,
			text:    func(v *jen.Statement) *jen.Statement { return recv(v).Dot("String").Call() },
			parser:  rt.srvParseDate,
			zero:    func() *jen.Statement { return jen.Id(rt.Date).Values() },
			isZero:  func(v *jen.Statement) *jen.Statement { return recv(v).Dot("IsZero").Call() },
			nonZero: func(v *jen.Statement) *jen.Statement { return jen.Op("!").Add(recv(v)).Dot("IsZero").Call() },
			show:    func(v *jen.Statement) *jen.Statement { return recv(v).Dot("String").Call() },
			textLen: func(v *jen.Statement) *jen.Statement { return jen.Id(rt.dateTextLen).Call(v) },
		},
		ir.KindBytes: {
			goType:  func(ir.TypeRef) *jen.Statement { return jen.Index().Byte() },
			literal: bytesLit,
			text: func(v *jen.Statement) *jen.Statement {
				return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(v)
			},
			parser:  rt.srvParseBytes,
			zero:    func() *jen.Statement { return jen.Nil() },
			isZero:  func(v *jen.Statement) *jen.Statement { return v.Op("==").Nil() },
			nonZero: func(v *jen.Statement) *jen.Statement { return v.Op("!=").Nil() },
			show: func(v *jen.Statement) *jen.Statement {
				return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodeToString").Call(v)
			},
			// Base64 text is ASCII: its length in bytes is in characters.
			textLen: func(v *jen.Statement) *jen.Statement {
				return jen.Qual("encoding/base64", "StdEncoding").Dot("EncodedLen").Call(jen.Len(v))
			},
		},
		ir.KindStruct: {
			goType:  func(t ir.TypeRef) *jen.Statement { return jen.Id(t.Name) },
			literal: decodedLit,
		},
		ir.KindUnion: {
			goType:  func(t ir.TypeRef) *jen.Statement { return jen.Id(t.Name) },
			literal: decodedLit,
		},
		// A user's type travels only in bodies, by its own methods; it
		// has no text form, zero literal or message form here (the
		// builder keeps it out of parameters and drops its rules).
		ir.KindGo: {
			goType: func(t ir.TypeRef) *jen.Statement { return jen.Qual(t.Go.Path, t.Go.Name) },
		},
		ir.KindStream: {
			goType:  func(ir.TypeRef) *jen.Statement { return jen.Qual("io", "Reader") },
			zero:    func() *jen.Statement { return jen.Nil() },
			isZero:  func(v *jen.Statement) *jen.Statement { return v.Op("==").Nil() },
			nonZero: func(v *jen.Statement) *jen.Statement { return v.Op("!=").Nil() },
		},
		ir.KindArray: {
			goType:  func(t ir.TypeRef) *jen.Statement { return jen.Index().Add(goType(*t.Elem)) },
			literal: decodedLit,
			zero:    func() *jen.Statement { return jen.Nil() },
			isZero:  func(v *jen.Statement) *jen.Statement { return v.Op("==").Nil() },
			nonZero: func(v *jen.Statement) *jen.Statement { return v.Op("!=").Nil() },
		},
		// A free-form value is its JSON text (README: maps and free-form
		// values), also as a form field's text; it has no message form.
		ir.KindAny: {
			goType:  func(ir.TypeRef) *jen.Statement { return jen.Qual("encoding/json", "RawMessage") },
			literal: rawLit,
			text:    func(v *jen.Statement) *jen.Statement { return jen.String().Parens(v) },
			parser:  rt.srvParseJSONText,
			zero:    func() *jen.Statement { return jen.Nil() },
			isZero:  func(v *jen.Statement) *jen.Statement { return v.Op("==").Nil() },
			nonZero: func(v *jen.Statement) *jen.Statement { return v.Op("!=").Nil() },
		},
		ir.KindMap: {
			goType:  func(t ir.TypeRef) *jen.Statement { return jen.Map(jen.String()).Add(goType(*t.Elem)) },
			literal: decodedLit,
			zero:    func() *jen.Statement { return jen.Nil() },
			isZero:  func(v *jen.Statement) *jen.Statement { return v.Op("==").Nil() },
			nonZero: func(v *jen.Statement) *jen.Statement { return v.Op("!=").Nil() },
		},
	}
}

// secretCodec is a string of the runtime's redacting Secret type: sent
// revealed, never shown.
var secretCodec = &codec{
	goType:  func(ir.TypeRef) *jen.Statement { return jen.Id(rt.Secret) },
	text:    func(v *jen.Statement) *jen.Statement { return v.Dot("Reveal").Call() },
	parser:  rt.srvParseString,
	generic: true,
	zero:    func() *jen.Statement { return jen.Lit("") },
	isZero:  func(v *jen.Statement) *jen.Statement { return v.Op("==").Lit("") },
	nonZero: func(v *jen.Statement) *jen.Statement { return v.Op("!=").Lit("") },
	show:    func(*jen.Statement) *jen.Statement { return jen.Id(rt.redacted) },
	literal: func(t ir.TypeRef, l ir.Literal) *jen.Statement {
		return jen.Id(rt.Secret).Call(scalarLit(family(t, l, ir.LitString)))
	},
}

// codecOf is the codec of values of type t. An enum is its base kind's
// codec, with its values converted to the base type to be written; a
// secret string is secretCodec. It panics on a kind without an entry.
func codecOf(api *ir.API, t ir.TypeRef) *codec {
	if t.Nullable {
		return nullableCodec(api, t)
	}
	if t.Kind == ir.KindEnum {
		return enumCodec(api, t)
	}
	return kindCodec(t)
}

// kindCodec is the codec of a type that is not an enum.
func kindCodec(t ir.TypeRef) *codec {
	if t.Kind == ir.KindString && t.Secret {
		return secretCodec
	}
	c, ok := codecs[t.Kind]
	if !ok {
		panic(fmt.Sprintf("emit: no codec for kind %s", t.Kind))
	}
	return c
}

// nullableCodec is the codec of a Nullable: absent when not Set, shown as
// its value (a validator looks at the value only when there is one). It
// has no text form or parser: a parameter, header or form field is never
// nullable (the builder's notNullable).
func nullableCodec(api *ir.API, t ir.TypeRef) *codec {
	base := t.Base()
	return &codec{
		goType:  func(ir.TypeRef) *jen.Statement { return nullableType(base) },
		zero:    func() *jen.Statement { return nullableType(base).Values() },
		isZero:  func(v *jen.Statement) *jen.Statement { return jen.Op("!").Add(recv(v)).Dot("Set") },
		nonZero: func(v *jen.Statement) *jen.Statement { return recv(v).Dot("Set") },
		show:    func(v *jen.Statement) *jen.Statement { return showValue(api, base, recv(v).Dot("Value")) },
	}
}

// nullableType prints Nullable[T] for the value type base.
func nullableType(base ir.TypeRef) *jen.Statement {
	return jen.Id(rt.Nullable).Types(goType(base))
}

// enumCodec derives an enum's codec from its base kind's.
func enumCodec(api *ir.API, t ir.TypeRef) *codec {
	e := t.Enum
	if e == nil {
		panic("emit: enum " + t.Name + " is not linked (TypeRef.Enum is nil)")
	}
	base := codecOf(api, ir.TypeRef{Kind: e.Base})
	conv := func(v *jen.Statement) *jen.Statement { return base.goType(ir.TypeRef{Kind: e.Base}).Call(v) }
	return &codec{
		goType:  func(t ir.TypeRef) *jen.Statement { return jen.Id(t.Name) },
		text:    func(v *jen.Statement) *jen.Statement { return base.text(conv(v)) },
		parser:  base.parser,
		generic: base.generic,
		zero:    base.zero,
		isZero:  base.isZero,
		nonZero: base.nonZero,
		show:    func(v *jen.Statement) *jen.Statement { return jen.Id(rt.enumText).Call(v) },
		literal: func(t ir.TypeRef, l ir.Literal) *jen.Statement {
			return jen.Id(t.Name).Call(base.literal(ir.TypeRef{Kind: e.Base}, l))
		},
	}
}

// must returns f, or panics naming what kind t lacks.
func must[F any](f F, ok bool, t ir.TypeRef, what string) F {
	if !ok {
		panic(fmt.Sprintf("emit: kind %s (%s) has no %s", t.Kind, t.Name, what))
	}
	return f
}

// wireText prints v, of type t, as the text of a query, path, header or
// form value.
func wireText(api *ir.API, t ir.TypeRef, v *jen.Statement) *jen.Statement {
	c := codecOf(api, t)
	return must(c.text, c.text != nil, t, "text form")(v)
}

// zeroOf prints the zero value of type t.
func zeroOf(api *ir.API, t ir.TypeRef) *jen.Statement {
	c := codecOf(api, t)
	return must(c.zero, c.zero != nil, t, "zero literal")()
}

// isZero prints the test that v, of type t, is its zero value.
func isZero(api *ir.API, t ir.TypeRef, v *jen.Statement) *jen.Statement {
	c := codecOf(api, t)
	return must(c.isZero, c.isZero != nil, t, "zero test")(v)
}

// nonZero prints the test that v, of type t, is not its zero value.
func nonZero(api *ir.API, t ir.TypeRef, v *jen.Statement) *jen.Statement {
	c := codecOf(api, t)
	return must(c.nonZero, c.nonZero != nil, t, "zero test")(v)
}

// showValue prints v, of type t, for a validation message.
func showValue(api *ir.API, t ir.TypeRef, v *jen.Statement) *jen.Statement {
	c := codecOf(api, t)
	return must(c.show, c.show != nil, t, "message form")(v.Clone())
}

// literalOf prints l as a value of type t, through its kind's codec.
func literalOf(api *ir.API, t ir.TypeRef, l ir.Literal) *jen.Statement {
	c := codecOf(api, t)
	return must(c.literal, c.literal != nil, t, "literal")(t, l)
}

// parserOf prints the runtime's parser of wire text into type t.
func parserOf(api *ir.API, t ir.TypeRef) *jen.Statement {
	c := codecOf(api, t)
	p := jen.Id(must(c.parser, c.parser != "", t, "parser"))
	if c.generic {
		return p.Index(goType(t))
	}
	return p
}

// recv makes v the receiver of a method call: a dereference *x.F is
// parenthesized, (*x.F).IsZero(), since *x.F.IsZero() would call the
// method on the pointer's field.
func recv(v *jen.Statement) *jen.Statement {
	if strings.HasPrefix(fmt.Sprintf("%#v", v), "*") {
		return jen.Parens(v)
	}
	return v
}
