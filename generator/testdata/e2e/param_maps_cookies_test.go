// This file is copied, with the code generated from
// ../param_maps_cookies.txtar, into a throwaway module by
// generator/param_styles_e2e_test.go: map parameters of the query
// (deepObject, form exploded or not) and cookie arrays and objects, sent by
// the generated client and bound by the generated server over loopback.
package maps_test

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

	"maps.test/maps"
)

// api answers each operation with the JSON of the parameters it bound.
type api struct{}

func bound(v any) maps.Bound {
	b, _ := json.Marshal(v)
	return maps.Bound{Text: string(b)}
}

func (api) ListJobs(_ context.Context, in *maps.ListJobsInput) (maps.ListJobsResponse, error) {
	return maps.ListJobs200Response{Body: bound(in.Params)}, nil
}

func (api) FilterTags(_ context.Context, in *maps.FilterTagsInput) (maps.FilterTagsResponse, error) {
	return maps.FilterTags200Response{Body: bound(in.Params)}, nil
}

func (api) GetPrefs(_ context.Context, in *maps.GetPrefsInput) (maps.GetPrefsResponse, error) {
	return maps.GetPrefs200Response{Body: bound(in.Params)}, nil
}

func (api) GetJar(_ context.Context, in *maps.GetJarInput) (maps.GetJarResponse, error) {
	return maps.GetJar200Response{Body: bound(in.Params)}, nil
}

func (api) GetDelimited(_ context.Context, in *maps.GetDelimitedInput) (maps.GetDelimitedResponse, error) {
	return maps.GetDelimited200Response{Body: bound(in.Params)}, nil
}

// wire records the query and the Cookie header of the last request.
type wire struct {
	mu             sync.Mutex
	query, cookies string
}

func (w *wire) last() (string, string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.query, w.cookies
}

func serve(t *testing.T) (*maps.Client, *wire, string) {
	t.Helper()
	rec := new(wire)
	h := maps.NewServer(api{}, maps.WithKeyVerifier(maps.StaticToken("k3y")))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec.mu.Lock()
		rec.query, rec.cookies = r.URL.RawQuery, r.Header.Get("Cookie")
		rec.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := maps.NewClient(maps.WithBaseURL(srv.URL), maps.WithHTTPClient(srv.Client()), maps.WithKey("k3y"))
	if err != nil {
		t.Fatal(err)
	}
	return c, rec, srv.URL
}

// same reports whether the server bound what was sent: the JSON of both.
func same(t *testing.T, out *maps.Bound, sent any) {
	t.Helper()
	b, _ := json.Marshal(sent)
	if out.Text != string(b) {
		t.Fatalf("the server bound\n %s\nthe client sent\n %s", out.Text, b)
	}
}

