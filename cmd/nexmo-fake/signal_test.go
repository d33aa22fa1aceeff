package main

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestMain lets the test binary stand in for the command: run with
// NEXMO_FAKE_TEST_MAIN=1, it is nexmo-fake.
func TestMain(m *testing.M) {
	if os.Getenv("NEXMO_FAKE_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// waitFor reads log lines until one contains want, and returns it.
func waitFor(t *testing.T, lines <-chan string, want string) string {
	t.Helper()
	for line := range lines {
		if strings.Contains(line, want) {
			return line
		}
	}
	t.Fatalf("the log ended before %q", want)
	return ""
}

// startProcess runs the command as a process on a free 127.0.0.1 port,
// with args after -addr, and answers it, its log lines and its base URL.
// The process is killed when the test ends, if it still runs.
func startProcess(t *testing.T, args ...string) (*exec.Cmd, <-chan string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), "NEXMO_FAKE_TEST_MAIN=1", "NEXMO_API_KEY=key", "NEXMO_API_SECRET=Secret123")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines := make(chan string)
	go func() {
		defer close(lines)
		for sc := bufio.NewScanner(stderr); sc.Scan(); {
			lines <- sc.Text()
		}
	}()
	listening := waitFor(t, lines, "listening")
	return cmd, lines, listening[strings.Index(listening, "url=")+len("url="):]
}

func TestSIGKILLLosesNothingAnswered(t *testing.T) {
	state := filepath.Join(t.TempDir(), "fake.json")
	cmd, lines, base := startProcess(t, "-state", state)
	go func() {
		for range lines { // keep the pipe drained
		}
	}()
	for _, msisdn := range []string{"447700900000", "447700900001", "447700900002"} {
		form := url.Values{"country": {"GB"}, "msisdn": {msisdn}}
		if code, body := call(t, "POST", base, "/number/buy", form, "Secret123"); code != 200 {
			t.Fatalf("buy %s: %d %v", msisdn, code, body)
		}
	}
	if err := cmd.Process.Kill(); err != nil { // a crash: no shutdown, no last write
		t.Fatal(err)
	}
	_ = cmd.Wait()

	again := start(t, nil, "-state", state)
	if code, owned := call(t, "GET", again.base, "/account/numbers", nil, "Secret123"); code != 200 || owned["count"] != 3.0 {
		t.Errorf("after a crash: %d %v, want the 3 numbers bought", code, owned)
	}
	if code, bal := call(t, "GET", again.base, "/account/get-balance", nil, "Secret123"); code != 200 || bal["value"] != 8.5 {
		t.Errorf("after a crash: balance %d %v, want 8.5", code, bal)
	}
}

func TestSIGTERMFinishesRequestsInFlight(t *testing.T) {
	hit, release := make(chan struct{}), make(chan struct{})
	webhook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hit <- struct{}{}
		<-release
	}))
	defer webhook.Close()

	cmd, lines, base := startProcess(t)

	answer := make(chan map[string]any, 1)
	go func() {
		form := url.Values{"moCallBackUrl": {webhook.URL + "/mo"}}
		resp, err := http.Post(base+"/account/settings?api_key=key&api_secret=Secret123",
			"application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
		var body map[string]any
		if err == nil {
			defer resp.Body.Close()
			json.NewDecoder(resp.Body).Decode(&body)
		}
		answer <- body
	}()
	<-hit // the settings request is in flight, waiting for the webhook
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitFor(t, lines, "shutting down")
	close(release)
	if body := <-answer; body["mo-callback-url"] != webhook.URL+"/mo" {
		t.Errorf("the request in flight got %v, want the updated settings", body)
	}
	waitFor(t, lines, "stopped")
	for range lines {
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit after SIGTERM: %v, want status 0", err)
	}
}
