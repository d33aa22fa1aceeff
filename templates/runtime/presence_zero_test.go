package runtime

import (
	"encoding/json"
	"reflect"
	"testing"
)

// zeroDoc has optional fields whose zero their rules refuse (the
// builder's zero=<keyword> tag option) beside one whose zero is valid.
type zeroDoc struct {
	Level int    `json:"level,omitempty" nexmogen:"zero=enum"`
	Name  string `json:"name,omitempty" nexmogen:"zero=minLength"`
	Yes   bool   `json:"yes,omitempty" nexmogen:"zero=enum"`
	Five  int    `json:"five,omitempty"`
	Raw   []byte `json:"raw,omitempty"`
}

// TestPresenceZeroRefused: the server refuses a key present at the zero
// its rules refuse ({"level":0} for enum [1, 2, 3]), which the validators
// take for absent; absent keys, other values and a field whose zero is
// valid pass; the client's (non-strict) reading tolerates them. Found by
// FuzzBodiesAgainstKin (generated/kinfuzz).
func TestPresenceZeroRefused(t *testing.T) {
	for body, ok := range map[string]bool{
		`{}`: true, `{"level":2,"name":"ab","yes":true}`: true, `{"five":0}`: true, `{"raw":""}`: true, `{"raw":"aGk="}`: true,
		`{"level":0}`: false, `{"level":-0.0}`: false, `{"name":""}`: false, `{"yes":false}`: false,
		// encoding/json's base64 skips line breaks; format byte has none.
		`{"raw":"aG\nk="}`: false, `{"raw":"aGk=\r"}`: false,
	} {
		var v zeroDoc
		err := decodeStrictJSON([]byte(body), &v)
		if (err == nil) != ok {
			t.Errorf("%s: %v, want ok=%v", body, err, ok)
		}
		tree, err := decodeJSONTree([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		if err := presenceJSON(tree, reflect.TypeFor[zeroDoc](), "", false); err != nil {
			t.Errorf("%s: the client's reading refuses it: %v", body, err)
		}
	}
	var v zeroDoc
	err := decodeStrictJSON([]byte(`{"level":0}`), &v)
	if want := `the field level is 0, which its enum refuses`; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	if optionValue("readOnly,zero=pattern", "zero") != "pattern" || optionValue("readOnly", "zero") != "" {
		t.Error("optionValue")
	}
	if isJSONZero(json.Number("1")) || !isJSONZero(json.Number("0e3")) || isJSONZero(nil) {
		t.Error("isJSONZero")
	}
}
