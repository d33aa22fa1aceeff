// This file is copied, with the code generated from ../freeform.txtar, into
// a throwaway module by generator/freeform_e2e_test.go: maps and free-form
// values through the generated client and server, over loopback.
package freeform_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"freeform.test/freeform"
)

// store echoes the thing it is given, and answers counts.
type store struct {
	freeform.UnimplementedHandler
	got freeform.Thing
}

func (s *store) PostThing(_ context.Context, in *freeform.PostThingInput) (freeform.PostThingResponse, error) {
	s.got = in.Body
	return freeform.PostThing200Response{Body: in.Body}, nil
}

func (s *store) GetCounts(context.Context, *freeform.GetCountsInput) (freeform.GetCountsResponse, error) {
	return freeform.GetCounts200Response{Body: map[string]int{"a": 1, "b": 2}}, nil
}

func serve(t *testing.T) (*store, *httptest.Server, *freeform.Client) {
	t.Helper()
	s := &store{}
	srv := httptest.NewServer(freeform.NewServer(s, freeform.WithServerLogger(nil)))
	t.Cleanup(srv.Close)
	c, err := freeform.NewClient(freeform.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return s, srv, c
}

// TestFreeFormRoundTrip: every kind of value a free-form property holds
// travels byte for byte (numbers keep their spelling, null is kept), and
// maps come back equal.
func TestFreeFormRoundTrip(t *testing.T) {
	s, _, c := serve(t)
	ctx := context.Background()
	for _, meta := range []string{`{"b":[1,2.50,"x"],"a":null}`, `1.50`, `"text"`, `null`, `true`, `[]`} {
		in := freeform.Thing{
			Name:    "n",
			Meta:    json.RawMessage(meta),
			Labels:  map[string]string{"k": "v"},
			Extra:   map[string]json.RawMessage{"any": json.RawMessage(`{"deep":[{}]}`), "nil": json.RawMessage(`null`)},
			Flags:   map[string]json.RawMessage{"on": json.RawMessage(`true`)},
			Parts:   map[string]freeform.Part{"p": {Size: 2, Note: "x"}},
			History: []json.RawMessage{json.RawMessage(`1`), json.RawMessage(`null`), json.RawMessage(`"s"`)},
			Grid:    map[string]map[string]float64{"r": {"c": 0.5}},
			Tokens:  map[string]freeform.Secret{"t": "s3cret"},
			Open:    &freeform.Open{Name: "o", Part: &freeform.Part{Size: 1}, AdditionalProperties: map[string]int{"x": 1, "NAME": 2}},
			Loose:   &freeform.Loose{Kind: "k", AdditionalProperties: map[string]json.RawMessage{"any": json.RawMessage(`[1,"a"]`)}},
		}
		out, err := c.PostThing(ctx, in)
		if err != nil {
			t.Fatalf("meta %s: %v", meta, err)
		}
		if string(out.Meta) != meta || string(s.got.Meta) != meta {
			t.Errorf("meta %s: the server got %s, the client %s", meta, s.got.Meta, out.Meta)
		}
		if s.got.Tokens["t"] != "s3cret" {
			t.Errorf("a map of secrets reached the server as %v", s.got.Tokens)
		}
		if !reflect.DeepEqual(*out, in) {
			t.Errorf("meta %s: round trip:\n got %+v\nwant %+v", meta, *out, in)
		}
		// decode(encode(v)) == v, without the network (json.Marshal of a
		// model redacts its secrets, by design: only the wire reveals them).
		in.Tokens = nil
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		var back freeform.Thing
		if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, in) {
			t.Errorf("meta %s: decode(encode(v)) = %+v, %v", meta, back, err)
		}
	}
	counts, err := c.GetCounts(ctx)
	if err != nil || !reflect.DeepEqual(counts, map[string]int{"a": 1, "b": 2}) {
		t.Errorf("GetCounts: %v, %v", counts, err)
	}
}

// TestAdditionalProperties: other keys beside declared properties are
// kept in AdditionalProperties and written after the declared ones, in key
// order; a key that differs from a declared one only by case is another
// key, and a declared key in the map is not written twice.
func TestAdditionalProperties(t *testing.T) {
	b, err := json.Marshal(freeform.Open{Name: "o", AdditionalProperties: map[string]int{"b": 2, "a": 1, "name": 9}})
	if err != nil || string(b) != `{"name":"o","a":1,"b":2}` {
		t.Errorf("MarshalJSON: %s, %v", b, err)
	}
	b, err = json.Marshal(freeform.Open{})
	if err != nil || string(b) != `{"name":""}` {
		t.Errorf("MarshalJSON of the zero value: %s, %v", b, err)
	}
	var o freeform.Open
	if err := json.Unmarshal([]byte(`{"NAME":3,"name":"n","z":0}`), &o); err != nil || o.Name != "n" ||
		!reflect.DeepEqual(o.AdditionalProperties, map[string]int{"NAME": 3, "z": 0}) {
		t.Errorf("UnmarshalJSON: %+v, %v", o, err)
	}
	if err := json.Unmarshal([]byte(`{"name":"n","z":"x"}`), &o); err == nil {
		t.Error("a string for an integer value decoded")
	}
}

