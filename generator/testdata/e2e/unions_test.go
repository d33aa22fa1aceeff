// This file is copied, with the code generated from ../unions.txtar, into
// a throwaway module by generator/subset_e2e_test.go: oneOf and anyOf
// values travel between the generated client and server over loopback;
// decoding picks the variant the discriminator names or the one that
// matches, and refuses what matches none (or, for oneOf, several).
package unions_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"unions.test/unions"
)

// echo answers every request with its body.
type echo struct{ unions.UnimplementedHandler }

func (echo) AddPet(_ context.Context, in *unions.AddPetInput) (unions.AddPetResponse, error) {
	return unions.AddPet200Response{Body: in.Body}, nil
}

func (echo) Draw(_ context.Context, in *unions.DrawInput) (unions.DrawResponse, error) {
	return unions.Draw200Response{Body: in.Body}, nil
}

func serve(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(unions.NewServer(echo{}, unions.WithServerLogger(nil)))
	t.Cleanup(srv.Close)
	return srv
}

func ptr[T any](v T) *T { return &v }

func TestUnionsEndToEnd(t *testing.T) {
	srv := serve(t)
	c, err := unions.NewClient(unions.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, pet := range []unions.Pet{
		{Cat: &unions.Cat{PetType: "cat", Lives: 9}},
		{Dog: &unions.Dog{PetType: "Dog", Bark: "woof"}},
	} {
		got, err := c.AddPet(ctx, pet)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(*got, pet) {
			t.Errorf("got %+v, want %+v", got, pet)
		}
	}
	d := unions.Drawing{
		ID:     unions.ID{Integer: ptr(7)},
		Shapes: []unions.Shape{{Circle: &unions.Circle{Radius: 1.5}}, {Square: &unions.Square{Side: 2}}},
		Label:  &unions.Label{Boolean: ptr(true)},
		Origin: &unions.DrawingOrigin{DrawingOriginVariant1: ptr(unions.DrawingOriginVariant1Top)},
		Pinned: unions.NewNullable(unions.DrawingPinned{String: ptr("here")}),
	}
	got, err := c.Draw(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*got, d) {
		t.Errorf("got %+v, want %+v", got, d)
	}
	// The client refuses what the schema refuses before sending.
	for _, bad := range []unions.Pet{{}, {Cat: &unions.Cat{PetType: "cat", Lives: 10}}, {Cat: &unions.Cat{}, Dog: &unions.Dog{Bark: "x"}}} {
		if _, err := c.AddPet(ctx, bad); !errors.Is(err, unions.ErrInvalidInput) {
			t.Errorf("%+v: %v, want ErrInvalidInput", bad, err)
		}
	}
}

// TestUnionsWire: what the server takes and refuses, as raw JSON.
func TestUnionsWire(t *testing.T) {
	srv := serve(t)
	post := func(path, body string) (int, string) {
		resp, err := http.Post(srv.URL+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		msg, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(bytes.TrimSpace(msg))
	}
	for _, c := range []struct {
		path, body string
		want       int
	}{
		{"/pets", `{"petType":"cat","lives":3}`, 200},
		{"/pets", `{"petType":"Dog","bark":"w"}`, 200},
		{"/pets", `{"petType":"dog","bark":"w"}`, 400}, // not a mapped or implicit value
		{"/pets", `{"lives":3}`, 400},                  // no discriminator
		{"/pets", `{"petType":"cat"}`, 400},            // Cat's required lives
		{"/pets", `{"petType":"cat","lives":10}`, 400}, // Cat's maximum
		{"/pets", `{"petType":"Dog","bark":""}`, 400},  // Dog's minLength
		{"/pets", `"cat"`, 400},
		{"/drawings", `{"id":"a","shapes":[]}`, 200},
		{"/drawings", `{"id":1,"shapes":[{"radius":1},{"side":2}],"label":"abc","origin":{"x":1,"y":2},"pinned":null}`, 200},
		{"/drawings", `{"id":1,"shapes":[],"label":false,"origin":"top","pinned":{"radius":0}}`, 200},
		{"/drawings", `{"id":"","shapes":[]}`, 400},  // ID's string variant: minLength 1
		{"/drawings", `{"id":0,"shapes":[]}`, 400},   // ID's integer variant: minimum 1
		{"/drawings", `{"id":1.5,"shapes":[]}`, 400}, // neither a string nor an integer
		{"/drawings", `{"id":true,"shapes":[]}`, 400},
		{"/drawings", `{"id":null,"shapes":[]}`, 400},
		{"/drawings", `{"shapes":[]}`, 400},                             // required id
		{"/drawings", `{"id":1,"shapes":[{"radius":1,"side":2}]}`, 400}, // both Circle and Square: oneOf
		{"/drawings", `{"id":1,"shapes":[{}]}`, 400},                    // neither
		{"/drawings", `{"id":1,"shapes":[{"radius":-1}]}`, 400},         // Circle's minimum
		{"/drawings", `{"id":1,"shapes":[],"label":"abcd"}`, 400},       // anyOf: no variant
		{"/drawings", `{"id":1,"shapes":[],"origin":"left"}`, 400},      // the enum variant
		{"/drawings", `{"id":1,"shapes":[],"origin":{"x":1}}`, 400},     // the object variant's required y
	} {
		if got, msg := post(c.path, c.body); got != c.want {
			t.Errorf("%s %s: %d (%s), want %d", c.path, c.body, got, msg, c.want)
		}
	}
}

// TestUnionsRoundTrip: decode(encode(v)) == v for random drawings.
func TestUnionsRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for range 300 {
		var d unions.Drawing
		if r.Intn(2) == 0 {
			d.ID.String = ptr(strings.Repeat("z", 1+r.Intn(3)))
		} else {
			d.ID.Integer = ptr(1 + r.Intn(99))
		}
		d.Shapes = []unions.Shape{}
		for range r.Intn(4) {
			if r.Intn(2) == 0 {
				d.Shapes = append(d.Shapes, unions.Shape{Circle: &unions.Circle{Radius: float64(r.Intn(50)) / 4}})
			} else {
				d.Shapes = append(d.Shapes, unions.Shape{Square: &unions.Square{Side: float64(r.Intn(50))}})
			}
		}
		switch r.Intn(3) {
		case 1:
			d.Label = &unions.Label{String: ptr(strings.Repeat("a", r.Intn(4)))}
		case 2:
			d.Label = &unions.Label{Boolean: ptr(r.Intn(2) == 0)}
		}
		switch r.Intn(3) {
		case 1:
			d.Origin = &unions.DrawingOrigin{DrawingOriginVariant2: &unions.DrawingOriginVariant2{X: r.Intn(9), Y: -r.Intn(9)}}
		case 2:
			d.Origin = &unions.DrawingOrigin{DrawingOriginVariant1: ptr(unions.DrawingOriginVariant1Bottom)}
		}
		switch r.Intn(3) {
		case 1:
			d.Pinned = unions.Null[unions.DrawingPinned]()
		case 2:
			d.Pinned = unions.NewNullable(unions.DrawingPinned{Circle: &unions.Circle{Radius: 2}})
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back unions.Drawing
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if !reflect.DeepEqual(back, d) {
			t.Fatalf("%s: got %+v, want %+v", b, back, d)
		}
	}
	// A union with no variant set is not written.
	if _, err := json.Marshal(unions.Pet{}); err == nil {
		t.Error("an empty union was written")
	}
}
