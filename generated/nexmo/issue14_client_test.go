package nexmo_test

// Regression tests of issue 14 (client side), one per item, named after it.

import (
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// answer serves one fixed body with a content type.
func answer(status int, contentType, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}
}

func TestIssue14Item01MissingRequiredFieldsAreInvalid(t *testing.T) {
	buy := nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"}
	for _, tc := range []struct{ ct, body string }{
		{"application/json", `{}`},
		{"application/json", `null`},
		{"application/json", `{"error-code-label":"method failed"}`},
		{"application/json", `{"error-code":"200"}`},
		{"application/xml", `<response/>`},
		{"application/xml", `<response><error-code-label>success</error-code-label></response>`},
	} {
		c := newClient(t, answer(200, tc.ct, tc.body))
		out, err := c.BuyNumber(t.Context(), buy)
		if !errors.Is(err, nexmo.ErrInvalidResponse) || !errors.Is(err, nexmo.ErrOutcomeUnknown) {
			t.Errorf("BuyNumber answered %s: %v, %v; want ErrInvalidResponse and ErrOutcomeUnknown", tc.body, out, err)
		}
	}
	for _, tc := range []struct{ ct, body string }{
		{"application/json", `{}`},
		{"application/json", `{"value":3.5}`},
		{"application/json", `{"autoReload":true}`},
		{"application/xml", `<accountBalance/>`},
		{"application/xml", `<accountBalance><value>3.5</value></accountBalance>`},
	} {
		c := newClient(t, answer(200, tc.ct, tc.body))
		bal, err := c.GetBalance(t.Context())
		if !errors.Is(err, nexmo.ErrInvalidResponse) || errors.Is(err, nexmo.ErrOutcomeUnknown) {
			t.Errorf("GetBalance answered %s: %v, %v; want ErrInvalidResponse only (it is safe to repeat)", tc.body, bal, err)
		}
	}
	// Required fields inside array items count too.
	c := newClient(t, answer(200, "application/json", `{"count":1,"numbers":[{"country":"GB"}]}`))
	if _, err := c.ListOwnedNumbers(t.Context(), nexmo.ListOwnedNumbersParams{}); !errors.Is(err, nexmo.ErrInvalidResponse) {
		t.Errorf("a number without its msisdn: %v, want ErrInvalidResponse", err)
	}
	// What the spec allows still decodes: a zero value that is present,
	// and the empty list.
	c = newClient(t, answer(200, "application/json", `{"value":0,"autoReload":false}`))
	if bal, err := c.GetBalance(t.Context()); err != nil || bal.Value != 0 {
		t.Errorf("a present zero balance: %v, %v", bal, err)
	}
	c = newClient(t, answer(200, "application/xml", `<accountBalance><value>0</value><autoReload>false</autoReload></accountBalance>`), nexmo.WithXML())
	if bal, err := c.GetBalance(t.Context()); err != nil || bal.Value != 0 {
		t.Errorf("a present zero balance in XML: %v, %v", bal, err)
	}
	c = newClient(t, answer(200, "application/json", `{}`))
	if res, err := c.ListOwnedNumbers(t.Context(), nexmo.ListOwnedNumbersParams{}); err != nil || len(res.Numbers) != 0 {
		t.Errorf("the empty list: %v, %v", res, err)
	}
}

func TestIssue14Item02SecretRedactedAtEveryDepth(t *testing.T) {
	for _, tc := range []struct{ ct, body string }{
		{"application/xml", `<accountBalance><value>` + testSecret + `</value><autoReload>true</autoReload></accountBalance>`},
		{"application/xml", `<accountBalance><` + strings.NewReplacer(" ", "", "+", "", "/", "", "%", "").Replace(testSecret) + `></accountBalance>`},
		{"application/json", `{"value":` + `"` + testSecret + `","autoReload":true}`},
	} {
		c := newClient(t, answer(200, tc.ct, tc.body))
		_, err := c.GetBalance(t.Context())
		if err == nil {
			t.Fatalf("%s: no error", tc.body)
		}
		assertNoSecret(t, "the error", err)
		var ae *nexmo.APIError
		if !errors.As(err, &ae) {
			t.Fatalf("%s: %v is no *APIError", tc.body, err)
		}
		assertNoSecret(t, "the *APIError", ae)
		if ae.Err != nil {
			assertNoSecret(t, "APIError.Err", ae.Err)
		}
		// Every error of the chain, through Unwrap() error and Unwrap() []error.
		var walk func(e error)
		walk = func(e error) {
			if e == nil {
				return
			}
			assertNoSecret(t, "an error of the chain", e)
			switch u := e.(type) {
			case interface{ Unwrap() error }:
				walk(u.Unwrap())
			case interface{ Unwrap() []error }:
				for _, x := range u.Unwrap() {
					walk(x)
				}
			}
		}
		walk(err)
		if !errors.Is(err, nexmo.ErrInvalidResponse) {
			t.Errorf("%s: %v lost its class", tc.body, err)
		}
	}
	// The secret inside the plain form the redactor must also see: a short
	// hostile secret still cannot come back through the chain.
}