// TestMapRulesClient: the client checks a map's size and its values'
// rules before sending, and a required free-form value must be set.
func TestMapRulesClient(t *testing.T) {
	_, _, c := serve(t)
	ctx := context.Background()
	for name, c2 := range map[string]struct {
		thing freeform.Thing
		rule  string
	}{
		"no meta":       {freeform.Thing{Name: "n"}, "required"},
		"empty labels":  {freeform.Thing{Name: "n", Meta: json.RawMessage(`1`), Labels: map[string]string{}}, "minProperties"},
		"many labels":   {freeform.Thing{Name: "n", Meta: json.RawMessage(`1`), Labels: map[string]string{"a": "", "b": "", "c": "", "d": ""}}, "maxProperties"},
		"long label":    {freeform.Thing{Name: "n", Meta: json.RawMessage(`1`), Labels: map[string]string{"a": "toolong"}}, "maxLength"},
		"a part's rule": {freeform.Thing{Name: "n", Meta: json.RawMessage(`1`), Parts: map[string]freeform.Part{"p": {Size: 0}}}, "minimum"},
	} {
		_, err := c.PostThing(ctx, c2.thing)
		var ve *freeform.ValidationError
		if !errors.Is(err, freeform.ErrInvalidInput) || !errors.As(err, &ve) || ve.Rule != c2.rule {
			t.Errorf("%s: %v, want a %s failure", name, err, c2.rule)
		}
	}
}

// TestMapRulesServer: the server refuses what the schema refuses, in maps
// and free-form values, and takes a free-form null.
func TestMapRulesServer(t *testing.T) {
	_, srv, _ := serve(t)
	for body, want := range map[string]int{
		`{"name":"n","meta":null}`:                                     200,
		`{"name":"n","meta":{"x":[1]}}`:                                200,
		`{"name":"n","extra":{"a":null},"meta":1}`:                     200,
		`{"name":"n","history":[null,1],"meta":1}`:                     200,
		`{"name":"n"}`:                                                 400, // meta is required
		`{"name":"n","meta":1,"labels":{}}`:                            400, // minProperties
		`{"name":"n","meta":1,"labels":{"a":"toolong"}}`:               400,
		`{"name":"n","meta":1,"labels":{"a":null}}`:                    400, // a string value is not nullable
		`{"name":"n","meta":1,"labels":{"a":5}}`:                       400,
		`{"name":"n","meta":1,"parts":{"p":{}}}`:                       400, // a part's required size
		`{"name":"n","meta":1,"parts":{"p":{"size":0}}}`:               400,
		`{"name":"n","meta":1,"parts":{"p":{"SIZE":2}}}`:               400, // keys bind exactly
		`{"name":"n","meta":1,"parts":{"p":{"size":2,"size":3}}}`:      400,
		`{"name":"n","meta":1,"grid":{"r":{"c":"x"}}}`:                 400,
		`{"name":"n","meta":1,"open":{"name":"a","k":1,"NAME":2}}`:     200,
		`{"name":"n","meta":1,"open":{"name":"a","k":-1}}`:             400, // minimum of the other keys' values
		`{"name":"n","meta":1,"open":{"name":"a","k":"x"}}`:            400,
		`{"name":"n","meta":1,"open":{"name":"a","k":null}}`:           400,
		`{"name":"n","meta":1,"open":{"NAME":"a"}}`:                    400, // name is required, NAME is another key
		`{"name":"n","meta":1,"open":{"name":"a","name":"b"}}`:         400,
		`{"name":"n","meta":1,"open":{"name":"a","part":{}}}`:          400,
		`{"name":"n","meta":1,"loose":{"kind":"k","x":null,"y":[{}]}}`: 200,
		`{"name":"n","meta":1,"extra":[]}`:                             400,
	} {
		resp, err := http.Post(srv.URL+"/things", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("POST %s: %d %s, want %d", body, resp.StatusCode, bytes.TrimSpace(msg), want)
		}
	}
}
