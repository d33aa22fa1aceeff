// This file is copied, with the code generated from ../form_arrays.txtar,
// into a throwaway module by generator/form_arrays_e2e_test.go: arrays in a
// form body as its encoding object says, and query arrays in
// spaceDelimited and pipeDelimited, between the generated client and
// server over loopback.
package forms_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"

	"forms.test/forms"
)

type echo struct{}

func (echo) SendMessage(_ context.Context, in *forms.SendMessageInput) (forms.SendMessageResponse, error) {
	return forms.SendMessage200Response{Body: forms.Echo{
		To: in.Body.To, Media: in.Body.Media, Codes: in.Body.Codes, Words: in.Body.Words,
		Ids: in.Params.Ids, Tags: in.Params.Tags, Labels: in.Params.XLabels, Parameter: in.Body.Parameter,
	}}, nil
}

// wire records the raw query and body of the last request.
type wire struct {
	mu          sync.Mutex
	query, body string
	next        http.Handler
}

func (w *wire) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(strings.NewReader(string(b)))
	w.mu.Lock()
	w.query, w.body = r.URL.RawQuery, string(b)
	w.mu.Unlock()
	w.next.ServeHTTP(rw, r)
}

func (w *wire) last() (string, string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.query, w.body
}

func setup(t *testing.T) (*forms.Client, *wire, string) {
	t.Helper()
	w := &wire{next: forms.NewServer(echo{})}
	srv := httptest.NewServer(w)
	t.Cleanup(srv.Close)
	c, err := forms.NewClient(forms.WithBaseURL(srv.URL), forms.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return c, w, srv.URL
}

func TestFormArraysClientAgainstServer(t *testing.T) {
	c, w, _ := setup(t)
	params := forms.SendMessageParams{Ids: []int{1, 2}, Tags: []string{"a", "c"}, XLabels: []string{"x", "y"}}
	body := forms.Message{To: []string{"+44123", "+44456"}, Media: []string{"m1", "m2"}, Codes: []int{3, 4}, Words: []string{"hello", "world"}, Parameter: json.RawMessage(`{"a":[1,"b"]}`)}
	got, err := c.SendMessage(context.Background(), params, body)
	if err != nil {
		t.Fatal(err)
	}
	want := &forms.Echo{To: body.To, Media: body.Media, Codes: body.Codes, Words: body.Words, Ids: params.Ids, Tags: params.Tags, Labels: params.XLabels, Parameter: body.Parameter}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("echo %+v, want %+v", got, want)
	}
	query, form := w.last()
	values, err := url.ParseQuery(form)
	if err != nil {
		t.Fatal(err)
	}
	for key, v := range map[string][]string{
		"to": {"+44123", "+44456"}, "media": {"m1,m2"}, "codes": {"3|4"}, "words": {"hello world"}, "parameter": {`{"a":[1,"b"]}`},
	} {
		if !reflect.DeepEqual(values[key], v) {
			t.Errorf("form %s = %q, want %q (body %s)", key, values[key], v, form)
		}
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	if q.Get("ids") != "1|2" || q.Get("tags") != "a c" {
		t.Errorf("query %s: ids %q, tags %q", query, q.Get("ids"), q.Get("tags"))
	}
}

// TestFormArraysServer feeds the server wire forms by hand: each array as
// its style says, a validation rule on the items, and a missing required
// array.
func TestFormArraysServer(t *testing.T) {
	_, _, base := setup(t)
	for _, tc := range []struct {
		query, body string
		status      int
		in          string
	}{
		{"ids=5|6&tags=x%20y", "to=%2B1&to=%2B2&media=a,b&codes=7|8&words=p+q", 200,
			`{"to":["+1","+2"],"media":["a","b"],"codes":[7,8],"words":["p","q"],"ids":[5,6],"tags":["x","y"]}`},
		{"", "to=%2B1&codes=-1", 400, `codes`},
		{"", "to=1", 400, `to`},
		{"", "to=%2B1&parameter=%7Bnot", 400, `parameter`},
		{"", "media=a", 400, `to`},
		{"ids=1,2", "to=%2B1", 400, `ids`},
	} {
		resp, err := http.Post(base+"/messages?"+tc.query, "application/x-www-form-urlencoded", strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.in) {
			t.Errorf("%s | %s: %d %s, want %d with %s", tc.query, tc.body, resp.StatusCode, b, tc.status, tc.in)
		}
	}
}
