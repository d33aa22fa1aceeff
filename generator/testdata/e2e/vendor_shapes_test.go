// This file is copied, with the code generated from ../vendor_shapes.txtar,
// into a throwaway module by generator/vendor_shapes_test.go: the schema
// shapes vendor documents use that were refused before, through the
// generated client and server over loopback.
package vendorshapes_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"vendorshapes.test/vendorshapes"
)

type server struct {
	vendorshapes.UnimplementedHandler
	page vendorshapes.Paging
	tags []vendorshapes.PutTagsBodyTagsItem
}

func (s *server) AddPet(_ context.Context, in *vendorshapes.AddPetInput) (vendorshapes.AddPetResponse, error) {
	if in.Body.Cat != nil && in.Body.Cat.Name == "gone" {
		return vendorshapes.AddPet404Response{Body: vendorshapes.AddPet404responseBody{Error: "no such cat"}}, nil
	}
	return vendorshapes.AddPet200Response{Body: in.Body}, nil
}

func (s *server) GetPage(context.Context, *vendorshapes.GetPageInput) (vendorshapes.GetPageResponse, error) {
	return vendorshapes.GetPage200Response{Body: vendorshapes.ArtistPage{Total: 1, Items: []vendorshapes.Artist{{Name: "Nina"}}}}, nil
}

func (s *server) PostRawPage(_ context.Context, in *vendorshapes.PostRawPageInput) (vendorshapes.PostRawPageResponse, error) {
	s.page = in.Body
	return vendorshapes.PostRawPage200Response{Body: in.Body}, nil
}

func (s *server) PutTags(_ context.Context, in *vendorshapes.PutTagsInput) (vendorshapes.PutTagsResponse, error) {
	s.tags = in.Body.Tags
	return vendorshapes.PutTags204Response{}, nil
}

func (s *server) GetMissing(context.Context, *vendorshapes.GetMissingInput) (vendorshapes.GetMissingResponse, error) {
	return vendorshapes.GetMissing200Response{Body: vendorshapes.AddPet404responseBody{Error: "reused"}}, nil
}

