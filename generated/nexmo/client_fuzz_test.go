package nexmo_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// FuzzClientAnswers feeds any status, content type and body to three
// calls (a read with a peeked status, a paged list, a buy whose answer is
// the envelope): never a panic, success only under 2xx, and never the
// secret in an error.
func FuzzClientAnswers(f *testing.F) {
	for _, s := range errorShapes() {
		f.Add(s.status, s.contentType, []byte(s.body))
	}
	f.Add(200, "application/xml", []byte(ownedXML))
	f.Add(200, "application/json", []byte(ownedJSON))
	f.Add(200, "", []byte(envelopeXML))
	f.Add(200, "application/json", []byte(`{"error-code": 420, "numbers": [1]}`))
	f.Add(200, "application/xml", []byte(`<response><error-code>`+testSecret+`</error-code></response>`))
	f.Fuzz(func(t *testing.T, status int, contentType string, body []byte) {
		status = 100 + (status%500+500)%500
		hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {contentType}},
				Body: io.NopCloser(bytes.NewReader(body)), Request: r}, nil
		})}
		c, err := nexmo.NewClient(testKey, testSecret, nexmo.WithHTTPClient(hc), nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 1}))
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		calls := map[string]func() error{
			"GetBalance": func() error { _, err := c.GetBalance(ctx); return err },
			"ListOwnedNumbers": func() error {
				_, err := c.ListOwnedNumbers(ctx, nexmo.ListOwnedNumbersParams{})
				return err
			},
			"BuyNumber": func() error {
				_, err := c.BuyNumber(ctx, nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"})
				return err
			},
		}
		for name, call := range calls {
			err := call()
			if err == nil && (status < 200 || status > 299) {
				t.Errorf("%s: HTTP %d accepted", name, status)
			}
			if err != nil {
				var ae *nexmo.APIError
				if !errors.As(err, &ae) {
					t.Errorf("%s: %v is not an *APIError", name, err)
				}
				assertNoSecret(t, name, err)
			}
		}
	})
}

func TestUnusableClientOrContextIsAnError(t *testing.T) {
	var zero nexmo.Client
	if _, err := zero.GetBalance(t.Context()); err == nil {
		t.Error("a zero Client worked")
	}
	c, _ := nexmo.NewClient(testKey, testSecret)
	//lint:ignore SA1012 a nil Context is what is tested
	if _, err := c.GetBalance(nil); err == nil { //nolint:staticcheck
		t.Error("a nil Context worked")
	}
}
