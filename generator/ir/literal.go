package ir

import (
	"fmt"
	"strconv"
	"time"
)

// LiteralKind is the family of a Literal: which of its fields holds the
// value.
type LiteralKind int

// The families of literal. LitNone is the zero Literal: no value (the
// Bound of a rule that has none).
const (
	LitNone LiteralKind = iota
	// LitString is Literal.Str: a string, or an enum's string value.
	LitString
	// LitInt is Literal.Int: an integer, a length or size bound, or an
	// enum's integer value.
	LitInt
	// LitFloat is Literal.Float: a number.
	LitFloat
	// LitBool is Literal.Bool.
	LitBool
	// LitTime is Literal.Time: the default of a date-time.
	LitTime
	// LitDate is Literal.Date: the default of a date.
	LitDate
	// LitBytes is Literal.Bytes: the default of a byte value, decoded
	// from its base64 text.
	LitBytes
	// LitJSON is Literal.JSON: the default of an array, object, map,
	// union or free-form value, as its JSON text (encoding/json's
	// encoding of the spec's value, keys sorted), decoded into a fresh
	// value of the field's Go type each time it is applied.
	LitJSON
	// NumLiteralKinds counts the families above; it is none itself.
	NumLiteralKinds
)

// String names the family, for messages and panics.
func (k LiteralKind) String() string {
	if k >= 0 && k < NumLiteralKinds {
		return [...]string{"none", "string", "int", "float", "bool", "time", "date", "bytes", "json"}[k]
	}
	return "LiteralKind(" + strconv.Itoa(int(k)) + ")"
}

// Literal is a typed value of the spec written into the generated code: a
// default (Field.Default), a rule's bound (Rule.Bound) or an enum's value
// (EnumValue.Value). The builder converts kin-openapi's decoded values
// into literals in one place, each of the family its field's kind takes;
// the emitters print them through the codec table.
type Literal struct {
	Kind LiteralKind
	// The value, in the field of its Kind; the others are zero.
	Str   string
	Int   int64
	Float float64
	Bool  bool
	Time  time.Time
	Date  Date
	Bytes []byte
	JSON  string
}

// StringLit is the literal of a string.
func StringLit(s string) Literal { return Literal{Kind: LitString, Str: s} }

// IntLit is the literal of an integer.
func IntLit(n int64) Literal { return Literal{Kind: LitInt, Int: n} }

// FloatLit is the literal of a number.
func FloatLit(f float64) Literal { return Literal{Kind: LitFloat, Float: f} }

// BoolLit is the literal of a boolean.
func BoolLit(b bool) Literal { return Literal{Kind: LitBool, Bool: b} }

// TimeLit is the literal of a date-time.
func TimeLit(t time.Time) Literal { return Literal{Kind: LitTime, Time: t} }

// DateLit is the literal of a date.
func DateLit(d Date) Literal { return Literal{Kind: LitDate, Date: d} }

// BytesLit is the literal of a byte value.
func BytesLit(b []byte) Literal { return Literal{Kind: LitBytes, Bytes: b} }

// JSONLit is the literal of a structured or free-form value: its JSON text.
func JSONLit(text string) Literal { return Literal{Kind: LitJSON, JSON: text} }

// Date is a calendar date literal: the default of a date value.
type Date struct {
	Year, Month, Day int
}

// Equal reports whether l and o are the same value of the same family
// (an int 0 is not a float 0; times are equal as instants in the same
// location, as ==).
func (l Literal) Equal(o Literal) bool {
	if l.Kind != o.Kind {
		return false
	}
	switch l.Kind {
	case LitNone:
		return true
	case LitString:
		return l.Str == o.Str
	case LitInt:
		return l.Int == o.Int
	case LitFloat:
		return l.Float == o.Float
	case LitBool:
		return l.Bool == o.Bool
	case LitTime:
		return l.Time == o.Time
	case LitDate:
		return l.Date == o.Date
	case LitBytes:
		return string(l.Bytes) == string(o.Bytes)
	case LitJSON:
		return l.JSON == o.JSON
	}
	panic("ir: Equal of a literal of unknown kind " + l.Kind.String())
}

// GoZero reports whether l is the zero value of the Go type a scalar or
// date-time takes ("", 0, false, the zero time.Time): a field at its zero
// already holds such a default. A date, bytes or JSON default never is (an
// absent one is nil, or not a date).
func (l Literal) GoZero() bool {
	switch l.Kind {
	case LitString:
		return l.Str == ""
	case LitInt:
		return l.Int == 0
	case LitFloat:
		return l.Float == 0
	case LitBool:
		return !l.Bool
	case LitTime:
		return l.Time.IsZero()
	case LitNone, LitDate, LitBytes, LitJSON:
		return false
	}
	panic("ir: GoZero of a literal of unknown kind " + l.Kind.String())
}

// Number is a numeric literal (an int or a float) as a float64. It panics
// on another family: a bound is always a number.
func (l Literal) Number() float64 {
	switch l.Kind {
	case LitInt:
		return float64(l.Int)
	case LitFloat:
		return l.Float
	case LitNone, LitString, LitBool, LitTime, LitDate, LitBytes, LitJSON:
	}
	panic("ir: Number of a " + l.Kind.String() + " literal")
}

// Text is a scalar literal as the spec's text, for messages and comments:
// a string as it is (unquoted), a number in its shortest form, a bool as
// true or false. It panics on another family.
func (l Literal) Text() string {
	switch l.Kind {
	case LitString:
		return l.Str
	case LitInt:
		return strconv.FormatInt(l.Int, 10)
	case LitFloat:
		return strconv.FormatFloat(l.Float, 'g', -1, 64)
	case LitBool:
		return strconv.FormatBool(l.Bool)
	case LitNone, LitTime, LitDate, LitBytes, LitJSON:
	}
	panic(fmt.Sprintf("ir: Text of a %s literal", l.Kind))
}

// Scalar reports whether l is a string, int, float or bool literal.
func (l Literal) Scalar() bool {
	switch l.Kind {
	case LitString, LitInt, LitFloat, LitBool:
		return true
	case LitNone, LitTime, LitDate, LitBytes, LitJSON:
		return false
	}
	panic("ir: Scalar of a literal of unknown kind " + l.Kind.String())
}
