package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/nexmogen/nexmogen/bench/gen/oapi"
	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// The interop suite (issue 13): every operation of spec/nexmo.yaml, once
// with oapi-codegen's client against nexmogen's server, once with
// nexmogen's client against oapi-codegen's std-http strict server, over
// loopback, in JSON (the request bodies are forms, as the spec says). Each
// case describes one request in both generators' types and one answer on
// the wire: each server must receive what the other's client sent, and each
// client must decode what the other's server answered.

// interopCase is one operation.
type interopCase struct {
	name   string
	answer string // the 200 body, JSON
	// ours and theirs call the operation with each client and return the
	// decoded 200 body.
	ours   func(ctx context.Context, c *nexmo.Client) (any, error)
	theirs func(ctx context.Context, c *oapi.ClientWithResponses) (any, error)
	// wantOurs is what nexmogen's server must receive (the input's Params
	// or Body); wantTheirs what oapi-codegen's must (its request object).
	wantOurs, wantTheirs any
	// theirServerFails, when set, is why oapi-codegen's server cannot take
	// the request at all (a fault of the peer): the call must fail, and
	// the test fails when it no longer does, so the list stays true.
	theirServerFails string
}

func ptr[T any](v T) *T { return &v }

const envelopeOK = `{"error-code":"200","error-code-label":"success"}`

var (
	ourSearchParams = nexmo.SearchAvailableNumbersParams{Country: "GB", Index: 2, Size: 10, Pattern: "44",
		SearchPattern: nexmo.SearchPatternAnywhere, Features: []nexmo.Feature{nexmo.FeatureSMS, nexmo.FeatureVoice}, Type: nexmo.NumberTypeMobileLVN}
	theirSearchParams = oapi.SearchAvailableNumbersParams{Country: "GB", Index: ptr(2), Size: ptr(10), Pattern: ptr("44"),
		SearchPattern: ptr(oapi.SearchPattern(1)), Features: &oapi.Features{"SMS", "VOICE"}, Type: ptr(oapi.NumberType("mobile-lvn"))}
	ourOwnedParams = nexmo.ListOwnedNumbersParams{Country: "GB", Index: 2, Size: 10, Pattern: "447700", SearchPattern: nexmo.SearchPatternEndsWith,
		ApplicationID: "aaaaaaaa-bbbb-cccc-dddd-0123456789ab", HasApplication: ptr(true)}
	theirOwnedParams = oapi.ListOwnedNumbersParams{Country: ptr("GB"), Index: ptr(2), Size: ptr(10), Pattern: ptr("447700"), SearchPattern: ptr(oapi.SearchPattern(2)),
		ApplicationId: ptr("aaaaaaaa-bbbb-cccc-dddd-0123456789ab"), HasApplication: ptr(true)}
	ourUpdate = nexmo.UpdateNumberRequest{Country: "GB", MSISDN: "447700900000", AppID: ptr("aaaaaaaa-bbbb-cccc-dddd-0123456789ab"),
		MoHTTPURL: ptr("https://example.com/mo"), VoiceCallbackType: nexmo.VoiceCallbackTypeApp, VoiceCallbackValue: ptr("aaaaaaaa-bbbb-cccc-dddd-0123456789ab"),
		VoiceStatusCallback: ptr("https://example.com/status")}
	theirUpdate = oapi.UpdateNumberRequest{Country: "GB", Msisdn: "447700900000", AppId: ptr("aaaaaaaa-bbbb-cccc-dddd-0123456789ab"),
		MoHttpUrl: ptr("https://example.com/mo"), VoiceCallbackType: ptr(oapi.VoiceCallbackType("app")), VoiceCallbackValue: ptr("aaaaaaaa-bbbb-cccc-dddd-0123456789ab"),
		VoiceStatusCallback: ptr("https://example.com/status")}
)

