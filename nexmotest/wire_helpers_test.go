package nexmotest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Test credentials of the wire tests.
const (
	testKey    = "key"
	testSecret = "Secret123"
)

// wire is a fake served by its Handler on 127.0.0.1, spoken to in plain HTTP.
type wire struct {
	t    *testing.T
	f    *Fake
	base string
	// bodies collects every response body, to look for the secret in.
	bodies [][]byte
}

// newWire serves a fake made from cfg (DefaultConfig when nil).
func newWire(t *testing.T, cfg *Config) *wire {
	t.Helper()
	if cfg == nil {
		c := DefaultConfig(testKey, testSecret)
		cfg = &c
	}
	f, err := New(*cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(f.Handler())
	t.Cleanup(srv.Close)
	return &wire{t: t, f: f, base: srv.URL}
}

// request is one plain HTTP request of a wire test.
type request struct {
	method, path string
	query, form  url.Values
	accept       string
	secret       string // the api_secret sent; testSecret when empty
	basic        bool   // send the credentials as HTTP Basic instead of the query
	rawBody      string // sent as the body instead of form, when set
}

// do sends r and answers the response and its body.
func (w *wire) do(r request) (*http.Response, []byte) {
	w.t.Helper()
	q := url.Values{}
	for k, v := range r.query {
		q[k] = v
	}
	secret := cmpOr(r.secret, testSecret)
	if !r.basic {
		q.Set("api_key", testKey)
		q.Set("api_secret", secret)
	}
	var body io.Reader
	switch {
	case r.rawBody != "":
		body = strings.NewReader(r.rawBody)
	case r.form != nil:
		body = strings.NewReader(r.form.Encode())
	}
	req, err := http.NewRequestWithContext(w.t.Context(), r.method, w.base+r.path+"?"+q.Encode(), body)
	if err != nil {
		w.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if r.accept != "" {
		req.Header.Set("Accept", r.accept)
	}
	if r.basic {
		req.SetBasicAuth(testKey, secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		w.t.Fatal(err)
	}
	w.bodies = append(w.bodies, b)
	return resp, b
}

// cmpOr is the first non-empty string.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// jsonPaths lists the key paths of a JSON document: "numbers[]/features[]".
func jsonPaths(t *testing.T, b []byte) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	set := map[string]bool{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				set[path+"/"+k] = true
				walk(path+"/"+k, e)
			}
		case []any:
			for _, e := range v {
				walk(path+"[]", e)
			}
		}
	}
	walk("", v)
	return sortedKeys(set)
}

// xmlNode is any XML element.
type xmlNode struct {
	XMLName xml.Name
	Nodes   []xmlNode `xml:",any"`
	Text    string    `xml:",chardata"`
}

// xmlPaths lists the element paths of an XML document: "inbound-numbers/numbers/features/feature".
func xmlPaths(t *testing.T, b []byte) []string {
	t.Helper()
	var root xmlNode
	if err := xml.Unmarshal(b, &root); err != nil {
		t.Fatalf("not XML: %v\n%s", err, b)
	}
	set := map[string]bool{}
	var walk func(path string, n xmlNode)
	walk = func(path string, n xmlNode) {
		path += "/" + n.XMLName.Local
		set[path] = true
		for _, c := range n.Nodes {
			walk(path, c)
		}
	}
	walk("", root)
	return sortedKeys(set)
}

// sortedKeys is the sorted keys of a set.
func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// seedExamples reads the JSON and XML examples of the seed, in its order
// (balance, pricing, settings, list, search, buy, cancel), made parseable:
// "..." lines and trailing commas removed.
func seedExamples(t *testing.T) (jsons, xmls [][]byte) {
	t.Helper()
	b, err := os.ReadFile("../spec/testdata/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)```(json|xml)\n(.*?)```")
	dots := regexp.MustCompile(`(?m)^\s*\.\.\.\s*$`)
	trailing := regexp.MustCompile(`,(\s*[}\]])`)
	for _, m := range block.FindAllSubmatch(b, -1) {
		body := dots.ReplaceAll(m[2], nil)
		if string(m[1]) == "json" {
			jsons = append(jsons, trailing.ReplaceAll(body, []byte("$1")))
		} else {
			xmls = append(xmls, bytes.TrimSpace(body))
		}
	}
	if len(jsons) != 7 || len(xmls) != 7 {
		t.Fatalf("the seed has %d JSON and %d XML examples, want 7 of each", len(jsons), len(xmls))
	}
	return jsons, xmls
}
