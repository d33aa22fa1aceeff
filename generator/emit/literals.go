package emit

import (
	"fmt"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// scalarLit prints a string, int, float or bool literal untyped, so that
// it takes the type of where it goes (a named integer type, a Secret):
// jennifer would print an int64 as int64(n). It panics on another family.
func scalarLit(l ir.Literal) *jen.Statement {
	switch l.Kind {
	case ir.LitString:
		return jen.Lit(l.Str)
	case ir.LitInt:
		return jen.Lit(int(l.Int))
	case ir.LitFloat:
		return jen.Lit(l.Float)
	case ir.LitBool:
		return jen.Lit(l.Bool)
	case ir.LitNone, ir.LitTime, ir.LitDate, ir.LitBytes, ir.LitJSON:
	}
	panic(fmt.Sprintf("emit: a %s literal is not a scalar", l.Kind))
}

// scalarOf is the codec's literal of a scalar kind: l printed untyped,
// when it is of the family want.
func scalarOf(want ir.LiteralKind) func(ir.TypeRef, ir.Literal) *jen.Statement {
	return func(t ir.TypeRef, l ir.Literal) *jen.Statement {
		return scalarLit(family(t, l, want))
	}
}

// family returns l, or panics when it is not of the family want: the
// builder gives each kind's values the family the kind takes.
func family(t ir.TypeRef, l ir.Literal, want ir.LiteralKind) ir.Literal {
	if l.Kind != want {
		panic(fmt.Sprintf("emit: a %s literal for a value of kind %s (%s), which takes %s", l.Kind, t.Kind, t.Name, want))
	}
	return l
}

// timeLit prints a date-time literal as a time.Date call.
func timeLit(t ir.TypeRef, l ir.Literal) *jen.Statement {
	d := family(t, l, ir.LitTime).Time
	loc := jen.Qual("time", "UTC")
	if _, off := d.Zone(); off != 0 {
		loc = jen.Qual("time", "FixedZone").Call(jen.Lit(""), jen.Lit(off))
	}
	return jen.Qual("time", "Date").Call(jen.Lit(d.Year()), jen.Qual("time", d.Month().String()), jen.Lit(d.Day()),
		jen.Lit(d.Hour()), jen.Lit(d.Minute()), jen.Lit(d.Second()), jen.Lit(d.Nanosecond()), loc)
}

// dateLit prints a date literal as a composite literal of the runtime's
// Date.
func dateLit(t ir.TypeRef, l ir.Literal) *jen.Statement {
	d := family(t, l, ir.LitDate).Date
	return jen.Id(rt.Date).Values(jen.Dict{
		jen.Id("Year"): jen.Lit(d.Year), jen.Id("Month"): jen.Qual("time", time.Month(d.Month).String()), jen.Id("Day"): jen.Lit(d.Day),
	})
}

// bytesLit prints a bytes literal as a []byte conversion of its string.
func bytesLit(t ir.TypeRef, l ir.Literal) *jen.Statement {
	return jen.Index().Byte().Call(jen.Lit(string(family(t, l, ir.LitBytes).Bytes)))
}

// decodedLit prints a JSON literal as a fresh value of t decoded from its
// text by the runtime's defaultOf.
func decodedLit(t ir.TypeRef, l ir.Literal) *jen.Statement {
	return jen.Id(rt.defaultOf).Types(goType(t)).Call(jen.Lit(family(t, l, ir.LitJSON).JSON))
}

// rawLit prints a JSON literal of a free-form value: the text itself.
func rawLit(t ir.TypeRef, l ir.Literal) *jen.Statement {
	return jen.Qual("encoding/json", "RawMessage").Call(jen.Lit(family(t, l, ir.LitJSON).JSON))
}

// literalText renders a scalar literal for comments: strings quoted. It
// panics on another family.
func literalText(l ir.Literal) string {
	if l.Kind == ir.LitString {
		return quote(l.Str)
	}
	return l.Text()
}

// unknownKind is the panic of a switch over kinds that meets a kind it
// does not know (every switch lists them all: TestKindSwitchesExhaustive).
func unknownKind(where string, k ir.Kind) string {
	return "emit: " + where + ": unknown kind " + k.String()
}
