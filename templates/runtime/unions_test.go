package runtime

import (
	"strings"
	"testing"
)

// unionCat is a variant with a required property, as the builder tags it.
type unionCat struct {
	Kind  string `json:"kind"`
	Lives int    `json:"lives"`
}

// TestUnionDecode: a variant decodes only what its schema reads: not
// null, not another JSON type, not an object without a required property.
func TestUnionDecode(t *testing.T) {
	for body, ok := range map[string]bool{
		`{"kind":"cat","lives":0}`:    true,
		`{"kind":"cat"}`:              false,
		`{"kind":"cat","lives":null}`: false,
		`null`:                        false,
		`"cat"`:                       false,
	} {
		var c unionCat
		if err := unionDecode([]byte(body), &c); (err == nil) != ok {
			t.Errorf("%s: %v, want ok=%v", body, err, ok)
		}
	}
	var s string
	if err := unionDecode([]byte(`1`), &s); err == nil {
		t.Error("a number decoded into a string variant")
	}
}

// TestUnionTag: the discriminator is read exactly and must be a string.
func TestUnionTag(t *testing.T) {
	if tag, err := unionTag("Pet", []byte(`{"kind":"cat"}`), "kind"); err != nil || tag != "cat" {
		t.Errorf("got %q %v", tag, err)
	}
	for _, body := range []string{`{"KIND":"cat"}`, `{"kind":1}`, `[]`, `null`, `"x"`} {
		if _, err := unionTag("Pet", []byte(body), "kind"); err == nil {
			t.Errorf("%s: no error", body)
		}
	}
	if err := errUnionTag("Pet", "kind", "cow", "cat, dog"); !strings.Contains(err.Error(), "cat, dog") {
		t.Errorf("the error does not name the allowed values: %v", err)
	}
}

// TestUnionMatched: oneOf wants exactly one match, anyOf at least one.
func TestUnionMatched(t *testing.T) {
	for _, c := range []struct {
		oneOf   bool
		matched []string
		ok      bool
	}{
		{true, []string{"A"}, true}, {true, nil, false}, {true, []string{"A", "B"}, false},
		{false, []string{"A"}, true}, {false, nil, false},
	} {
		if err := unionMatched("U", c.oneOf, c.matched, "A, B"); (err == nil) != c.ok {
			t.Errorf("%+v: %v", c, err)
		}
	}
}
