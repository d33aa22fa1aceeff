package nexmo_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// fakeNexmo stands in for rest.nexmo.com in the examples: it answers every
// path with a fixed JSON body and status.
func fakeNexmo(routes map[string]string, status int) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-0001")
		w.WriteHeader(status)
		fmt.Fprint(w, routes[r.URL.Path])
	}))
}

func ExampleNewClient() {
	// With no options the client calls https://rest.nexmo.com with HTTP
	// Basic credentials and retries the calls that are safe to repeat.
	c, err := nexmo.NewClient("my-api-key", "my-api-secret",
		nexmo.WithHTTPClient(&http.Client{Timeout: 10 * time.Second}),
		nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 4, BaseDelay: 100 * time.Millisecond, MaxDelay: 5 * time.Second}),
	)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c) // the secret is never printed
	// Output:
	// nexmo.Client{baseURL: "https://rest.nexmo.com", apiKey: "my-api-key", apiSecret: [REDACTED]}
}

func ExampleClient_GetBalance() {
	srv := fakeNexmo(map[string]string{"/account/get-balance": `{"value": 3.14159, "autoReload": false}`}, 200)
	defer srv.Close()

	c, err := nexmo.NewClient("my-api-key", "my-api-secret", nexmo.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	balance, err := c.GetBalance(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%.2f EUR, auto-reload %v\n", balance.Value, balance.AutoReload)
	// Output:
	// 3.14 EUR, auto-reload false
}

func ExampleClient_BuyNumber() {
	// Nexmo may refuse a purchase with HTTP 200 and error-code "420".
	srv := fakeNexmo(map[string]string{"/number/buy": `{"error-code": "420", "error-code-label": "method failed"}`}, 200)
	defer srv.Close()

	c, err := nexmo.NewClient("my-api-key", "my-api-secret", nexmo.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.BuyNumber(context.Background(), nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"})
	var apiErr *nexmo.APIError
	switch {
	case errors.Is(err, nexmo.ErrActionFailed) && errors.As(err, &apiErr):
		fmt.Println("refused:", apiErr.Code, apiErr.Label, "request", apiErr.RequestID)
	case errors.Is(err, nexmo.ErrOutcomeUnknown):
		fmt.Println("the answer was lost: list the owned numbers before buying again")
	case err != nil:
		fmt.Println("failed:", err)
	default:
		fmt.Println("bought")
	}
	// Output:
	// refused: 420 method failed request req-0001
}

func ExampleClient_BuyNumber_invalidInput() {
	c, err := nexmo.NewClient("my-api-key", "my-api-secret")
	if err != nil {
		log.Fatal(err)
	}
	// Invalid input is refused before anything is sent.
	_, err = c.BuyNumber(context.Background(), nexmo.BuyNumberRequest{Country: "GB", MSISDN: "+44 7700"})
	var invalid *nexmo.ValidationError
	if errors.Is(err, nexmo.ErrInvalidInput) && errors.As(err, &invalid) {
		fmt.Println(invalid.Field, invalid.Rule)
	}
	// Output:
	// msisdn pattern
}

func ExampleClient_OwnedNumbers() {
	srv := fakeNexmo(map[string]string{"/account/numbers": `{"count": 2, "numbers": [
		{"country": "GB", "msisdn": "447700900000", "type": "mobile-lvn", "features": ["VOICE", "SMS"]},
		{"country": "GB", "msisdn": "447700900001", "type": "landline", "features": ["VOICE"]}]}`}, 200)
	defer srv.Close()

	c, err := nexmo.NewClient("my-api-key", "my-api-secret", nexmo.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	// The iterator walks the pages itself, and stops after "count" numbers.
	for number, err := range c.OwnedNumbers(context.Background(), nexmo.ListOwnedNumbersParams{Size: 50}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(number.MSISDN, number.Type, number.Features)
	}
	// Output:
	// 447700900000 mobile-lvn [VOICE SMS]
	// 447700900001 landline [VOICE]
}

func ExampleClient_SearchAvailableNumbers() {
	srv := fakeNexmo(map[string]string{"/number/search": `{"count": 1234, "numbers": [
		{"country": "GB", "msisdn": "447700900000", "cost": "0.50", "type": "mobile-lvn", "features": ["VOICE", "SMS"]}]}`}, 200)
	defer srv.Close()

	c, err := nexmo.NewClient("my-api-key", "my-api-secret", nexmo.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	page, err := c.SearchAvailableNumbers(context.Background(), nexmo.SearchAvailableNumbersParams{
		Country:  "GB",
		Features: []nexmo.Feature{nexmo.FeatureSMS, nexmo.FeatureVoice}, // sent as features=SMS,VOICE
		Size:     1,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Count, "available; first:", page.Numbers[0].MSISDN, "for", page.Numbers[0].Cost, "EUR")
	// Output:
	// 1234 available; first: 447700900000 for 0.50 EUR
}

func ExampleClient_UpdateSettings() {
	srv := fakeNexmo(map[string]string{"/account/settings": `{"api-secret": "s3cr3t", "mo-callback-url": "",
		"dr-callback-url": "https://example.com/dr", "max-outbound-request": 30, "max-inbound-request": 30}`}, 200)
	defer srv.Close()

	c, err := nexmo.NewClient("my-api-key", "my-api-secret", nexmo.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	settings, err := c.UpdateSettings(context.Background(), nexmo.SettingsRequest{
		MoCallBackURL: nexmo.Ptr(""), // an empty URL is sent, and clears the callback
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", settings)
	// Output:
	// &{XMLName:{Space: Local:} APISecret:[REDACTED] MoCallbackURL: DrCallbackURL:https://example.com/dr MaxOutboundRequest:30 MaxInboundRequest:30}
}

func ExampleAPIError() {
	srv := fakeNexmo(map[string]string{"/account/get-balance": `{"error-code": "401", "error-code-label": "authentication failed"}`}, 401)
	defer srv.Close()

	c, err := nexmo.NewClient("my-api-key", "wrong-secret", nexmo.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.GetBalance(context.Background())
	fmt.Println(errors.Is(err, nexmo.ErrAuthentication))
	fmt.Println(err)
	// Output:
	// true
	// nexmo: GetBalance: HTTP 401, code "401": authentication failed [request id req-0001]
}
