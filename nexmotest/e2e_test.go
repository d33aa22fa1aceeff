package nexmotest

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// formats are the client set-ups every end-to-end test runs with: both
// media types, both ways of sending credentials.
var formats = []struct {
	name string
	opts []nexmo.Option
}{
	{"JSON basic", nil},
	{"XML basic", []nexmo.Option{nexmo.WithXML()}},
	{"JSON query", []nexmo.Option{nexmo.WithSchemes("apiKey", "apiSecret")}},
	{"XML query", []nexmo.Option{nexmo.WithXML(), nexmo.WithSchemes("apiKey", "apiSecret")}},
}

// eachFormat runs fn with a fresh fake and a client of each format.
func eachFormat(t *testing.T, fn func(t *testing.T, srv *Server, c *nexmo.Client)) {
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			srv := NewServer(t, WithClientOptions(f.opts...))
			fn(t, srv, srv.Client)
		})
	}
}

// wantFailure checks that err is an *APIError of the class and status.
func wantFailure(t *testing.T, what string, err, class error, status int) {
	t.Helper()
	var apiErr *nexmo.APIError
	if !errors.Is(err, class) || !errors.As(err, &apiErr) || apiErr.StatusCode != status {
		t.Errorf("%s: %v, want %v with HTTP %d", what, err, class, status)
	}
}

func TestEndToEndBalanceAndPricing(t *testing.T) {
	eachFormat(t, func(t *testing.T, srv *Server, c *nexmo.Client) {
		ctx := t.Context()
		bal, err := c.GetBalance(ctx)
		if err != nil || bal.Value != 10 || bal.AutoReload {
			t.Errorf("GetBalance = %+v, %v", bal, err)
		}
		p, err := c.GetOutboundPricing(ctx, nexmo.GetOutboundPricingParams{Country: "GB"})
		if err != nil || p.Mt != "0.03330000" || p.Name != "United Kingdom" || p.Prefix != "44" ||
			len(p.Networks) != 3 || p.Networks[0].Network != "O2 UK" || p.Networks[0].Code != "23410" {
			t.Errorf("GetOutboundPricing = %+v, %v", p, err)
		}
		v, err := c.GetOutboundPricingByType(ctx, nexmo.GetOutboundPricingByTypeParams{Country: "US", Type: nexmo.PricingTypeVoice})
		if err != nil || v.CountryCode != "US" || v.Currency != "EUR" || v.DefaultPrice != "0.01000000" ||
			len(v.Networks) != 2 || v.Networks[1].MNC != "410" || v.Networks[1].Price != "0.01000000" {
			t.Errorf("GetOutboundPricingByType = %+v, %v", v, err)
		}
		unknown, err := c.GetOutboundPricing(ctx, nexmo.GetOutboundPricingParams{Country: "ZZ"})
		if err != nil || unknown.Country != "ZZ" || len(unknown.Networks) != 0 {
			t.Errorf("pricing of a country outside the table = %+v, %v", unknown, err)
		}
		_, err = c.GetOutboundPricing(ctx, nexmo.GetOutboundPricingParams{Country: "gb"})
		if !errors.Is(err, nexmo.ErrInvalidInput) {
			t.Errorf("a lower-case country: %v, want ErrInvalidInput", err)
		}
	})
}

