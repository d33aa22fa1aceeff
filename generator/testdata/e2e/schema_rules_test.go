// This file is copied, with the code generated from ../schema_rules.txtar,
// into a throwaway module by generator/schemas_e2e_test.go: string rules on
// formatted values, rules on nested elements and objects that allow no
// property, through the generated client and server over loopback.
package schemarules_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"schemarules.test/schemarules"
)

// echo answers every request with its body.
type echo struct {
	schemarules.UnimplementedHandler
}

func (echo) PostRecord(_ context.Context, in *schemarules.PostRecordInput) (schemarules.PostRecordResponse, error) {
	return schemarules.PostRecord200Response{Body: in.Body}, nil
}

func (echo) PostRecordXML(_ context.Context, in *schemarules.PostRecordXMLInput) (schemarules.PostRecordXMLResponse, error) {
	return schemarules.PostRecordXML200Response{Body: in.Body}, nil
}

func serve(t *testing.T) (*httptest.Server, *schemarules.Client) {
	t.Helper()
	srv := httptest.NewServer(schemarules.NewServer(echo{}, schemarules.WithServerLogger(nil)))
	t.Cleanup(srv.Close)
	c, err := schemarules.NewClient(schemarules.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// valid is a record that keeps every rule.
func valid() schemarules.Record {
	ended := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	day := schemarules.Date{Year: 2024, Month: 2, Day: 29}
	return schemarules.Record{
		Started: time.Date(2024, 5, 1, 10, 53, 43, 0, time.FixedZone("", -8*3600)),
		Ended:   &ended,
		Day:     &day,
		Digest:  []byte("abcd"),
		Grid:    [][]string{{"a", "bc"}, {"def"}},
		Cube:    [][][]int{{{0, 1}, {}}, {{2}}},
		Scores:  map[string][]int{"a": {10, 0}, "b": {}},
		Rows:    []map[string]string{{"k": "abc"}, {}},
		Nothing: &schemarules.Nothing{},
	}
}

// TestValidRecordRoundTrip: a record that keeps every rule travels and
// comes back equal, and decode(encode(v)) == v without the network.
func TestValidRecordRoundTrip(t *testing.T) {
	_, c := serve(t)
	in := valid()
	out, err := c.PostRecord(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if !out.Started.Equal(in.Started) || !out.Ended.Equal(*in.Ended) {
		t.Errorf("times came back as %v, %v", out.Started, out.Ended)
	}
	out.Started, out.Ended = in.Started, in.Ended
	if !reflect.DeepEqual(*out, in) {
		t.Errorf("round trip:\n got %+v\nwant %+v", *out, in)
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var back schemarules.Record
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	back.Started, back.Ended = in.Started, in.Ended
	if !reflect.DeepEqual(back, in) {
		t.Errorf("decode(encode(v)):\n got %+v\nwant %+v", back, in)
	}
}

// TestValidateDoesNotAllocate: checking a valid record's rules (the wire
// length of a date-time and of bytes, the nested loops) allocates nothing;
// patterns on formatted values format them, so they are left out here.
func TestValidateDoesNotAllocate(t *testing.T) {
	r := valid()
	r.Ended, r.Day = nil, nil
	if n := testing.AllocsPerRun(100, func() {
		if err := r.Validate(); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("Validate allocates %v times on a valid record", n)
	}
}

// TestClientRefuses: each broken rule is refused before sending, named by
// its rule.
func TestClientRefuses(t *testing.T) {
	_, c := serve(t)
	long := time.Date(2024, 5, 1, 10, 53, 43, 123456789, time.FixedZone("", 5*3600+1800))
	notZ := time.Date(2024, 5, 1, 12, 0, 0, 0, time.FixedZone("", 3600))
	old := schemarules.Date{Year: 1999, Month: 12, Day: 31}
	for name, tc := range map[string]struct {
		edit func(*schemarules.Record)
		rule string
	}{
		"a date-time's text too long": {func(r *schemarules.Record) { r.Started = long }, "maxLength"},
		"a date-time not in UTC":      {func(r *schemarules.Record) { r.Ended = &notZ }, "pattern"},
		"a date in 1999":              {func(r *schemarules.Record) { r.Day = &old }, "pattern"},
		"bytes' text too short":       {func(r *schemarules.Record) { r.Digest = []byte{} }, "minLength"},
		"bytes' text too long":        {func(r *schemarules.Record) { r.Digest = []byte("abcdefg") }, "maxLength"},
		"a grid item too long":        {func(r *schemarules.Record) { r.Grid = [][]string{{"a"}, {"abcd"}} }, "maxLength"},
		"an empty grid row":           {func(r *schemarules.Record) { r.Grid = [][]string{{}} }, "minItems"},
		"a negative cube cell":        {func(r *schemarules.Record) { r.Cube = [][][]int{{{1}, {-1}}} }, "minimum"},
		"too many scores":             {func(r *schemarules.Record) { r.Scores = map[string][]int{"a": {1, 2, 3}} }, "maxItems"},
		"a score too high":            {func(r *schemarules.Record) { r.Scores = map[string][]int{"a": {11}} }, "maximum"},
		"a row value not lower case":  {func(r *schemarules.Record) { r.Rows = []map[string]string{{"k": "ABC"}} }, "pattern"},
	} {
		r := valid()
		tc.edit(&r)
		_, err := c.PostRecord(context.Background(), r)
		var ve *schemarules.ValidationError
		if !errors.Is(err, schemarules.ErrInvalidInput) || !errors.As(err, &ve) || ve.Rule != tc.rule {
			t.Errorf("%s: %v, want a %s failure", name, err, tc.rule)
		}
	}
}

// post sends body to the server as it is, of the given media type.
func post(t *testing.T, srv *httptest.Server, path, media, body string) (int, string) {
	t.Helper()
	resp, err := http.Post(srv.URL+path, media, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServerRefuses: the server judges the same rules on what it
// receives, and refuses any property of an object that allows none.
func TestServerRefuses(t *testing.T) {
	srv, _ := serve(t)
	const started = `"started":"2024-05-01T10:53:43-08:00"`
	for _, body := range []string{
		`{"started":"2024-05-01T10:53:43.123456789+05:30"}`,
		`{` + started + `,"ended":"2024-05-01T12:00:00+01:00"}`,
		`{` + started + `,"day":"1999-12-31"}`,
		`{` + started + `,"digest":"YWJjZGVmZw=="}`,
		`{` + started + `,"grid":[["abcd"]]}`,
		`{` + started + `,"grid":[[]]}`,
		`{` + started + `,"cube":[[[0],[-1]]]}`,
		`{` + started + `,"scores":{"a":[1,2,3]}}`,
		`{` + started + `,"scores":{"a":[0],"b":[11]}}`,
		`{` + started + `,"rows":[{"k":"ABC"}]}`,
		`{` + started + `,"nothing":{"x":1}}`,
		`{` + started + `,"nothing":[]}`,
	} {
		if code, text := post(t, srv, "/records", "application/json", body); code != http.StatusBadRequest {
			t.Errorf("%s: %d %s, want 400", body, code, text)
		}
	}
	for _, body := range []string{
		`{` + started + `}`,
		`{` + started + `,"nothing":{}}`,
		`{` + started + `,"grid":[],"scores":{},"rows":[]}`,
	} {
		if code, text := post(t, srv, "/records", "application/json", body); code != http.StatusOK {
			t.Errorf("%s: %d %s, want 200", body, code, text)
		}
	}
}

// TestNoPropertiesJSON: {} and null decode, any key or a value that is no
// object is an error, and {} round-trips.
func TestNoPropertiesJSON(t *testing.T) {
	var n schemarules.Nothing
	for _, ok := range []string{`{}`, ` { } `, `null`} {
		if err := json.Unmarshal([]byte(ok), &n); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{`{"x":1}`, `{"":null}`, `[]`, `1`, `"s"`} {
		if err := json.Unmarshal([]byte(bad), &n); err == nil {
			t.Errorf("%s decoded", bad)
		}
	}
	if err := json.Unmarshal([]byte(`{"x":1}`), &n); err == nil || !strings.Contains(err.Error(), `"x"`) {
		t.Errorf("the error does not name the key: %v", err)
	}
	b, err := json.Marshal(schemarules.Nothing{})
	if err != nil || string(b) != `{}` {
		t.Errorf("encode: %s, %v", b, err)
	}
}

// TestNoPropertiesUnion: box's anyOf of a $ref and a nullable object that
// allows no property: {} is the second variant (the first requires kind),
// an object with kind the first, null the union's null.
func TestNoPropertiesUnion(t *testing.T) {
	_, c := serve(t)
	for body, want := range map[string]string{`{}`: "empty", `{"kind":"k"}`: "check", `null`: "null"} {
		var r schemarules.Record
		if err := json.Unmarshal([]byte(`{"started":"2024-05-01T10:53:43Z","validation":`+body+`}`), &r); err != nil {
			t.Errorf("%s: %v", body, err)
			continue
		}
		got := "null"
		if v, ok := r.Validation.Get(); ok && v.Check != nil {
			got = "check"
		} else if ok && v.RecordValidationVariant2 != nil {
			got = "empty"
		}
		if got != want || !r.Validation.Set {
			t.Errorf("%s decoded as %s (%+v), want %s", body, got, r.Validation, want)
		}
		out, err := c.PostRecord(context.Background(), r)
		if err != nil {
			t.Errorf("%s: %v", body, err)
			continue
		}
		b, _ := json.Marshal(out.Validation)
		if string(b) != body {
			t.Errorf("%s came back as %s", body, b)
		}
	}
}

// TestNoPropertiesXML: in XML an object that allows no property is an
// empty element; a child element, an attribute or text is refused, by
// encoding/xml's decoding and by the server.
func TestNoPropertiesXML(t *testing.T) {
	srv, c := serve(t)
	out, err := c.PostRecordXML(context.Background(), schemarules.Marker{Label: "l", Empty: &schemarules.Nothing{}})
	if err != nil || out.Label != "l" || out.Empty == nil {
		t.Fatalf("round trip: %+v, %v", out, err)
	}
	var m schemarules.Marker
	for _, ok := range []string{`<marker><empty/></marker>`, `<marker><empty>  </empty></marker>`, `<marker><label>x</label></marker>`} {
		if err := xml.Unmarshal([]byte(ok), &m); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
		if code, text := post(t, srv, "/records/xml", "application/xml", ok); code != http.StatusOK {
			t.Errorf("%s: %d %s, want 200", ok, code, text)
		}
	}
	for _, bad := range []string{`<marker><empty><x/></empty></marker>`, `<marker><empty a="1"/></marker>`, `<marker><empty>t</empty></marker>`} {
		if err := xml.Unmarshal([]byte(bad), &m); err == nil {
			t.Errorf("%s decoded", bad)
		}
		if code, text := post(t, srv, "/records/xml", "application/xml", bad); code != http.StatusBadRequest {
			t.Errorf("%s: %d %s, want 400", bad, code, text)
		}
	}
}

// TestClosedObjectJSON: an object with properties and additionalProperties:
// false travels with its properties, and a key it does not declare, at
// any depth (or one that differs from a property's only by case, which
// encoding/json would bind), is refused by the server (400, naming the
// key) and by the client reading an answer.
func TestClosedObjectJSON(t *testing.T) {
	srv, c := serve(t)
	in := valid()
	in.Sealed = &schemarules.Sealed{Name: "a", Code: "c", Inner: &schemarules.Sealed{Name: "b"}}
	out, err := c.PostRecord(context.Background(), in)
	if err != nil || !reflect.DeepEqual(out.Sealed, in.Sealed) {
		t.Fatalf("round trip: %+v, %v", out.Sealed, err)
	}
	const started = `"started":"2024-05-01T10:53:43-08:00"`
	for _, body := range []string{
		`{` + started + `,"sealed":{"name":"a"}}`,
		`{` + started + `,"sealed":{"name":"a","code":"c","inner":{"name":"b"}}}`,
	} {
		if code, text := post(t, srv, "/records", "application/json", body); code != http.StatusOK {
			t.Errorf("%s: %d %s, want 200", body, code, text)
		}
	}
	for body, key := range map[string]string{
		`{` + started + `,"sealed":{"name":"a","extra":1}}`:                     "sealed.extra",
		`{` + started + `,"sealed":{"name":"a","Name":"b"}}`:                    "sealed.Name",
		`{` + started + `,"sealed":{"name":"a","inner":{"name":"b","x":null}}}`: "sealed.inner.x",
	} {
		code, text := post(t, srv, "/records", "application/json", body)
		if code != http.StatusBadRequest || !strings.Contains(text, key) || !strings.Contains(text, "additionalProperties is false") {
			t.Errorf("%s: %d %s, want 400 naming %s", body, code, text, key)
		}
	}
	// The client reads answers as strictly.
	liar := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{`+started+`,"sealed":{"name":"a","extra":true}}`)
	}))
	t.Cleanup(liar.Close)
	lc, err := schemarules.NewClient(schemarules.WithBaseURL(liar.URL))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lc.PostRecord(context.Background(), valid()); err == nil || !strings.Contains(err.Error(), "sealed.extra") {
		t.Errorf("an answer with an undeclared key: %v", err)
	}
}

// TestClosedObjectXML: in XML the closed object's undeclared child
// element or attribute is refused by the server; its declared attribute
// and element, and namespace declarations, pass.
func TestClosedObjectXML(t *testing.T) {
	srv, c := serve(t)
	in := schemarules.Marker{Label: "l", Sealed: &schemarules.Sealed{Name: "a", Code: "c"}}
	out, err := c.PostRecordXML(context.Background(), in)
	if err != nil || out.Sealed == nil || *out.Sealed != *in.Sealed {
		t.Fatalf("round trip: %+v, %v", out, err)
	}
	for _, ok := range []string{
		`<marker><sealed><name>a</name></sealed></marker>`,
		`<marker><sealed code="c" xmlns:p="urn:p"><name>a</name></sealed></marker>`,
	} {
		if code, text := post(t, srv, "/records/xml", "application/xml", ok); code != http.StatusOK {
			t.Errorf("%s: %d %s, want 200", ok, code, text)
		}
	}
	for bad, key := range map[string]string{
		`<marker><sealed><name>a</name><extra/></sealed></marker>`:       "sealed.extra",
		`<marker><sealed other="1"><name>a</name></sealed></marker>`:     "sealed.other",
		`<marker><sealed><name>a</name><code>c</code></sealed></marker>`: "sealed.code",
	} {
		if code, text := post(t, srv, "/records/xml", "application/xml", bad); code != http.StatusBadRequest || !strings.Contains(text, key) {
			t.Errorf("%s: %d %s, want 400 naming %s", bad, code, text, key)
		}
	}
}
