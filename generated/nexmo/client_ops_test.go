package nexmo_test

import (
	"context"
	"errors"
	"net/url"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// The seed's examples, made valid: no trailing commas, no "...", the
// search's number type corrected to mobile-lvn.
const (
	balanceJSON = `{"value": 3.14159, "autoReload": false}`
	balanceXML  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<accountBalance>
  <value>17.79185</value>
  <autoReload>false</autoReload>
</accountBalance>`
	pricingJSON = `{"country": "GB", "name": "United Kingdom", "prefix": "44", "mt": "0.03330000",
  "networks": [{"code": "12345", "network": "Acme Telco", "mtPrice": "0.03330000"}],
  "countryDisplayName": "United Kingdom"}`
	pricingXML = `<?xml version="1.0" encoding="UTF-8"?>
<outbound-country-pricing>
  <countryDisplayName>United Kingdom</countryDisplayName>
  <country>GB</country>
  <name>United Kingdom</name>
  <prefix>44</prefix>
  <mt>0.03330000</mt>
  <networks>
    <network>
      <code>12345</code>
      <name>Acme Telco</name>
      <mtPrice>0.03330000</mtPrice>
    </network>
  </networks>
</outbound-country-pricing>`
	settingsJSON = `{"api-secret": "API_SECRET", "mo-callback-url": "https://example.com/mo",
  "dr-callback-url": "https://example.com/dr", "max-outbound-request": 30, "max-inbound-request": 30}`
	settingsXML = `<?xml version="1.0" encoding="UTF-8"?>
<account-settings>
   <api-secret>API_SECRET</api-secret>
   <mo-callback-url>https://example.com/mo</mo-callback-url>
   <dr-callback-url>https://example.com/dr</dr-callback-url>
   <max-outbound-request>30</max-outbound-request>
   <max-inbound-request>30</max-inbound-request>
</account-settings>`
	ownedJSON = `{"count": 1, "numbers": [{"country": "GB", "msisdn": "447700900000",
  "moHttpUrl": "https://example.com/mo", "type": "mobile-lvn", "features": ["VOICE", "SMS"],
  "voiceCallbackType": "app", "voiceCallbackValue": "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"}]}`
	ownedXML = `<?xml version="1.0" encoding="UTF-8"?>
<inbound-numbers>
   <count>1</count>
   <numbers>
      <country>GB</country>
      <msisdn>447700900000</msisdn>
      <mo-http-url>https://example.com/mo</mo-http-url>
      <type>mobile-lvn</type>
      <features>
         <feature>VOICE</feature>
         <feature>SMS</feature>
      </features>
      <voice-callback-type>app</voice-callback-type>
      <voice-callback-value>aaaaaaaa-bbbb-cccc-dddd-0123456789ab</voice-callback-value>
   </numbers>
</inbound-numbers>`
	searchJSON = `{"count": 1234, "numbers": [{"country": "GB", "msisdn": "447700900000", "cost": "0.50",
  "type": "mobile-lvn", "features": ["VOICE", "SMS"]}]}`
	searchXML = `<?xml version="1.0" encoding="UTF-8"?>
<inbound-numbers>
  <count>1234</count>
  <numbers>
     <country>GB</country>
     <msisdn>447700900000</msisdn>
     <cost>0.50</cost>
     <type>mobile-lvn</type>
     <features>
        <feature>VOICE</feature>
        <feature>SMS</feature>
     </features>
  </numbers>
</inbound-numbers>`
	envelopeJSON = `{"error-code":"200", "error-code-label":"success"}`
	envelopeXML  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<response>
  <error-code>200</error-code>
  <error-code-label>success</error-code-label>
</response>`
	byTypeJSON = `{"countryCode": "GB", "countryName": "United Kingdom", "countryDisplayName": "United Kingdom",
  "currency": "EUR", "defaultPrice": "0.03330000", "dialingPrefix": "44",
  "networks": [{"type": "mobile", "price": "0.03330000", "currency": "EUR", "mcc": "123", "mnc": "45",
  "networkCode": "12345", "networkName": "Acme Telco"}]}`
	byTypeXML = `<?xml version="1.0" encoding="UTF-8"?>
<pricing><countryCode>GB</countryCode><countryName>United Kingdom</countryName>
<countryDisplayName>United Kingdom</countryDisplayName><currency>EUR</currency>
<defaultPrice>0.03330000</defaultPrice><dialingPrefix>44</dialingPrefix>
<networks><network><type>mobile</type><price>0.03330000</price><currency>EUR</currency><mcc>123</mcc>
<mnc>45</mnc><networkCode>12345</networkCode><networkName>Acme Telco</networkName></network></networks>
</pricing>`
)

var (
	wantEnvelope = &nexmo.ErrorEnvelope{ErrorCode: "200", ErrorCodeLabel: "success"}
	numberForm   = url.Values{"country": {"GB"}, "msisdn": {"447700900000"}}
)

// operationCases covers every operation of the spec.
func operationCases() []opCase {
	number := nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"}
	return []opCase{
		{name: "GetBalance", method: "GET", path: "/account/get-balance", json: balanceJSON, xml: balanceXML,
			call:    func(ctx context.Context, c *nexmo.Client) (any, error) { return c.GetBalance(ctx) },
			want:    &nexmo.Balance{Value: 3.14159},
			wantXML: &nexmo.Balance{Value: 17.79185}},
		{name: "GetOutboundPricing", method: "GET", path: "/account/get-pricing/outbound",
			query: url.Values{"country": {"GB"}}, json: pricingJSON, xml: pricingXML,
			call: func(ctx context.Context, c *nexmo.Client) (any, error) {
				return c.GetOutboundPricing(ctx, nexmo.GetOutboundPricingParams{Country: "GB"})
			},
			want: &nexmo.OutboundPricing{Country: "GB", Name: "United Kingdom", CountryDisplayName: "United Kingdom",
				Prefix: "44", Mt: "0.03330000",
				Networks: []nexmo.PricingNetwork{{Code: "12345", Network: "Acme Telco", MtPrice: "0.03330000"}}}},
		{name: "UpdateSettings", method: "POST", path: "/account/settings",
			form: url.Values{"moCallBackUrl": {""}, "drCallBackUrl": {"https://example.com/dr"}},
			json: settingsJSON, xml: settingsXML,
			call: func(ctx context.Context, c *nexmo.Client) (any, error) {
				s, err := c.UpdateSettings(ctx, nexmo.SettingsRequest{
					MoCallBackURL: nexmo.Ptr(""), DrCallBackURL: nexmo.Ptr("https://example.com/dr"),
				})
				if err == nil && s.APISecret.Reveal() != "API_SECRET" {
					return nil, errors.New("api-secret not decoded")
				}
				return s, err
			},
			want: &nexmo.AccountSettings{APISecret: "API_SECRET", MoCallbackURL: "https://example.com/mo",
				DrCallbackURL: "https://example.com/dr", MaxOutboundRequest: 30, MaxInboundRequest: 30}},
		{name: "ListOwnedNumbers", method: "GET", path: "/account/numbers",
			query: url.Values{"index": {"1"}, "size": {"10"}, "pattern": {"4477"}, "search_pattern": {"1"}, "has_application": {"false"}},
			json:  ownedJSON, xml: ownedXML,
			call: func(ctx context.Context, c *nexmo.Client) (any, error) {
				return c.ListOwnedNumbers(ctx, nexmo.ListOwnedNumbersParams{
					Pattern: "4477", SearchPattern: nexmo.SearchPatternAnywhere, HasApplication: nexmo.Ptr(false),
				})
			},
			want: &nexmo.OwnedNumbers{Count: 1, Numbers: []nexmo.OwnedNumber{{Country: "GB", MSISDN: "447700900000",
				MoHTTPURL: "https://example.com/mo", Type: nexmo.NumberTypeMobileLVN,
				Features:          []nexmo.Feature{nexmo.FeatureVoice, nexmo.FeatureSMS},
				VoiceCallbackType: nexmo.VoiceCallbackTypeApp, VoiceCallbackValue: "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"}}}},
		{name: "SearchAvailableNumbers", method: "GET", path: "/number/search",
			query: url.Values{"country": {"GB"}, "index": {"2"}, "size": {"10"}, "features": {"SMS,VOICE"}, "type": {"mobile-lvn"}},
			json:  searchJSON, xml: searchXML,
			call: func(ctx context.Context, c *nexmo.Client) (any, error) {
				return c.SearchAvailableNumbers(ctx, nexmo.SearchAvailableNumbersParams{Country: "GB", Index: 2,
					Features: []nexmo.Feature{nexmo.FeatureSMS, nexmo.FeatureVoice}, Type: nexmo.NumberTypeMobileLVN})
			},
			want: &nexmo.AvailableNumbers{Count: 1234, Numbers: []nexmo.AvailableNumber{{Country: "GB", MSISDN: "447700900000",
				Cost: "0.50", Type: nexmo.NumberTypeMobileLVN, Features: []nexmo.Feature{nexmo.FeatureVoice, nexmo.FeatureSMS}}}}},
		{name: "BuyNumber", method: "POST", path: "/number/buy", form: numberForm, json: envelopeJSON, xml: envelopeXML,
			call: func(ctx context.Context, c *nexmo.Client) (any, error) { return c.BuyNumber(ctx, number) },
			want: wantEnvelope},
		{name: "CancelNumber", method: "POST", path: "/number/cancel", form: numberForm, json: envelopeJSON, xml: envelopeXML,
			call: func(ctx context.Context, c *nexmo.Client) (any, error) {
				return c.CancelNumber(ctx, nexmo.CancelNumberRequest(number))
			},
			want: wantEnvelope},
		{name: "TopUp", method: "POST", path: "/account/top-up", form: url.Values{"trx": {"00X123456Y7890123Z"}},
			json: envelopeJSON, xml: envelopeXML,
			call: func(ctx context.Context, c *nexmo.Client) (any, error) {
				return c.TopUp(ctx, nexmo.TopUpRequest{Trx: "00X123456Y7890123Z"})
			},
			want: wantEnvelope},
		{name: "UpdateNumber", method: "POST", path: "/number/update",
			form: url.Values{"country": {"GB"}, "msisdn": {"447700900000"}, "moHttpUrl": {""},
				"voiceCallbackType": {"sip"}, "voiceCallbackValue": {"sip:a@example.com"}},
			json: envelopeJSON, xml: envelopeXML,
			call: func(ctx context.Context, c *nexmo.Client) (any, error) {
				return c.UpdateNumber(ctx, nexmo.UpdateNumberRequest{Country: "GB", MSISDN: "447700900000",
					MoHTTPURL: nexmo.Ptr(""), VoiceCallbackType: nexmo.VoiceCallbackTypeSIP,
					VoiceCallbackValue: nexmo.Ptr("sip:a@example.com")})
			},
			want: wantEnvelope},
		{name: "GetOutboundPricingByType", method: "GET", path: "/account/get-pricing/outbound/sms-transit",
			query: url.Values{"country": {"GB"}}, json: byTypeJSON, xml: byTypeXML,
			call: func(ctx context.Context, c *nexmo.Client) (any, error) {
				return c.GetOutboundPricingByType(ctx, nexmo.GetOutboundPricingByTypeParams{Country: "GB", Type: nexmo.PricingTypeSMSTransit})
			},
			want: &nexmo.PricingByType{CountryCode: "GB", CountryName: "United Kingdom", CountryDisplayName: "United Kingdom",
				Currency: "EUR", DefaultPrice: "0.03330000", DialingPrefix: "44",
				Networks: []nexmo.PricingByTypeNetwork{{Type: "mobile", Price: "0.03330000", Currency: "EUR", MCC: "123",
					MNC: "45", NetworkCode: "12345", NetworkName: "Acme Telco"}}}},
	}
}