func TestIssue14Item03NewSecretIsRedacted(t *testing.T) {
	const newSecret = "Rotated99xQ"
	for _, tc := range []struct {
		status int
		body   string
	}{
		{420, `{"error-code":"420","error-code-label":"secret ` + newSecret + ` refused"}`},
		{200, `{"error-code":"420","error-code-label":"secret ` + newSecret + ` refused"}`},
		{200, `{"api-secret":7,"mo-callback-url":"` + newSecret + `"}`},
	} {
		c := newClient(t, answer(tc.status, "application/json", tc.body))
		_, err := c.UpdateSettings(t.Context(), nexmo.SettingsRequest{NewSecret: newSecret})
		if err == nil {
			t.Fatalf("%s: no error", tc.body)
		}
		var ae *nexmo.APIError
		if !errors.As(err, &ae) {
			t.Fatalf("%v is no *APIError", err)
		}
		for what, s := range map[string]string{"err": err.Error(), "Label": ae.Label, "Body": string(ae.Body), "%+v": errString(ae)} {
			if strings.Contains(s, newSecret) {
				t.Errorf("%d %s: the new secret shows in %s: %s", tc.status, tc.body, what, s)
			}
		}
	}
}

// errString prints an error with every detail of its chain.
func errString(err error) string {
	var b strings.Builder
	for e := err; e != nil; e = errors.Unwrap(e) {
		b.WriteString(e.Error())
		b.WriteString("\n")
	}
	return b.String()
}

func TestIssue14Item04ControlCharactersAreEscaped(t *testing.T) {
	label := "method failed\n2026-12-01 INFO payment accepted \x1b[31mred\x1b[0m\r\u2028x\u202ey"
	body := `{"error-code":"420\n","error-code-label":` + jsonString(label) + `}`
	c := newClient(t, answer(420, "application/json", body))
	_, err := c.BuyNumber(t.Context(), nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"})
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, bad := range []string{"\n", "\r", "\x1b", "\u2028", "\u202e"} {
		if strings.Contains(msg, bad) {
			t.Errorf("Error() holds %q: %q", bad, msg)
		}
	}
	if !strings.Contains(msg, "method failed") {
		t.Errorf("Error() lost the label: %q", msg)
	}
}

// jsonString quotes s as JSON does.
func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x2028 || r == 0x202e:
			b.WriteString(`\u`)
			const hex = "0123456789abcdef"
			b.WriteByte(hex[r>>12&15])
			b.WriteByte(hex[r>>8&15])
			b.WriteByte(hex[r>>4&15])
			b.WriteByte(hex[r&15])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func TestIssue14Item05OneReadingOfTheBody(t *testing.T) {
	for _, tc := range []struct{ name, ct, body string }{
		{"json escape", "application/json", `{"value":1,"autoReload":false,"error\u002dcode":"401","error-code-label":"authentication failed"}`},
		{"xml prefix", "application/xml", `<accountBalance xmlns:x="urn:x"><value>1</value><autoReload>false</autoReload><x:error-code>401</x:error-code><x:error-code-label>authentication failed</x:error-code-label></accountBalance>`},
	} {
		c := newClient(t, answer(200, tc.ct, tc.body))
		bal, err := c.GetBalance(t.Context())
		if !errors.Is(err, nexmo.ErrAuthentication) {
			t.Errorf("%s: %v, %v; want ErrAuthentication (the body's code is 401)", tc.name, bal, err)
		}
	}
}

func TestIssue14Item06IteratorStopsWithoutCount(t *testing.T) {
	for _, tc := range []struct {
		name string
		page func(n int32) string
		max  int32
	}{
		// The server ignores index and answers the same one-item page.
		{"repeated page", func(int32) string { return `{"numbers":[{"country":"GB","msisdn":"447700900000"}]}` }, 2},
		// The server answers a new one-item page every time: a page
		// shorter than the size asked for (the default, 10) is the last.
		{"short page", func(n int32) string {
			return `{"numbers":[{"country":"GB","msisdn":"44770090000` + string(rune('0'+n%10)) + `"}]}`
		}, 1},
	} {
		var hits atomic.Int32
		c := newClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n := hits.Add(1)
			if n > 50 {
				reply(w, r, 500, `{"error-code":"500","error-code-label":"enough"}`, "")
				return
			}
			reply(w, r, 200, tc.page(n), "")
		}), nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 1}))
		items := 0
		for _, err := range c.OwnedNumbers(t.Context(), nexmo.ListOwnedNumbersParams{}) {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
				break
			}
			items++
		}
		if got := hits.Load(); got > tc.max {
			t.Errorf("%s: %d requests (%d items), want at most %d", tc.name, got, items, tc.max)
		}
	}
}

func TestIssue14Item08BadOptionsAreRefused(t *testing.T) {
	for _, ua := range []string{"x\r\nX-Evil: 1", "x\ny", "x\x00y", "x\x7fy"} {
		if _, err := nexmo.NewClient(testKey, testSecret, nexmo.WithUserAgent(ua)); err == nil {
			t.Errorf("WithUserAgent(%q) accepted", ua)
		}
	}
	if _, err := nexmo.NewClient(testKey, testSecret, nexmo.WithUserAgent("nexmo-app/1.0 (+https://example.com)")); err != nil {
		t.Errorf("a plain user agent refused: %v", err)
	}
}
