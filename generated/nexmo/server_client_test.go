package nexmo_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// TestClientAgainstServerStubs drives every operation of the generated
// client against the generated server stubs, in JSON and XML, with query
// and Basic credentials: what the client sends is what the handler gets,
// and what the handler answers is what the client returns.
func TestClientAgainstServerStubs(t *testing.T) {
	for _, mode := range []struct {
		name string
		opts []nexmo.Option
	}{
		{"json-query", []nexmo.Option{nexmo.WithSchemes("apiKey", "apiSecret")}},
		{"json-basic", []nexmo.Option{nexmo.WithSchemes("basicAuth")}},
		{"xml-query", []nexmo.Option{nexmo.WithXML(), nexmo.WithSchemes("apiKey", "apiSecret")}},
		{"xml-basic", []nexmo.Option{nexmo.WithXML(), nexmo.WithSchemes("basicAuth")}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			rig := srvStart(t)
			c, err := nexmo.NewClient(srvKey, srvSecret, append(mode.opts, nexmo.WithBaseURL(rig.srv.URL))...)
			if err != nil {
				t.Fatal(err)
			}
			srvClientCalls(t, rig, c)
		})
	}
}

// srvClientCalls calls every operation once and checks both ends.
func srvClientCalls(t *testing.T, rig *srvRig, c *nexmo.Client) {
	ctx := t.Context()
	bal, err := c.GetBalance(ctx)
	if err != nil || bal.Value != 3.14159 || !bal.AutoReload {
		t.Errorf("GetBalance = %+v, %v", bal, err)
	}
	if in := rig.h.input().(*nexmo.GetBalanceInput); in.User != srvKey {
		t.Errorf("User %q", in.User)
	}
	search := nexmo.SearchAvailableNumbersParams{Country: "GB", Pattern: "447", SearchPattern: nexmo.SearchPatternAnywhere,
		Features: []nexmo.Feature{nexmo.FeatureSMS, nexmo.FeatureVoice}, Size: 20, Index: 2, Type: nexmo.NumberTypeLandline}
	page, err := c.SearchAvailableNumbers(ctx, search)
	if err != nil || page.Count != 1 || len(page.Numbers) != 1 || !reflect.DeepEqual(page.Numbers[0].Features, search.Features) {
		t.Errorf("SearchAvailableNumbers = %+v, %v", page, err)
	}
	if in := rig.h.input().(*nexmo.SearchAvailableNumbersInput); !reflect.DeepEqual(in.Params, search) {
		t.Errorf("search bound as %+v, sent %+v", in.Params, search)
	}
	hasApp := false
	owned, err := c.ListOwnedNumbers(ctx, nexmo.ListOwnedNumbersParams{HasApplication: &hasApp})
	if err != nil || owned.Count != 0 || owned.Numbers != nil {
		t.Errorf("ListOwnedNumbers = %+v, %v", owned, err)
	}
	if in := rig.h.input().(*nexmo.ListOwnedNumbersInput); in.Params.HasApplication == nil || *in.Params.HasApplication || in.Params.Size != 10 {
		t.Errorf("list bound as %+v", in.Params)
	}
	pricing, err := c.GetOutboundPricing(ctx, nexmo.GetOutboundPricingParams{Country: "US"})
	if err != nil || pricing.Country != "US" {
		t.Errorf("GetOutboundPricing = %+v, %v", pricing, err)
	}
	byType, err := c.GetOutboundPricingByType(ctx, nexmo.GetOutboundPricingByTypeParams{Type: nexmo.PricingTypeSMSTransit, Country: "FR"})
	if err != nil || byType.CountryCode != "FR" {
		t.Errorf("GetOutboundPricingByType = %+v, %v", byType, err)
	}
	if in := rig.h.input().(*nexmo.GetOutboundPricingByTypeInput); in.Params.Type != nexmo.PricingTypeSMSTransit {
		t.Errorf("path bound as %+v", in.Params)
	}
	srvClientForms(t, rig, c)
}

// srvClientForms calls the operations with form bodies.
func srvClientForms(t *testing.T, rig *srvRig, c *nexmo.Client) {
	ctx := t.Context()
	settings, err := c.UpdateSettings(ctx, nexmo.SettingsRequest{MoCallBackURL: nexmo.Ptr(""), NewSecret: "Abcdefg1h"})
	if err != nil || settings.APISecret.Reveal() != srvSecret {
		t.Errorf("UpdateSettings = %+v, %v (the settings answer carries the account's secret)", settings, err)
	}
	if strings.Contains(fmt.Sprintf("%v %+v %#v", settings, settings, settings), srvSecret) {
		t.Errorf("printing the settings shows the secret")
	}
	if in := rig.h.input().(*nexmo.UpdateSettingsInput); in.Body.MoCallBackURL == nil || *in.Body.MoCallBackURL != "" ||
		in.Body.DrCallBackURL != nil || in.Body.NewSecret.Reveal() != "Abcdefg1h" {
		t.Errorf("settings bound as %+v", in.Body)
	}
	buy := nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"}
	if env, err := c.BuyNumber(ctx, buy); err != nil || env.ErrorCode != "200" {
		t.Errorf("BuyNumber = %+v, %v", env, err)
	}
	if in := rig.h.input().(*nexmo.BuyNumberInput); in.Body != buy {
		t.Errorf("buy bound as %+v", in.Body)
	}
	_, err = c.CancelNumber(ctx, nexmo.CancelNumberRequest{Country: "GB", MSISDN: "447700900000"})
	var ae *nexmo.APIError
	if !errors.Is(err, nexmo.ErrActionFailed) || !errors.As(err, &ae) || ae.StatusCode != 420 || ae.Label != "method failed" {
		t.Errorf("CancelNumber error %v", err)
	}
	if _, err := c.TopUp(ctx, nexmo.TopUpRequest{Trx: "00X123456Y7890123Z"}); err != nil {
		t.Errorf("TopUp: %v", err)
	}
	upd := nexmo.UpdateNumberRequest{Country: "GB", MSISDN: "447700900000", VoiceCallbackType: nexmo.VoiceCallbackTypeApp,
		VoiceCallbackValue: nexmo.Ptr("aaaaaaaa-bbbb-cccc-dddd-0123456789ab")}
	if _, err := c.UpdateNumber(ctx, upd); err != nil {
		t.Errorf("UpdateNumber: %v", err)
	}
	if in := rig.h.input().(*nexmo.UpdateNumberInput); in.Body.VoiceCallbackType != upd.VoiceCallbackType ||
		*in.Body.VoiceCallbackValue != *upd.VoiceCallbackValue || in.Body.AppID != nil {
		t.Errorf("update bound as %+v", in.Body)
	}
	rig.h.setMode("limited")
	_, err = c.BuyNumber(ctx, buy)
	if !errors.Is(err, nexmo.ErrRateLimited) || !errors.As(err, &ae) || ae.RetryAfter.Seconds() != 7 {
		t.Errorf("rate-limited BuyNumber error %v", err)
	}
	rig.h.setMode("")
	wantNoLeak(t, "the server log", rig.log.String())
}
