package kinfuzz_test

// JSON round trips of every schema kind of issue 11: a seeded generator
// of valid values (unions of each shape, Nullable in its three states,
// maps, free-form values, formats, enums, recursion), and the spec's own
// examples.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/nexmogen/nexmogen/generated/kinfuzz"
)

// gen makes valid values of the document's types from a seeded source.
type gen struct{ r *rand.Rand }

func (g gen) n(max int) int { return g.r.IntN(max) }
func (g gen) coin() bool    { return g.r.IntN(2) == 0 }
func ptr[T any](v T) *T     { return &v }
func (g gen) word(min int) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	b := make([]byte, min+g.n(4))
	for i := range b {
		b[i] = letters[g.n(len(letters))]
	}
	return string(b)
}

// short is a word of at most 3 letters, maybe empty.
func (g gen) short() string { w := g.word(3); return w[:g.n(4)] }

// any3 is a Nullable in one of its three states: absent, null, set.
func any3[T any](g gen, v func() T) kinfuzz.Nullable[T] {
	switch g.n(3) {
	case 0:
		return kinfuzz.Nullable[T]{}
	case 1:
		return kinfuzz.Null[T]()
	}
	return kinfuzz.NewNullable(v())
}

// raw is a free-form JSON value, compact.
func (g gen) raw(depth int) json.RawMessage {
	switch k := g.n(6); {
	case k == 0:
		return json.RawMessage(`null`)
	case k == 1:
		return json.RawMessage(fmt.Sprint(g.n(1000) - 500))
	case k == 2:
		b, _ := json.Marshal(g.word(0))
		return b
	case k == 3 || depth > 2:
		return json.RawMessage(`true`)
	case k == 4:
		return json.RawMessage(`[` + string(g.raw(depth+1)) + `,` + string(g.raw(depth+1)) + `]`)
	}
	return json.RawMessage(`{"` + g.word(1) + `":` + string(g.raw(depth+1)) + `}`)
}

func (g gen) shape() kinfuzz.Shape {
	if g.coin() {
		return kinfuzz.Shape{Circle: &kinfuzz.Circle{Radius: float64(g.n(100)) / 4}}
	}
	return kinfuzz.Shape{Square: &kinfuzz.Square{Side: float64(g.n(100))}}
}

func (g gen) tagged() kinfuzz.Tagged {
	if g.coin() {
		return kinfuzz.Tagged{Cat: &kinfuzz.Cat{Kind: "cat", Lives: g.n(10)}}
	}
	return kinfuzz.Tagged{Dog: &kinfuzz.Dog{Kind: "dog", Bark: g.word(1)}}
}

func (g gen) implicit() kinfuzz.Implicit {
	if g.coin() {
		return kinfuzz.Implicit{Car: &kinfuzz.Car{Vehicle: "Car", Wheels: kinfuzz.CarWheels(3 + g.n(2))}}
	}
	return kinfuzz.Implicit{Boat: &kinfuzz.Boat{Vehicle: "Boat", Sails: g.n(5)}}
}

func (g gen) either() kinfuzz.Either {
	if g.coin() {
		return kinfuzz.Either{Named: &kinfuzz.Named{Name: g.word(1)}}
	}
	return kinfuzz.Either{Numbered: &kinfuzz.Numbered{Number: g.n(1 << 20)}}
}

func (g gen) scalars() kinfuzz.Scalars {
	var s kinfuzz.Scalars
	switch g.n(3) {
	case 0:
		s.Ident = &kinfuzz.ScalarsIdent{String: ptr(g.word(1))}
	case 1:
		s.Ident = &kinfuzz.ScalarsIdent{Integer: ptr(1 + g.n(99))}
	}
	switch g.n(3) {
	case 0:
		s.Label = &kinfuzz.ScalarsLabel{String: ptr(g.short())}
	case 1:
		s.Label = &kinfuzz.ScalarsLabel{Boolean: ptr(g.coin())}
	}
	switch g.n(3) {
	case 0:
		s.Amount = &kinfuzz.ScalarsAmount{Number: ptr(float64(g.n(400)) / 4)}
	case 1:
		s.Amount = &kinfuzz.ScalarsAmount{String: ptr(fmt.Sprint(g.n(1000)))}
	}
	for range g.n(3) {
		s.Shapes = append(s.Shapes, g.shape())
	}
	return s
}

