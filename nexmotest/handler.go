package nexmotest

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// Wire values of the fake's answers: the error-code envelope, prices.
const (
	codeSuccess   = "200"
	labelSuccess  = "success"
	codeFailed    = "420"
	labelFailed   = "method failed"
	priceDecimals = 8
	currencyEUR   = "EUR"
)

// errAuthentication is the authenticator's refusal; the server answers 401.
var errAuthentication = errors.New("nexmotest: authentication failed")

// Handler serves the fake over HTTP through the generated server stubs:
// routing, binding, validation (400), authentication against the account's
// current credentials (401), content negotiation (406), body limits (413)
// and encoding are the stubs'; the answers are the fake's. opts are passed
// on to nexmo.NewServer after the fake's authenticator.
func (f *Fake) Handler(opts ...nexmo.ServerOption) http.Handler {
	auth := nexmo.BasicVerifier(func(_ context.Context, key string, secret nexmo.Secret) error {
		if f.Authenticate(key, secret.Reveal()) {
			return nil
		}
		return errAuthentication
	})
	return nexmo.NewServer(handler{f}, append([]nexmo.ServerOption{nexmo.WithBasicAuthVerifier(auth)}, opts...)...)
}

// handler implements nexmo.Handler on a Fake.
type handler struct{ f *Fake }

// requestID numbers the answers of the fake for the X-Request-Id header
// (nexmotest-00000001, ...), which clients keep with errors.
func (h handler) requestID() string {
	return fmt.Sprintf("nexmotest-%08d", h.f.answers.Add(1))
}

// outcome sorts the result of a buy, cancel, top-up or update: nil is the
// success envelope; ErrMethodFailed is the 420 envelope, sent as HTTP 420
// (as420) unless the fake answers refusals as HTTP 200; anything else (the
// state file could not be written) is the server's error, a 500.
func (h handler) outcome(err error) (env nexmo.ErrorEnvelope, as420 bool, serverErr error) {
	switch {
	case err == nil:
		return nexmo.ErrorEnvelope{ErrorCode: codeSuccess, ErrorCodeLabel: labelSuccess}, false, nil
	case errors.Is(err, ErrMethodFailed):
		return nexmo.ErrorEnvelope{ErrorCode: codeFailed, ErrorCodeLabel: labelFailed}, !h.f.failuresAs200, nil
	}
	return nexmo.ErrorEnvelope{}, false, err
}

// GetBalance answers the balance in euros.
func (h handler) GetBalance(context.Context, *nexmo.GetBalanceInput) (nexmo.GetBalanceResponse, error) {
	if r, ok, err := throttle(h, balance429); ok {
		return r, err
	}
	bal, auto := h.f.Balance()
	return nexmo.GetBalance200Response{XRequestID: h.requestID(), Body: nexmo.Balance{Value: bal.Euros(), AutoReload: auto}}, nil
}

// TopUp adds the configured amount.
func (h handler) TopUp(_ context.Context, in *nexmo.TopUpInput) (nexmo.TopUpResponse, error) {
	if r, ok, err := throttle(h, topUp429); ok {
		return r, err
	}
	env, as420, err := h.outcome(h.f.TopUp(in.Body.Trx))
	switch {
	case err != nil:
		return nil, err
	case as420:
		return nexmo.TopUp420Response{XRequestID: h.requestID(), Body: env}, nil
	}
	return nexmo.TopUp200Response{XRequestID: h.requestID(), Body: env}, nil
}

// UpdateSettings applies the form's changes and answers the settings,
// which carry the account's secret as api-secret (as Nexmo's do); it is a
// nexmo.Secret, printed "[REDACTED]" but sent for real by the stubs.
func (h handler) UpdateSettings(ctx context.Context, in *nexmo.UpdateSettingsInput) (nexmo.UpdateSettingsResponse, error) {
	if r, ok, err := throttle(h, settings429); ok {
		return r, err
	}
	u := SettingsUpdate{MOCallbackURL: in.Body.MoCallBackURL, DRCallbackURL: in.Body.DrCallBackURL}
	if s := in.Body.NewSecret.Reveal(); s != "" {
		u.NewSecret = &s
	}
	s, err := h.f.UpdateSettings(ctx, u)
	switch {
	case errors.Is(err, ErrMethodFailed):
		return nexmo.UpdateSettings420Response{XRequestID: h.requestID(), Body: nexmo.SettingsError{ErrorCode: codeFailed, ErrorCodeLabel: labelFailed}}, nil
	case err != nil:
		return nil, err
	}
	return nexmo.UpdateSettings200Response{XRequestID: h.requestID(), Body: nexmo.AccountSettings{
		APISecret: nexmo.Secret(s.APISecret.Reveal()), MoCallbackURL: s.MOCallbackURL, DrCallbackURL: s.DRCallbackURL,
		MaxOutboundRequest: s.MaxOutbound, MaxInboundRequest: s.MaxInbound,
	}}, nil
}

// GetOutboundPricing answers the SMS pricing of a country; a country outside
// the table answers just its code.
func (h handler) GetOutboundPricing(_ context.Context, in *nexmo.GetOutboundPricingInput) (nexmo.GetOutboundPricingResponse, error) {
	if r, ok, err := throttle(h, pricing429); ok {
		return r, err
	}
	p, ok := PricingFor(in.Params.Country, ServiceSMS)
	if !ok {
		return nexmo.GetOutboundPricing200Response{XRequestID: h.requestID(), Body: nexmo.OutboundPricing{Country: in.Params.Country}}, nil
	}
	body := nexmo.OutboundPricing{Country: p.Country, Name: p.Name, CountryDisplayName: p.Name,
		Prefix: p.Prefix, Mt: p.Default.Decimal(priceDecimals)}
	for _, n := range p.Networks {
		body.Networks = append(body.Networks, nexmo.PricingNetwork{Code: n.Code(), Network: n.Name, MtPrice: n.Price.Decimal(priceDecimals)})
	}
	return nexmo.GetOutboundPricing200Response{XRequestID: h.requestID(), Body: body}, nil
}

// GetOutboundPricingByType answers the pricing of a country for a service;
// a country outside the table answers just its code.
func (h handler) GetOutboundPricingByType(_ context.Context, in *nexmo.GetOutboundPricingByTypeInput) (nexmo.GetOutboundPricingByTypeResponse, error) {
	if r, ok, err := throttle(h, pricingByType429); ok {
		return r, err
	}
	p, ok := PricingFor(in.Params.Country, string(in.Params.Type))
	if !ok {
		return nexmo.GetOutboundPricingByType200Response{XRequestID: h.requestID(), Body: nexmo.PricingByType{CountryCode: in.Params.Country}}, nil
	}
	body := nexmo.PricingByType{CountryCode: p.Country, CountryName: p.Name, CountryDisplayName: p.Name,
		Currency: currencyEUR, DefaultPrice: p.Default.Decimal(priceDecimals), DialingPrefix: p.Prefix}
	for _, n := range p.Networks {
		body.Networks = append(body.Networks, nexmo.PricingByTypeNetwork{Type: "mobile", Price: n.Price.Decimal(priceDecimals),
			Currency: currencyEUR, MCC: n.MCC, MNC: n.MNC, NetworkCode: n.Code(), NetworkName: n.Name})
	}
	return nexmo.GetOutboundPricingByType200Response{XRequestID: h.requestID(), Body: body}, nil
}
