// This file is copied, with the code generated from ../hooks.txtar, into a
// throwaway module by generator/hooks_e2e_test.go: the generated senders of
// webhooks and callbacks against the generated handlers, over loopback.
package hooks_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"hooks.test/hooks"
)

// receiver records what the handlers were given.
type receiver struct {
	mu   sync.Mutex
	got  []string
	pets []hooks.Pet
	// ping is what Ping answers.
	ping hooks.WebhookPingResponse
}

func (r *receiver) note(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, s)
}

func (r *receiver) seen() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.got...)
}

func (r *receiver) NewPet(_ context.Context, in *hooks.WebhookNewPetInput) (hooks.WebhookNewPetResponse, error) {
	r.note("newPet " + in.Body.Name + " " + in.Params.XSignature)
	r.mu.Lock()
	r.pets = append(r.pets, in.Body)
	n := len(r.pets)
	r.mu.Unlock()
	return hooks.WebhookNewPet200Response{Body: hooks.Ack{Received: n}}, nil
}

func (r *receiver) DeletePetGone(_ context.Context, in *hooks.WebhookDeletePetGoneInput) (hooks.WebhookDeletePetGoneResponse, error) {
	r.note("delete petGone " + itoa(in.Params.ID))
	return hooks.WebhookDeletePetGone204Response{}, nil
}

func (r *receiver) PetGoneNotice(_ context.Context, in *hooks.WebhookPetGoneNoticeInput) (hooks.WebhookPetGoneNoticeResponse, error) {
	r.note("post petGone " + itoa(in.Body.ID))
	return hooks.WebhookPetGoneNotice202Response{}, nil
}

func (r *receiver) Ping(context.Context, *hooks.WebhookPingInput) (hooks.WebhookPingResponse, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ping, nil
}

func (r *receiver) PostOnEvent(_ context.Context, in *hooks.SubscribePostOnEventInput) (hooks.SubscribePostOnEventResponse, error) {
	if in.Body.Kind == hooks.EventKindDeleted {
		return hooks.SubscribePostOnEvent400Response{Body: hooks.Problem{Title: "not interested"}}, nil
	}
	r.note("onEvent " + string(in.Body.Kind) + " " + in.Body.At.UTC().Format(time.RFC3339))
	return hooks.SubscribePostOnEvent204Response{}, nil
}

func (r *receiver) ReplaceEvent(_ context.Context, in *hooks.SubscribeReplaceEventInput) (hooks.SubscribeReplaceEventResponse, error) {
	r.note("replaceEvent " + string(in.Body.Kind))
	return hooks.SubscribeReplaceEvent200Response{Body: hooks.Ack{Received: 1}}, nil
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// raw sends a request by hand, as a sender the generated one is not (with
// bodies it would refuse to send), and returns the status, the Allow
// header and the body.
func raw(t *testing.T, method, url, body string, header map[string]string) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Allow"), strings.TrimSpace(string(b))
}

