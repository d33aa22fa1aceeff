package nexmo_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// newSecretCanary is a second canary, sent as the settings' new secret: it
// matches the newSecret rules, so it reaches the server.
const newSecretCanary = "NewCanary123"

// canaryHandler misbehaves with the secrets in hand: it panics with its
// whole input (which holds the new secret), fails, or is not implemented.
type canaryHandler struct {
	nexmo.UnimplementedHandler
}

func (canaryHandler) GetBalance(_ context.Context, in *nexmo.GetBalanceInput) (nexmo.GetBalanceResponse, error) {
	panic(in)
}

func (canaryHandler) UpdateSettings(_ context.Context, in *nexmo.UpdateSettingsInput) (nexmo.UpdateSettingsResponse, error) {
	panic(in)
}

func (canaryHandler) BuyNumber(context.Context, *nexmo.BuyNumberInput) (nexmo.BuyNumberResponse, error) {
	return nil, errors.New("database down")
}

// lockedBuffer is a log sink shared by the server's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestCanaryClientAndServer drives the generated client against the
// generated server on loopback, with both kinds of credentials, through
// panics, handler errors, 501s, refused input and bad credentials: the
// secrets show in no server log line (text and JSON), no client error and
// no response body.
func TestCanaryClientAndServer(t *testing.T) {
	var logs lockedBuffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	jsonLogger := slog.New(slog.NewJSONHandler(&logs, nil))
	for name, l := range map[string]*slog.Logger{"text": logger, "json": jsonLogger} {
		srv := httptest.NewServer(nexmo.NewServer(canaryHandler{},
			nexmo.WithBasicAuthVerifier(nexmo.StaticBasic(testKey, testSecret)), nexmo.WithServerLogger(l)))
		t.Cleanup(srv.Close)
		for mode, auth := range map[string]nexmo.Option{"basic": nexmo.WithSchemes("basicAuth"), "query": nexmo.WithSchemes("apiKey", "apiSecret")} {
			for _, secret := range []string{testSecret, "Wrong+Canary/1"} {
				c, err := nexmo.NewClient(testKey, secret, nexmo.WithBaseURL(srv.URL), auth,
					nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 1}))
				if err != nil {
					t.Fatal(err)
				}
				for _, err := range canaryCalls(c) {
					if err == nil {
						t.Errorf("%s/%s: a misbehaving call succeeded", name, mode)
						continue
					}
					assertNoSecret(t, name+"/"+mode+" error", err)
					assertNoCanary(t, name+"/"+mode+" error", err.Error())
					var ae *nexmo.APIError
					if errors.As(err, &ae) {
						assertNoSecret(t, "APIError.Body", string(ae.Body))
						assertNoCanary(t, "APIError.Body", string(ae.Body))
					}
				}
			}
		}
		rawBadRequest(t, srv.URL)
	}
	out := logs.String()
	if !strings.Contains(out, "panic") {
		t.Fatalf("the server logged no panic: the test proves nothing\n%s", out)
	}
	for _, s := range append(secretSpellings, "Wrong+Canary/1", url.QueryEscape("Wrong+Canary/1"), newSecretCanary) {
		if strings.Contains(out, s) {
			t.Errorf("the server log shows a secret (%q):\n%s", s, out)
		}
	}
}

// canaryCalls makes one call of each misbehaviour.
func canaryCalls(c *nexmo.Client) []error {
	ctx := context.Background()
	_, e1 := c.GetBalance(ctx)
	_, e2 := c.UpdateSettings(ctx, nexmo.SettingsRequest{NewSecret: newSecretCanary})
	_, e3 := c.BuyNumber(ctx, nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"})
	_, e4 := c.ListOwnedNumbers(ctx, nexmo.ListOwnedNumbersParams{})
	_, e5 := c.SearchAvailableNumbers(ctx, nexmo.SearchAvailableNumbersParams{Country: "gb"})
	return []error{e1, e2, e3, e4, e5}
}

// rawBadRequest sends what the client would refuse (a bad country, a new
// secret with a symbol), credentials in the query: the 400 body shows no
// secret, not even the refused one.
func rawBadRequest(t *testing.T, base string) {
	t.Helper()
	q := url.Values{"api_key": {testKey}, "api_secret": {testSecret}}.Encode()
	form := url.Values{"newSecret": {newSecretCanary + "!"}}
	for _, req := range []func() (*http.Response, error){
		func() (*http.Response, error) { return http.Get(base + "/number/search?country=gb&" + q) },
		func() (*http.Response, error) {
			return http.Post(base+"/account/settings?"+q, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
		},
	} {
		resp, err := req()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("status %d, want 400: %s", resp.StatusCode, body)
		}
		assertNoSecret(t, "400 body", string(body))
		assertNoCanary(t, "400 body", string(body))
	}
}

// assertNoCanary fails if the new-secret canary shows in s.
func assertNoCanary(t *testing.T, what, s string) {
	t.Helper()
	if strings.Contains(s, newSecretCanary) {
		t.Errorf("%s shows the new secret: %s", what, s)
	}
}
