package emit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// TestCodecTable: every kind but the enum (derived from its base) has an
// entry, every scalar entry has every form, and asking a kind for a form it
// does not have, or an unknown kind for anything, panics.
func TestCodecTable(t *testing.T) {
	scalar := map[ir.Kind]bool{ir.KindString: true, ir.KindInt: true, ir.KindFloat: true, ir.KindBool: true}
	for k := ir.Kind(0); k < ir.NumKinds; k++ {
		if k == ir.KindEnum {
			continue
		}
		c, ok := codecs[k]
		if !ok {
			t.Errorf("kind %d has no codec", k)
			continue
		}
		if c.goType == nil {
			t.Errorf("kind %d has no Go type", k)
		}
		if scalar[k] && (c.text == nil || c.parser == "" || c.zero == nil || c.isZero == nil || c.nonZero == nil || c.show == nil) {
			t.Errorf("scalar kind %d lacks a form: %+v", k, c)
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
