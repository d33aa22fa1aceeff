// This file is copied, with the code generated from ../response_parts.txtar,
// into a throwaway module by generator/responses_e2e_test.go: responses
// whose media types are of different kinds or schemas, from the generated
// server's response fields to the generated client's answer struct over
// loopback.
package parts_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"parts.test/parts"
)

// api serves the operations; both, when set, makes CreateChat set its
// JSON and its events, for the request's Accept to pick.
type api struct {
	// cuts, when set, counts the event streams to cut after their first
	// event.
	cuts *atomic.Int32
	both bool
	// none makes GetReport set no body.
	none bool
}

func (a api) CreateChat(_ context.Context, in *parts.CreateChatInput) (parts.CreateChatResponse, error) {
	if in.Body.Prompt == "slow" {
		return parts.CreateChat429Response{Body: parts.Problem{Title: "slow down"}}, nil
	}
	out := parts.CreateChat200Response{XRequestID: "req-1"}
	if !in.Body.Stream || a.both {
		out.JSON = &parts.Chat{Text: "whole: " + in.Body.Prompt}
	}
	if in.Body.Stream || a.both {
		cut := a.cuts != nil && a.cuts.Add(-1) >= 0
		out.Events = func(w parts.SSEWriterOf[parts.ChatChunk]) error {
			for i, word := range strings.Fields(in.Body.Prompt) {
				if cut && i == 1 {
					return errors.New("cut")
				}
				ev := parts.TypedSSEEvent[parts.ChatChunk]{SSEEvent: parts.SSEEvent{ID: fmt.Sprint(i)}, Value: parts.ChatChunk{Delta: word}}
				if err := w.Send(ev); err != nil {
					return err
				}
			}
			return nil
		}
	}
	return out, nil
}

// video is the bytes of a video or thumbnail.
func video(n int) []byte { return bytes.Repeat([]byte{0, 1, 2, 3}, n) }

func (api) GetVideo(_ context.Context, in *parts.GetVideoInput) (parts.GetVideoResponse, error) {
	switch in.Params.Variant {
	case parts.GetVideoParamsVariantThumbnail:
		return parts.GetVideo200Response{Stream: bytes.NewReader(video(10)), ContentType: "image/webp"}, nil
	case parts.GetVideoParamsVariantDescription:
		text := "a video of " + in.Params.ID
		return parts.GetVideo200Response{JSON: &text}, nil
	}
	if in.Params.ID == "later" {
		return parts.GetVideo204Response{}, nil
	}
	// The video, or its description, as the request accepts.
	text := "a video of " + in.Params.ID
	return parts.GetVideo200Response{Stream: bytes.NewReader(video(1 << 16)), JSON: &text}, nil
}

func (a api) GetReport(_ context.Context, in *parts.GetReportInput) (parts.GetReportResponse, error) {
	if a.none {
		return parts.GetReport200Response{}, nil
	}
	text := "report " + in.Params.ID + ": two lines"
	return parts.GetReport200Response{
		ApplicationJSON:           &parts.Report{ID: in.Params.ID, Lines: []string{"one", "two"}},
		ApplicationVndSummaryJSON: &parts.Summary{ID: in.Params.ID, Count: 2},
		XML:                       &parts.ReportXML{ID: in.Params.ID, Line: []string{"one", "two"}},
		Text:                      &text,
	}, nil
}

