// This file is copied, with the code generated from
// ../supported_subset.txtar, into a throwaway module by
// generator/subset_e2e_test.go: it drives the generated client against
// the generated server over loopback for every supported construct.
package subset_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"subset.test/subset"
)

// pets is a handler holding pets in memory.
type pets struct {
	subset.UnimplementedHandler
	mu     sync.Mutex
	byID   map[int]subset.Pet
	header string
	tags   []string
}

func (p *pets) CreatePet(_ context.Context, in *subset.CreatePetInput) (subset.CreatePetResponse, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if in.Body.Owner == nil || in.Body.Owner.Email == "" || len(in.Body.Toys) != 1 || in.Body.Toys[0].Kind != "ball" {
		return subset.CreatePetDefaultResponse{Status: 422, Body: subset.Problem{Title: "nested values lost"}}, nil
	}
	// allOf shares the inline types of the part it refers to: a NewPet's
	// owner and toys are a Pet's.
	pet := subset.Pet{ID: len(p.byID) + 1, Name: in.Body.Name, Owner: in.Body.Owner, Toys: in.Body.Toys}
	p.byID[pet.ID] = pet
	return subset.CreatePet201Response{Body: pet}, nil
}

func (p *pets) GetPet(_ context.Context, in *subset.GetPetInput) (subset.GetPetResponse, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if in.Params.XRequestID != nil {
		p.header = *in.Params.XRequestID
	}
	p.tags = in.Params.Tags
	pet, ok := p.byID[in.Params.PetID]
	if !ok {
		return subset.GetPet404Response{Body: subset.Problem{Title: "no such pet", Status: 404}}, nil
	}
	return subset.GetPet200Response{Body: pet, XRateLimit: subset.Ptr(99)}, nil
}

func (p *pets) DeletePet(_ context.Context, in *subset.DeletePetInput) (subset.DeletePetResponse, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.byID, in.Params.PetID)
	return subset.DeletePet204Response{}, nil
}

func TestSupportedSubsetEndToEnd(t *testing.T) {
	h := &pets{byID: map[int]subset.Pet{}}
	srv := httptest.NewServer(subset.NewServer(h,
		subset.WithBasicAuthVerifier(subset.StaticBasic("key", "Secret123")), subset.WithServerLogger(nil)))
	defer srv.Close()
	c, err := subset.NewClient("key", "Secret123", subset.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	// A JSON body with a nested object and an array of objects; 201.
	created, err := c.CreatePet(ctx, subset.NewPet{Name: "Rex",
		Owner: &subset.NewPetOwner{Email: "a@example.com", Address: &subset.NewPetOwnerAddress{City: "Oslo"}},
		Toys:  []subset.NewPetToysItem{{Kind: "ball", Squeaks: true}}})
	if err != nil || created.ID != 1 || created.Name != "Rex" {
		t.Fatalf("CreatePet: %+v, %v", created, err)
	}
	// The nested rules hold before anything is sent.
	_, err = c.CreatePet(ctx, subset.NewPet{Name: "Rex", Owner: &subset.NewPetOwner{Email: "nope"}})
	if !errors.Is(err, subset.ErrInvalidInput) {
		t.Errorf("a nested bad email: %v, want ErrInvalidInput", err)
	}

	// Path, header and exploded query parameters; a response header.
	got, err := c.GetPet(ctx, subset.GetPetParams{PetID: 1, XRequestID: subset.Ptr("req-7"), Tags: []string{"a", "b"}})
	if err != nil || got.ID != 1 || got.Name != "Rex" || got.Owner.Address.City != "Oslo" || !got.Toys[0].Squeaks {
		t.Fatalf("GetPet: %+v, %v", got, err)
	}
	if h.header != "req-7" || !slices.Equal(h.tags, []string{"a", "b"}) {
		t.Errorf("the server bound header %q and tags %q", h.header, h.tags)
	}

	// The same pet as XML, its id an attribute.
	x, err := subset.NewClient("key", "Secret123", subset.WithBaseURL(srv.URL), subset.WithXML())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := x.GetPet(ctx, subset.GetPetParams{PetID: 1}); err != nil || got.ID != 1 {
		t.Errorf("GetPet in XML: %+v, %v", got, err)
	}
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/pets/1", nil)
	req.SetBasicAuth("key", "Secret123")
	req.Header.Set("Accept", "application/xml")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `<pet id="1">`) || resp.Header.Get("X-Rate-Limit") != "99" {
		t.Errorf("XML answer: %s %v", body, resp.Header)
	}

	// problem+json under 404.
	_, err = c.GetPet(ctx, subset.GetPetParams{PetID: 2})
	var ae *subset.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 404 || !strings.Contains(ae.Label, "no such pet") {
		t.Errorf("GetPet of a missing pet: %v", err)
	}

	// 204, and then the pet is gone.
	if err := c.DeletePet(ctx, subset.DeletePetParams{PetID: 1}); err != nil {
		t.Errorf("DeletePet: %v", err)
	}
	if _, err := c.GetPet(ctx, subset.GetPetParams{PetID: 1}); !errors.As(err, &ae) || ae.StatusCode != 404 {
		t.Errorf("GetPet after delete: %v", err)
	}
}
