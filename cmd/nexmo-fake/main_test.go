package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// syncBuffer is a log the server writes and the test reads concurrently.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// started is a running fake: its base URL and how to stop it.
type started struct {
	base string
	log  *syncBuffer
	stop func() error
}

// start runs the command on a free 127.0.0.1 port with args and env.
func start(t *testing.T, env map[string]string, args ...string) *started {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	addrs := make(chan net.Addr, 1)
	done := make(chan error, 1)
	log := &syncBuffer{}
	args = append([]string{"-addr", "127.0.0.1:0"}, args...)
	go func() {
		done <- run(ctx, args, func(k string) string { return env[k] }, log, func(a net.Addr) { addrs <- a })
	}()
	select {
	case a := <-addrs:
		s := &started{base: "http://" + a.String(), log: log}
		s.stop = sync.OnceValue(func() error { cancel(); return <-done })
		t.Cleanup(func() { _ = s.stop() })
		return s
	case err := <-done:
		cancel()
		t.Fatalf("run: %v\n%s", err, log)
	}
	return nil
}

// call sends a request with the query credentials and decodes the JSON answer.
func call(t *testing.T, method, base, path string, form url.Values, secret string) (int, map[string]any) {
	t.Helper()
	q := url.Values{"api_key": {"key"}, "api_secret": {secret}}
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(t.Context(), method, base+path+"?"+q.Encode(), body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp.StatusCode, out
}

func TestStateSurvivesARestart(t *testing.T) {
	state := filepath.Join(t.TempDir(), "fake.json")
	env := map[string]string{"NEXMO_API_KEY": "key", "NEXMO_API_SECRET": "Secret123"}
	s := start(t, env, "-state", state, "-balance", "5.00")
	buy := url.Values{"country": {"GB"}, "msisdn": {"447700900000"}}
	if code, body := call(t, "POST", s.base, "/number/buy", buy, "Secret123"); code != 200 || body["error-code"] != "200" {
		t.Fatalf("buy: %d %v", code, body)
	}
	settings := url.Values{"newSecret": {"Rotated99x"}}
	if code, body := call(t, "POST", s.base, "/account/settings", settings, "Secret123"); code != 200 || body["api-secret"] != "Rotated99x" {
		t.Fatalf("settings: %d %v", code, body)
	}
	if err := s.stop(); err != nil {
		t.Fatalf("graceful stop: %v", err)
	}
	log := s.log.String()
	for _, want := range []string{"method=POST path=/number/buy status=200 operation=buyNumber route=/number/buy", "shutting down", "stopped"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	for _, leak := range []string{"Secret123", "Rotated99x", "api_secret", "?"} {
		if strings.Contains(log, leak) {
			t.Errorf("the log shows %q:\n%s", leak, log)
		}
	}

	again := start(t, nil, "-state", state) // no credentials: the state file has them
	if code, _ := call(t, "GET", again.base, "/account/get-balance", nil, "Secret123"); code != 401 {
		t.Errorf("the old secret after a restart: %d, want 401", code)
	}
	code, bal := call(t, "GET", again.base, "/account/get-balance", nil, "Rotated99x")
	if code != 200 || bal["value"] != 4.5 {
		t.Errorf("balance after a restart: %d %v, want 4.5 (5.00 - 0.50)", code, bal)
	}
	code, owned := call(t, "GET", again.base, "/account/numbers", nil, "Rotated99x")
	if code != 200 || owned["count"] != 1.0 {
		t.Errorf("owned numbers after a restart: %d %v", code, owned)
	}
	if code, _ := call(t, "POST", again.base, "/number/buy", buy, "Rotated99x"); code != 420 {
		t.Errorf("buying the restored number again: %d, want 420", code)
	}
}

func TestUsageErrors(t *testing.T) {
	var usage *usageError
	for name, args := range map[string][]string{
		"no credentials":  {"-addr", "127.0.0.1:0"},
		"bad balance":     {"-api-key", "k", "-api-secret", "s", "-balance", "ten"},
		"unknown flag":    {"-port", "80"},
		"stray arguments": {"-api-key", "k", "-api-secret", "s", "serve"},
	} {
		err := run(t.Context(), args, func(string) string { return "" }, io.Discard, nil)
		if !errors.As(err, &usage) {
			t.Errorf("%s: run = %v, want a usage error", name, err)
		}
	}
	if err := run(t.Context(), []string{"-h"}, func(string) string { return "" }, io.Discard, nil); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
}

func TestCorruptStateIsRefused(t *testing.T) {
	state := filepath.Join(t.TempDir(), "fake.json")
	if err := writeFile(state, `{"version":1,"apiKey":"k","apiSecret":"s","balanceMicros":5}`); err != nil {
		t.Fatal(err)
	}
	err := run(t.Context(), []string{"-addr", "127.0.0.1:0", "-state", state}, func(string) string { return "" }, io.Discard, nil)
	if err == nil || !strings.Contains(err.Error(), "balance") {
		t.Errorf("run with an inconsistent state = %v, want an error about the balance", err)
	}
}

// writeFile writes a test file.
func writeFile(path, content string) error { return os.WriteFile(path, []byte(content), 0o600) }
