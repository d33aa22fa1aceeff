// This file is copied, with the code generated from
// ../param_objects.txtar, into a throwaway module by
// generator/param_styles_e2e_test.go: object and JSON-text parameters
// between the generated client and server over loopback, and the rows of
// OpenAPI's style examples table sent by hand.
package objects_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"objects.test/objects"
)

type searcher struct{}

// Search answers the parameters as it bound them.
func (searcher) Search(_ context.Context, in *objects.SearchInput) (objects.SearchResponse, error) {
	b, err := json.Marshal(in.Params)
	if err != nil {
		return nil, err
	}
	var body map[string]json.RawMessage
	if err := json.Unmarshal(b, &body); err != nil {
		return nil, err
	}
	return objects.Search200Response{Body: body}, nil
}

// sent records the raw query and headers of the last request.
type sent struct {
	mu    sync.Mutex
	query string
	trace string
	next  http.Handler
}

func (s *sent) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.query, s.trace = r.URL.RawQuery, r.Header.Get("X-Trace")
	s.mu.Unlock()
	s.next.ServeHTTP(w, r)
}

func setup(t *testing.T) (*objects.Client, *sent, string) {
	t.Helper()
	s := &sent{next: objects.NewServer(searcher{})}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	c, err := objects.NewClient(objects.WithBaseURL(srv.URL), objects.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return c, s, srv.URL
}

func TestObjectsClientAgainstServer(t *testing.T) {
	c, s, _ := setup(t)
	in := objects.SearchParams{
		Point:     &objects.SearchParamsPoint{X: 3, Y: 4},
		Color:     &objects.Color{R: 100, G: 200, B: 150},
		Range:     objects.SearchParamsRange{From: "a b", To: "z&y"},
		Filter:    &objects.SearchParamsFilter{A: 1, Tags: []string{"x", "y,z"}},
		Mdfilters: []objects.SearchParamsMdfiltersItem{{Scope: "enterprise", Filters: map[string]json.RawMessage{"category": json.RawMessage(`"online"`)}}},
		XTrace:    []int{1, 2},
		Prefs:     &objects.SearchParamsPrefs{Lang: "fr"},
	}
	got, err := c.Search(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Point":     `{"x":3,"y":4}`,
		"Color":     `{"R":100,"G":200,"B":150}`,
		"Range":     `{"from":"a b","to":"z\u0026y"}`,
		"Filter":    `{"a":1,"tags":["x","y,z"]}`,
		"Mdfilters": `[{"scope":"enterprise","filters":{"category":"online"}}]`,
		"XTrace":    `[1,2]`,
		"Prefs":     `{"lang":"fr"}`,
	}
	for k, w := range want {
		if string(got[k]) != w {
			t.Errorf("bound %s = %s, want %s", k, got[k], w)
		}
	}
	q, err := url.ParseQuery(s.query)
	if err != nil {
		t.Fatal(err)
	}
	for k, w := range map[string]string{
		"x": "3", "y": "4", "color": "R,100,G,200,B,150", "range[from]": "a b", "range[to]": "z&y",
		"filter": `{"a":1,"tags":["x","y,z"]}`, "mdfilters": `[{"scope":"enterprise","filters":{"category":"online"}}]`,
	} {
		if q.Get(k) != w {
			t.Errorf("query %s = %q, want %q (raw %s)", k, q.Get(k), w, s.query)
		}
	}
	if s.trace != "[1,2]" {
		t.Errorf("X-Trace %q", s.trace)
	}
	// Absent optional objects are not sent; the server applies a
	// property's default when its object is there.
	got, err = c.Search(context.Background(), objects.SearchParams{Point: &objects.SearchParamsPoint{X: 1}, Range: objects.SearchParamsRange{From: "a"}})
	if err != nil {
		t.Fatal(err)
	}
	if string(got["Point"]) != `{"x":1,"y":7}` || string(got["Color"]) != "null" || string(got["Filter"]) != "null" {
		t.Errorf("bound %v", got)
	}
	if strings.Contains(s.query, "color") || strings.Contains(s.query, "filter") {
		t.Errorf("absent objects sent: %s", s.query)
	}
	// The client validates the objects' properties before sending.
	if _, err := c.Search(context.Background(), objects.SearchParams{Filter: &objects.SearchParamsFilter{A: 11}, Range: objects.SearchParamsRange{From: "a"}}); err == nil || !strings.Contains(err.Error(), "maximum") {
		t.Errorf("filter a=11: %v", err)
	}
}

// TestObjectsStyleTable sends the query rows of OpenAPI's style examples
// table (color = {"R": 100, "G": 200, "B": 150}) by hand.
func TestObjectsStyleTable(t *testing.T) {
	_, _, base := setup(t)
	for _, tc := range []struct {
		query  string
		status int
		in     string
	}{
		// form, explode false: color=R,100,G,200,B,150
		{"range[from]=a&color=R,100,G,200,B,150", 200, `"Color":{"R":100,"G":200,"B":150}`},
		// deepObject, explode true: color[R]=100&color[G]=200&color[B]=150
		{"range%5Bfrom%5D=a&range%5Bto%5D=b", 200, `"Range":{"from":"a","to":"b"}`},
		{"range[from]=a&range[to]=b", 200, `"Range":{"from":"a","to":"b"}`},
		// form, explode true: R=100&G=200&B=150 (here x and y of point)
		{"range[from]=a&x=5&y=6", 200, `"Point":{"x":5,"y":6}`},
		{"range[from]=a&y=6", 400, `x`},
		{"range[from]=a&x=-1", 400, `less than the minimum 0`},
		{"range[from]=a&x=z", 400, `x`},
		{"x=1", 400, `range`},
		{"range[from]=", 400, `minimum length 1`},
		{"range[from]=a&color=R,100,G", 400, `names and values`},
		{"range[from]=a&color=R,red", 400, `color.R`},
		{"range[from]=a&color=", 200, `"Color":{}`},
		{`range[from]=a&filter={"a":2}`, 200, `"Filter":{"a":2}`},
		{`range[from]=a&filter=%7B%22a%22%3A2%2C%22tags%22%3A%5B%22t%22%5D%7D`, 200, `"Filter":{"a":2,"tags":["t"]}`},
		{`range[from]=a&filter={"a":12}`, 400, `query parameter \"filter.a\": 12 is greater than the maximum 10`},
		{`range[from]=a&filter={"a":`, 400, `filter`},
		{`range[from]=a&mdfilters=[{"scope":"global"}]`, 200, `"Mdfilters":[{"scope":"global"}]`},
		{`range[from]=a&mdfilters=[{"scope":"galactic"}]`, 400, `not one of global, enterprise`},
		{`range[from]=a&mdfilters=[{},{},{}]`, 400, `more than the maximum 2`},
	} {
		resp, err := http.Get(base + "/search?" + tc.query)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.in) {
			t.Errorf("?%s: %d %s, want %d with %s", tc.query, resp.StatusCode, b, tc.status, tc.in)
		}
	}
	// A JSON cookie is percent-decoded, then decoded and validated.
	for cookie, want := range map[string]string{`prefs=%7B%22lang%22%3A%22en%22%7D`: `"Prefs":{"lang":"en"}`, `prefs=%7B%22lang%22%3A%22de%22%7D`: `not one of en, fr`} {
		req, _ := http.NewRequest("GET", base+"/search?range[from]=a", nil)
		req.Header.Set("Cookie", cookie)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(b), want) {
			t.Errorf("Cookie %s: %d %s, want %s", cookie, resp.StatusCode, b, want)
		}
	}
	// A JSON header that is not JSON is refused.
	req, _ := http.NewRequest("GET", base+"/search?range[from]=a", nil)
	req.Header.Set("X-Trace", "[1,")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(b), "X-Trace") {
		t.Errorf("X-Trace [1,: %d %s", resp.StatusCode, b)
	}
}
