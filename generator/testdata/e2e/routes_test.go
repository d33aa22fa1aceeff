// This file is copied, with the code generated from ../routes.txtar, into
// a throwaway module by generator/routes_e2e_test.go: the generated client
// against the generated server over loopback, through templates that
// overlap (a literal segment beats a parameter at the leftmost
// difference) and segments that mix parameters with literal text.
package routes_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"routes.test/routes"
)

// echo answers every operation with its name and the path values it got.
type echo struct{}

func match(op string, values ...string) *routes.Match {
	return &routes.Match{Operation: op, Values: values}
}

func (echo) ListTopics(_ context.Context, in *routes.ListTopicsInput) (routes.ListTopicsResponse, error) {
	return routes.ListTopics200Response{Body: *match("listTopics", in.Params.ContactID)}, nil
}

func (echo) PutTopics(_ context.Context, in *routes.PutTopicsInput) (routes.PutTopicsResponse, error) {
	return routes.PutTopics200Response{Body: *match("putTopics", in.Params.ContactID)}, nil
}

func (echo) GetImport(_ context.Context, in *routes.GetImportInput) (routes.GetImportResponse, error) {
	return routes.GetImport200Response{Body: *match("getImport", strconv.Itoa(in.Params.ID))}, nil
}

func (echo) FetchCall(_ context.Context, in *routes.FetchCallInput) (routes.FetchCallResponse, error) {
	return routes.FetchCall200Response{Body: *match("fetchCall", in.Params.AccountSid, in.Params.Sid)}, nil
}

func (echo) DeleteCall(_ context.Context, in *routes.DeleteCallInput) (routes.DeleteCallResponse, error) {
	if in.Params.Sid != "CA1" {
		return nil, errors.New("wrong call")
	}
	return routes.DeleteCall204Response{}, nil
}

func (echo) FetchCallPlain(_ context.Context, in *routes.FetchCallPlainInput) (routes.FetchCallPlainResponse, error) {
	return routes.FetchCallPlain200Response{Body: *match("fetchCallPlain", in.Params.AccountSid, in.Params.Sid)}, nil
}

func (echo) GetFile(_ context.Context, in *routes.GetFileInput) (routes.GetFileResponse, error) {
	return routes.GetFile200Response{Body: *match("getFile", in.Params.Name, string(in.Params.Ext))}, nil
}

func (echo) GetRelease(_ context.Context, in *routes.GetReleaseInput) (routes.GetReleaseResponse, error) {
	return routes.GetRelease200Response{Body: *match("getRelease", strconv.Itoa(in.Params.Major), strconv.Itoa(in.Params.Minor))}, nil
}

// paths records the escaped path of every request.
type paths struct {
	mu   sync.Mutex
	last string
	next http.Handler
}

func (p *paths) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.last = r.URL.EscapedPath()
	p.mu.Unlock()
	p.next.ServeHTTP(w, r)
}

func (p *paths) path() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last
}

