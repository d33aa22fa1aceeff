package main

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"
)

// TestIssue14Item15StaleStateTempsAreRemoved leaves what a SIGKILL during a
// -state write leaves (temporary files beside the state file, holding the
// secret) and starts the fake: they are removed, the state file is kept and
// every change it acknowledged is still there.
func TestIssue14Item15StaleStateTempsAreRemoved(t *testing.T) {
	dir := t.TempDir()
	state := filepath.Join(dir, "fake.json")
	env := map[string]string{"NEXMO_API_KEY": "key", "NEXMO_API_SECRET": "Secret123"}
	s := start(t, env, "-state", state)
	buy := url.Values{"country": {"GB"}, "msisdn": {"447700900000"}}
	if code, body := call(t, "POST", s.base, "/number/buy", buy, "Secret123"); code != 200 {
		t.Fatalf("buy: %d %v", code, body)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	stale := []string{filepath.Join(dir, ".fake.json.123456.tmp"), filepath.Join(dir, ".fake.json.999.tmp")}
	for _, p := range stale {
		if err := os.WriteFile(p, []byte(`{"apiSecret":"Secret123"}`), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	other := filepath.Join(dir, ".other.json.1.tmp") // not the fake's: left alone
	if err := os.WriteFile(other, nil, 0o600); err != nil {
		t.Fatal(err)
	}

	again := start(t, nil, "-state", state)
	for _, p := range stale {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s is still there after a start (err %v)", filepath.Base(p), err)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a file that is not the fake's temporary was removed: %v", err)
	}
	if code, owned := call(t, "GET", again.base, "/account/numbers", nil, "Secret123"); code != 200 || owned["count"] != 1.0 {
		t.Errorf("after the clean-up: %d %v, want the number bought", code, owned)
	}
}