func (g gen) nullables() kinfuzz.Nullables {
	at := time.Date(1970+g.n(100), time.Month(1+g.n(12)), 1+g.n(28), g.n(24), g.n(60), g.n(60), g.n(1e9), time.UTC)
	n := kinfuzz.Nullables{
		Must:  kinfuzz.NewNullable(1 + g.n(9)),
		Name:  any3(g, func() string { return g.word(2) }),
		Color: any3(g, func() kinfuzz.NullablesColor { return []kinfuzz.NullablesColor{"red", "green"}[g.n(2)] }),
		At:    any3(g, func() time.Time { return at }),
		Owner: any3(g, func() kinfuzz.Named { return kinfuzz.Named{Name: g.word(1)} }),
		Tags: any3(g, func() []kinfuzz.Nullable[string] {
			out := []kinfuzz.Nullable[string]{}
			for range g.n(3) {
				if g.coin() {
					out = append(out, kinfuzz.Null[string]())
				} else {
					out = append(out, kinfuzz.NewNullable(g.word(1)[:1]))
				}
			}
			return out
		}),
		Counts: any3(g, func() map[string]kinfuzz.Nullable[int] {
			m := map[string]kinfuzz.Nullable[int]{}
			for range g.n(3) {
				if g.coin() {
					m[g.word(1)] = kinfuzz.Null[int]()
				} else {
					m[g.word(1)] = kinfuzz.NewNullable(g.n(50))
				}
			}
			return m
		}),
	}
	if g.coin() {
		n.Must = kinfuzz.Null[int]()
	}
	return n
}

func (g gen) maps() kinfuzz.Maps {
	var m kinfuzz.Maps
	for range g.n(3) {
		if m.Labels == nil {
			m.Labels = map[string]string{}
		}
		m.Labels[g.word(1)] = g.short()
	}
	if g.coin() {
		m.Any = g.raw(0)
	}
	for _, dst := range []*map[string]json.RawMessage{&m.Loose, &m.Open} {
		for range g.n(3) {
			if *dst == nil {
				*dst = map[string]json.RawMessage{}
			}
			(*dst)[g.word(1)] = g.raw(1)
		}
	}
	for range g.n(3) {
		if m.Parts == nil {
			m.Parts = map[string]kinfuzz.Part{}
		}
		m.Parts[g.word(1)] = kinfuzz.Part{N: g.word(1)}
	}
	if g.coin() {
		m.Mixed = &kinfuzz.MapsMixed{ID: g.n(100)}
		for range g.n(3) {
			if m.Mixed.AdditionalProperties == nil {
				m.Mixed.AdditionalProperties = map[string]int{}
			}
			m.Mixed.AdditionalProperties["x"+g.word(1)] = g.n(100)
		}
	}
	return m
}

func (g gen) formats() kinfuzz.Formats {
	f := kinfuzz.Formats{At: time.Date(2000+g.n(30), 2, 29, 23, 59, 59, g.n(1e9), time.FixedZone("", 60*(g.n(1500)-750)))}
	if g.coin() {
		f.Day = &kinfuzz.Date{Year: 2024, Month: time.Month(1 + g.n(12)), Day: 1 + g.n(28)}
	}
	if g.coin() {
		f.Raw = []byte(g.word(1))
	}
	if g.coin() {
		f.ID, f.Mail, f.Site = "123e4567-e89b-12d3-a456-426614174000", g.word(1)+"@example.com", "https://example.com/"+g.word(0)
		f.V4, f.V6, f.Host = fmt.Sprintf("192.0.2.%d", g.n(256)), "2001:db8::"+fmt.Sprint(g.n(10)), g.word(1)+".example"
		f.Opens, f.Lasts = fmt.Sprintf("%02d:%02d:00Z", g.n(24), g.n(60)), fmt.Sprintf("P%dD", g.n(9))
		f.Ids = []string{"00000000-0000-0000-0000-000000000000"}
	}
	return f
}

