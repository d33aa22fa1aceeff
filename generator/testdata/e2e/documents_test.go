// This file is copied, with the code generated from ../documents.txtar, into
// a throwaway module by generator/documents_e2e_test.go: it drives the
// generated client against the generated server over loopback.
package documents_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"documents.test/documents"
)

// notes is a handler holding notes in memory.
type notes struct {
	documents.UnimplementedHandler
	mu   sync.Mutex
	list []documents.Note
	down bool
}

func (n *notes) GetNotes(context.Context, *documents.GetNotesInput) (documents.GetNotesResponse, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	return documents.GetNotes200Response{Body: n.list}, nil
}

// PostNotes answers with its only response, default, with a status of its
// choosing.
func (n *notes) PostNotes(_ context.Context, in *documents.PostNotesInput) (documents.PostNotesResponse, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if in.Body.Mood == "" {
		return documents.PostNotesDefaultResponse{Status: 422, Body: in.Body}, nil
	}
	n.list = append(n.list, in.Body)
	return documents.PostNotesDefaultResponse{Status: 201, Body: in.Body}, nil
}

// DeleteNotesByNoteID can only say why it cannot: its responses are errors.
func (n *notes) DeleteNotesByNoteID(_ context.Context, in *documents.DeleteNotesByNoteIDInput) (documents.DeleteNotesByNoteIDResponse, error) {
	if n.down {
		return documents.DeleteNotesByNoteID500Response{}, nil
	}
	return documents.DeleteNotesByNoteID404Response{Body: documents.Problem{Title: "no note " + strings.Repeat("#", in.Params.NoteID)}}, nil
}

// hosts records the Host header of each request, by path.
type hosts struct {
	mu     sync.Mutex
	byPath map[string]string
	next   http.Handler
}

func (h *hosts) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	h.byPath[r.Method+" "+r.URL.Path] = r.Host
	h.mu.Unlock()
	h.next.ServeHTTP(w, r)
}

func TestDocumentsEndToEnd(t *testing.T) {
	h := &notes{}
	seen := &hosts{byPath: map[string]string{}, next: documents.NewServer(h, documents.WithServerLogger(nil))}
	srv := httptest.NewServer(seen)
	defer srv.Close()
	port := srv.URL[strings.LastIndexByte(srv.URL, ':')+1:]
	if documents.DefaultBaseURL != "http://127.0.0.1:1" {
		t.Fatalf("DefaultBaseURL %q: the variables at their defaults", documents.DefaultBaseURL)
	}
	// The server URL's variables: an enum refuses other values; a
	// variable the URL does not have is an error.
	if _, err := documents.NewClient(documents.WithServerVariable("host", "example.com")); err == nil {
		t.Fatal("a host outside the enum was taken")
	}
	if _, err := documents.NewClient(documents.WithServerVariable("region", "eu")); err == nil {
		t.Fatal("an unknown variable was taken")
	}
	c, err := documents.NewClient(documents.WithServerVariable("port", port),
		documents.WithRetryPolicy(documents.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	// Types from other files (Note, its Mood enum from a file that is one
	// schema); a default-only operation returns default's body on 2xx; a
	// character outside the BMP, as the JSON spec's surrogate pairs write it.
	got, err := c.PostNotes(ctx, documents.Note{Text: "\U0001F44D", Mood: documents.MoodHappy})
	if err != nil || got.Text != "\U0001F44D" || got.Mood != documents.MoodHappy {
		t.Fatalf("PostNotes: %+v, %v", got, err)
	}
	// Any other status of default is an *APIError carrying the body.
	_, err = c.PostNotes(ctx, documents.Note{Text: "moodless"})
	var ae *documents.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 422 || !strings.Contains(string(ae.Body), "moodless") {
		t.Fatalf("PostNotes without a mood: %v", err)
	}
	// The rules of a schema from another file are checked before sending.
	if _, err := c.PostNotes(ctx, documents.Note{Text: "far too long a note"}); !errors.Is(err, documents.ErrInvalidInput) {
		t.Fatalf("PostNotes with a long text: %v", err)
	}

	// Operations without operationId are named after method and path.
	list, err := c.GetNotes(ctx)
	if err != nil || len(list) != 1 || list[0].Text != "\U0001F44D" {
		t.Fatalf("GetNotes: %+v, %v", list, err)
	}

	// An operation whose only responses are errors: each is an *APIError,
	// with the declared body.
	err = c.DeleteNotesByNoteID(ctx, documents.DeleteNotesByNoteIDParams{NoteID: 3})
	if !errors.As(err, &ae) || ae.StatusCode != 404 || !strings.Contains(string(ae.Body), `"title":"no note ###"`) {
		t.Fatalf("DeleteNotesByNoteID: %v", err)
	}
	h.down = true
	err = c.DeleteNotesByNoteID(ctx, documents.DeleteNotesByNoteIDParams{NoteID: 1})
	if !errors.As(err, &ae) || ae.StatusCode != 500 {
		t.Fatalf("DeleteNotesByNoteID when down: %v", err)
	}
	// Requests go to the document's server, the variables set, but the
	// path item in paths/note.yaml has a server of its own (localhost).
	seen.mu.Lock()
	if got := seen.byPath["GET /notes"]; got != "127.0.0.1:"+port {
		t.Errorf("GET /notes went to %q", got)
	}
	if got := seen.byPath["DELETE /notes/1"]; got != "localhost:"+port {
		t.Errorf("DELETE /notes/1 went to %q, not its path item's server", got)
	}
	seen.mu.Unlock()
	// WithBaseURL replaces every server.
	all, err := documents.NewClient(documents.WithBaseURL(srv.URL),
		documents.WithRetryPolicy(documents.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	_ = all.DeleteNotesByNoteID(ctx, documents.DeleteNotesByNoteIDParams{NoteID: 2})
	seen.mu.Lock()
	if got := seen.byPath["DELETE /notes/2"]; got != "127.0.0.1:"+port {
		t.Errorf("DELETE /notes/2 with WithBaseURL went to %q", got)
	}
	seen.mu.Unlock()

	// The path parameter's rule, from the path item in paths/note.yaml.
	if err := c.DeleteNotesByNoteID(ctx, documents.DeleteNotesByNoteIDParams{}); !errors.Is(err, documents.ErrInvalidInput) {
		t.Fatalf("DeleteNotesByNoteID without an id: %v", err)
	}
}
