// This file is copied, with the code generated from ../documents.txtar, into
// a throwaway module by generator/documents_e2e_test.go: it drives the
// generated client against the generated server over loopback.
package documents_test

import (
	"context"
	"errors"
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

func TestDocumentsEndToEnd(t *testing.T) {
	h := &notes{}
	srv := httptest.NewServer(documents.NewServer(h, documents.WithServerLogger(nil)))
	defer srv.Close()
	c, err := documents.NewClient(documents.WithBaseURL(srv.URL),
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
	// The path parameter's rule, from the path item in paths/note.yaml.
	if err := c.DeleteNotesByNoteID(ctx, documents.DeleteNotesByNoteIDParams{}); !errors.Is(err, documents.ErrInvalidInput) {
		t.Fatalf("DeleteNotesByNoteID without an id: %v", err)
	}
}