func client(t *testing.T, h http.Handler) *parts.Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := parts.NewClient(parts.WithBaseURL(srv.URL), parts.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestChatJSONOrEvents: the request's stream flag makes the handler answer
// JSON or events; the client's answer has that field set, the other nil,
// and the response's header either way; a 429 is still a typed error.
func TestChatJSONOrEvents(t *testing.T) {
	c := client(t, parts.NewServer(api{}))
	ctx := context.Background()
	var meta parts.ResponseMeta
	out, err := c.CreateChat(ctx, parts.ChatRequest{Prompt: "hello there"}, parts.WithResponse(&meta))
	if err != nil {
		t.Fatal(err)
	}
	if out.JSON == nil || out.JSON.Text != "whole: hello there" || out.Events != nil {
		t.Fatalf("JSON answer: %+v", out)
	}
	if meta.Header.Get("X-Request-Id") != "req-1" {
		t.Fatalf("header %v", meta.Header)
	}
	out, err = c.CreateChat(ctx, parts.ChatRequest{Prompt: "a b c", Stream: true}, parts.WithResponse(&meta))
	if err != nil {
		t.Fatal(err)
	}
	if out.JSON != nil || out.Events == nil {
		t.Fatalf("events answer: %+v", out)
	}
	if meta.Header.Get("X-Request-Id") != "req-1" || !strings.HasPrefix(meta.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("header %v", meta.Header)
	}
	var words []string
	for ev, err := range out.Events.All() {
		if err != nil {
			t.Fatal(err)
		}
		words = append(words, ev.Value.Delta)
	}
	if strings.Join(words, " ") != "a b c" {
		t.Fatalf("events %q", words)
	}
	_, err = c.CreateChat(ctx, parts.ChatRequest{Prompt: "slow"})
	var te *parts.TypedError[parts.Problem]
	if !errors.As(err, &te) || te.Value.Title != "slow down" {
		t.Fatalf("429: %v", err)
	}
}

// TestChatAccept: a handler that sets both bodies answers in the one the
// request accepts: the client's default Accept lists JSON first;
// WithAccept asks for the events, or for a media type the response has not
// (406).
func TestChatAccept(t *testing.T) {
	c := client(t, parts.NewServer(api{both: true}))
	ctx := context.Background()
	out, err := c.CreateChat(ctx, parts.ChatRequest{Prompt: "x y"})
	if err != nil || out.JSON == nil || out.Events != nil {
		t.Fatalf("default Accept: %+v, %v", out, err)
	}
	out, err = c.CreateChat(ctx, parts.ChatRequest{Prompt: "x y"}, parts.WithAccept("text/event-stream"))
	if err != nil || out.JSON != nil || out.Events == nil {
		t.Fatalf("WithAccept(events): %+v, %v", out, err)
	}
	n := 0
	for _, err := range out.Events.All() {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 2 {
		t.Fatalf("%d events", n)
	}
	var meta parts.ResponseMeta
	_, err = c.CreateChat(ctx, parts.ChatRequest{Prompt: "x"}, parts.WithAccept("text/plain"), parts.WithResponse(&meta))
	var ae *parts.APIError
	if !errors.As(err, &ae) || meta.StatusCode != http.StatusNotAcceptable {
		t.Fatalf("WithAccept(text/plain): %v (status %d), want 406", err, meta.StatusCode)
	}
	for _, bad := range [][]string{nil, {""}, {"a, b"}, {"a\nb"}} {
		if _, err := c.CreateChat(ctx, parts.ChatRequest{Prompt: "x"}, parts.WithAccept(bad...)); !errors.Is(err, parts.ErrInvalidInput) {
			t.Errorf("WithAccept(%q): %v, want ErrInvalidInput", bad, err)
		}
	}
}

// TestVideoStreamOrJSON: a 256 KiB video streamed (read, then closed), a
// thumbnail under the Content-Type the handler set, the JSON description
// (a string), and the 204 declared beside them (no answer, no error).
func TestVideoStreamOrJSON(t *testing.T) {
	c := client(t, parts.NewServer(api{}))
	ctx := context.Background()
	out, err := c.GetVideo(ctx, parts.GetVideoParams{ID: "v1"}, parts.WithAccept("video/mp4"))
	if err != nil {
		t.Fatal(err)
	}
	if out.Stream == nil || out.JSON != nil || out.Stream.ContentType != "video/mp4" {
		t.Fatalf("video: %+v", out)
	}
	b, err := io.ReadAll(out.Stream.Body)
	if err != nil || !bytes.Equal(b, video(1<<16)) {
		t.Fatalf("video bytes: %d, %v", len(b), err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	// The default Accept lists the JSON description first.
	out, err = c.GetVideo(ctx, parts.GetVideoParams{ID: "v1"})
	if err != nil || out.JSON == nil || *out.JSON != "a video of v1" || out.Stream != nil {
		t.Fatalf("description: %+v, %v", out, err)
	}
	out, err = c.GetVideo(ctx, parts.GetVideoParams{ID: "v2", Variant: parts.GetVideoParamsVariantThumbnail})
	if err != nil || out.Stream == nil || out.Stream.ContentType != "image/webp" {
		t.Fatalf("thumbnail: %+v, %v", out, err)
	}
	b, err = io.ReadAll(out.Stream.Body)
	out.Close()
	if err != nil || !bytes.Equal(b, video(10)) {
		t.Fatalf("thumbnail bytes: %d, %v", len(b), err)
	}
	out, err = c.GetVideo(ctx, parts.GetVideoParams{ID: "later"})
	if err != nil || out != nil {
		t.Fatalf("204: %+v, %v", out, err)
	}
}

// TestReportSchemas: four parts, two of them JSON media types of different
// schemas, one XML, one text: each asked for by WithAccept fills its own
// field; with none set the server answers 500.
func TestReportSchemas(t *testing.T) {
	c := client(t, parts.NewServer(api{}))
	ctx := context.Background()
	out, err := c.GetReport(ctx, parts.GetReportParams{ID: "r1"})
	if err != nil || out.ApplicationJSON == nil || out.ApplicationJSON.ID != "r1" || len(out.ApplicationJSON.Lines) != 2 ||
		out.ApplicationVndSummaryJSON != nil || out.XML != nil || out.Text != nil {
		t.Fatalf("JSON: %+v, %v", out, err)
	}
	out, err = c.GetReport(ctx, parts.GetReportParams{ID: "r1"}, parts.WithAccept("application/vnd.summary+json"))
	if err != nil || out.ApplicationVndSummaryJSON == nil || out.ApplicationVndSummaryJSON.Count != 2 || out.ApplicationJSON != nil {
		t.Fatalf("summary: %+v, %v", out, err)
	}
	out, err = c.GetReport(ctx, parts.GetReportParams{ID: "r1"}, parts.WithAccept("application/xml"))
	if err != nil || out.XML == nil || out.XML.ID != "r1" || fmt.Sprint(out.XML.Line) != "[one two]" || out.ApplicationJSON != nil {
		t.Fatalf("XML: %+v, %v", out, err)
	}
	out, err = c.GetReport(ctx, parts.GetReportParams{ID: "r1"}, parts.WithAccept("text/plain"))
	if err != nil || out.Text == nil || *out.Text != "report r1: two lines" || out.ApplicationJSON != nil {
		t.Fatalf("text: %+v, %v", out, err)
	}
	c = client(t, parts.NewServer(api{none: true}))
	var meta parts.ResponseMeta
	if _, err := c.GetReport(ctx, parts.GetReportParams{ID: "r1"}, parts.WithResponse(&meta)); err == nil || meta.StatusCode != 500 {
		t.Fatalf("no body set: %v (status %d), want 500", err, meta.StatusCode)
	}
}

// TestPartsFromElsewhere: a server that answers in a media type of a part's
// format under another name (application/problem+json is no part's;
// application/hal+json is JSON) or a range's member, and one that answers
// a media type the response does not declare (an invalid response).
func TestPartsFromElsewhere(t *testing.T) {
	answer := func(contentType, body string) *parts.Client {
		return client(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", contentType)
			io.WriteString(w, body)
		}))
	}
	ctx := context.Background()
	out, err := answer("application/hal+json; charset=utf-8", `{"id":"r9","lines":[]}`).GetReport(ctx, parts.GetReportParams{ID: "r9"})
	if err != nil || out.ApplicationJSON == nil || out.ApplicationJSON.ID != "r9" {
		t.Fatalf("hal+json: %+v, %v", out, err)
	}
	out, err = answer("text/xml", `<report id="r8"><line>a</line></report>`).GetReport(ctx, parts.GetReportParams{ID: "r8"})
	if err != nil || out.XML == nil || out.XML.ID != "r8" {
		t.Fatalf("text/xml: %+v, %v", out, err)
	}
	_, err = answer("image/png", "png").GetReport(ctx, parts.GetReportParams{ID: "r7"})
	if !errors.Is(err, parts.ErrInvalidResponse) {
		t.Fatalf("image/png: %v, want ErrInvalidResponse", err)
	}
	// A required property missing from the JSON part is an invalid response.
	_, err = answer("application/vnd.summary+json", `{"id":"r6"}`).GetReport(ctx, parts.GetReportParams{ID: "r6"})
	if !errors.Is(err, parts.ErrInvalidResponse) {
		t.Fatalf("summary without count: %v, want ErrInvalidResponse", err)
	}
}

// TestChatEventsReconnect: the events part of an answer resumes a cut
// stream WithSSEReconnect as an events-only answer does (the server here
// starts over: it does not read Last-Event-ID).
func TestChatEventsReconnect(t *testing.T) {
	cuts := new(atomic.Int32)
	cuts.Store(1)
	c := client(t, parts.NewServer(api{cuts: cuts}))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := c.CreateChat(ctx, parts.ChatRequest{Prompt: "one two", Stream: true}, parts.WithSSEReconnect(1))
	if err != nil || out.Events == nil {
		t.Fatalf("%+v, %v", out, err)
	}
	var words []string
	for ev, err := range out.Events.All() {
		if err != nil {
			t.Fatal(err)
		}
		words = append(words, ev.Value.Delta)
	}
	if fmt.Sprint(words) != "[one one two]" {
		t.Fatalf("events %q: want the first connection's one, then the second's one and two", words)
	}
}
