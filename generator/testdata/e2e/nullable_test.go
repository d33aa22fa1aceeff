// This file is copied, with the code generated from ../nullable.txtar, into
// a throwaway module by generator/subset_e2e_test.go: absent, null and a
// value travel between the generated client and server over loopback, in
// JSON and XML; the validators look at a value only when there is one.
package nullable_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"nullable.test/nullable"
)

// pets answers a patch with a Pet made of it, and keeps what it bound.
type pets struct {
	nullable.UnimplementedHandler
	mu   sync.Mutex
	body nullable.PetPatch
}

func (p *pets) PatchPet(_ context.Context, in *nullable.PatchPetInput) (nullable.PatchPetResponse, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.body = in.Body
	pet := nullable.Pet{ID: in.Params.ID, Name: in.Body.Name, Legs: in.Body.Legs, Color: in.Body.Color, Owner: in.Body.Owner}
	if len(in.Body.Nicknames) > 0 {
		var names []string
		for _, n := range in.Body.Nicknames {
			if v, ok := n.Get(); ok {
				names = append(names, v)
			}
		}
		pet.Nicknames = nullable.NewNullable(names)
	}
	return nullable.PatchPet200Response{Body: pet}, nil
}

func serve(t *testing.T) (*pets, *httptest.Server) {
	h := &pets{}
	srv := httptest.NewServer(nullable.NewServer(h, nullable.WithServerLogger(nil)))
	t.Cleanup(srv.Close)
	return h, srv
}

func TestNullableEndToEnd(t *testing.T) {
	for _, asXML := range []bool{false, true} {
		h, srv := serve(t)
		opts := []nullable.Option{nullable.WithBaseURL(srv.URL)}
		if asXML {
			opts = append(opts, nullable.WithXML())
		}
		c, err := nullable.NewClient(opts...)
		if err != nil {
			t.Fatal(err)
		}
		owner := nullable.NewNullable(nullable.Owner{Name: "Ann", Age: 0})
		body := nullable.PetPatch{
			Name:      nullable.Null[string](),
			Legs:      nullable.NewNullable(0),
			Color:     nullable.NewNullable(nullable.ColorGreen),
			Owner:     owner,
			Nicknames: []nullable.Nullable[string]{nullable.NewNullable("Rex"), nullable.Null[string]()},
			Password:  nullable.NewNullable(nullable.Secret("s3cret")),
		}
		pet, err := c.PatchPet(context.Background(), nullable.PatchPetParams{ID: 7}, body)
		if err != nil {
			t.Fatalf("xml=%v: %v", asXML, err)
		}
		got := h.body
		if !got.Name.Null || !got.Name.Set {
			t.Errorf("the server got name %+v, want null", got.Name)
		}
		if v, ok := got.Legs.Get(); !ok || v != 0 {
			t.Errorf("the server got legs %+v, want 0", got.Legs)
		}
		if got.Mood != nullable.NewNullable("calm") {
			t.Errorf("the default of mood: %+v", got.Mood)
		}
		if got.Password.Value.Reveal() != "s3cret" {
			t.Errorf("the secret did not travel: %+v", got.Password)
		}
		if !reflect.DeepEqual(got.Nicknames, body.Nicknames) || got.Owner != owner || got.Color != body.Color {
			t.Errorf("the server got %+v", got)
		}
		if got.Size.Set {
			t.Errorf("absent size: %+v", got.Size)
		}
		// The answer: JSON carries null, XML leaves a null out, which
		// reads back as absent.
		wantName := nullable.Null[string]()
		if asXML {
			wantName = nullable.Nullable[string]{}
		}
		if pet.ID != 7 || pet.Name != wantName || pet.Legs != nullable.NewNullable(0) || pet.Owner != owner {
			t.Errorf("xml=%v: the client got %+v", asXML, pet)
		}
		if v, ok := pet.Nicknames.Get(); !ok || !reflect.DeepEqual(v, []string{"Rex"}) {
			t.Errorf("xml=%v: nicknames %+v", asXML, pet.Nicknames)
		}
	}
}