func (g gen) rules() kinfuzz.Rules {
	r := kinfuzz.Rules{Five: 5 * (g.n(20) - 10), Half: float64(g.n(20)) / 2, Tenth: float64(g.n(5)) / 10}
	if g.coin() {
		r.Level, r.Ratio, r.Yes = kinfuzz.RulesLevel(1+g.n(3)), []kinfuzz.RulesRatio{0.5, 1.5}[g.n(2)], true
	}
	r.Mode = any3(g, func() kinfuzz.RulesMode { return []kinfuzz.RulesMode{"on", "off"}[g.n(2)] })
	return r
}

func (g gen) tree(depth int) kinfuzz.Tree {
	t := kinfuzz.Tree{Name: g.word(2)}
	if depth > 3 {
		return t
	}
	for range g.n(3) {
		t.Children = append(t.Children, g.tree(depth+1))
	}
	if g.n(3) == 0 {
		t.Parent = ptr(g.tree(depth + 1))
	}
	for range g.n(2) {
		if t.ByName == nil {
			t.ByName = map[string]kinfuzz.Tree{}
		}
		t.ByName[g.word(1)] = g.tree(depth + 1)
	}
	return t
}

// closed is a Closed of depth at most 3 (additionalProperties: false);
// its pick is a Pin or a Pen with its one key set (an empty one, {},
// would be both).
func (g gen) closed(depth int) kinfuzz.Closed {
	c := kinfuzz.Closed{ID: g.n(100) - 50, Note: g.word(0)}
	if depth < 3 && g.coin() {
		c.Child = ptr(g.closed(depth + 1))
	}
	switch g.n(3) {
	case 0:
		c.Pick = &kinfuzz.ClosedPick{Pin: &kinfuzz.Pin{A: 1 + g.n(9)}}
	case 1:
		c.Pick = &kinfuzz.ClosedPick{Pen: &kinfuzz.Pen{B: 1 + g.n(9)}}
	}
	if g.coin() {
		c.Open = &kinfuzz.Part{N: g.word(1)}
	}
	return c
}

// kinds are the generators by schema name, each returning a pointer to a
// fresh value and a pointer to decode into.
var kinds = map[string]func(gen) (v, into any){
	"Tagged":    func(g gen) (any, any) { return ptr(g.tagged()), new(kinfuzz.Tagged) },
	"Implicit":  func(g gen) (any, any) { return ptr(g.implicit()), new(kinfuzz.Implicit) },
	"Shape":     func(g gen) (any, any) { return ptr(g.shape()), new(kinfuzz.Shape) },
	"Either":    func(g gen) (any, any) { return ptr(g.either()), new(kinfuzz.Either) },
	"Scalars":   func(g gen) (any, any) { return ptr(g.scalars()), new(kinfuzz.Scalars) },
	"Nullables": func(g gen) (any, any) { return ptr(g.nullables()), new(kinfuzz.Nullables) },
	"Maps":      func(g gen) (any, any) { return ptr(g.maps()), new(kinfuzz.Maps) },
	"Formats":   func(g gen) (any, any) { return ptr(g.formats()), new(kinfuzz.Formats) },
	"Rules":     func(g gen) (any, any) { return ptr(g.rules()), new(kinfuzz.Rules) },
	"Access": func(g gen) (any, any) {
		return &kinfuzz.Access{ID: g.word(1), Pass: g.word(1), Count: g.n(5), Note: g.word(0)}, new(kinfuzz.Access)
	},
	"Tree":   func(g gen) (any, any) { return ptr(g.tree(0)), new(kinfuzz.Tree) },
	"Closed": func(g gen) (any, any) { return ptr(g.closed(0)), new(kinfuzz.Closed) },
}

