// This file is copied, with the code generated from ../media_bodies.txtar,
// into a throwaway module by generator/media_e2e_test.go: request bodies
// declared in several media types, and in XML, between the generated client
// and server over loopback.
package bodies_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"bodies.test/bodies"
)

type pets struct{ bodies.UnimplementedHandler }

func (pets) AddPet(_ context.Context, in *bodies.AddPetInput) (bodies.AddPetResponse, error) {
	return bodies.AddPet201Response{Body: bodies.Stored{Pet: in.Body, Media: "stored"}}, nil
}

func (pets) PutPet(_ context.Context, in *bodies.PutPetInput) (bodies.PutPetResponse, error) {
	in.Body.ID = in.Params.ID
	return bodies.PutPet200Response{Body: bodies.Stored{Pet: in.Body, Media: "stored"}}, nil
}

// sent records the Content-Type of the last request.
type sent struct {
	mu   sync.Mutex
	last string
	next http.Handler
}

func (s *sent) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.last = r.Header.Get("Content-Type")
	s.mu.Unlock()
	s.next.ServeHTTP(w, r)
}

func (s *sent) contentType() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

func TestBodiesEndToEnd(t *testing.T) {
	rec := &sent{next: bodies.NewServer(pets{}, bodies.WithServerLogger(nil))}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	ctx := context.Background()
	pet := bodies.Pet{ID: 7, Name: "rex", Tags: []string{"good", "dog"}}
	for _, tc := range []struct {
		prefer []string
		want   string
	}{
		{nil, "application/json"},
		{[]string{"application/xml"}, "application/xml"},
		{[]string{"text/xml", "application/vnd.pets+json"}, "application/vnd.pets+json"},
	} {
		c, err := bodies.NewClient(bodies.WithBaseURL(srv.URL), bodies.WithBodyMedia(tc.prefer...))
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.AddPet(ctx, pet)
		if err != nil || got.Pet.Name != "rex" || got.Pet.ID != 7 || strings.Join(got.Pet.Tags, ",") != "good,dog" {
			t.Fatalf("AddPet preferring %v: %+v, %v", tc.prefer, got, err)
		}
		if ct := rec.contentType(); ct != tc.want {
			t.Errorf("AddPet preferring %v sent %q, want %q", tc.prefer, ct, tc.want)
		}
		// The XML-only body goes as XML whatever the preference.
		got, err = c.PutPet(ctx, bodies.PutPetParams{ID: 9}, pet)
		if err != nil || got.Pet.ID != 9 || got.Pet.Name != "rex" || rec.contentType() != "application/xml" {
			t.Fatalf("PutPet: %+v, %v, sent %s", got, err, rec.contentType())
		}
	}
	// The client refuses a preference that is no media type (text/plain
	// is one: a body declared as JSON or text is sent as text).
	for _, mt := range []string{"text", "image/*", "application/json; q"} {
		if _, err := bodies.NewClient(bodies.WithBodyMedia(mt)); err == nil {
			t.Errorf("WithBodyMedia(%s) accepted", mt)
		}
	}
	// The client validates before sending, whatever the media type.
	c, _ := bodies.NewClient(bodies.WithBaseURL(srv.URL), bodies.WithBodyMedia("application/xml"))
	var ve *bodies.ValidationError
	if _, err := c.AddPet(ctx, bodies.Pet{}); !errors.As(err, &ve) || ve.Field != "name" {
		t.Errorf("AddPet without a name: %v", err)
	}
	// The server: each declared type, the required element in XML, and a
	// 415 naming every declared type.
	for _, tc := range []struct {
		path, ct, body string
		status         int
		says           string
	}{
		{"/pets", "application/xml", `<pet id="1"><name>a</name></pet>`, 201, ""},
		{"/pets", "application/xml", `<pet id="1"></pet>`, 400, "name"},
		{"/pets", "application/xml", `<pet><name>`, 400, "XML"},
		{"/pets", "application/vnd.pets+json", `{"name":"b"}`, 201, ""},
		{"/pets", "application/json", `{"id":1}`, 400, "name"},
		{"/pets", "text/plain", `name=c`, 415, "application/json or application/vnd.pets+json or application/xml"},
		{"/pets/3", "application/json", `{"name":"d"}`, 415, "application/xml"},
		{"/pets/3", "application/xml; charset=utf-8", `<pet><name>d</name></pet>`, 200, `<pet id="3">`},
	} {
		method := http.MethodPost
		if strings.HasPrefix(tc.path, "/pets/") {
			method = http.MethodPut
		}
		req, _ := http.NewRequest(method, srv.URL+tc.path, strings.NewReader(tc.body))
		req.Header.Set("Content-Type", tc.ct)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.says) {
			t.Errorf("%s %s as %s: %d %s, want %d saying %q", method, tc.path, tc.ct, resp.StatusCode, b, tc.status, tc.says)
		}
	}
}