func setup(t *testing.T) (*routes.Client, *paths, string) {
	t.Helper()
	p := &paths{next: routes.NewServer(echo{})}
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	c, err := routes.NewClient(routes.WithBaseURL(srv.URL), routes.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return c, p, srv.URL
}

func TestRoutesClientAgainstServer(t *testing.T) {
	c, p, _ := setup(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		call func() (*routes.Match, error)
		want *routes.Match
		path string
	}{
		{"literal before template", func() (*routes.Match, error) { return c.GetImport(ctx, routes.GetImportParams{ID: 7}) },
			match("getImport", "7"), "/contacts/imports/7"},
		{"template", func() (*routes.Match, error) {
			return c.ListTopics(ctx, routes.ListTopicsParams{ContactID: "c1"})
		}, match("listTopics", "c1"), "/contacts/c1/topics"},
		{"another method of the route", func() (*routes.Match, error) {
			return c.PutTopics(ctx, routes.PutTopicsParams{ContactID: "c/1"})
		}, match("putTopics", "c/1"), "/contacts/c%2F1/topics"},
		{"suffix", func() (*routes.Match, error) {
			return c.FetchCall(ctx, routes.FetchCallParams{AccountSid: "AC1", Sid: "CA1"})
		}, match("fetchCall", "AC1", "CA1"), "/Accounts/AC1/Calls/CA1.json"},
		{"suffix inside the value", func() (*routes.Match, error) {
			return c.FetchCall(ctx, routes.FetchCallParams{AccountSid: "AC 1", Sid: "CA.json"})
		}, match("fetchCall", "AC 1", "CA.json"), "/Accounts/AC%201/Calls/CA.json.json"},
		{"no suffix", func() (*routes.Match, error) {
			return c.FetchCallPlain(ctx, routes.FetchCallPlainParams{AccountSid: "AC1", Sid: "CA1"})
		}, match("fetchCallPlain", "AC1", "CA1"), "/Accounts/AC1/Calls/CA1"},
		{"two parameters", func() (*routes.Match, error) {
			return c.GetFile(ctx, routes.GetFileParams{Name: "report", Ext: routes.GetFileParamsExtPdf})
		}, match("getFile", "report", "pdf"), "/files/report.pdf"},
		{"the separator in both values", func() (*routes.Match, error) {
			return c.GetFile(ctx, routes.GetFileParams{Name: "a.b", Ext: routes.GetFileParamsExtTarGz})
		}, match("getFile", "a.b", "tar.gz"), "/files/a%2Eb.tar.gz"},
		{"more literal text first", func() (*routes.Match, error) {
			return c.GetRelease(ctx, routes.GetReleaseParams{Major: 1, Minor: 2})
		}, match("getRelease", "1", "2"), "/files/v1-2.tar.gz"},
		{"a value the longer template refuses", func() (*routes.Match, error) {
			return c.GetFile(ctx, routes.GetFileParams{Name: "v1-", Ext: routes.GetFileParamsExtTarGz})
		}, match("getFile", "v1-", "tar.gz"), "/files/v1-.tar.gz"},
	} {
		got, err := tc.call()
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got.Operation != tc.want.Operation || strings.Join(got.Values, "|") != strings.Join(tc.want.Values, "|") {
			t.Errorf("%s: answered by %s %q, want %s %q", tc.name, got.Operation, got.Values, tc.want.Operation, tc.want.Values)
		}
		if p.path() != tc.path {
			t.Errorf("%s: sent %s, want %s", tc.name, p.path(), tc.path)
		}
	}
	if err := c.DeleteCall(ctx, routes.DeleteCallParams{AccountSid: "AC1", Sid: "CA1"}); err != nil {
		t.Errorf("DeleteCall: %v", err)
	}
}

// TestRoutesServerAnswers: 404 for no path, 405 with the route's Allow,
// HEAD served by GET, 400 for a path value that is not of its type.
func TestRoutesServerAnswers(t *testing.T) {
	_, _, base := setup(t)
	for _, tc := range []struct {
		method, path string
		status       int
		allow        string
	}{
		{"GET", "/contacts/imports", 404, ""},
		{"GET", "/contacts/imports/x", 400, ""},
		// The path alone picks the template: literal "imports" first, and
		// "topics" is not an import's integer id.
		{"GET", "/contacts/imports/topics", 400, ""},
		{"PUT", "/contacts/imports/topics", 405, "GET, HEAD"},
		{"POST", "/Accounts/AC1/Calls/CA1.json", 405, "DELETE, GET, HEAD"},
		{"DELETE", "/contacts/c1/topics", 405, "GET, HEAD, PUT"},
		{"HEAD", "/Accounts/AC1/Calls/CA1.json", 200, ""},
		{"GET", "/files/.pdf", 404, ""},
		{"GET", "/files/report.doc", 400, ""},
		{"GET", "/Accounts/AC1/Calls/", 404, ""},
	} {
		req, err := http.NewRequest(tc.method, base+tc.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status || resp.Header.Get("Allow") != tc.allow {
			t.Errorf("%s %s: %d Allow %q, want %d Allow %q", tc.method, tc.path, resp.StatusCode, resp.Header.Get("Allow"), tc.status, tc.allow)
		}
	}
}