// TestJSONRoundTripProperty: for 300 seeded values of every kind,
// decode(encode(v)) == v (reflect.DeepEqual; a date-time by Equal, as a
// decoded offset is a new FixedZone), and the value validates (the
// generator makes valid values, so the property covers what servers and
// clients exchange). Access is not validated: Validate judges requests,
// and its readOnly id is what a response carries.
func TestJSONRoundTripProperty(t *testing.T) {
	for name, kind := range kinds {
		t.Run(name, func(t *testing.T) {
			g := gen{rand.New(rand.NewPCG(11, uint64(len(name))))}
			for i := range 300 {
				v, into := kind(g)
				if x, ok := v.(interface{ Validate() error }); ok && name != "Access" {
					if err := x.Validate(); err != nil {
						t.Fatalf("%d: the generator made an invalid %s %+v: %v", i, name, v, err)
					}
				}
				b, err := json.Marshal(v)
				if err != nil {
					t.Fatalf("%d: %+v: %v", i, v, err)
				}
				if err := json.Unmarshal(b, into); err != nil {
					t.Fatalf("%d: %s does not decode: %v", i, b, err)
				}
				if !sameValue(v, into) {
					t.Fatalf("%d: %s decodes to\n  %+v\nwant\n  %+v", i, b, into, v)
				}
				again, err := json.Marshal(into)
				if err != nil || !bytes.Equal(again, b) {
					t.Fatalf("%d: re-encodes to %s (%v), want %s", i, again, err, b)
				}
			}
		})
	}
}

// sameValue is reflect.DeepEqual with date-times compared by Equal and
// their offsets (a decoded zone is a new *time.Location).
func sameValue(a, b any) bool {
	if fa, ok := a.(*kinfuzz.Formats); ok {
		fb := b.(*kinfuzz.Formats)
		_, oa := fa.At.Zone()
		_, ob := fb.At.Zone()
		if !fa.At.Equal(fb.At) || oa != ob {
			return false
		}
		ca, cb := *fa, *fb
		ca.At, cb.At = time.Time{}, time.Time{}
		return reflect.DeepEqual(ca, cb)
	}
	return reflect.DeepEqual(a, b)
}

// TestSpecExamplesRoundTrip: every component schema of kinfuzz.yaml with
// an example (one per kind) decodes into its Go type, validates, and
// re-encodes to an equivalent JSON document (both unmarshalled to any).
func TestSpecExamplesRoundTrip(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile("kinfuzz.yaml")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for name, ref := range doc.Components.Schemas {
		if ref.Value.Example == nil {
			continue
		}
		kind, ok := kinds[name]
		if !ok {
			t.Errorf("%s has an example but no Go type in kinds", name)
			continue
		}
		seen++
		want, err := json.Marshal(ref.Value.Example)
		if err != nil {
			t.Fatal(err)
		}
		_, into := kind(gen{rand.New(rand.NewPCG(1, 1))})
		if err := json.Unmarshal(want, into); err != nil {
			t.Errorf("%s: the example %s does not decode: %v", name, want, err)
			continue
		}
		if x, ok := into.(interface{ Validate() error }); ok && name != "Access" {
			if err := x.Validate(); err != nil {
				t.Errorf("%s: the example %s does not validate: %v", name, want, err)
			}
		}
		got, err := json.Marshal(into)
		if err != nil {
			t.Fatal(err)
		}
		if !equivalentJSON(t, got, want) {
			t.Errorf("%s: the example %s re-encodes to %s", name, want, got)
		}
	}
	if want := len(kinds); seen != want {
		t.Errorf("%d examples, want one for each of the %d kinds", seen, want)
	}
}

// equivalentJSON compares two documents as values (numbers by value).
func equivalentJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(x, y)
}