// get sends a request by hand and returns its status and body.
func get(t *testing.T, url, cookie string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if cookie != "" {
		req.Header.Set("Cookie", cookie)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestMapParams: a deepObject map (metadata[a]=x), a form map of explode
// false (weights=w1,1,w2,2) and an exploded form object beside them, sent
// in key order and bound as sent; an empty map is not sent.
func TestMapParams(t *testing.T) {
	c, rec, _ := serve(t)
	ctx := context.Background()
	limit := 3
	p := maps.ListJobsParams{
		Limit:    &limit,
		Metadata: map[string]string{"b": "y y", "a": "x&z"},
		Weights:  map[string]int{"w2": 2, "w1": 1},
		Page:     &maps.ListJobsParamsPage{Size: 5},
	}
	out, err := c.ListJobs(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	same(t, out, p)
	q, _ := rec.last()
	for _, want := range []string{"metadata%5Ba%5D=x%26z", "metadata%5Bb%5D=y+y", "weights=w1,1,w2,2", "size=5", "limit=3"} {
		if !strings.Contains(q, want) {
			t.Errorf("query %q lacks %q", q, want)
		}
	}
	out, err = c.ListJobs(ctx, maps.ListJobsParams{Metadata: map[string]string{}})
	if err != nil {
		t.Fatal(err)
	}
	same(t, out, maps.ListJobsParams{})
	if q, _ := rec.last(); strings.Contains(q, "metadata") || strings.Contains(q, "weights") {
		t.Fatalf("empty maps sent: %q", q)
	}
}

// TestMapParamsChecked: the values' rules are checked by the client
// (maxLength 8) and the server (minimum 0); a value of another type, an
// odd list, or a key given twice with different values is a 400.
func TestMapParamsChecked(t *testing.T) {
	c, _, base := serve(t)
	ctx := context.Background()
	_, err := c.ListJobs(ctx, maps.ListJobsParams{Metadata: map[string]string{"a": "much too long"}})
	if !errors.Is(err, maps.ErrInvalidInput) {
		t.Fatalf("a long value: %v, want ErrInvalidInput", err)
	}
	for _, tc := range []struct{ query, want string }{
		{"weights=w1,-1", "minimum"},
		{"weights=w1,x", `query parameter \"weights[w1]\": \"x\" is not an integer`},
		{"weights=w1,1,w2", "is not a list of keys and values"},
		{"metadata%5Ba%5D=x&metadata%5Ba%5D=y", `query parameter \"metadata[a]\": is given twice with different values`},
		{"metadata%5Ba%5D=toolongvalue", "greater than the maximum length 8"},
	} {
		status, body := get(t, base+"/jobs?api_key=k3y&"+tc.query, "")
		if status != 400 || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d %s, want 400 with %s", tc.query, status, body, tc.want)
		}
	}
}

// TestExplodedMapParam: an exploded form map's keys are pairs of their own;
// the server's map holds every query key but the other parameters' and
// the API key's, and the client refuses a key that is one of those (it
// would change what that parameter says) or empty.
func TestExplodedMapParam(t *testing.T) {
	c, rec, base := serve(t)
	ctx := context.Background()
	sort := "name"
	p := maps.FilterTagsParams{Sort: &sort, Tags: map[string]string{"color": "red", "kind": "a b"}}
	out, err := c.FilterTags(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	same(t, out, p)
	if q, _ := rec.last(); !strings.Contains(q, "color=red") || !strings.Contains(q, "kind=a+b") || strings.Contains(q, "tags") {
		t.Fatalf("query %q", q)
	}
	for _, key := range []string{"sort", "api_key", ""} {
		_, err := c.FilterTags(ctx, maps.FilterTagsParams{Tags: map[string]string{key: "v"}})
		if !errors.Is(err, maps.ErrInvalidInput) || !strings.Contains(err.Error(), "FilterTags: tags: ") {
			t.Errorf("key %q: %v, want ErrInvalidInput naming tags", key, err)
		}
	}
	status, body := get(t, base+"/tags?api_key=k3y&sort=x&size=9", "")
	if status != 200 || !strings.Contains(body, `{\"Sort\":\"x\",\"Tags\":{\"size\":\"9\"}}`) {
		t.Fatalf("%d %s", status, body)
	}
}

// TestCookieStyles: an exploded array is a cookie per item, in order; an
// exploded object a cookie per property; an object of explode false one
// cookie of names and values. The server binds each as sent, refuses an
// item outside the enum and an object without a required property.
func TestCookieStyles(t *testing.T) {
	c, rec, base := serve(t)
	ctx := context.Background()
	p := maps.GetPrefsParams{
		Colors: []maps.GetPrefsParamsColorsItem{"blue", "red", "blue"},
		Size:   &maps.GetPrefsParamsSize{W: 3, H: 4},
		Rgb:    &maps.GetPrefsParamsRgb{R: 255, G: 7},
	}
	out, err := c.GetPrefs(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	same(t, out, p)
	_, cookies := rec.last()
	for _, want := range []string{"colors=blue; colors=red; colors=blue", "w=3", "h=4", "rgb="} {
		if !strings.Contains(cookies, want) {
			t.Errorf("Cookie %q lacks %q", cookies, want)
		}
	}
	for _, tc := range []struct{ cookie, want string }{
		{"colors=red; colors=purple", "not one of"},
		{"h=4", `\"w\": is required`},
		{"rgb=R,300", "maximum"},
		{"rgb=R", "is not a list of names and values"},
	} {
		status, body := get(t, base+"/prefs?api_key=k3y", tc.cookie)
		if status != 400 || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d %s, want 400 with %s", tc.cookie, status, body, tc.want)
		}
	}
	status, body := get(t, base+"/prefs?api_key=k3y", "w=1; colors=green")
	if status != 200 || !strings.Contains(body, `{\"Colors\":[\"green\"],\"Size\":{\"w\":1},\"Rgb\":null}`) {
		t.Fatalf("%d %s", status, body)
	}
}

// TestCookieMaps: an exploded cookie map is a cookie per key, in key
// order, beside the other cookies; a map of explode false one cookie of
// keys and values (its commas percent-encoded, as RFC 6265 wants); a union's array variant a cookie per item, its scalar
// one cookie. The server binds each as sent, and its exploded map holds
// every cookie no other cookie parameter has.
func TestCookieMaps(t *testing.T) {
	c, rec, base := serve(t)
	ctx := context.Background()
	session := "s1"
	p := maps.GetJarParams{
		Session: &session,
		Flags:   map[string]int{"b": 2, "a": 1},
		Labels:  map[string]string{"y": "z", "x": "1 2"},
		Pick:    &maps.GetJarParamsPick{Array: &[]string{"p", "q"}},
		Size:    &maps.GetJarParamsSize{W: 4},
	}
	out, err := c.GetJar(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	same(t, out, p)
	if _, cookies := rec.last(); cookies != "a=1; b=2; labels=x%2C1%202%2Cy%2Cz; pick=p; pick=q; session=s1; w=4" {
		t.Errorf("Cookie %q", cookies)
	}
	seven := 7
	p = maps.GetJarParams{Pick: &maps.GetJarParamsPick{Integer: &seven}}
	if out, err = c.GetJar(ctx, p); err != nil {
		t.Fatal(err)
	}
	same(t, out, p)
	if _, cookies := rec.last(); cookies != "pick=7" {
		t.Errorf("Cookie %q", cookies)
	}
	for _, key := range []string{"a b", "x;y", "session", "w", ""} {
		_, err := c.GetJar(ctx, maps.GetJarParams{Flags: map[string]int{key: 1}})
		if !errors.Is(err, maps.ErrInvalidInput) || !strings.Contains(err.Error(), "GetJar: flags: ") {
			t.Errorf("key %q: %v, want ErrInvalidInput naming flags", key, err)
		}
	}
	status, body := get(t, base+"/jar?api_key=k3y", "session=s; junk=3; w=2; labels=")
	if status != 200 || !strings.Contains(body, `{\"Session\":\"s\",\"Flags\":{\"junk\":3},\"Labels\":{},\"Pick\":null,\"Size\":{\"w\":2}}`) {
		t.Fatalf("%d %s", status, body)
	}
	for _, tc := range []struct{ cookie, want string }{
		{"x=-1", "minimum"},
		{"x=nope", `cookie parameter \"flags[x]\": \"nope\" is not an integer`},
		{"x=1; x=2", `cookie parameter \"flags[x]\": is given twice with different values`},
		{"labels=a", "is not a list of keys and values"},
		{"labels=a,toolongvalue", "greater than the maximum length 8"},
	} {
		status, body := get(t, base+"/jar?api_key=k3y", tc.cookie)
		if status != 400 || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d %s, want 400 with %s", tc.cookie, status, body, tc.want)
		}
	}
}

// TestDelimitedObjects: an object of style spaceDelimited and a map of
// style pipeDelimited are each one value of names and values, separated
// by the style's delimiter, bound as sent; a value of another delimiter
// or breaking a property's rules is a 400.
func TestDelimitedObjects(t *testing.T) {
	c, rec, base := serve(t)
	ctx := context.Background()
	p := maps.GetDelimitedParams{
		Color:   &maps.GetDelimitedParamsColor{R: 100, G: 200},
		Weights: map[string]int{"b": 2, "a": 1},
	}
	out, err := c.GetDelimited(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	same(t, out, p)
	if q, _ := rec.last(); q != "api_key=k3y&color=R+100+G+200&weights=a%7C1%7Cb%7C2" {
		t.Errorf("query %q", q)
	}
	for _, tc := range []struct{ query, want string }{
		{"color=R,100,G,200", "is not a list of names and values"},
		{"color=R%20300", "greater than the maximum 255"},
		{"weights=a,1", "is not a list of keys and values"},
		{"weights=a|x", `query parameter \"weights[a]\": \"x\" is not an integer`},
	} {
		status, body := get(t, base+"/delimited?api_key=k3y&"+tc.query, "")
		if status != 400 || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d %s, want 400 with %s", tc.query, status, body, tc.want)
		}
	}
}
