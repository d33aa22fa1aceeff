package nexmo_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// The credentials of the test servers.
const (
	srvKey    = "key123"
	srvSecret = "s3cr3tCanary"
	srvCreds  = "api_key=" + srvKey + "&api_secret=" + srvSecret
)

// srvHandler is a test Handler: it records each input and answers with a
// fixed success, unless mode asks for a failure.
type srvHandler struct {
	mu   sync.Mutex
	in   any
	mode string // "", "panic", "error", "invalid", "nil", "limited"
}

// record keeps the input and says how to fail, if at all.
func (h *srvHandler) record(in any) (string, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.in = in
	switch h.mode {
	case "panic":
		panic("handler exploded")
	case "error":
		return h.mode, errors.New("database down")
	case "invalid":
		return h.mode, &nexmo.ValidationError{In: "form", Field: "msisdn", Rule: "pattern", Limit: "^[0-9]+$", Value: "x"}
	}
	return h.mode, nil
}

// input returns the last input recorded.
func (h *srvHandler) input() any {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.in
}

// setMode sets how the handler answers.
func (h *srvHandler) setMode(m string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.mode = m
}

var srvEnvelopeOK = nexmo.ErrorEnvelope{ErrorCode: "200", ErrorCodeLabel: "success"}

func (h *srvHandler) GetBalance(_ context.Context, in *nexmo.GetBalanceInput) (nexmo.GetBalanceResponse, error) {
	mode, err := h.record(in)
	if err != nil {
		return nil, err
	}
	if mode == "nil" {
		return nil, nil
	}
	return nexmo.GetBalance200Response{Body: nexmo.Balance{Value: 3.14159, AutoReload: true}, XRequestID: "req-1"}, nil
}

func (h *srvHandler) GetOutboundPricing(_ context.Context, in *nexmo.GetOutboundPricingInput) (nexmo.GetOutboundPricingResponse, error) {
	if _, err := h.record(in); err != nil {
		return nil, err
	}
	return nexmo.GetOutboundPricing200Response{Body: nexmo.OutboundPricing{Country: in.Params.Country}}, nil
}

func (h *srvHandler) UpdateSettings(_ context.Context, in *nexmo.UpdateSettingsInput) (nexmo.UpdateSettingsResponse, error) {
	if _, err := h.record(in); err != nil {
		return nil, err
	}
	return nexmo.UpdateSettings200Response{Body: nexmo.AccountSettings{APISecret: nexmo.Secret(srvSecret)}}, nil
}

func (h *srvHandler) ListOwnedNumbers(_ context.Context, in *nexmo.ListOwnedNumbersInput) (nexmo.ListOwnedNumbersResponse, error) {
	if _, err := h.record(in); err != nil {
		return nil, err
	}
	return nexmo.ListOwnedNumbers200Response{}, nil
}

func (h *srvHandler) SearchAvailableNumbers(_ context.Context, in *nexmo.SearchAvailableNumbersInput) (nexmo.SearchAvailableNumbersResponse, error) {
	if _, err := h.record(in); err != nil {
		return nil, err
	}
	return nexmo.SearchAvailableNumbers200Response{Body: nexmo.AvailableNumbers{Count: 1, Numbers: []nexmo.AvailableNumber{
		{Country: in.Params.Country, MSISDN: "447700900000", Cost: "0.50", Type: nexmo.NumberTypeMobileLVN, Features: in.Params.Features},
	}}}, nil
}

func (h *srvHandler) BuyNumber(_ context.Context, in *nexmo.BuyNumberInput) (nexmo.BuyNumberResponse, error) {
	mode, err := h.record(in)
	if err != nil {
		return nil, err
	}
	if mode == "limited" {
		return nexmo.BuyNumber429Response{Body: nexmo.ErrorEnvelope{ErrorCode: "429", ErrorCodeLabel: "too many requests"}, RetryAfter: nexmo.Ptr(7)}, nil
	}
	return nexmo.BuyNumber200Response{Body: srvEnvelopeOK, XNexmoTraceID: "trace-9"}, nil
}