func setup(t *testing.T) (*server, *vendorshapes.Client, string) {
	s := &server{}
	srv := httptest.NewServer(vendorshapes.NewServer(s, vendorshapes.WithServerLogger(nil)))
	t.Cleanup(srv.Close)
	c, err := vendorshapes.NewClient(vendorshapes.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	return s, c, srv.URL
}

func post(t *testing.T, url, body string) (int, string) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// A base schema with a discriminator is the union of the schemas that
// extend it: the mapping's dog and the implicit Cat keep their own
// properties both ways.
func TestBaseDiscriminator(t *testing.T) {
	_, c, url := setup(t)
	ctx := context.Background()
	got, err := c.AddPet(ctx, vendorshapes.Pet{Dog: &vendorshapes.Dog{Kind: "dog", Name: "rex", Barks: true}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Dog == nil || got.Cat != nil || !got.Dog.Barks || got.Dog.Name != "rex" {
		t.Fatalf("dog came back as %+v", got)
	}
	got, err = c.AddPet(ctx, vendorshapes.Pet{Cat: &vendorshapes.Cat{Kind: "Cat", Name: "tom", Lives: 7}})
	if err != nil {
		t.Fatal(err)
	}
	if got.Cat == nil || got.Cat.Lives != 7 {
		t.Fatalf("cat came back as %+v", got)
	}
	b, err := json.Marshal(vendorshapes.Pet{Dog: &vendorshapes.Dog{Kind: "dog", Name: "rex"}})
	if err != nil || string(b) != `{"kind":"dog","name":"rex"}` {
		t.Fatalf("dog encodes as %s, %v", b, err)
	}
	// The variant's own rules hold (Cat's lives maximum 9), on the client
	// and on the server.
	if _, err := c.AddPet(ctx, vendorshapes.Pet{Cat: &vendorshapes.Cat{Kind: "Cat", Name: "tom", Lives: 10}}); !errors.Is(err, vendorshapes.ErrInvalidInput) {
		t.Fatalf("a cat of 10 lives: %v, want ErrInvalidInput", err)
	}
	if code, body := post(t, url+"/pets", `{"kind":"Cat","name":"tom","lives":10}`); code != http.StatusBadRequest {
		t.Fatalf("a cat of 10 lives: %d %s, want 400", code, body)
	}
	// A value the discriminator does not name, and one without it.
	for _, body := range []string{`{"kind":"fish","name":"nemo"}`, `{"name":"nemo"}`} {
		if code, answer := post(t, url+"/pets", body); code != http.StatusBadRequest {
			t.Errorf("%s: %d %s, want 400", body, code, answer)
		}
	}
	// The declared 404 of a shared response component.
	_, err = c.AddPet(ctx, vendorshapes.Pet{Cat: &vendorshapes.Cat{Kind: "Cat", Name: "gone", Lives: 1}})
	var apiErr *vendorshapes.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound {
		t.Fatalf("a gone cat: %v, want a 404 APIError", err)
	}
}

// A name the object requires and no property declares is a property of
// any value: it must be present, whatever it holds; an allOf that
// declares it gives its type.
func TestRequiredImpliedProperty(t *testing.T) {
	s, c, url := setup(t)
	ctx := context.Background()
	page, err := c.GetPage(ctx)
	if err != nil || len(page.Items) != 1 || page.Items[0].Name != "Nina" {
		t.Fatalf("GetPage: %+v, %v", page, err)
	}
	got, err := c.PostRawPage(ctx, vendorshapes.Paging{Total: 2, Items: json.RawMessage(`["a",{"b":1}]`)})
	if err != nil {
		t.Fatal(err)
	}
	if string(s.page.Items) != `["a",{"b":1}]` || string(got.Items) != `["a",{"b":1}]` {
		t.Fatalf("items: server %s, client %s", s.page.Items, got.Items)
	}
	// JSON null is a value: present.
	if _, err := c.PostRawPage(ctx, vendorshapes.Paging{Total: 3, Items: json.RawMessage(`null`)}); err != nil {
		t.Fatalf("items null: %v", err)
	}
	// Absent: the client refuses to send it, the server answers 400, and
	// an answer without it is an invalid response.
	if _, err := c.PostRawPage(ctx, vendorshapes.Paging{Total: 1}); !errors.Is(err, vendorshapes.ErrInvalidInput) || !strings.Contains(err.Error(), `"items": is required`) {
		t.Fatalf("no items: %v, want ErrInvalidInput naming items", err)
	}
	if code, body := post(t, url+"/raw-pages", `{"total":1}`); code != http.StatusBadRequest || !strings.Contains(body, "items") {
		t.Fatalf("no items: %d %s, want 400 naming items", code, body)
	}
	raw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"total":1}`)
	}))
	defer raw.Close()
	rc, err := vendorshapes.NewClient(vendorshapes.WithBaseURL(raw.URL))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rc.PostRawPage(ctx, vendorshapes.Paging{Total: 1, Items: json.RawMessage(`1`)}); !errors.Is(err, vendorshapes.ErrInvalidResponse) {
		t.Fatalf("an answer without items: %v, want ErrInvalidResponse", err)
	}
}

// uniqueItems over objects compares their JSON encodings; an item is named
// by its index in the error.
func TestUniqueObjects(t *testing.T) {
	s, c, url := setup(t)
	ctx := context.Background()
	tags := []vendorshapes.PutTagsBodyTagsItem{{Name: "a"}, {Name: "a", Color: "red"}}
	if err := c.PutTags(ctx, vendorshapes.PutTagsBody{Tags: tags}); err != nil {
		t.Fatal(err)
	}
	if len(s.tags) != 2 || s.tags[1].Color != "red" {
		t.Fatalf("server got %+v", s.tags)
	}
	dup := append(tags, vendorshapes.PutTagsBodyTagsItem{Name: "a"})
	err := c.PutTags(ctx, vendorshapes.PutTagsBody{Tags: dup})
	if !errors.Is(err, vendorshapes.ErrInvalidInput) || !strings.Contains(err.Error(), `"item 2" appears more than once`) {
		t.Fatalf("duplicate tags: %v, want ErrInvalidInput naming item 2", err)
	}
	req, _ := http.NewRequest(http.MethodPut, url+"/tags", strings.NewReader(`{"tags":[{"name":"b","color":"x"},{"color":"x","name":"b"}]}`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("duplicate tags in another key order: %d, want 400", resp.StatusCode)
	}
}

// A $ref to a response's schema is that schema's type.
func TestRefIntoResponse(t *testing.T) {
	_, c, _ := setup(t)
	got, err := c.GetMissing(context.Background())
	if err != nil || got.Error != "reused" {
		t.Fatalf("GetMissing: %+v, %v", got, err)
	}
	var _ *vendorshapes.AddPet404responseBody = got // one type for both uses
}
