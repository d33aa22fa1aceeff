package runtime

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// closedDoc allows no property but its fields (additionalProperties:
// false beside properties), as the generated closedObject method says.
type closedDoc struct {
	Name  string      `json:"name" xml:"name"`
	Kind  string      `json:"kind,omitempty" xml:"kind,attr,omitempty"`
	Inner *closedDoc  `json:"inner,omitempty" xml:"inner,omitempty"`
	Open  *openDoc    `json:"open,omitempty" xml:"open,omitempty"`
	Items []closedDoc `json:"items,omitempty" xml:"items>item,omitempty"`
}

func (closedDoc) closedObject() {}

// openDoc allows other properties, which are ignored.
type openDoc struct {
	A string `json:"a,omitempty" xml:"a,omitempty"`
}

// TestPresenceClosed: a key, element or attribute that a closed struct
// does not declare is refused by the server's and by the client's reading,
// at any depth; a key that differs from a field's only by case is no
// field's (encoding/json would bind it); an open struct inside keeps
// ignoring its other keys.
func TestPresenceClosed(t *testing.T) {
	for body, want := range map[string]string{
		`{"name":"a"}`: "",
		`{"name":"a","kind":"k","inner":{"name":"b"}}`: "",
		`{"name":"a","open":{"a":"x","other":1}}`:      "",
		`{"name":"a","items":[{"name":"b"}]}`:          "",
		`{"name":"a","x":1}`:                           `the field x is not allowed: the schema declares no such property`,
		`{"name":"a","NAME":"b"}`:                      `the field NAME is not allowed`,
		`{"name":"a","inner":{"name":"b","y":null}}`:   `the field inner.y is not allowed`,
		`{"name":"a","items":[{"name":"b","z":[]}]}`:   `the field items[].z is not allowed`,
		`{"name":"a","b":1,"a":2}`:                     `the field a is not allowed`, // the first in key order
	} {
		var v closedDoc
		err := decodeStrictJSON([]byte(body), &v)
		tree, _ := decodeJSONTree([]byte(body))
		client := presenceJSON(tree, reflect.TypeFor[closedDoc](), "", false)
		for side, err := range map[string]error{"server": err, "client": client} {
			switch {
			case want == "" && err != nil:
				t.Errorf("%s %s: %v", side, body, err)
			case want != "" && (err == nil || !strings.HasPrefix(err.Error(), want)):
				t.Errorf("%s %s: %v, want %q", side, body, err, want)
			}
		}
	}
	for body, want := range map[string]string{
		`<closedDoc><name>a</name></closedDoc>`:                                               "",
		`<closedDoc xmlns="urn:x" xmlns:p="urn:p" kind="k"><name>a</name></closedDoc>`:        "",
		`<closedDoc><name>a</name><items><item><name>b</name></item></items></closedDoc>`:     "",
		`<closedDoc><name>a</name><open><a>x</a><other/></open></closedDoc>`:                  "",
		`<closedDoc><name>a</name><x/></closedDoc>`:                                           `the field x is not allowed: the schema declares no such element`,
		`<closedDoc name="a"><name>a</name></closedDoc>`:                                      `the field name is not allowed: the schema declares no such attribute`,
		`<closedDoc><name>a</name><kind>k</kind></closedDoc>`:                                 `the field kind is not allowed: the schema declares no such element`,
		`<closedDoc><name>a</name><inner><name>b</name><y/></inner></closedDoc>`:              `the field inner.y is not allowed`,
		`<closedDoc><name>a</name><items><item><name>b</name><z/></item></items></closedDoc>`: `the field items.z is not allowed`,
	} {
		n, err := decodeXMLTree([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		err = presenceXML(n, reflect.TypeFor[closedDoc](), "")
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", body, err)
		case want != "" && (err == nil || !strings.HasPrefix(err.Error(), want)):
			t.Errorf("%s: %v, want %q", body, err, want)
		}
	}
}

// TestClosedCheckDoesNotAllocate: on a valid object the closed check adds
// no allocation to the presence pass.
func TestClosedCheckDoesNotAllocate(t *testing.T) {
	tree, _ := decodeJSONTree([]byte(`{"name":"a","kind":"k","inner":{"name":"b"}}`))
	obj := tree.(map[string]any)
	typ := reflect.TypeFor[closedDoc]()
	fields := fieldsOf(typ, "json")
	if n := testing.AllocsPerRun(100, func() {
		if _, bad := undeclaredKey(obj, fields); bad || !isClosed(typ) {
			t.Fatal("refused")
		}
	}); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

// TestPresenceDateTimeHour: the server refuses a date-time with a
// one-digit hour, which time.Time's decoder takes and RFC 3339 (and
// kin-openapi) do not, in a body at any depth and as a parameter; found by
// FuzzBodiesAgainstKin ("0000-01-01T0:00:00Z").
func TestPresenceDateTimeHour(t *testing.T) {
	type doc struct {
		At   time.Time   `json:"at"`
		List []time.Time `json:"list,omitempty"`
	}
	for body, ok := range map[string]bool{
		`{"at":"2024-01-01T00:00:00Z"}`: true, `{"at":"0001-01-01T00:00:00Z","list":["2024-01-01T23:59:59.5+05:30"]}`: true,
		`{"at":"2024-01-01T0:00:00Z"}`: false, `{"at":"2024-01-01T00:00:00Z","list":["2024-01-01T9:00:00Z"]}`: false,
	} {
		var v doc
		if err := decodeStrictJSON([]byte(body), &v); (err == nil) != ok {
			t.Errorf("%s: %v, want ok=%v", body, err, ok)
		}
	}
	if _, err := srvParseTime(srvWire{}, "2024-01-01T0:00:00Z"); err == nil {
		t.Error("a parameter with a one-digit hour is taken")
	}
	if _, err := srvParseTime(srvWire{}, "2024-01-01T10:00:00Z"); err != nil {
		t.Error(err)
	}
}

// TestUnionDecodeExactKeys: a variant's keys bind exactly; a key that
// differs from a property's only by case is no property's, and does not
// replace the property's value (found by FuzzBodiesAgainstKin:
// {"name":"0","NAme":""} was read as name "").
func TestUnionDecodeExactKeys(t *testing.T) {
	var v closedDoc
	if err := unionDecode([]byte(`{"name":"0","NAME":""}`), &v); err == nil {
		t.Error("a closed variant took an undeclared key")
	}
	var o openDoc
	if err := unionDecode([]byte(`{"a":"0","A":""}`), &o); err != nil || o.A != "0" {
		t.Errorf("got %+v, %v, want a=0", o, err)
	}
}