// webhooks serves the webhooks under /hooks/ of a loopback server, with
// the key of the DELETE petGone webhook checked.
func webhooks(t *testing.T) (*receiver, string) {
	rec := &receiver{}
	mux := http.NewServeMux()
	mux.Handle("/hooks/", hooks.NewWebhookHandler(rec, hooks.WithHookKeyVerifier(hooks.StaticToken("k3y-k3y"))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return rec, srv.URL + "/hooks"
}

func TestWebhooksSenderToHandler(t *testing.T) {
	rec, url := webhooks(t)
	ctx := context.Background()
	send, err := hooks.NewWebhookSender(url, hooks.WithHookKey("k3y-k3y"))
	if err != nil {
		t.Fatal(err)
	}
	ack, err := send.NewPet(ctx, hooks.WebhookNewPetParams{XSignature: "sig-0001"}, hooks.Pet{Name: "Rex", Tag: hooks.NewNullable("dog")})
	if err != nil {
		t.Fatal(err)
	}
	if ack.Received != 1 {
		t.Errorf("Ack.Received = %d, want 1", ack.Received)
	}
	if err := send.PetGoneNotice(ctx, hooks.WebhookPetGoneNoticeBody{ID: 7}); err != nil {
		t.Fatal(err)
	}
	if err := send.DeletePetGone(ctx, hooks.WebhookDeletePetGoneParams{ID: 7}); err != nil {
		t.Fatal(err)
	}
	want := []string{"newPet Rex sig-0001", "post petGone 7", "delete petGone 7"}
	if got := rec.seen(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("handler saw %q, want %q", got, want)
	}
	if tag, ok := rec.pets[0].Tag.Get(); !ok || tag != "dog" {
		t.Errorf("the pet's tag arrived as %q, %v", tag, ok)
	}
}

// TestWebhookStatusRanges: the ping webhook answers the ranges 2XX and
// 4XX, each a typed response whose Status is any of the range (0: its
// first), one outside its range answering 500.
func TestWebhookStatusRanges(t *testing.T) {
	rec, url := webhooks(t)
	send, err := hooks.NewWebhookSender(url, hooks.WithRetryPolicy(hooks.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		answer hooks.WebhookPingResponse
		status int
	}{
		{hooks.WebhookPing2XXResponse{}, 200},
		{hooks.WebhookPing2XXResponse{Status: 202}, 202},
		{hooks.WebhookPing2XXResponse{Status: 299}, 299},
		{hooks.WebhookPing4XXResponse{Status: 418, Body: hooks.Problem{Title: "teapot"}}, 418},
		{hooks.WebhookPing4XXResponse{Body: hooks.Problem{Title: "no"}}, 400},
		{hooks.WebhookPing2XXResponse{Status: 302}, 500},
		{hooks.WebhookPing4XXResponse{Status: 500}, 500},
	} {
		rec.mu.Lock()
		rec.ping = c.answer
		rec.mu.Unlock()
		status, _, body := raw(t, "POST", url+"/ping", "", nil)
		if status != c.status {
			t.Errorf("%#v answered %d %s, want %d", c.answer, status, body, c.status)
		}
		err := send.Ping(context.Background())
		var ae *hooks.APIError
		switch {
		case c.status < 300 && err != nil:
			t.Errorf("Ping answered %d: %v", c.status, err)
		case c.status >= 300 && (!errors.As(err, &ae) || ae.StatusCode != c.status || ae.Operation != "Ping"):
			t.Errorf("Ping answered %d: %v, want an *APIError of Ping with that status", c.status, err)
		}
	}
	if status, _, body := raw(t, "POST", url+"/ping", "", nil); status != 500 || body != `{"code":"500","message":"internal error"}` {
		t.Errorf("a status out of its range: %d %s", status, body)
	}
}

func TestWebhookSenderValidatesBeforeSending(t *testing.T) {
	rec, url := webhooks(t)
	send, err := hooks.NewWebhookSender(url)
	if err != nil {
		t.Fatal(err)
	}
	_, err = send.NewPet(context.Background(), hooks.WebhookNewPetParams{XSignature: "sig-0001"}, hooks.Pet{Name: ""})
	var ve *hooks.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("NewPet with an empty name: %v, want a *ValidationError", err)
	}
	if got := rec.seen(); len(got) != 0 {
		t.Errorf("an invalid webhook was sent: %q", got)
	}
}

func TestWebhookHandlerRefusesInvalidRequests(t *testing.T) {
	rec, url := webhooks(t)
	sig := map[string]string{"X-Signature": "sig-0001"}
	for _, c := range []struct {
		name, method, path, body string
		header                   map[string]string
		status                   int
		allow, answer            string
	}{
		{"name too long", "POST", "/newPet", `{"name":"abcdefghijklmnopqrstu"}`, sig, 400, "",
			`{"code":"400","message":"body field \"name\": length 21 is greater than the maximum length 20"}`},
		{"name missing", "POST", "/newPet", `{"tag":null}`, sig, 400, "",
			`{"code":"400","message":"body field \"name\": is required"}`},
		{"signature missing", "POST", "/newPet", `{"name":"Rex"}`, nil, 400, "",
			`{"code":"400","message":"header parameter \"X-Signature\": is required"}`},
		{"signature too short", "POST", "/newPet", `{"name":"Rex"}`, map[string]string{"X-Signature": "short"}, 400, "",
			`{"code":"400","message":"header parameter \"X-Signature\": length 5 is less than the minimum length 8"}`},
		{"not JSON", "POST", "/newPet", `{"name":`, sig, 400, "",
			`{"code":"400","message":"request body: is not valid JSON of the expected shape: EOF"}`},
		{"id below minimum", "POST", "/petGone", `{"id":0}`, nil, 400, "",
			`{"code":"400","message":"body field \"id\": 0 is less than the minimum 1"}`},
		{"no key", "DELETE", "/petGone?id=3", "", nil, 401, "",
			`{"code":"401","message":"authentication failed"}`},
		{"wrong method", "GET", "/newPet", "", nil, 405, "POST",
			`{"code":"405","message":"method not allowed"}`},
		{"wrong method, two taken", "PUT", "/petGone", "", nil, 405, "DELETE, POST",
			`{"code":"405","message":"method not allowed"}`},
		{"unknown webhook", "POST", "/oldPet", `{}`, nil, 404, "",
			`{"code":"404","message":"not found"}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			status, allow, answer := raw(t, c.method, url+c.path, c.body, c.header)
			if status != c.status || allow != c.allow || answer != c.answer {
				t.Errorf("%s %s: %d, Allow %q, %s\nwant %d, Allow %q, %s", c.method, c.path, status, allow, answer, c.status, c.allow, c.answer)
			}
		})
	}
	if got := rec.seen(); len(got) != 0 {
		t.Errorf("the handler was called for invalid requests: %q", got)
	}
}

func TestCallbacksSenderToHandler(t *testing.T) {
	rec := &receiver{}
	// The callback's URL is whatever the subscriber gave: the handler
	// serves any path.
	srv := httptest.NewServer(hooks.NewSubscribeCallbackHandler(rec))
	t.Cleanup(srv.Close)
	ctx := context.Background()
	send, err := hooks.NewSubscribeCallbackSender(srv.URL + "/my/own/path")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 2, 1, 2, 3, 0, time.UTC)
	if err := send.PostOnEvent(ctx, hooks.Event{Kind: hooks.EventKindCreated, At: at}); err != nil {
		t.Fatal(err)
	}
	ack, err := send.ReplaceEvent(ctx, hooks.Event{Kind: hooks.EventKindDeleted, At: at})
	if err != nil || ack.Received != 1 {
		t.Fatalf("ReplaceEvent: %+v, %v", ack, err)
	}
	// A declared 400 the handler returns reaches the sender as an *APIError.
	err = send.PostOnEvent(ctx, hooks.Event{Kind: hooks.EventKindDeleted, At: at})
	var ae *hooks.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 400 || ae.Operation != "PostOnEvent" || !strings.Contains(string(ae.Body), "not interested") {
		t.Fatalf("PostOnEvent answered 400: %v (%+v)", err, ae)
	}
	want := []string{"onEvent created 2026-12-02T01:02:03Z", "replaceEvent deleted"}
	if got := rec.seen(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("handler saw %q, want %q", got, want)
	}
	for _, c := range []struct {
		method, body  string
		status        int
		allow, answer string
	}{
		{"POST", `{"kind":"updated","at":"2026-12-02T01:02:03Z"}`, 400, "",
			`{"code":"400","message":"body field \"kind\": \"updated\" is not one of created, deleted"}`},
		{"POST", `{"kind":"created"}`, 400, "", `{"code":"400","message":"body field \"at\": is required"}`},
		{"GET", "", 405, "POST, PUT", `{"code":"405","message":"method not allowed"}`},
	} {
		status, allow, answer := raw(t, c.method, srv.URL+"/elsewhere", c.body, nil)
		if status != c.status || allow != c.allow || answer != c.answer {
			t.Errorf("%s %s: %d, Allow %q, %s\nwant %d, Allow %q, %s", c.method, c.body, status, allow, answer, c.status, c.allow, c.answer)
		}
	}
}
