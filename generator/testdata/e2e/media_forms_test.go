// This file is copied, with the code generated from ../media_forms.txtar,
// into a throwaway module by generator/media_e2e_test.go: a request body
// declared as JSON, XML and a form of one model, with nested objects and
// arrays of objects in the form, between the generated client and server
// over loopback.
package forms_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"forms.test/forms"
)

type pets struct{ forms.UnimplementedHandler }

func (pets) AddPet(_ context.Context, in *forms.AddPetInput) (forms.AddPetResponse, error) {
	return forms.AddPet201Response{Body: forms.Received{Pet: in.Body, Media: "stored"}}, nil
}

// sent records the Content-Type and the body of the last request.
type sent struct {
	mu       sync.Mutex
	ct, body string
	next     http.Handler
}

func (s *sent) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(strings.NewReader(string(b)))
	s.mu.Lock()
	s.ct, s.body = r.Header.Get("Content-Type"), string(b)
	s.mu.Unlock()
	s.next.ServeHTTP(w, r)
}

func (s *sent) last() (string, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ct, s.body
}

func TestFormsEndToEnd(t *testing.T) {
	rec := &sent{next: forms.NewServer(pets{}, forms.WithServerLogger(nil))}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	ctx := context.Background()
	born := time.Date(2020, 5, 17, 8, 30, 0, 0, time.UTC)
	pet := forms.Pet{
		ID: 7, Name: "rex & co", Born: &born,
		Category:  &forms.Category{ID: 2, Name: "dogs"},
		Owner:     forms.PetOwner{Email: "a@b.example", Address: &forms.PetOwnerAddress{City: "Köln"}},
		PhotoUrls: []string{"https://x.example/1.png", "https://x.example/2.png"},
		Tags:      []forms.Tag{{ID: 1, Name: "good"}, {Name: "loud", Weight: 2.5}},
		Status:    forms.PetStatusSold,
	}
	for _, tc := range []struct {
		prefer []string
		want   string
	}{
		{nil, "application/json"},
		{[]string{"application/xml"}, "application/xml"},
		{[]string{"application/x-www-form-urlencoded"}, "application/x-www-form-urlencoded"},
		{[]string{"text/xml", "application/x-www-form-urlencoded", "application/xml"}, "application/x-www-form-urlencoded"},
	} {
		c, err := forms.NewClient(forms.WithBaseURL(srv.URL), forms.WithBodyMedia(tc.prefer...))
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.AddPet(ctx, pet)
		if err != nil {
			t.Fatalf("AddPet preferring %v: %v", tc.prefer, err)
		}
		want := pet
		want.XMLName = got.Pet.XMLName
		if !reflect.DeepEqual(got.Pet, want) {
			t.Errorf("AddPet preferring %v: the server bound\n%+v\nwant\n%+v", tc.prefer, got.Pet, want)
		}
		if ct, _ := rec.last(); ct != tc.want {
			t.Errorf("AddPet preferring %v sent %q, want %q", tc.prefer, ct, tc.want)
		}
	}
	// The form's keys, as the client writes them.
	c, _ := forms.NewClient(forms.WithBaseURL(srv.URL), forms.WithBodyMedia("application/x-www-form-urlencoded"))
	if _, err := c.AddPet(ctx, pet); err != nil {
		t.Fatal(err)
	}
	_, body := rec.last()
	form, err := url.ParseQuery(body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{
		"name": "rex & co", "category[name]": "dogs", "category[id]": "2", "owner[email]": "a@b.example",
		"owner[address][city]": "Köln", "tags[0][name]": "good", "tags[1][weight]": "2.5",
		"photoUrls": "https://x.example/1.png|https://x.example/2.png", "born": "2020-05-17T08:30:00Z",
	} {
		if got := form.Get(k); got != v {
			t.Errorf("form field %s = %q, want %q (body %s)", k, got, v, body)
		}
	}
	// The client validates before sending, in a form too.
	var ve *forms.ValidationError
	if _, err := c.AddPet(ctx, forms.Pet{Owner: forms.PetOwner{Email: "a@b.example"}}); !errors.As(err, &ve) || ve.Field != "name" {
		t.Errorf("AddPet without a name: %v", err)
	}
	// The server: forms as others write them.
	for _, tc := range []struct {
		body   string
		status int
		says   string
	}{
		{"name=a&owner%5Bemail%5D=a%40b.example", 201, `"owner":{"email":"a@b.example"}`},
		{"name=a&owner[email]=a@b.example&tags[1][name]=y&tags[0][name]=x", 201, `"tags":[{"name":"x"},{"name":"y"}]`},
		{"name=a&owner[email]=a@b.example&tags[1][name]=y", 400, "tags"},
		{"name=a&owner[email]=a@b.example&tags[x][name]=y", 400, "item number"},
		{"name=a&owner[email]=a@b.example&tags[0][name]=a&tags[1][name]=b&tags[2][name]=c&tags[3][name]=d", 400, "more than the maximum 3"},
		{"name=a", 400, "owner"},
		{"name=a&owner[address][city]=x", 400, "email"},
		{"name=a&owner[email]=a@b.example&category[id]=3", 400, "name"},
		{"name=a&owner[email]=nope", 400, "email"},
		{"name=a&owner[email]=a@b.example&category[id]=x", 400, "integer"},
		{"name=a&owner[email]=a@b.example&photoUrls=p|q", 201, `"photoUrls":["p","q"]`},
		{"owner[email]=a@b.example", 400, "name"},
	} {
		resp, err := http.Post(srv.URL+"/pets", "application/x-www-form-urlencoded", strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.says) {
			t.Errorf("POST %s: %d %s, want %d saying %q", tc.body, resp.StatusCode, b, tc.status, tc.says)
		}
	}
	// Another media type is refused, naming every declared one.
	resp, err := http.Post(srv.URL+"/pets", "text/plain", strings.NewReader("name=a"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 415 || !strings.Contains(string(b), "application/json or application/xml or application/x-www-form-urlencoded") {
		t.Errorf("text/plain: %d %s", resp.StatusCode, b)
	}
}
