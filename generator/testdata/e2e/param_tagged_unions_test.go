// This file is copied, with the code generated from
// ../param_tagged_unions.txtar, into a throwaway module by
// generator/param_styles_e2e_test.go: discriminated unions of objects in
// query parameters (deepObject, form exploded or not), sent by the
// generated client and bound by the generated server over loopback.
package tagged_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"tagged.test/tagged"
)

// api answers each operation with the JSON of the parameters it bound.
type api struct{}

func bound(v any) tagged.Bound {
	b, _ := json.Marshal(v)
	return tagged.Bound{Text: string(b)}
}

func (api) FindPets(_ context.Context, in *tagged.FindPetsInput) (tagged.FindPetsResponse, error) {
	return tagged.FindPets200Response{Body: bound(in.Params)}, nil
}

func (api) FindShapes(_ context.Context, in *tagged.FindShapesInput) (tagged.FindShapesResponse, error) {
	return tagged.FindShapes200Response{Body: bound(in.Params)}, nil
}

func (api) FindPairs(_ context.Context, in *tagged.FindPairsInput) (tagged.FindPairsResponse, error) {
	return tagged.FindPairs200Response{Body: bound(in.Params)}, nil
}

func (api) FindPipes(_ context.Context, in *tagged.FindPipesInput) (tagged.FindPipesResponse, error) {
	return tagged.FindPipes200Response{Body: bound(in.Params)}, nil
}

// wire records the raw query of the last request.
type wire struct {
	mu    sync.Mutex
	query string
}

func (w *wire) last() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.query
}

