package nexmo_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// The credentials of every test. The secret holds characters that URL
// encoding changes, so that every spelling of it can be looked for.
const (
	testKey    = "key-1234"
	testSecret = "Canary+S3cr3t/x%y z"
)

// fastRetry retries without waiting long; the tests assert counts, never
// durations.
var fastRetry = nexmo.RetryPolicy{MaxAttempts: 3, BaseDelay: time.Microsecond, MaxDelay: time.Millisecond}

// newClient starts h on 127.0.0.1 and returns a client of it.
func newClient(t *testing.T, h http.Handler, opts ...nexmo.Option) *nexmo.Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	base := []nexmo.Option{nexmo.WithBaseURL(srv.URL), nexmo.WithHTTPClient(srv.Client()), nexmo.WithRetryPolicy(fastRetry)}
	c, err := nexmo.NewClient(testKey, testSecret, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// reply answers body with the content type of its format.
func reply(w http.ResponseWriter, r *http.Request, status int, jsonBody, xmlBody string) {
	if strings.Contains(r.Header.Get("Accept"), "xml") {
		w.Header().Set("Content-Type", "application/xml; charset=UTF-8")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(xmlBody))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(jsonBody))
}

// opCase is one operation driven against a server that checks the request
// and answers the seed's example.
type opCase struct {
	name          string
	method, path  string
	query, form   url.Values
	json, xml     string
	call          func(context.Context, *nexmo.Client) (any, error)
	want, wantXML any
}

func TestEveryOperation(t *testing.T) {
	for _, tc := range operationCases() {
		for _, format := range []string{"json", "xml"} {
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				hits := 0
				h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					hits++
					checkRequest(t, r, tc)
					reply(w, r, 200, tc.json, tc.xml)
				})
				opts := []nexmo.Option{}
				want := tc.want
				if format == "xml" {
					opts = append(opts, nexmo.WithXML())
					if tc.wantXML != nil {
						want = tc.wantXML
					}
				}
				got, err := tc.call(t.Context(), newClient(t, h, opts...))
				if err != nil {
					t.Fatalf("error: %v", err)
				}
				if hits != 1 {
					t.Errorf("server hits = %d, want 1", hits)
				}
				assertSameJSON(t, got, want)
			})
		}
	}
}

// checkRequest holds a request against its case: method, path, query,
// form, credentials.
func checkRequest(t *testing.T, r *http.Request, tc opCase) {
	t.Helper()
	if r.Method != tc.method || r.URL.EscapedPath() != tc.path {
		t.Errorf("request %s %s, want %s %s", r.Method, r.URL.EscapedPath(), tc.method, tc.path)
	}
	if user, pass, ok := r.BasicAuth(); !ok || user != testKey || pass != testSecret {
		t.Errorf("basic auth = %q, %q, %v", user, pass, ok)
	}
	if r.URL.Query().Has("api_secret") {
		t.Errorf("the secret is in the URL with Basic auth: %s", r.URL.RawQuery)
	}
	query := tc.query
	if query == nil {
		query = url.Values{}
	}
	if got := r.URL.Query(); !equalValues(got, query) {
		t.Errorf("query = %v, want %v", got, query)
	}
	if tc.form == nil {
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		t.Errorf("Content-Type = %q", ct)
	}
	if err := r.ParseForm(); err != nil {
		t.Errorf("form: %v", err)
	}
	if !equalValues(r.PostForm, tc.form) {
		t.Errorf("form = %v, want %v", r.PostForm, tc.form)
	}
}

// equalValues compares two url.Values, an empty slice and an absent key
// apart.
func equalValues(a, b url.Values) bool {
	if len(a) != len(b) {
		return false
	}
	for k, va := range a {
		vb, ok := b[k]
		if !ok || strings.Join(va, "\x00") != strings.Join(vb, "\x00") || len(va) != len(vb) {
			return false
		}
	}
	return true
}

// assertSameJSON compares values by their JSON form, which ignores the
// XMLName fields that XML decoding fills.
func assertSameJSON(t *testing.T, got, want any) {
	t.Helper()
	g, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	w, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if string(g) != string(w) {
		t.Errorf("decoded\n%s\nwant\n%s", g, w)
	}
}