var interopCases = []interopCase{
	{
		name: "GetBalance", answer: `{"value":10.28,"autoReload":true}`,
		ours: func(ctx context.Context, c *nexmo.Client) (any, error) { return c.GetBalance(ctx) },
		theirs: func(ctx context.Context, c *oapi.ClientWithResponses) (any, error) {
			return json200(c.GetBalanceWithResponse(ctx))
		},
		wantOurs: nil, wantTheirs: oapi.GetBalanceRequestObject{},
	},
	{
		name:   "GetOutboundPricing",
		answer: `{"country":"GB","name":"United Kingdom","countryDisplayName":"United Kingdom","prefix":"44","mt":"0.0333","networks":[{"code":"23410","network":"Telefonica UK Limited","mtPrice":"0.0333"}]}`,
		ours: func(ctx context.Context, c *nexmo.Client) (any, error) {
			return c.GetOutboundPricing(ctx, nexmo.GetOutboundPricingParams{Country: "GB"})
		},
		theirs: func(ctx context.Context, c *oapi.ClientWithResponses) (any, error) {
			return json200(c.GetOutboundPricingWithResponse(ctx, &oapi.GetOutboundPricingParams{Country: "GB"}))
		},
		wantOurs: nexmo.GetOutboundPricingParams{Country: "GB"}, wantTheirs: oapi.GetOutboundPricingRequestObject{Params: oapi.GetOutboundPricingParams{Country: "GB"}},
	},
	{
		name:   "GetOutboundPricingByType",
		answer: `{"countryCode":"GB","countryName":"United Kingdom","countryDisplayName":"United Kingdom","currency":"EUR","defaultPrice":"0.0333","dialingPrefix":"44","networks":[{"type":"mobile","price":"0.0333","currency":"EUR","mcc":"234","mnc":"10","networkCode":"23410","networkName":"Telefonica UK Limited"}]}`,
		ours: func(ctx context.Context, c *nexmo.Client) (any, error) {
			return c.GetOutboundPricingByType(ctx, nexmo.GetOutboundPricingByTypeParams{Country: "GB", Type: nexmo.PricingTypeSMS})
		},
		theirs: func(ctx context.Context, c *oapi.ClientWithResponses) (any, error) {
			return json200(c.GetOutboundPricingByTypeWithResponse(ctx, "sms", &oapi.GetOutboundPricingByTypeParams{Country: "GB"}))
		},
		wantOurs:   nexmo.GetOutboundPricingByTypeParams{Country: "GB", Type: nexmo.PricingTypeSMS},
		wantTheirs: oapi.GetOutboundPricingByTypeRequestObject{Type: "sms", Params: oapi.GetOutboundPricingByTypeParams{Country: "GB"}},
	},
	{
		name:   "ListOwnedNumbers",
		answer: `{"count":1,"numbers":[{"country":"GB","msisdn":"447700900000","moHttpUrl":"https://example.com/mo","type":"mobile-lvn","features":["SMS","VOICE"],"voiceCallbackType":"app","voiceCallbackValue":"aaaaaaaa-bbbb-cccc-dddd-0123456789ab","messagesCallbackType":"app","messagesCallbackValue":"aaaaaaaa-bbbb-cccc-dddd-0123456789ab","app_id":"aaaaaaaa-bbbb-cccc-dddd-0123456789ab"}]}`,
		ours: func(ctx context.Context, c *nexmo.Client) (any, error) {
			return c.ListOwnedNumbers(ctx, ourOwnedParams)
		},
		theirs: func(ctx context.Context, c *oapi.ClientWithResponses) (any, error) {
			return json200(c.ListOwnedNumbersWithResponse(ctx, &theirOwnedParams))
		},
		wantOurs: ourOwnedParams, wantTheirs: oapi.ListOwnedNumbersRequestObject{Params: theirOwnedParams},
	},
	{
		name:   "SearchAvailableNumbers",
		answer: `{"count":1234,"numbers":[{"country":"GB","msisdn":"447700900000","cost":"1.25","type":"mobile-lvn","features":["SMS","VOICE"]}]}`,
		ours: func(ctx context.Context, c *nexmo.Client) (any, error) {
			return c.SearchAvailableNumbers(ctx, ourSearchParams)
		},
		theirs: func(ctx context.Context, c *oapi.ClientWithResponses) (any, error) {
			return json200(c.SearchAvailableNumbersWithResponse(ctx, &theirSearchParams))
		},
		wantOurs: ourSearchParams, wantTheirs: oapi.SearchAvailableNumbersRequestObject{Params: theirSearchParams},
	},
	{
		name:   "UpdateSettings",
		answer: `{"api-secret":"Secret1234abcd","mo-callback-url":"https://example.com/mo","dr-callback-url":"https://example.com/dr","max-outbound-request":30,"max-inbound-request":20}`,
		// oapi-codegen v2.8.2 types newSecret (an allOf of patterns) as
		// interface{}, and its form binder (runtime v1.9.0 BindForm)
		// panics on that field: "reflect.Value.Addr of unaddressable
		// value"; the server answers nothing.
		theirServerFails: "oapi-codegen's form binder panics on newSecret (interface{})",
		ours: func(ctx context.Context, c *nexmo.Client) (any, error) {
			return c.UpdateSettings(ctx, nexmo.SettingsRequest{NewSecret: "Secret1234abcd", MoCallBackURL: ptr("https://example.com/mo"), DrCallBackURL: ptr("https://example.com/dr")})
		},
		theirs: func(ctx context.Context, c *oapi.ClientWithResponses) (any, error) {
			return json200(c.UpdateSettingsWithFormdataBodyWithResponse(ctx, oapi.SettingsRequest{NewSecret: "Secret1234abcd", MoCallBackUrl: ptr("https://example.com/mo"), DrCallBackUrl: ptr("https://example.com/dr")}))
		},
		wantOurs:   nexmo.SettingsRequest{NewSecret: "Secret1234abcd", MoCallBackURL: ptr("https://example.com/mo"), DrCallBackURL: ptr("https://example.com/dr")},
		wantTheirs: oapi.UpdateSettingsRequestObject{Body: &oapi.SettingsRequest{NewSecret: "Secret1234abcd", MoCallBackUrl: ptr("https://example.com/mo"), DrCallBackUrl: ptr("https://example.com/dr")}},
	},
	{
		name: "TopUp", answer: envelopeOK,
		ours: func(ctx context.Context, c *nexmo.Client) (any, error) {
			return c.TopUp(ctx, nexmo.TopUpRequest{Trx: "00X123456Y7890123Z"})
		},
		theirs: func(ctx context.Context, c *oapi.ClientWithResponses) (any, error) {
			return json200(c.TopUpWithFormdataBodyWithResponse(ctx, oapi.TopUpRequest{Trx: "00X123456Y7890123Z"}))
		},
		wantOurs: nexmo.TopUpRequest{Trx: "00X123456Y7890123Z"}, wantTheirs: oapi.TopUpRequestObject{Body: &oapi.TopUpRequest{Trx: "00X123456Y7890123Z"}},
	},
	{
		name: "BuyNumber", answer: envelopeOK,
		ours: func(ctx context.Context, c *nexmo.Client) (any, error) {
			return c.BuyNumber(ctx, nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"})
		},
		theirs: func(ctx context.Context, c *oapi.ClientWithResponses) (any, error) {
			return json200(c.BuyNumberWithFormdataBodyWithResponse(ctx, oapi.BuyNumberRequest{Country: "GB", Msisdn: "447700900000"}))
		},
		wantOurs: nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"}, wantTheirs: oapi.BuyNumberRequestObject{Body: &oapi.BuyNumberRequest{Country: "GB", Msisdn: "447700900000"}},
	},
	{
		name: "CancelNumber", answer: envelopeOK,
		ours: func(ctx context.Context, c *nexmo.Client) (any, error) {
			return c.CancelNumber(ctx, nexmo.CancelNumberRequest{Country: "GB", MSISDN: "447700900000"})
		},
		theirs: func(ctx context.Context, c *oapi.ClientWithResponses) (any, error) {
			return json200(c.CancelNumberWithFormdataBodyWithResponse(ctx, oapi.CancelNumberRequest{Country: "GB", Msisdn: "447700900000"}))
		},
		wantOurs: nexmo.CancelNumberRequest{Country: "GB", MSISDN: "447700900000"}, wantTheirs: oapi.CancelNumberRequestObject{Body: &oapi.CancelNumberRequest{Country: "GB", Msisdn: "447700900000"}},
	},
	{
		name: "UpdateNumber", answer: envelopeOK,
		ours: func(ctx context.Context, c *nexmo.Client) (any, error) { return c.UpdateNumber(ctx, ourUpdate) },
		theirs: func(ctx context.Context, c *oapi.ClientWithResponses) (any, error) {
			return json200(c.UpdateNumberWithFormdataBodyWithResponse(ctx, theirUpdate))
		},
		wantOurs: ourUpdate, wantTheirs: oapi.UpdateNumberRequestObject{Body: &theirUpdate},
	},
}

// json200 is oapi-codegen's decoded 200 body, or an error for any other
// answer.
func json200[R interface {
	StatusCode() int
	GetJSON200() T
}, T any](r R, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	if r.StatusCode() != http.StatusOK {
		return nil, fmt.Errorf("status %d", r.StatusCode())
	}
	return r.GetJSON200(), nil
}

// TestInteropOapiClientOurServer: oapi-codegen's client, nexmogen's server.
func TestInteropOapiClientOurServer(t *testing.T) {
	rec := &interopRecorder{}
	srv := httptest.NewServer(nexmo.NewServer(interopOurs{rec}, nexmo.WithBasicAuthVerifier(nexmo.StaticBasic(apiKey, apiSecret))))
	defer srv.Close()
	c, err := oapi.NewClientWithResponses(srv.URL, oapi.WithRequestEditorFn(func(_ context.Context, req *http.Request) error {
		req.SetBasicAuth(apiKey, apiSecret)
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range interopCases {
		t.Run(tc.name, func(t *testing.T) {
			rec.reset(tc.answer)
			got, err := tc.theirs(context.Background(), c)
			checkInterop(t, rec, tc.answer, got, err, tc.wantOurs)
		})
	}
}

// TestInteropOurClientOapiServer: nexmogen's client, oapi-codegen's
// std-http strict server.
func TestInteropOurClientOapiServer(t *testing.T) {
	rec := &interopRecorder{}
	srv := httptest.NewUnstartedServer(oapi.Handler(oapi.NewStrictHandler(interopTheirs{rec}, nil)))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the known panic (UpdateSettings) is logged by net/http
	srv.Start()
	defer srv.Close()
	c, err := nexmo.NewClient(apiKey, apiSecret, nexmo.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range interopCases {
		t.Run(tc.name, func(t *testing.T) {
			rec.reset(tc.answer)
			got, err := tc.ours(context.Background(), c)
			if tc.theirServerFails != "" {
				if err == nil {
					t.Fatalf("the call succeeded, but the case says %s: drop theirServerFails", tc.theirServerFails)
				}
				t.Logf("peer's fault, known: %s (%v)", tc.theirServerFails, err)
				return
			}
			checkInterop(t, rec, tc.answer, got, err, tc.wantTheirs)
		})
	}
}

// checkInterop compares what the server received with want, and what the
// client decoded with the answer the server wrote (as JSON values).
func checkInterop(t *testing.T, rec *interopRecorder, answer string, got any, err error, want any) {
	t.Helper()
	if err != nil {
		t.Fatalf("call: %v", err)
	}
	if !rec.called {
		t.Fatal("the server's handler was not called")
	}
	if !reflect.DeepEqual(rec.got, want) {
		t.Errorf("the server received\n%s\nwant\n%s", dump(rec.got), dump(want))
	}
	if d := jsonDiff(answer, got); d != "" {
		t.Errorf("the client decoded another answer: %s", d)
	}
}

// jsonDiff compares a JSON text with the JSON encoding of v, as values.
func jsonDiff(want string, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	var a, g any
	if err := json.Unmarshal([]byte(want), &a); err != nil {
		return err.Error()
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return err.Error()
	}
	if reflect.DeepEqual(a, g) {
		return ""
	}
	return fmt.Sprintf("want %s, got %s", want, b)
}

func dump(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%#v", v)
	}
	return fmt.Sprintf("%T %s", v, b)
}