func serve(t *testing.T) (*tagged.Client, *wire, string) {
	t.Helper()
	rec := new(wire)
	h := tagged.NewServer(api{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.mu.Lock()
		rec.query = r.URL.RawQuery
		rec.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := tagged.NewClient(tagged.WithBaseURL(srv.URL), tagged.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return c, rec, srv.URL
}

// same reports whether the server bound what was sent: the JSON of both.
func same(t *testing.T, out *tagged.Bound, sent any) {
	t.Helper()
	b, _ := json.Marshal(sent)
	if out.Text != string(b) {
		t.Fatalf("the server bound\n %s\nthe client sent\n %s", out.Text, b)
	}
}

// get sends a request by hand and returns its status and body.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestTaggedDeepObject: each variant of a deepObject union travels as
// filter[name]=value pairs, the discriminator's among them, and is bound
// as the variant it names; no union sends nothing.
func TestTaggedDeepObject(t *testing.T) {
	c, rec, _ := serve(t)
	ctx := context.Background()
	limit := 2
	for _, tc := range []struct {
		p     tagged.FindPetsParams
		query string
	}{
		{tagged.FindPetsParams{Filter: &tagged.Pet{Cat: &tagged.Cat{PetType: "cat", Lives: 9}}, Limit: &limit},
			"filter%5Blives%5D=9&filter%5BpetType%5D=cat&limit=2"},
		{tagged.FindPetsParams{Filter: &tagged.Pet{Dog: &tagged.Dog{PetType: "Dog", Bark: "wo of"}}},
			"filter%5Bbark%5D=wo+of&filter%5BpetType%5D=Dog"},
		{tagged.FindPetsParams{}, ""},
	} {
		out, err := c.FindPets(ctx, tc.p)
		if err != nil {
			t.Fatal(err)
		}
		same(t, out, tc.p)
		if q := rec.last(); q != tc.query {
			t.Errorf("query %q, want %q", q, tc.query)
		}
	}
}

// TestTaggedForm: an exploded form union's keys are pairs of their own;
// the exploded map beside it holds every other key. With explode false
// the variant is one value of names and values, separated by commas, or
// by pipeDelimited's '|'.
func TestTaggedForm(t *testing.T) {
	c, rec, base := serve(t)
	ctx := context.Background()
	p := tagged.FindShapesParams{
		Shape: tagged.Shape{Circle: &tagged.Circle{Kind: tagged.CircleKindCircle, Radius: 2.5}},
		Extra: map[string]string{"color": "red"},
	}
	out, err := c.FindShapes(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	same(t, out, p)
	if q := rec.last(); q != "color=red&kind=circle&radius=2.5" {
		t.Errorf("query %q", q)
	}
	status, body := get(t, base+"/shapes?kind=square&side=3&tint=blue")
	if status != 200 || !strings.Contains(body, `{\"Shape\":{\"kind\":\"square\",\"side\":3},\"Extra\":{\"tint\":\"blue\"}}`) {
		t.Fatalf("%d %s", status, body)
	}
	pp := tagged.FindPairsParams{Pet: &tagged.Pet{Dog: &tagged.Dog{PetType: "Dog", Bark: "woof"}}}
	pout, err := c.FindPairs(ctx, pp)
	if err != nil {
		t.Fatal(err)
	}
	same(t, pout, pp)
	if q := rec.last(); q != "pet=petType,Dog,bark,woof" {
		t.Errorf("query %q", q)
	}
	ip := tagged.FindPipesParams{Pet: &tagged.Pet{Cat: &tagged.Cat{PetType: "cat", Lives: 3}}}
	iout, err := c.FindPipes(ctx, ip)
	if err != nil {
		t.Fatal(err)
	}
	same(t, iout, ip)
	if q := rec.last(); q != "pet=petType%7Ccat%7Clives%7C3" {
		t.Errorf("query %q", q)
	}
}

// TestTaggedChecked: the client refuses a discriminator that does not name
// the variant set, and a variant breaking its rules, before sending; the
// server answers 400 to a discriminator naming no variant, to a union
// without its discriminator, to a required union absent, and to a
// variant's property that breaks its type or rules.
func TestTaggedChecked(t *testing.T) {
	c, _, base := serve(t)
	ctx := context.Background()
	_, err := c.FindPets(ctx, tagged.FindPetsParams{Filter: &tagged.Pet{Cat: &tagged.Cat{PetType: "Dog", Lives: 1}}})
	if !errors.Is(err, tagged.ErrInvalidInput) || !strings.Contains(err.Error(), `the discriminator "petType" of variant Cat is "Dog", not cat`) {
		t.Errorf("a Cat named Dog: %v", err)
	}
	_, err = c.FindPets(ctx, tagged.FindPetsParams{Filter: &tagged.Pet{Cat: &tagged.Cat{PetType: "cat", Lives: 10}}})
	var ve *tagged.ValidationError
	if !errors.As(err, &ve) || ve.Field != "filter.lives" || ve.Rule != "maximum" {
		t.Errorf("a Cat of 10 lives: %v", err)
	}
	for _, tc := range []struct{ query, want string }{
		{"/pets?filter%5BpetType%5D=cow", `query parameter \"filter[petType]\": \"cow\" names no variant (cat, Dog)`},
		{"/pets?filter%5Blives%5D=3", `query parameter \"filter[petType]\": is required`},
		{"/pets?filter%5BpetType%5D=cat", `query parameter \"filter[lives]\": is required`},
		{"/pets?filter%5BpetType%5D=cat&filter%5Blives%5D=x", `query parameter \"filter[lives]\": \"x\" is not an integer`},
		{"/pets?filter%5BpetType%5D=cat&filter%5Blives%5D=12", "greater than the maximum 9"},
		{"/pets?filter%5BpetType%5D=Dog&filter%5Bbark%5D=", "minimum length 1"},
		{"/shapes", `query parameter \"shape\": is required`},
		{"/shapes?kind=square&side=0", "less than the minimum 1"},
		{"/pairs?pet=petType,cow", `query parameter \"pet.petType\": \"cow\" names no variant`},
		{"/pairs?pet=lives,3", `query parameter \"pet.petType\": is required`},
		{"/pairs?pet=petType", "is not a list of names and values"},
		{"/pipes?pet=petType,cat,lives,3", "is not a list of names and values"},
		{"/pipes?pet=petType|cat|lives|10", `query parameter \"pet.lives\": 10 is greater than the maximum 9`},
	} {
		status, body := get(t, base+tc.query)
		if status != 400 || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d %s, want 400 with %s", tc.query, status, body, tc.want)
		}
	}
}
