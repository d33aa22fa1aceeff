// This file is copied, with the code generated from ../media_suffixes.txtar,
// into a throwaway module by generator/media_e2e_test.go: text/xml and the
// +json and +xml suffixes between the generated client and server over
// loopback, under the names the spec declares.
package suffixes_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"suffixes.test/suffixes"
)

type notes struct {
	suffixes.UnimplementedHandler
	mu   sync.Mutex
	text map[int]string
}

func (n *notes) GetNote(_ context.Context, in *suffixes.GetNoteInput) (suffixes.GetNoteResponse, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	text, ok := n.text[in.Params.ID]
	if !ok {
		return suffixes.GetNote404Response{Body: suffixes.Problem{Title: "no such note", Status: 404}}, nil
	}
	return suffixes.GetNote200Response{Body: suffixes.Note{ID: in.Params.ID, Text: text}}, nil
}

func (n *notes) PatchNote(_ context.Context, in *suffixes.PatchNoteInput) (suffixes.PatchNoteResponse, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if in.Body.Text != "" {
		n.text[in.Params.ID] = in.Body.Text
	}
	return suffixes.PatchNote200Response{Body: suffixes.Note{ID: in.Params.ID, Text: n.text[in.Params.ID]}}, nil
}

func (n *notes) GetNoteAtom(_ context.Context, in *suffixes.GetNoteAtomInput) (suffixes.GetNoteAtomResponse, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return suffixes.GetNoteAtom200Response{Body: suffixes.Note{ID: in.Params.ID, Text: n.text[in.Params.ID]}}, nil
}

// wire records, per path, the Accept and request Content-Type the client
// sent and the Content-Type the server answered with.
type wire struct {
	mu   sync.Mutex
	seen map[string][3]string
	next http.Handler
}

func (w *wire) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	w.next.ServeHTTP(rw, r)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.seen[r.Method+" "+r.URL.Path] = [3]string{r.Header.Get("Accept"), r.Header.Get("Content-Type"), rw.Header().Get("Content-Type")}
}

func (w *wire) last(key string) [3]string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.seen[key]
}

func TestSuffixesEndToEnd(t *testing.T) {
	w := &wire{seen: map[string][3]string{}, next: suffixes.NewServer(&notes{text: map[int]string{1: "one"}}, suffixes.WithServerLogger(nil))}
	srv := httptest.NewServer(w)
	defer srv.Close()
	ctx := context.Background()
	for _, tc := range []struct {
		opts         []suffixes.Option
		accept, resp string
	}{
		{nil, "application/json", "application/json"},
		{[]suffixes.Option{suffixes.WithXML()}, "text/xml", "text/xml"},
	} {
		c, err := suffixes.NewClient(append(tc.opts, suffixes.WithBaseURL(srv.URL))...)
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.GetNote(ctx, suffixes.GetNoteParams{ID: 1})
		if err != nil || got.ID != 1 || got.Text != "one" {
			t.Fatalf("GetNote (%s): %+v, %v", tc.accept, got, err)
		}
		if seen := w.last("GET /notes/1"); seen[0] != tc.accept || seen[2] != tc.resp {
			t.Errorf("GetNote: Accept %q answered %q, want %q answered %q", seen[0], seen[2], tc.accept, tc.resp)
		}
		// The problem+json error decodes whatever the preference.
		_, err = c.GetNote(ctx, suffixes.GetNoteParams{ID: 9})
		var ae *suffixes.APIError
		if !errors.As(err, &ae) || ae.StatusCode != 404 || !strings.Contains(ae.Label, "no such note") {
			t.Errorf("GetNote(9): %v", err)
		}
	}
	c, err := suffixes.NewClient(suffixes.WithBaseURL(srv.URL), suffixes.WithXML())
	if err != nil {
		t.Fatal(err)
	}
	// A +json body goes out under its declared type; the +json answer is
	// asked for by name even though the client prefers XML.
	got, err := c.PatchNote(ctx, suffixes.PatchNoteParams{ID: 2}, suffixes.NotePatch{Text: "two"})
	if err != nil || got.ID != 2 || got.Text != "two" {
		t.Fatalf("PatchNote: %+v, %v", got, err)
	}
	want := [3]string{"application/vnd.notes.v1+json", "application/merge-patch+json", "application/vnd.notes.v1+json"}
	if seen := w.last("PATCH /notes/2"); seen != want {
		t.Errorf("PatchNote: Accept, Content-Type, answer %q, want %q", seen, want)
	}
	// The +xml-only operation.
	got, err = c.GetNoteAtom(ctx, suffixes.GetNoteAtomParams{ID: 2})
	if err != nil || got.ID != 2 || got.Text != "two" {
		t.Fatalf("GetNoteAtom: %+v, %v", got, err)
	}
	if seen := w.last("GET /notes/2/atom"); seen[0] != "application/atom+xml" || seen[2] != "application/atom+xml" {
		t.Errorf("GetNoteAtom: Accept %q answered %q", seen[0], seen[2])
	}
	// The server reads the body only under its declared type.
	for ct, status := range map[string]int{
		"application/json":                            http.StatusUnsupportedMediaType,
		"application/merge-patch+json":                http.StatusOK,
		"application/merge-patch+json; charset=utf-8": http.StatusOK,
	} {
		req, _ := http.NewRequest(http.MethodPatch, srv.URL+"/notes/3", strings.NewReader(`{"text":"three"}`))
		req.Header.Set("Content-Type", ct)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != status {
			t.Errorf("PATCH as %s: %d %s, want %d", ct, resp.StatusCode, b, status)
		}
	}
	// Asked for application/xml only, an operation that answers text/xml
	// and JSON is not acceptable.
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/notes/1", nil)
	req.Header.Set("Accept", "application/xml")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotAcceptable {
		t.Errorf("GET with Accept: application/xml: %d, want 406", resp.StatusCode)
	}
}
