// This file is copied, with the code generated from ../form_nested.txtar,
// into a throwaway module by generator/form_arrays_e2e_test.go: a
// form-only body with nested objects and an array of objects, under
// deepObject-style keys, between the generated client and server.
package nested_test

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

	"nested.test/nested"
)

type store struct{ nested.UnimplementedHandler }

func (store) SignUp(_ context.Context, in *nested.SignUpInput) (nested.SignUpResponse, error) {
	out := nested.Signup{Owner: in.Body.Owner, Tags: in.Body.Tags, Note: in.Body.Note}
	for _, p := range in.Body.Pets {
		out.Pets = append(out.Pets, p.Name+"/"+string(rune('0'+p.Age)))
	}
	return nested.SignUp200Response{Body: out}, nil
}

// sent records the last request body the server saw.
type sent struct {
	mu   sync.Mutex
	body string
}

func (s *sent) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.body = string(b)
		s.mu.Unlock()
		r.Body = io.NopCloser(strings.NewReader(string(b)))
		h.ServeHTTP(w, r)
	})
}

func TestFormNested(t *testing.T) {
	var rec sent
	srv := httptest.NewServer(rec.wrap(nested.NewServer(store{}, nested.WithServerLogger(nil))))
	defer srv.Close()
	c, err := nested.NewClient(nested.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	body := nested.SignUpBody{
		Owner: nested.Owner{Name: "ann", Address: &nested.OwnerAddress{City: "Köln"}},
		Pets:  []nested.SignUpBodyPetsItem{{Name: "rex", Age: 3}, {Name: "tom"}},
		Tags:  []string{"a", "b"},
		Note:  "hi",
	}
	got, err := c.SignUp(ctx, body)
	want := &nested.Signup{Owner: body.Owner, Pets: []string{"rex/3", "tom/0"}, Tags: []string{"a", "b"}, Note: "hi"}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("SignUp: %+v, %v; want %+v", got, err, want)
	}
	form, err := url.ParseQuery(rec.body)
	if err != nil {
		t.Fatal(err)
	}
	wantForm := url.Values{
		"owner[name]": {"ann"}, "owner[address][city]": {"Köln"},
		"pets[0][name]": {"rex"}, "pets[0][age]": {"3"}, "pets[1][name]": {"tom"},
		"tags": {"a|b"}, "note": {"hi"},
	}
	if !reflect.DeepEqual(form, wantForm) {
		t.Errorf("the form sent: %v, want %v", form, wantForm)
	}
	// The client validates the nested values before sending.
	var ve *nested.ValidationError
	bad := body
	bad.Pets = []nested.SignUpBodyPetsItem{{Name: ""}}
	if _, err := c.SignUp(ctx, bad); !errors.As(err, &ve) || ve.Rule != "required" {
		t.Errorf("SignUp of a pet without a name: %v", err)
	}
	// The server binds forms as other clients write them.
	for _, tc := range []struct {
		form   string
		status int
		has    string
	}{
		{"owner[name]=bo&pets[0][name]=x&tags=q|r", 200, `"tags":["q","r"]`},
		{"owner[name]=bo&owner[address][city]=Wien", 200, `"city":"Wien"`},
		{"note=n", 400, "owner"},
		{"owner[address][city]=Wien", 400, "name"},
		{"owner[name]=bo&pets[1][name]=x", 400, "pets"},
		{"owner[name]=bo&pets[0][age]=-1&pets[0][name]=x", 400, "age"},
	} {
		resp, err := http.Post(srv.URL+"/signups", "application/x-www-form-urlencoded", strings.NewReader(tc.form))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.has) {
			t.Errorf("POST %s: %d %s, want %d with %s", tc.form, resp.StatusCode, b, tc.status, tc.has)
		}
	}
}
