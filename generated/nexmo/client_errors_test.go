package nexmo_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// errorShape is one failure of NEXMO.md, answered to a read (GetBalance,
// whose success type has no status fields, so the client peeks) and to a
// buy (whose success type is the envelope itself).
type errorShape struct {
	name        string
	status      int
	contentType string
	body        string
	header      http.Header
	is          error
	code, label string
	retryAfter  time.Duration
	// readHits and buyHits are the attempts each call makes, with the
	// tests' policy of 3 attempts.
	readHits, buyHits int
}

func errorShapes() []errorShape {
	envelope := func(code, label string) string {
		return `{"error-code":"` + code + `","error-code-label":"` + label + `"}`
	}
	return []errorShape{
		{name: "401", status: 401, contentType: "application/json", body: envelope("401", "authentication failed"),
			is: nexmo.ErrAuthentication, code: "401", label: "authentication failed", readHits: 1, buyHits: 1},
		{name: "420 as HTTP 420", status: 420, contentType: "application/json", body: envelope("420", "method failed"),
			is: nexmo.ErrActionFailed, code: "420", label: "method failed", readHits: 1, buyHits: 1},
		{name: "420 as HTTP 200", status: 200, contentType: "application/json", body: envelope("420", "method failed"),
			is: nexmo.ErrActionFailed, code: "420", label: "method failed", readHits: 1, buyHits: 1},
		{name: "420 as HTTP 200 in XML", status: 200, contentType: "text/xml",
			body: `<?xml version="1.0"?><accountBalance><error-code>420</error-code><error-code-label>method failed</error-code-label></accountBalance>`,
			is:   nexmo.ErrActionFailed, code: "420", label: "method failed", readHits: 1, buyHits: 1},
		{name: "401 in XML", status: 401, contentType: "application/xml",
			body: `<?xml version="1.0" encoding="UTF-8"?><response><error-code>401</error-code><error-code-label>authentication failed</error-code-label></response>`,
			is:   nexmo.ErrAuthentication, code: "401", label: "authentication failed", readHits: 1, buyHits: 1},
		{name: "429 in XML", status: 429, contentType: "application/xml", header: http.Header{"Retry-After": {"60"}},
			body: `<accountBalance><error-code>429</error-code><error-code-label>throttled</error-code-label></accountBalance>`,
			is:   nexmo.ErrRateLimited, code: "429", label: "throttled", retryAfter: time.Minute, readHits: 1, buyHits: 1},
		{name: "500 in XML", status: 500, contentType: "application/xml",
			body: `<response><error-code>500</error-code><error-code-label>internal error</error-code-label></response>`,
			is:   nexmo.ErrServer, code: "500", label: "internal error", readHits: 3, buyHits: 1},
		{name: "429 with Retry-After", status: 429, contentType: "application/json", body: envelope("429", "throttled"),
			header: http.Header{"Retry-After": {"7"}}, is: nexmo.ErrRateLimited, code: "429", label: "throttled",
			retryAfter: 7 * time.Second, readHits: 1, buyHits: 1},
		{name: "500", status: 500, contentType: "application/json", body: envelope("500", "internal error"),
			is: nexmo.ErrServer, code: "500", label: "internal error", readHits: 3, buyHits: 1},
		{name: "HTML error page", status: 502, contentType: "text/html",
			body: "<html><body><h1>502 Bad Gateway</h1></body></html>", is: nexmo.ErrServer, readHits: 3, buyHits: 1},
		{name: "HTML page under 200", status: 200, contentType: "text/html",
			body: "<html><body>maintenance</body></html>", is: nexmo.ErrInvalidResponse, readHits: 1, buyHits: 1},
		{name: "truncated JSON", status: 200, contentType: "application/json", body: `{"value": 3.1`,
			is: nexmo.ErrInvalidResponse, readHits: 1, buyHits: 1},
		{name: "empty body", status: 200, contentType: "application/json", body: "",
			is: nexmo.ErrInvalidResponse, readHits: 1, buyHits: 1},
		{name: "empty 500", status: 500, body: "", is: nexmo.ErrServer, readHits: 3, buyHits: 1},
		{name: "problem+json", status: 400, contentType: "application/problem+json",
			body: `{"title":"Bad Request","detail":"size too large","status":400}`,
			is:   nexmo.ErrInvalidInput, code: "400", label: "Bad Request: size too large", readHits: 1, buyHits: 1},
		{name: "redirect", status: 302, header: http.Header{"Location": {"http://127.0.0.1:1/elsewhere"}},
			is: nexmo.ErrInvalidResponse, readHits: 1, buyHits: 1},
	}
}

