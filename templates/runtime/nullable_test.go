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

// nullableAttrDoc holds Nullable attributes of several kinds.
type nullableAttrDoc struct {
	XMLName xml.Name          `xml:"d"`
	Code    Nullable[string]  `xml:"code,attr,omitempty"`
	Count   Nullable[int]     `xml:"count,attr"`
	Ok      Nullable[bool]    `xml:"ok,attr,omitempty"`
	Ratio   Nullable[float64] `xml:"ratio,attr,omitempty"`
}

// TestNullableXMLAttr: a Nullable attribute that is set is written as
// encoding/xml writes one of its type (escaped, empty string included);
// null and absent write no attribute; a present attribute reads as a
// value, an absent one leaves the Nullable absent; a value of the wrong
// type is an error.
func TestNullableXMLAttr(t *testing.T) {
	v := nullableAttrDoc{Code: NewNullable(`a"<&b`), Count: Null[int](), Ok: NewNullable(false), Ratio: NewNullable(0.5)}
	b, err := xml.Marshal(v)
	want := `<d code="a&#34;&lt;&amp;b" ok="false" ratio="0.5"></d>`
	if err != nil || string(b) != want {
		t.Fatalf("got %s %v, want %s", b, err, want)
	}
	var back nullableAttrDoc
	if err := xml.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Code != v.Code || back.Ok != v.Ok || back.Ratio != v.Ratio || back.Count.Set {
		t.Errorf("got %+v, want %+v (Count absent)", back, v)
	}
	empty, err := xml.Marshal(nullableAttrDoc{Code: NewNullable("")})
	if err != nil || string(empty) != `<d code=""></d>` {
		t.Errorf("empty string: got %s %v", empty, err)
	}
	if err := xml.Unmarshal([]byte(`<d count="x"></d>`), &back); err == nil {
		t.Error(`count="x" decoded into Nullable[int]`)
	}
	if err := xml.Unmarshal([]byte(`<d count="7"></d>`), &back); err != nil || back.Count != NewNullable(7) {
		t.Errorf("count=7: %+v %v", back.Count, err)
	}
}