func TestQueryArrayCommasAndQueryAuth(t *testing.T) {
	var raw string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw = r.URL.RawQuery
		if _, _, ok := r.BasicAuth(); ok {
			t.Error("Basic auth sent with WithQueryAuth")
		}
		reply(w, r, 200, `{}`, ``)
	})
	c := newClient(t, h, nexmo.WithSchemes("apiKey", "apiSecret"))
	_, err := c.SearchAvailableNumbers(t.Context(), nexmo.SearchAvailableNumbersParams{
		Country: "GB", Features: []nexmo.Feature{nexmo.FeatureSMS, nexmo.FeatureVoice},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(raw, "features=SMS,VOICE") {
		t.Errorf("query %q has no literal features=SMS,VOICE", raw)
	}
	q, _ := url.ParseQuery(raw)
	if q.Get("api_key") != testKey || q.Get("api_secret") != testSecret {
		t.Errorf("query auth: api_key=%q, secret sent: %v", q.Get("api_key"), q.Get("api_secret") == testSecret)
	}
}

func TestInvalidInputNeverSent(t *testing.T) {
	hits := 0
	c := newClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++ }))
	_, err := c.BuyNumber(t.Context(), nexmo.BuyNumberRequest{Country: "gb", MSISDN: "abc"})
	if !errors.Is(err, nexmo.ErrInvalidInput) {
		t.Fatalf("err = %v, want ErrInvalidInput", err)
	}
	var ve *nexmo.ValidationError
	if !errors.As(err, &ve) || ve.In != "form" {
		t.Errorf("errors.As ValidationError: %#v", ve)
	}
	_, err = c.ListOwnedNumbers(t.Context(), nexmo.ListOwnedNumbersParams{Size: 500})
	if !errors.Is(err, nexmo.ErrInvalidInput) {
		t.Errorf("size 500: err = %v", err)
	}
	if hits != 0 {
		t.Errorf("invalid input reached the server %d times", hits)
	}
}

func TestNewClientOptions(t *testing.T) {
	bad := map[string]func() (*nexmo.Client, error){
		"empty key":    func() (*nexmo.Client, error) { return nexmo.NewClient("", "s") },
		"empty secret": func() (*nexmo.Client, error) { return nexmo.NewClient("k", "") },
		"relative URL": func() (*nexmo.Client, error) { return nexmo.NewClient("k", "s", nexmo.WithBaseURL("/x")) },
		"ftp URL":      func() (*nexmo.Client, error) { return nexmo.NewClient("k", "s", nexmo.WithBaseURL("ftp://h")) },
		"nil HTTP":     func() (*nexmo.Client, error) { return nexmo.NewClient("k", "s", nexmo.WithHTTPClient(nil)) },
		"retry 0": func() (*nexmo.Client, error) {
			return nexmo.NewClient("k", "s", nexmo.WithRetryPolicy(nexmo.RetryPolicy{}))
		},
		"negative delay": func() (*nexmo.Client, error) {
			return nexmo.NewClient("k", "s", nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 1, BaseDelay: -1}))
		},
	}
	for name, f := range bad {
		if c, err := f(); err == nil || c != nil {
			t.Errorf("%s: NewClient = %v, %v; want an error", name, c, err)
		}
	}
}

func TestUserHTTPClientKeepsAuthAndUserAgent(t *testing.T) {
	var user, agent string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, _, _ = r.BasicAuth()
		agent = r.Header.Get("User-Agent")
		reply(w, r, 200, `{"value":1,"autoReload":true}`, ``)
	})
	srv := httptest.NewServer(h)
	defer srv.Close()
	trips := 0
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		trips++
		return http.DefaultTransport.RoundTrip(r)
	})}
	c, err := nexmo.NewClient(testKey, testSecret, nexmo.WithBaseURL(srv.URL+"/"), nexmo.WithHTTPClient(hc), nexmo.WithUserAgent("acme/1"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.GetBalance(t.Context())
	if err != nil || b.Value != 1 || !b.AutoReload {
		t.Fatalf("GetBalance = %+v, %v", b, err)
	}
	if user != testKey || agent != "acme/1" || trips != 1 {
		t.Errorf("user %q, agent %q, trips %d", user, agent, trips)
	}
	if hc.CheckRedirect != nil {
		t.Error("the caller's http.Client was modified")
	}
}

// roundTripFunc is an http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