func (h *srvHandler) CancelNumber(_ context.Context, in *nexmo.CancelNumberInput) (nexmo.CancelNumberResponse, error) {
	if _, err := h.record(in); err != nil {
		return nil, err
	}
	return nexmo.CancelNumber420Response{Body: nexmo.ErrorEnvelope{ErrorCode: "420", ErrorCodeLabel: "method failed"}}, nil
}

func (h *srvHandler) TopUp(_ context.Context, in *nexmo.TopUpInput) (nexmo.TopUpResponse, error) {
	if _, err := h.record(in); err != nil {
		return nil, err
	}
	return nexmo.TopUp200Response{Body: srvEnvelopeOK}, nil
}

func (h *srvHandler) UpdateNumber(_ context.Context, in *nexmo.UpdateNumberInput) (nexmo.UpdateNumberResponse, error) {
	if _, err := h.record(in); err != nil {
		return nil, err
	}
	return nexmo.UpdateNumber200Response{Body: srvEnvelopeOK}, nil
}

func (h *srvHandler) GetOutboundPricingByType(_ context.Context, in *nexmo.GetOutboundPricingByTypeInput) (nexmo.GetOutboundPricingByTypeResponse, error) {
	if _, err := h.record(in); err != nil {
		return nil, err
	}
	return nexmo.GetOutboundPricingByType200Response{Body: nexmo.PricingByType{CountryCode: in.Params.Country}}, nil
}

// srvRig is a test server on 127.0.0.1 with its handler and log.
type srvRig struct {
	h   *srvHandler
	srv *httptest.Server
	log *bytes.Buffer
}

// srvStart starts a server with the test credentials.
func srvStart(t *testing.T, opts ...nexmo.ServerOption) *srvRig {
	t.Helper()
	rig := &srvRig{h: &srvHandler{}, log: new(bytes.Buffer)}
	logger := slog.New(slog.NewTextHandler(&srvSyncWriter{w: rig.log}, nil))
	opts = append([]nexmo.ServerOption{
		nexmo.WithBasicAuthVerifier(nexmo.StaticBasic(srvKey, srvSecret)),
		nexmo.WithServerLogger(logger),
	}, opts...)
	rig.srv = httptest.NewServer(nexmo.NewServer(rig.h, opts...))
	t.Cleanup(rig.srv.Close)
	return rig
}

// srvSyncWriter serialises writes to a buffer shared with the test.
type srvSyncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *srvSyncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// srvReply is what a test request got back.
type srvReply struct {
	status int
	header http.Header
	body   string
}

// do sends one request; header holds extra headers ("Content-Type" is set
// to the form type when body is not empty and no type is given).
func (rig *srvRig) do(t *testing.T, method, target, body string, header map[string]string) srvReply {
	t.Helper()
	req, err := http.NewRequest(method, rig.srv.URL+target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := rig.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return srvReply{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

// srvEnvelope decodes an error envelope in JSON or XML, by Content-Type,
// returning the XML root too.
func srvEnvelope(t *testing.T, r srvReply) (code, label, root string) {
	t.Helper()
	var env struct {
		XMLName xml.Name
		Code    string `json:"error-code" xml:"error-code"`
		Label   string `json:"error-code-label" xml:"error-code-label"`
	}
	var err error
	switch ct := r.header.Get("Content-Type"); ct {
	case "application/json":
		err = json.Unmarshal([]byte(r.body), &env)
	case "application/xml":
		err = xml.Unmarshal([]byte(r.body), &env)
	default:
		t.Fatalf("Content-Type %q, body %s", ct, r.body)
	}
	if err != nil {
		t.Fatalf("envelope %q: %v", r.body, err)
	}
	return env.Code, env.Label, env.XMLName.Local
}

// wantError checks the status and the envelope, and that the label says
// every word of want.
func (r srvReply) wantError(t *testing.T, status int, want ...string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.body)
	}
	code, label, _ := srvEnvelope(t, r)
	if code != strconv.Itoa(status) {
		t.Errorf("error-code %q, want %d", code, status)
	}
	for _, w := range want {
		if !strings.Contains(label, w) {
			t.Errorf("label %q does not say %q", label, w)
		}
	}
}
