package nexmotest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// webhook is a 127.0.0.1 server answering status to every request, and
// counting the GETs it has had.
func webhook(t *testing.T, status int) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var gets atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			gets.Add(1)
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(srv.Close)
	return srv, &gets
}

func TestSettingsDefaults(t *testing.T) {
	s := newFake(t).Settings()
	if s.APISecret.Reveal() != "Secret123" || s.MaxInbound != 30 || s.MaxOutbound != 30 || s.MOCallbackURL != "" {
		t.Errorf("settings = %+v", s)
	}
	if got := fmt.Sprintf("%v %+v %#v %s", s, s, s, s.APISecret); strings.Contains(got, "Secret123") {
		t.Errorf("printing settings shows the secret: %s", got)
	}
}

func TestSettingsCallbacks(t *testing.T) {
	f := newFake(t)
	ok, okGets := webhook(t, http.StatusOK)
	bad, badGets := webhook(t, http.StatusNotFound)
	mo, dr := ok.URL+"/mo", ok.URL+"/dr"
	s, err := f.UpdateSettings(context.Background(), SettingsUpdate{MOCallbackURL: &mo, DRCallbackURL: &dr})
	if err != nil || s.MOCallbackURL != mo || s.DRCallbackURL != dr {
		t.Fatalf("UpdateSettings = %+v, %v", s, err)
	}
	if okGets.Load() != 2 {
		t.Errorf("the webhook had %d GETs, want 2", okGets.Load())
	}
	badURL := bad.URL + "/mo"
	if _, err := f.UpdateSettings(context.Background(), SettingsUpdate{MOCallbackURL: &badURL}); !errors.Is(err, ErrMethodFailed) {
		t.Errorf("a callback answering 404: %v, want ErrMethodFailed", err)
	}
	if badGets.Load() != 1 || f.Settings().MOCallbackURL != mo {
		t.Errorf("a refused callback changed the settings to %+v", f.Settings())
	}
	empty := ""
	s, err = f.UpdateSettings(context.Background(), SettingsUpdate{MOCallbackURL: &empty})
	if err != nil || s.MOCallbackURL != "" || s.DRCallbackURL != dr {
		t.Errorf("clearing mo: %+v, %v", s, err)
	}
	s, err = f.UpdateSettings(context.Background(), SettingsUpdate{})
	if err != nil || s.DRCallbackURL != dr {
		t.Errorf("an empty update must just read: %+v, %v", s, err)
	}
}

func TestSettingsRefusesUnusableURLs(t *testing.T) {
	f := newFake(t)
	redirect := httptest.NewServer(http.RedirectHandler("http://127.0.0.1:1/", http.StatusFound))
	t.Cleanup(redirect.Close)
	for _, u := range []string{"ftp://127.0.0.1/x", "not a url", "/relative", redirect.URL,
		"http://192.0.2.1/hook", // off this machine: the default client refuses to dial it
	} {
		if _, err := f.UpdateSettings(context.Background(), SettingsUpdate{DRCallbackURL: &u}); !errors.Is(err, ErrMethodFailed) {
			t.Errorf("callback %q: %v, want ErrMethodFailed", u, err)
		}
	}
}

func TestNewSecret(t *testing.T) {
	f := newFake(t)
	for _, bad := range []string{"short1A", "alllowercase1", "ALLUPPER1", "NoDigitsHere", "With space1A", "Toolong1Toolong1Toolong1Toolong1"} {
		if _, err := f.UpdateSettings(context.Background(), SettingsUpdate{NewSecret: &bad}); !errors.Is(err, ErrMethodFailed) {
			t.Errorf("newSecret %q: %v, want ErrMethodFailed", bad, err)
		}
	}
	good := "N3wSecretX"
	s, err := f.UpdateSettings(context.Background(), SettingsUpdate{NewSecret: &good})
	if err != nil || s.APISecret.Reveal() != good {
		t.Fatalf("UpdateSettings = %v", err)
	}
	if f.Authenticate("key", "Secret123") || !f.Authenticate("key", good) {
		t.Errorf("after newSecret the old secret must fail and the new one work")
	}
}

// roundTripFunc is an http.RoundTripper made of a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestCallbackClientIsInjectable(t *testing.T) {
	var asked []string
	cfg := DefaultConfig("key", "Secret123")
	cfg.CallbackClient = &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		asked = append(asked, r.Method+" "+r.URL.String())
		return &http.Response{StatusCode: http.StatusOK, Body: http.NoBody, Request: r}, nil
	})}
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hook := "https://hooks.example.com/mo" // never dialled: the injected transport answers
	if _, err := f.UpdateSettings(t.Context(), SettingsUpdate{MOCallbackURL: &hook}); err != nil {
		t.Fatal(err)
	}
	if len(asked) != 1 || asked[0] != "GET "+hook {
		t.Errorf("the callback client was asked %v, want one GET of %s", asked, hook)
	}
}
