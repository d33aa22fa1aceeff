package nexmotest

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

func TestNewServerListensOnLoopbackOnly(t *testing.T) {
	srv := NewServer(t)
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Errorf("URL %s, want 127.0.0.1", srv.URL)
	}
	if srv.APIKey != DefaultAPIKey || srv.APISecret != DefaultAPISecret || srv.Fake == nil || srv.Client == nil {
		t.Errorf("server %+v", srv)
	}
}

func TestNewServerOptions(t *testing.T) {
	srv := NewServer(t,
		WithConfig(func(c *Config) { c.APIKey, c.APISecret, c.Balance = "mine", "Mine1234", 1_250_000 }),
		WithServerOptions(nexmo.WithMaxBodyBytes(64)),
		WithClientOptions(nexmo.WithXML()))
	bal, err := srv.Client.GetBalance(t.Context())
	if err != nil || bal.Value != 1.25 {
		t.Errorf("GetBalance = %+v, %v, want 1.25 with the configured credentials", bal, err)
	}
	_, err = srv.Client.TopUp(t.Context(), nexmo.TopUpRequest{Trx: strings.Repeat("x", 64)})
	var apiErr *nexmo.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a body over the server option's 64 bytes: %v, want 413", err)
	}
}

func TestNewServerResumesAState(t *testing.T) {
	first := NewServer(t)
	if err := first.Fake.Buy("US", "12025550100"); err != nil {
		t.Fatal(err)
	}
	saved := first.Fake.State()
	srv := NewServer(t, WithConfig(func(c *Config) { c.Initial = saved }))
	page, err := srv.Client.ListOwnedNumbers(t.Context(), nexmo.ListOwnedNumbersParams{})
	if err != nil || page.Count != 1 || page.Numbers[0].MSISDN != "12025550100" {
		t.Errorf("the resumed fake's numbers = %+v, %v", page, err)
	}
}
