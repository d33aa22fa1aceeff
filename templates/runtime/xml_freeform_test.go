package runtime

import (
	"encoding/json"
	"encoding/xml"
	"reflect"
	"testing"
)

// freeDoc is a struct with free-form fields read through the XML twin.
type freeDoc struct {
	XMLName xml.Name          `json:"-" xml:"doc"`
	Any     json.RawMessage   `json:"any" xml:"any"`
	List    []json.RawMessage `json:"list,omitempty" xml:"list,omitempty"`
	N       float64           `json:"n,omitempty" xml:"n,omitempty"`
	P       *float64          `json:"p,omitempty" xml:"p,omitempty"`
}

func (x freeDoc) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return marshalXMLText(e, start, x)
}

func (x *freeDoc) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	return unmarshalXMLText(d, start, x)
}

func (freeDoc) xmlTwinned() {}

// TestXMLText: each free-form value is its element's text both ways, the
// struct's numbers plain decimals; objects are refused; presence checks
// still read the struct's tags.
func TestXMLText(t *testing.T) {
	p := 0.25
	v := freeDoc{Any: json.RawMessage(`"a<b"`), List: []json.RawMessage{json.RawMessage(`1e3`), json.RawMessage(`false`), json.RawMessage(`null`)}, N: 1234567.5, P: &p}
	b, err := xml.Marshal(v)
	want := `<doc><any>a&lt;b</any><list>1e3</list><list>false</list><n>1234567.5</n><p>0.25</p></doc>`
	if err != nil || string(b) != want {
		t.Fatalf("got %s %v, want %s", b, err, want)
	}
	var back freeDoc
	if err := xml.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	var text string
	if json.Unmarshal(back.Any, &text) != nil || text != "a<b" || len(back.List) != 2 || string(back.List[0]) != `"1e3"` || back.N != v.N || back.P == nil || *back.P != p {
		t.Errorf("read back %+v", back)
	}
	if _, err := xml.Marshal(freeDoc{Any: json.RawMessage(`[1]`)}); err == nil {
		t.Error("an array was written as XML text")
	}
	if opaque(reflect.TypeFor[freeDoc](), "xml") {
		t.Error("a twinned struct is opaque to the presence checks")
	}
}
