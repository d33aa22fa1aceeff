package emit

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// TestCodecTable: every kind but the enum (derived from its base) has an
// entry, and each entry has every form (Go type, text writer, parser,
// zero, is-zero and not-zero tests, message form, literal) but those the
// lacks table says it has not: a new kind without its entry, or an entry
// without a form nobody said it lacks, fails here. Asking a kind for a
// form it does not have, or an unknown kind for anything, panics.
func TestCodecTable(t *testing.T) {
	none := []string{"text", "parser", "zero", "isZero", "nonZero", "show"}
	lacks := map[ir.Kind][]string{
		ir.KindStruct: none,
		ir.KindUnion:  none,
		ir.KindGo:     append([]string{"literal"}, none...),
		ir.KindStream: {"text", "parser", "show", "literal"},
		ir.KindArray:  {"text", "parser", "show"},
		ir.KindMap:    {"text", "parser", "show"},
		ir.KindAny:    {"show"},
	}
	for k := ir.Kind(0); k < ir.NumKinds; k++ {
		if k == ir.KindEnum {
			continue
		}
		c, ok := codecs[k]
		if !ok {
			t.Errorf("kind %s has no codec", k)
			continue
		}
		has := map[string]bool{
			"goType": c.goType != nil, "text": c.text != nil, "parser": c.parser != "", "zero": c.zero != nil,
			"isZero": c.isZero != nil, "nonZero": c.nonZero != nil, "show": c.show != nil, "literal": c.literal != nil,
		}
		missing := map[string]bool{}
		for _, form := range lacks[k] {
			missing[form] = true
		}
		for form, set := range has {
			switch {
			case !set && !missing[form]:
				t.Errorf("kind %s has no %s (add it to the codec, or to lacks if the kind has none)", k, form)
			case set && missing[form]:
				t.Errorf("kind %s has a %s that lacks says it has not", k, form)
			}
		}
	}
	for _, c := range []*codec{secretCodec, enumCodec(&ir.API{}, ir.TypeRef{Kind: ir.KindEnum, Name: "E", Enum: &ir.Enum{Base: ir.KindInt}})} {
		if c.goType == nil || c.text == nil || c.parser == "" || c.zero == nil || c.isZero == nil || c.nonZero == nil || c.show == nil || c.literal == nil {
			t.Errorf("a derived scalar codec lacks a form: %+v", c)
		}
	}
	api := &ir.API{}
	panics(t, "text of a struct", func() { wireText(api, ir.TypeRef{Kind: ir.KindStruct, Name: "S"}, jen.Id("v")) })
	panics(t, "parser of an array", func() { parserOf(api, ir.TypeRef{Kind: ir.KindArray, Elem: &ir.TypeRef{}}) })
	panics(t, "text of a map", func() { wireText(api, ir.TypeRef{Kind: ir.KindMap, Elem: &ir.TypeRef{}}, jen.Id("v")) })
	panics(t, "message form of a free-form value", func() { showValue(api, ir.TypeRef{Kind: ir.KindAny}, jen.Id("v")) })
	for _, c := range []struct {
		t    ir.TypeRef
		want string
	}{
		{ir.TypeRef{Kind: ir.KindAny}, "json.RawMessage"},
		{ir.TypeRef{Kind: ir.KindMap, Elem: &ir.TypeRef{Kind: ir.KindInt}}, "map[string]int"},
		{ir.TypeRef{Kind: ir.KindMap, Elem: &ir.TypeRef{Kind: ir.KindMap, Elem: &ir.TypeRef{Kind: ir.KindAny}}}, "map[string]map[string]json.RawMessage"},
	} {
		if got := fmt.Sprintf("%#v", goType(c.t)); got != c.want {
			t.Errorf("Go type of %+v: %s, want %s", c.t, got, c.want)
		}
	}
	panics(t, "unknown kind", func() { goType(ir.TypeRef{Kind: ir.NumKinds}) })
	panics(t, "enum not linked", func() { wireText(api, ir.TypeRef{Kind: ir.KindEnum, Name: "E"}, jen.Id("v")) })
}

// TestCodecEnum: an enum is written and parsed as its base kind.
func TestCodecEnum(t *testing.T) {
	level := &ir.Enum{GoName: "Level", Base: ir.KindInt}
	api := &ir.API{Enums: []*ir.Enum{level}}
	e := ir.TypeRef{Kind: ir.KindEnum, Name: "Level", Enum: level}
	for _, c := range []struct {
		got  jen.Code
		want string
	}{
		{wireText(api, e, jen.Id("v")), "strconv.Itoa(int(v))"},
		{parserOf(api, e), "srvParseInt[Level]"},
		{isZero(api, e, jen.Id("v")), "v == 0"},
		{showValue(api, e, jen.Id("v")), "enumText(v)"},
	} {
		if got := fmt.Sprintf("%#v", c.got); !strings.Contains(got, c.want) {
			t.Errorf("got %s, want %s", got, c.want)
		}
	}
}