// TestNullableWire: what the client writes for absent, null and a value,
// and what the server refuses.
func TestNullableWire(t *testing.T) {
	b, err := json.Marshal(nullable.PetPatch{Legs: nullable.Null[int](), Name: nullable.NewNullable("Bo")})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"name":"Bo","legs":null}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
	_, srv := serve(t)
	for body, want := range map[string]int{
		`{"legs":null}`: 200,
		`{"legs":3,"name":null,"color":null,"owner":null,"nicknames":[null],"mood":null}`: 200,
		`{}`:                                       400, // legs is required: null is a value, absence is not
		`{"legs":5}`:                               400, // maximum
		`{"legs":null,"name":"a"}`:                 400, // minLength on a value
		`{"legs":1,"color":"blue"}`:                400,
		`{"legs":1,"size":null}`:                   200, // nullable without null among its enum's values: kin-openapi takes null
		`{"legs":1,"size":"medium"}`:               400,
		`{"legs":1,"owner":{"name":"Al"}}`:         400, // owner's required age, inside the Nullable
		`{"legs":1,"owner":{"name":"Al","age":3}}`: 200,
		`{"legs":1,"nicknames":[""]}`:              400,
	} {
		resp, err := http.Post(srv.URL+"/pets/1", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		// PATCH is the operation's method: a POST is not allowed.
		resp.Body.Close()
		req, _ := http.NewRequest(http.MethodPatch, srv.URL+"/pets/1", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err = http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s: status %d (%s), want %d", body, resp.StatusCode, bytes.TrimSpace(msg), want)
		}
	}
}

// TestNullableValidate: the client refuses before sending what the server
// would.
func TestNullableValidate(t *testing.T) {
	c, err := nullable.NewClient(nullable.WithBaseURL("http://127.0.0.1:1"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.PatchPet(context.Background(), nullable.PatchPetParams{ID: 1}, nullable.PetPatch{})
	if !errors.Is(err, nullable.ErrInvalidInput) || !strings.Contains(err.Error(), "legs") {
		t.Errorf("absent required legs: %v", err)
	}
}

// TestNullableRoundTrip: decode(encode(v)) == v for random patches, in
// JSON (absent, null and values) and, for the Pet, XML (absent and values).
func TestNullableRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	str := func() nullable.Nullable[string] {
		switch r.Intn(3) {
		case 0:
			return nullable.Nullable[string]{}
		case 1:
			return nullable.Null[string]()
		}
		return nullable.NewNullable(strings.Repeat("x", r.Intn(4)))
	}
	num := func() nullable.Nullable[int] {
		switch r.Intn(3) {
		case 0:
			return nullable.Nullable[int]{}
		case 1:
			return nullable.Null[int]()
		}
		return nullable.NewNullable(r.Intn(9) - 4)
	}
	for range 200 {
		v := nullable.PetPatch{Name: str(), Legs: num(), Mood: str()}
		if !v.Legs.Set {
			v.Legs = nullable.Null[int]() // required: written as null when absent
		}
		if r.Intn(2) == 0 {
			v.Owner = nullable.NewNullable(nullable.Owner{Name: "Zed", Age: r.Intn(99)})
		}
		for range r.Intn(3) {
			item := str()
			if !item.Set {
				item = nullable.Null[string]() // an item is null or a value
			}
			v.Nicknames = append(v.Nicknames, item)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var back nullable.PetPatch
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, v) {
			t.Fatalf("%s: got %+v, want %+v", b, back, v)
		}
		// XML: a null is left out, so it reads back as absent.
		pet := nullable.Pet{ID: r.Intn(9), Name: str(), Legs: num(), Owner: v.Owner}
		x, err := xml.Marshal(pet)
		if err != nil {
			t.Fatal(err)
		}
		var xback nullable.Pet
		if err := xml.Unmarshal(x, &xback); err != nil {
			t.Fatal(err)
		}
		pet.XMLName = xback.XMLName
		for _, n := range []*nullable.Nullable[string]{&pet.Name} {
			if n.Null {
				*n = nullable.Nullable[string]{}
			}
		}
		if pet.Legs.Null {
			pet.Legs = nullable.Nullable[int]{}
		}
		if !reflect.DeepEqual(xback, pet) {
			t.Fatalf("%s: got %+v, want %+v", x, xback, pet)
		}
	}
}