func TestEndToEndBuyListUpdateCancel(t *testing.T) {
	eachFormat(t, func(t *testing.T, srv *Server, c *nexmo.Client) {
		ctx := t.Context()
		if got, err := c.ListOwnedNumbers(ctx, nexmo.ListOwnedNumbersParams{}); err != nil || got.Count != 0 || got.Numbers != nil {
			t.Errorf("a new account's numbers = %+v, %v, want the empty page", got, err)
		}
		found, err := c.SearchAvailableNumbers(ctx, nexmo.SearchAvailableNumbersParams{Country: "GB",
			Features: []nexmo.Feature{nexmo.FeatureSMS, nexmo.FeatureVoice}, Type: nexmo.NumberTypeMobileLVN, Size: 5})
		if err != nil || found.Count != 30 || len(found.Numbers) != 5 || found.Numbers[0].Cost != "0.50" {
			t.Fatalf("SearchAvailableNumbers = %+v, %v", found, err)
		}
		n := found.Numbers[0]
		buy := nexmo.BuyNumberRequest{Country: n.Country, MSISDN: n.MSISDN}
		if env, err := c.BuyNumber(ctx, buy); err != nil || env.ErrorCode != "200" || env.ErrorCodeLabel != "success" {
			t.Fatalf("BuyNumber = %+v, %v", env, err)
		}
		_, err = c.BuyNumber(ctx, buy)
		wantFailure(t, "buying it again", err, nexmo.ErrActionFailed, 420)
		app, hook := "aaaaaaaa-bbbb-cccc-dddd-0123456789ab", "https://example.com/mo"
		upd := nexmo.UpdateNumberRequest{Country: n.Country, MSISDN: n.MSISDN, AppID: &app, MoHTTPURL: &hook,
			VoiceCallbackType: nexmo.VoiceCallbackTypeApp, VoiceCallbackValue: &app}
		if _, err := c.UpdateNumber(ctx, upd); err != nil {
			t.Fatalf("UpdateNumber: %v", err)
		}
		owned, err := c.ListOwnedNumbers(ctx, nexmo.ListOwnedNumbersParams{HasApplication: nexmo.Ptr(true), ApplicationID: app})
		if err != nil || owned.Count != 1 {
			t.Fatalf("ListOwnedNumbers = %+v, %v", owned, err)
		}
		o := owned.Numbers[0]
		if o.MSISDN != n.MSISDN || o.AppID != app || o.MoHTTPURL != hook || o.VoiceCallbackType != nexmo.VoiceCallbackTypeApp ||
			o.VoiceCallbackValue != app || o.MessagesCallbackType != "app" || o.Type != nexmo.NumberTypeMobileLVN || len(o.Features) != 2 {
			t.Errorf("the owned number = %+v", o)
		}
		cancel := nexmo.CancelNumberRequest{Country: n.Country, MSISDN: n.MSISDN}
		if env, err := c.CancelNumber(ctx, cancel); err != nil || env.ErrorCode != "200" {
			t.Fatalf("CancelNumber = %+v, %v", env, err)
		}
		_, err = c.CancelNumber(ctx, cancel)
		wantFailure(t, "cancelling it again", err, nexmo.ErrActionFailed, 420)
		_, err = c.UpdateNumber(ctx, upd)
		wantFailure(t, "updating a cancelled number", err, nexmo.ErrActionFailed, 420)
		if bal, err := c.GetBalance(ctx); err != nil || bal.Value != 9.5 {
			t.Errorf("balance after buy and cancel = %+v, %v, want 9.5 (no refund)", bal, err)
		}
		mustCheck(t, srv.Fake)
	})
}

func TestEndToEndTopUpAndSettings(t *testing.T) {
	eachFormat(t, func(t *testing.T, srv *Server, c *nexmo.Client) {
		ctx := t.Context()
		if _, err := c.TopUp(ctx, nexmo.TopUpRequest{Trx: "00X123456Y7890123Z"}); err != nil {
			t.Fatalf("TopUp: %v", err)
		}
		if bal, _ := c.GetBalance(ctx); bal == nil || bal.Value != 20 {
			t.Errorf("balance after a top-up = %+v, want 20", bal)
		}
		ok, _ := webhook(t, http.StatusOK)
		mo, dr := ok.URL+"/mo", ok.URL+"/dr"
		s, err := c.UpdateSettings(ctx, nexmo.SettingsRequest{MoCallBackURL: &mo, DrCallBackURL: &dr})
		if err != nil || s.MoCallbackURL != mo || s.DrCallbackURL != dr || s.MaxInboundRequest != 30 || s.MaxOutboundRequest != 30 {
			t.Fatalf("UpdateSettings = %+v, %v", s, err)
		}
		if s.APISecret.Reveal() != srv.APISecret {
			t.Errorf("the settings answer carries %q, not the account's secret", s.APISecret.Reveal())
		}
		dead := "http://127.0.0.1:1/mo"
		_, err = c.UpdateSettings(ctx, nexmo.SettingsRequest{MoCallBackURL: &dead})
		wantFailure(t, "a dead callback", err, nexmo.ErrActionFailed, 420)
		empty := ""
		if s, err := c.UpdateSettings(ctx, nexmo.SettingsRequest{MoCallBackURL: &empty}); err != nil || s.MoCallbackURL != "" || s.DrCallbackURL != dr {
			t.Errorf("clearing the mo callback = %+v, %v", s, err)
		}
	})
}