func panics(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s: no panic", what)
		}
	}()
	f()
}

// TestCodecNullable: a nullable value is absent when not Set, shown as its
// value, typed Nullable[T], and has no wire text (parameters are never
// nullable).
func TestCodecNullable(t *testing.T) {
	api := &ir.API{}
	n := ir.TypeRef{Kind: ir.KindInt, Nullable: true}
	for _, c := range []struct {
		got  jen.Code
		want string
	}{
		{goType(n), "Nullable[int]"},
		{zeroOf(api, n), "Nullable[int]{}"},
		{isZero(api, n, jen.Id("v")), "!v.Set"},
		{nonZero(api, n, jen.Id("v")), "v.Set"},
		{showValue(api, n, jen.Id("v")), "strconv.Itoa(v.Value)"},
		{goType(ir.TypeRef{Kind: ir.KindArray, Elem: &n}), "[]Nullable[int]"},
	} {
		if got := fmt.Sprintf("%#v", c.got); !strings.Contains(got, c.want) {
			t.Errorf("got %s, want %s", got, c.want)
		}
	}
	panics(t, "text of a nullable", func() { wireText(api, n, jen.Id("v")) })
	panics(t, "parser of a nullable", func() { parserOf(api, n) })
}

// TestCodecLiterals: each kind prints a literal of its family, and a
// literal of another family panics (the builder gives each kind its own).
func TestCodecLiterals(t *testing.T) {
	level := &ir.Enum{GoName: "Level", Base: ir.KindInt}
	api := &ir.API{Enums: []*ir.Enum{level}}
	when := time.Date(2024, time.March, 1, 12, 30, 0, 5, time.UTC)
	for _, c := range []struct {
		t    ir.TypeRef
		l    ir.Literal
		want string
	}{
		{ir.TypeRef{Kind: ir.KindString}, ir.StringLit("a"), `"a"`},
		{ir.TypeRef{Kind: ir.KindString, Secret: true}, ir.StringLit("s"), `Secret("s")`},
		{ir.TypeRef{Kind: ir.KindInt}, ir.IntLit(7), "7"},
		{ir.TypeRef{Kind: ir.KindFloat}, ir.FloatLit(2), "2.0"},
		{ir.TypeRef{Kind: ir.KindBool}, ir.BoolLit(true), "true"},
		{ir.TypeRef{Kind: ir.KindEnum, Name: "Level", Enum: level}, ir.IntLit(3), "Level(3)"},
		{ir.TypeRef{Kind: ir.KindTime}, ir.TimeLit(when), "time.Date(2024, time.March, 1, 12, 30, 0, 5, time.UTC)"},
		{ir.TypeRef{Kind: ir.KindDate}, ir.DateLit(ir.Date{Year: 2024, Month: 3, Day: 1}), "Date{"},
		{ir.TypeRef{Kind: ir.KindBytes}, ir.BytesLit([]byte("hi")), `[]byte("hi")`},
		{ir.TypeRef{Kind: ir.KindAny}, ir.JSONLit(`{"a":1}`), "json.RawMessage("},
		{ir.TypeRef{Kind: ir.KindArray, Elem: &ir.TypeRef{Kind: ir.KindInt}}, ir.JSONLit(`[1]`), "defaultOf[[]int]("},
		{ir.TypeRef{Kind: ir.KindStruct, Name: "S"}, ir.JSONLit(`{}`), "defaultOf[S]("},
	} {
		if got := fmt.Sprintf("%#v", literalOf(api, c.t, c.l)); !strings.Contains(got, c.want) {
			t.Errorf("literal %+v of %s: %s, want %s", c.l, c.t.Kind, got, c.want)
		}
	}
	panics(t, "a float literal of an integer", func() { literalOf(api, ir.TypeRef{Kind: ir.KindInt}, ir.FloatLit(1)) })
	panics(t, "a string literal of an integer enum", func() {
		literalOf(api, ir.TypeRef{Kind: ir.KindEnum, Name: "Level", Enum: level}, ir.StringLit("1"))
	})
	panics(t, "a literal of a user's type", func() { literalOf(api, ir.TypeRef{Kind: ir.KindGo, Go: &ir.GoType{}}, ir.JSONLit("1")) })
	panics(t, "an untyped literal of a date", func() { scalarLit(ir.DateLit(ir.Date{})) })
}
