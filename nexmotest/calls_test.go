package nexmotest_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
	"github.com/nexmogen/nexmogen/nexmotest"
)

// TestCallsAgainstTheFake: a read the fake answers 500 once is retried;
// WithResponse gives back the fake's request id of the answer that
// succeeded and the two attempts, and the server hook (through
// WithServerOptions) sees both answers with the operation and its route.
func TestCallsAgainstTheFake(t *testing.T) {
	var mu sync.Mutex
	var events []string
	hook := nexmo.WithServerHook(func(_ *http.Request, ev nexmo.ServerEvent) {
		mu.Lock()
		defer mu.Unlock()
		events = append(events, fmt.Sprintf("%s %s %d", ev.Operation, ev.Pattern, ev.Status))
	})
	srv := nexmotest.NewServer(t, nexmotest.WithServerOptions(hook),
		nexmotest.WithClientOptions(nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 2})))
	if err := srv.Fake.FailNext(1, nexmotest.Fault{Status: http.StatusInternalServerError}); err != nil {
		t.Fatal(err)
	}
	var meta nexmo.ResponseMeta
	if _, err := srv.Client.GetBalance(t.Context(), nexmo.WithResponse(&meta)); err != nil {
		t.Fatal(err)
	}
	if meta.StatusCode != 200 || meta.Attempts != 2 || !strings.HasPrefix(meta.RequestID, "nexmotest-") {
		t.Errorf("meta = %+v", meta)
	}
	mu.Lock()
	defer mu.Unlock()
	if got, want := strings.Join(events, "|"), "getBalance /account/get-balance 500|getBalance /account/get-balance 200"; got != want {
		t.Errorf("the hook saw %q, want %q", got, want)
	}
}