func TestErrorShapes(t *testing.T) {
	for _, s := range errorShapes() {
		t.Run(s.name, func(t *testing.T) {
			hits := 0
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				hits++
				for k, v := range s.header {
					w.Header()[k] = v
				}
				w.Header().Set("X-Nexmo-Trace-Id", "trace-42")
				if s.contentType != "" {
					w.Header().Set("Content-Type", s.contentType)
				}
				w.WriteHeader(s.status)
				_, _ = w.Write([]byte(s.body))
			})
			c := newClient(t, h)
			_, err := c.GetBalance(t.Context())
			checkShape(t, "GetBalance", err, s)
			if hits != s.readHits {
				t.Errorf("GetBalance: %d attempts, want %d", hits, s.readHits)
			}
			hits = 0
			_, err = c.BuyNumber(t.Context(), nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"})
			if s.name != "truncated JSON" && s.name != "empty body" && s.name != "HTML page under 200" {
				checkShape(t, "BuyNumber", err, s)
			} else if !errors.Is(err, nexmo.ErrOutcomeUnknown) || !errors.Is(err, nexmo.ErrInvalidResponse) {
				t.Errorf("BuyNumber: an unreadable 200 should leave the outcome unknown: %v", err)
			}
			if hits != s.buyHits {
				t.Errorf("BuyNumber: %d attempts, want %d", hits, s.buyHits)
			}
		})
	}
}

// checkShape holds an error against its shape.
func checkShape(t *testing.T, op string, err error, s errorShape) {
	t.Helper()
	var ae *nexmo.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("%s: %v (%T) is not an *APIError", op, err, err)
	}
	if !errors.Is(err, s.is) {
		t.Errorf("%s: %v does not match %v", op, err, s.is)
	}
	for _, other := range []error{nexmo.ErrAuthentication, nexmo.ErrActionFailed, nexmo.ErrRateLimited, nexmo.ErrServer, nexmo.ErrOutcomeUnknown} {
		if other != s.is && errors.Is(err, other) {
			t.Errorf("%s: %v also matches %v", op, err, other)
		}
	}
	if ae.Operation != op || ae.StatusCode != s.status || ae.Code != s.code || ae.Label != s.label ||
		ae.RetryAfter != s.retryAfter || ae.RequestID != "trace-42" {
		t.Errorf("%s: %+v", op, *ae)
	}
	if string(ae.Body) != s.body {
		t.Errorf("%s: body %q, want %q", op, ae.Body, s.body)
	}
	if !strings.Contains(err.Error(), op) {
		t.Errorf("%s: message %q does not name the operation", op, err)
	}
}

func TestRetryAfterZeroIsRetried(t *testing.T) {
	hits := 0
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		if hits == 1 {
			w.Header().Set("Retry-After", "0")
			reply(w, r, 429, `{"error-code":"429","error-code-label":"throttled"}`, "")
			return
		}
		reply(w, r, 200, balanceJSON, "")
	})
	b, err := newClient(t, h).GetBalance(t.Context())
	if err != nil || b.Value != 3.14159 || hits != 2 {
		t.Fatalf("GetBalance = %v, %v after %d attempts", b, err, hits)
	}
}

func TestRateLimitedUnsafeCallIsNotRetried(t *testing.T) {
	hits := 0
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		w.Header().Set("Retry-After", "0")
		reply(w, r, 429, `{"error-code":"429","error-code-label":"throttled"}`, "")
	})
	_, err := newClient(t, h).TopUp(t.Context(), nexmo.TopUpRequest{Trx: "x"})
	if !errors.Is(err, nexmo.ErrRateLimited) || errors.Is(err, nexmo.ErrOutcomeUnknown) || hits != 1 {
		t.Fatalf("TopUp: %v after %d attempts", err, hits)
	}
}

func TestOversizedBody(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"count": 1, "numbers": [`))
		_, _ = w.Write([]byte(strings.Repeat(" ", 2<<20)))
		_, _ = w.Write([]byte(`]}`))
	})
	_, err := newClient(t, h, nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 1})).ListOwnedNumbers(t.Context(), nexmo.ListOwnedNumbersParams{})
	var ae *nexmo.APIError
	if !errors.As(err, &ae) || !errors.Is(err, nexmo.ErrInvalidResponse) || len(ae.Body) > 1<<20 {
		t.Fatalf("err = %v", err)
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	for _, after := range []string{"1", time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat)} {
		hits := 0
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hits++
			if hits == 1 {
				w.Header().Set("Retry-After", after)
				reply(w, r, 429, `{"error-code":"429","error-code-label":"throttled"}`, "")
				return
			}
			reply(w, r, 200, balanceJSON, "")
		})
		policy := nexmo.RetryPolicy{MaxAttempts: 2, BaseDelay: time.Microsecond, MaxDelay: 2 * time.Second}
		_, err := newClient(t, h, nexmo.WithRetryPolicy(policy)).GetBalance(t.Context())
		if err != nil || hits != 2 {
			t.Errorf("Retry-After %q: %v after %d attempts", after, err, hits)
		}
	}
}

func TestLatin1XML(t *testing.T) {
	body := []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><response><error-code>420</error-code>" +
		"<error-code-label>m\xe9thode \xe9chou\xe9e</error-code-label></response>")
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml; charset=ISO-8859-1")
		_, _ = w.Write(body)
	})
	_, err := newClient(t, h, nexmo.WithXML()).BuyNumber(t.Context(), nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"})
	var ae *nexmo.APIError
	if !errors.As(err, &ae) || !errors.Is(err, nexmo.ErrActionFailed) || ae.Label != "méthode échouée" {
		t.Fatalf("err = %v", err)
	}
}
