package runtime

import (
	"encoding/json"
	"encoding/xml"
	"reflect"
	"testing"
)

// nullableDoc has a required and an optional Nullable, as the builder
// tags them.
type nullableDoc struct {
	Must Nullable[int]    `json:"must" xml:"must"`
	May  Nullable[string] `json:"may,omitzero" xml:"may,omitempty"`
	List []Nullable[int]  `json:"list,omitempty" xml:"list,omitempty"`
}

// TestNullableJSON: absent, null and a value each round-trip; an absent
// optional one is left out, an absent required one is written null.
func TestNullableJSON(t *testing.T) {
	for _, c := range []struct {
		v    nullableDoc
		want string
	}{
		{nullableDoc{}, `{"must":null}`},
		{nullableDoc{Must: NewNullable(0), May: Null[string]()}, `{"must":0,"may":null}`},
		{nullableDoc{Must: Null[int](), May: NewNullable(""), List: []Nullable[int]{Null[int](), NewNullable(2)}}, `{"must":null,"may":"","list":[null,2]}`},
	} {
		b, err := json.Marshal(c.v)
		if err != nil || string(b) != c.want {
			t.Errorf("%+v: got %s %v, want %s", c.v, b, err, c.want)
			continue
		}
		var back nullableDoc
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if c.v.Must.Set == false {
			c.v.Must = Null[int]()
		}
		if back.Must != c.v.Must || back.May != c.v.May || len(back.List) != len(c.v.List) {
			t.Errorf("%s: got %+v, want %+v", b, back, c.v)
		}
	}
	var n Nullable[int]
	if err := json.Unmarshal([]byte(`"x"`), &n); err == nil {
		t.Error("a string decoded into Nullable[int]")
	}
}

// TestNullableXML: a value is an element, null and absent are none.
func TestNullableXML(t *testing.T) {
	b, err := xml.Marshal(nullableDoc{Must: NewNullable(3), May: Null[string]()})
	if err != nil || string(b) != `<nullableDoc><must>3</must></nullableDoc>` {
		t.Fatalf("got %s %v", b, err)
	}
	var back nullableDoc
	if err := xml.Unmarshal([]byte(`<d><may>hi</may></d>`), &back); err != nil {
		t.Fatal(err)
	}
	if back.May != NewNullable("hi") || back.Must.Set {
		t.Errorf("got %+v", back)
	}
}

// TestNullablePresence: the server's presence checks take null for a
// Nullable, required or not, and still want a required one present.
func TestNullablePresence(t *testing.T) {
	for body, ok := range map[string]bool{
		`{"must":null}`:                       true,
		`{"must":1,"may":null,"list":[null]}`: true,
		`{}`:                                  false,
		`{"may":"x"}`:                         false,
	} {
		var v nullableDoc
		err := decodeStrictJSON([]byte(body), &v)
		if (err == nil) != ok {
			t.Errorf("%s: %v, want ok=%v", body, err, ok)
		}
	}
	n, err := decodeXMLTree([]byte(`<d><may>x</may></d>`))
	if err != nil {
		t.Fatal(err)
	}
	if err := presenceXML(n, reflect.TypeFor[nullableDoc](), ""); err != nil {
		t.Errorf("XML: a required Nullable left out is null: %v", err)
	}
}
