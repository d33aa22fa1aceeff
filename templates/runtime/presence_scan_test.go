package runtime

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// scanDoc has a field of each kind the presence checks look into.
type scanDoc struct {
	ID      int                  `json:"id"`
	Ok      bool                 `json:"ok"`
	Name    string               `json:"name,omitempty" nexmogen:"zero=minLength"`
	Level   float64              `json:"level,omitempty" nexmogen:"zero=enum"`
	Serial  string               `json:"serial,omitempty" nexmogen:"required,readOnly"`
	Secret  string               `json:"secret,omitempty" nexmogen:"required,writeOnly"`
	At      time.Time            `json:"at,omitzero"`
	Raw     []byte               `json:"raw,omitempty"`
	Maybe   Nullable[int]        `json:"maybe,omitzero"`
	Must    Nullable[scanInner]  `json:"must"`
	Inner   *scanInner           `json:"inner,omitempty"`
	Items   []scanInner          `json:"items,omitempty"`
	Holes   []Nullable[int]      `json:"holes,omitempty"`
	ByKey   map[string]scanInner `json:"byKey,omitempty"`
	Free    any                  `json:"free,omitempty"`
	Text    json.RawMessage      `json:"text,omitempty"`
	Mixed   *scanMixed           `json:"mixed,omitempty"`
	Closed  *closedDoc           `json:"closed,omitempty"`
	Self    *scanDoc             `json:"self,omitempty"`
	Numbers []int                `json:"numbers,omitempty"`
}

// scanInner is a nested struct with a required key.
type scanInner struct {
	Key string `json:"key"`
	N   int    `json:"n,omitempty"`
}

// scanMixed has properties and additionalProperties (its other keys, as
// the generated UnmarshalJSON keeps them).
type scanMixed struct {
	ID    int            `json:"id"`
	Other map[string]int `json:"-" nexmogen:"additional"`
}

func (x *scanMixed) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	if v, ok := m["id"]; ok {
		if err := json.Unmarshal(v, &x.ID); err != nil {
			return err
		}
		delete(m, "id")
	}
	return decodeAdditional(m, &x.Other)
}

// treeVerdict is what the tree checks say of body read as t: nil when the
// body passes (and, with exact, exactKeys would remove nothing).
func treeVerdict(body []byte, t reflect.Type, strict, exact bool) error {
	tree, err := decodeJSONTree(body)
	if err != nil {
		return err
	}
	if exact && exactKeys(tree, t) {
		return fmt.Errorf("exactKeys removes a key")
	}
	return presenceJSON(tree, t, "", strict)
}

// scanBodies are documents for scanDoc: the first scanValid ones valid for
// the client's readings (and, without their readOnly serial, for the
// server's), then ones that fail one of them.
const scanValid = 5

var scanBodies = []string{
	`{"id":1,"ok":false,"must":null,"serial":"s","secret":"x"}`,
	` { "id" : 0 , "ok" : true , "must" : { "key" : "" } , "serial":"s","secret":"x"} `,
	`{"id":1,"ok":true,"must":null,"name":"n","level":0.5,"at":"2026-01-02T03:04:05Z","raw":"aGk=","maybe":null,
	  "inner":{"key":"k","n":2},"items":[{"key":"a"},{"key":"b","n":-1e3}],"holes":[1,null,3],
	  "byKey":{"x":{"key":"x"},"y":{"key":"y"}},"free":{"a":[1,{"b":null}],"c":"\u00e9"},"text":{"z":[true,false,null]},
	  "mixed":{"id":3,"more":4,"less":5},"closed":{"name":"c","items":[{"name":"d"}]},
	  "self":{"id":2,"ok":true,"must":{"key":"q"},"serial":"s","secret":"x"},"numbers":[0,-0,1.5e-3,12345678901234567890],
	  "serial":"s","secret":"x"}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","free":"\"\\\/\b\f\n\r\t\ud83d\ude00"}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","byKey":{}, "items":[], "free":{}}`,
	// Failures of some reading.
	`{"ok":true,"must":null,"serial":"s","secret":"x"}`,               // id missing
	`{"id":1,"ok":true,"serial":"s","secret":"x"}`,                    // must missing
	`{"id":1,"ok":true,"must":null,"secret":"x"}`,                     // serial missing (a response's)
	`{"id":1,"ok":true,"must":null,"serial":"s"}`,                     // secret missing (a request's)
	`{"id":null,"ok":true,"must":null,"serial":"s","secret":"x"}`,     // null required
	`{"id":1,"id":2,"ok":true,"must":null,"serial":"s","secret":"x"}`, // twice
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","free":{"a":1,"a":2}}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","name":""}`,      // zero refused
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","level":-0.0e5}`, // zero refused
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","level":1e-400}`, // parses as 0
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","at":"2026-01-02T3:04:05Z"}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","raw":"aG\nk="}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","name":null}`,    // null optional
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","holes":[null]}`, // allowed
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","numbers":[null]}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","byKey":{"a":null}}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","byKey":{"a":{}}}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","items":[{"n":1}]}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","inner":null}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","mixed":{"id":1,"x":null}}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","mixed":{"x":1}}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","closed":{"name":"a","x":1}}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","other":1}`, // exactKeys removes it
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","ID":1}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","self":{"id":1}}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","\u0069d":1}`, // escaped key
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x"} {}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x"`,
	`{"id":01,"ok":true,"must":null,"serial":"s","secret":"x"}`,
	`{"id":1.,"ok":true,"must":null,"serial":"s","secret":"x"}`,
	`{"id":1,"ok":tru,"must":null,"serial":"s","secret":"x"}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x","free":"\x"}`,
	`{"id":1,"ok":true,"must":null,"serial":"s","secret":"x",}`,
	`[]`, `null`, `"x"`, `1`, ``, `{}`,
}

