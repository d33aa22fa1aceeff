package examples

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestCompare: the verdicts and notes, and that a lost, added or changed
// value differs.
func TestCompare(t *testing.T) {
	str := &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}}}
	s := &openapi3.Schema{Type: &openapi3.Types{"object"}, Required: []string{"id"},
		Properties: openapi3.Schemas{"id": str, "name": str, "at": str, "tags": {Value: &openapi3.Schema{Type: &openapi3.Types{"array"}, Items: str}}}}
	for _, c := range []struct {
		want, got, verdict, note string
	}{
		{`{"id":"a","tags":["x"]}`, `{"tags":["x"],"id":"a"}`, Same, ""},
		{`{"id":"a","n":1.50}`, `{"id":"a","n":1.5}`, Same, ""},
		{`{"id":"a","n":1.5}`, `{"id":"a","n":1.25}`, Differs, `$.n: the number 1.5 became 1.25`},
		{`{"id":"a","name":""}`, `{"id":"a"}`, Equivalent, NoteZeroAbsent},
		{`{"id":"a","tags":[]}`, `{"id":"a"}`, Equivalent, NoteZeroAbsent},
		{`{"id":"","name":"b"}`, `{"name":"b"}`, Differs, `$.id: the value "" was lost`},
		{`{"id":"a","at":"2024-01-01T00:00:00.000Z"}`, `{"id":"a","at":"2024-01-01T00:00:00Z"}`, Equivalent, NoteTimeText},
		{`{"id":"a","at":"2024-01-01T00:00:00+01:00"}`, `{"id":"a","at":"2023-12-31T23:00:00Z"}`, Differs, `$.at: "2024-01-01T00:00:00+01:00" became "2023-12-31T23:00:00Z"`},
		{`{"id":"a"}`, `{"id":"a","name":"x"}`, Differs, `$.name: the value "x" was added`},
		{`{"id":"a","tags":["x","y"]}`, `{"id":"a","tags":["x"]}`, Differs, `$.tags: 2 items became 1`},
		{`[1, 2.0]`, `[1, 2]`, Same, ""},
	} {
		verdict, notes := Compare(s, c.want, c.got)
		if verdict != c.verdict || (c.note != "" && (len(notes) != 1 || notes[0] != c.note)) {
			t.Errorf("%s against %s: %s %q, want %s %q", c.got, c.want, verdict, notes, c.verdict, c.note)
		}
	}
	// A key no property declares is not kept by a struct; one of
	// additionalProperties (the struct's AdditionalProperties) must be.
	plain := &openapi3.Schema{Type: &openapi3.Types{"object"}, Properties: openapi3.Schemas{"id": str}}
	if v, notes := Compare(plain, `{"id":"a","other":1}`, `{"id":"a"}`); v != Equivalent || notes[0] != NoteUndeclared {
		t.Errorf("an undeclared key: %s %q", v, notes)
	}
	yes := true
	open := &openapi3.Schema{Type: &openapi3.Types{"object"}, Properties: openapi3.Schemas{"id": str}, AdditionalProperties: openapi3.AdditionalProperties{Has: &yes}}
	if v, notes := Compare(open, `{"id":"a","extra":{"k":1}}`, `{"id":"a"}`); v != Differs || notes[0] != `$.extra: the value {"k":1} was lost` {
		t.Errorf("a lost additional property: %s %q", v, notes)
	}
}