func TestEndToEndNewSecret(t *testing.T) {
	eachFormat(t, func(t *testing.T, srv *Server, c *nexmo.Client) {
		ctx := t.Context()
		if _, err := c.UpdateSettings(ctx, nexmo.SettingsRequest{NewSecret: "Fresh2Secret"}); err != nil {
			t.Fatalf("UpdateSettings(newSecret): %v", err)
		}
		_, err := c.GetBalance(ctx)
		wantFailure(t, "the old secret", err, nexmo.ErrAuthentication, 401)
		fresh, err := srv.NewClientFor(srv.APIKey, "Fresh2Secret")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fresh.GetBalance(ctx); err != nil {
			t.Errorf("the new secret: %v", err)
		}
	})
}

func TestEndToEndPagination(t *testing.T) {
	eachFormat(t, func(t *testing.T, srv *Server, c *nexmo.Client) {
		ctx := t.Context()
		for _, n := range theCatalog.byCountry["NL"][:8] { // landlines, 1 EUR each
			if err := srv.Fake.Buy("NL", n.MSISDN); err != nil {
				t.Fatal(err)
			}
		}
		seen := map[string]bool{}
		for n, err := range c.AvailableNumbers(ctx, nexmo.SearchAvailableNumbersParams{Country: "NL", Size: 7}) {
			if err != nil {
				t.Fatal(err)
			}
			if seen[n.MSISDN] {
				t.Fatalf("%s twice", n.MSISDN)
			}
			seen[n.MSISDN] = true
		}
		owned := 0
		for _, err := range c.OwnedNumbers(ctx, nexmo.ListOwnedNumbersParams{Size: 5}) {
			if err != nil {
				t.Fatal(err)
			}
			owned++
		}
		if owned != 8 || len(seen)+owned != len(theCatalog.byCountry["NL"]) {
			t.Errorf("%d available and %d owned, want %d in all", len(seen), owned, len(theCatalog.byCountry["NL"]))
		}
	})
}

func TestEndToEndRequestIDs(t *testing.T) {
	srv := NewServer(t)
	ctx := t.Context()
	if _, err := srv.Client.GetBalance(ctx); err != nil {
		t.Fatal(err)
	}
	_, err := srv.Client.CancelNumber(ctx, nexmo.CancelNumberRequest{Country: "GB", MSISDN: "447700900000"})
	var apiErr *nexmo.APIError
	if !errors.As(err, &apiErr) || apiErr.RequestID != "nexmotest-00000002" {
		t.Errorf("the second answer's error = %#v, want RequestID nexmotest-00000002", err)
	}
}

func TestEndToEndFailuresAsHTTP200(t *testing.T) {
	srv := NewServer(t, WithConfig(func(c *Config) { c.FailuresAsHTTP200 = true }))
	ctx := context.Background()
	_, err := srv.Client.CancelNumber(ctx, nexmo.CancelNumberRequest{Country: "GB", MSISDN: "447700900000"})
	var apiErr *nexmo.APIError
	if !errors.Is(err, nexmo.ErrActionFailed) || !errors.As(err, &apiErr) || apiErr.StatusCode != 200 || apiErr.Code != "420" {
		t.Errorf("a refusal under HTTP 200: %v, want ErrActionFailed with HTTP 200 and code 420", err)
	}
}