// TestScanPresenceAgreesWithTree: the scanner passes a body only when the
// tree checks do, for the client's reading, the server's (strict) and
// the exact one of unions and request bodies; and it does pass the valid
// bodies, so that they take the path that allocates nothing.
func TestScanPresenceAgreesWithTree(t *testing.T) {
	typ := reflect.TypeFor[scanDoc]()
	passed := 0
	bodies := slices.Clone(scanBodies)
	for _, body := range scanBodies[:scanValid] {
		// The server's reading refuses the readOnly serial.
		bodies = append(bodies, strings.ReplaceAll(body, `"serial":"s",`, ""))
	}
	for i, body := range bodies {
		valid := i < scanValid || i >= len(scanBodies)
		for _, mode := range []struct{ strict, exact bool }{{false, false}, {false, true}, {true, true}} {
			scan := scanPresence([]byte(body), typ, mode.strict, mode.exact)
			tree := treeVerdict([]byte(body), typ, mode.strict, mode.exact)
			switch {
			case scan && tree != nil:
				t.Errorf("strict=%v exact=%v %s: the scanner passes it, the tree says %v", mode.strict, mode.exact, body, tree)
			case !scan && tree == nil && valid:
				t.Errorf("strict=%v exact=%v %s: the tree passes it, the scanner sends it to the tree", mode.strict, mode.exact, body)
			case scan:
				passed++
			}
		}
	}
	if want := 3 * scanValid; passed < want {
		t.Errorf("the scanner passed %d readings, want at least the %d of the valid bodies", passed, want)
	}
}

// TestDecodeStrictJSONErrorsUnchanged: the server's strict decoding gives
// the tree checks' errors for the failures the scanner leaves to them.
func TestDecodeStrictJSONErrorsUnchanged(t *testing.T) {
	for body, want := range map[string]string{
		`{"ok":true,"must":null,"secret":"x"}`:                         "the field id is required",
		`{"id":1,"id":2,"ok":true,"must":null,"secret":"x"}`:           `the field "id" is given twice`,
		`{"id":1,"ok":true,"must":null,"secret":"x","name":""}`:        `the field name is "", which its minLength refuses`,
		`{"id":1,"ok":true,"must":null,"secret":"x","serial":"s"}`:     "the field serial is read-only: a request cannot set it",
		`{"id":1,"ok":true,"must":null,"secret":"x","items":[{}]}`:     "the field items[].key is required",
		`{"id":1,"ok":true,"must":null,"secret":"x","numbers":[null]}`: "the field numbers[] holds null",
	} {
		var v scanDoc
		err := decodeStrictJSON([]byte(body), &v)
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", body, err, want)
		}
	}
	var v scanDoc
	body := `{"id":7,"ok":true,"must":{"key":"k"},"secret":"x","ID":9,"Name":"case"}`
	if err := decodeStrictJSON([]byte(body), &v); err != nil || v.ID != 7 || v.Name != "" {
		t.Errorf("%s: %v %+v: keys that differ by case must not bind", body, err, v)
	}
}

// FuzzScanPresence: whatever the bytes, the scanner never passes a body
// the tree checks refuse (go test -fuzz FuzzScanPresence -fuzztime 60s).
func FuzzScanPresence(f *testing.F) {
	for _, b := range scanBodies {
		f.Add([]byte(b), false, false)
		f.Add([]byte(b), true, true)
	}
	typ := reflect.TypeFor[scanDoc]()
	f.Fuzz(func(t *testing.T, body []byte, strict, exact bool) {
		if scanPresence(body, typ, strict, exact) {
			if err := treeVerdict(body, typ, strict, exact); err != nil {
				t.Fatalf("strict=%v exact=%v %q: the scanner passes it, the tree says %v", strict, exact, body, err)
			}
		}
	})
}

// scanPage is a 100-item answer, as the benchmarks' number search gives.
func scanPage() []byte {
	var b strings.Builder
	b.WriteString(`{"id":100,"ok":true,"must":null,"serial":"s","secret":"x","items":[`)
	for i := range 100 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"key":"4412345678%02d","n":%d}`, i, i)
	}
	b.WriteString(`],"byKey":{"a":{"key":"a"}},"free":{"x":[1,2,3]}}`)
	return []byte(b.String())
}

// TestScanPresenceAllocatesNothing: a valid answer's check allocates
// nothing once its type's plan is built.
func TestScanPresenceAllocatesNothing(t *testing.T) {
	page, typ := scanPage(), reflect.TypeFor[*scanDoc]()
	if !scanPresence(page, typ, false, false) {
		t.Fatal("the page does not pass")
	}
	if n := testing.AllocsPerRun(20, func() { scanPresence(page, typ, false, false) }); n != 0 {
		t.Errorf("%v allocations per check, want 0", n)
	}
}

// BenchmarkPresence is the presence check of a 100-item answer: the
// scanner (the path of a valid answer) against the tree checks.
func BenchmarkPresence(b *testing.B) {
	page, typ := scanPage(), reflect.TypeFor[scanDoc]()
	b.Run("scan", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			if !scanPresence(page, typ, false, false) {
				b.Fatal("refused")
			}
		}
	})
	b.Run("tree", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			if err := treeVerdict(page, typ, false, false); err != nil {
				b.Fatal(err)
			}
		}
	})
}
