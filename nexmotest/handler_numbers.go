package nexmotest

import (
	"context"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// ListOwnedNumbers answers a page of the account's numbers; no match is {}.
func (h handler) ListOwnedNumbers(_ context.Context, in *nexmo.ListOwnedNumbersInput) (nexmo.ListOwnedNumbersResponse, error) {
	if r, ok, err := throttle(h, list429); ok {
		return r, err
	}
	p := in.Params
	page := h.f.Owned(Query{Pattern: p.Pattern, SearchPattern: int(p.SearchPattern), Country: p.Country,
		AppID: p.ApplicationID, HasApplication: p.HasApplication, Size: p.Size, Index: p.Index})
	var body nexmo.OwnedNumbers
	if page.Count > 0 {
		body.Count = page.Count
	}
	for _, o := range page.Items {
		body.Numbers = append(body.Numbers, nexmo.OwnedNumber{
			Country: o.Country, MSISDN: o.MSISDN, MoHTTPURL: o.MOHTTPURL, Type: nexmo.NumberType(o.Type),
			Features: wireFeatures(o.Features), VoiceCallbackType: nexmo.VoiceCallbackType(o.VoiceCallbackType),
			VoiceCallbackValue: o.VoiceCallbackValue, MessagesCallbackType: o.MessagesCallbackType,
			MessagesCallbackValue: o.MessagesCallbackValue, AppID: o.AppID,
		})
	}
	return nexmo.ListOwnedNumbers200Response{XRequestID: h.requestID(), Body: body}, nil
}

// SearchAvailableNumbers answers a page of the numbers a country has to
// sell; no match is {}.
func (h handler) SearchAvailableNumbers(_ context.Context, in *nexmo.SearchAvailableNumbersInput) (nexmo.SearchAvailableNumbersResponse, error) {
	if r, ok, err := throttle(h, search429); ok {
		return r, err
	}
	p := in.Params
	q := Query{Country: p.Country, Pattern: p.Pattern, SearchPattern: int(p.SearchPattern), Type: string(p.Type),
		Size: p.Size, Index: p.Index}
	for _, feat := range p.Features {
		q.Features = append(q.Features, string(feat))
	}
	page := h.f.Search(q)
	var body nexmo.AvailableNumbers
	if page.Count > 0 {
		body.Count = page.Count
	}
	for _, n := range page.Items {
		body.Numbers = append(body.Numbers, nexmo.AvailableNumber{Country: n.Country, MSISDN: n.MSISDN,
			Cost: n.Cost.String(), Type: nexmo.NumberType(n.Type), Features: wireFeatures(n.Features)})
	}
	return nexmo.SearchAvailableNumbers200Response{XRequestID: h.requestID(), Body: body}, nil
}

// wireFeatures converts features to the generated enum.
func wireFeatures(fs []string) []nexmo.Feature {
	out := make([]nexmo.Feature, len(fs))
	for i, f := range fs {
		out[i] = nexmo.Feature(f)
	}
	return out
}

// BuyNumber buys an available number.
func (h handler) BuyNumber(_ context.Context, in *nexmo.BuyNumberInput) (nexmo.BuyNumberResponse, error) {
	if r, ok, err := throttle(h, buy429); ok {
		return r, err
	}
	env, as420, err := h.outcome(h.f.Buy(in.Body.Country, in.Body.MSISDN))
	switch {
	case err != nil:
		return nil, err
	case as420:
		return nexmo.BuyNumber420Response{XRequestID: h.requestID(), Body: env}, nil
	}
	return nexmo.BuyNumber200Response{XRequestID: h.requestID(), Body: env}, nil
}

// CancelNumber gives an owned number back.
func (h handler) CancelNumber(_ context.Context, in *nexmo.CancelNumberInput) (nexmo.CancelNumberResponse, error) {
	if r, ok, err := throttle(h, cancel429); ok {
		return r, err
	}
	env, as420, err := h.outcome(h.f.Cancel(in.Body.Country, in.Body.MSISDN))
	switch {
	case err != nil:
		return nil, err
	case as420:
		return nexmo.CancelNumber420Response{XRequestID: h.requestID(), Body: env}, nil
	}
	return nexmo.CancelNumber200Response{XRequestID: h.requestID(), Body: env}, nil
}

// UpdateNumber changes an owned number's webhooks and application.
func (h handler) UpdateNumber(_ context.Context, in *nexmo.UpdateNumberInput) (nexmo.UpdateNumberResponse, error) {
	if r, ok, err := throttle(h, update429); ok {
		return r, err
	}
	b := in.Body
	u := NumberUpdate{Country: b.Country, MSISDN: b.MSISDN, AppID: b.AppID, MOHTTPURL: b.MoHTTPURL,
		VoiceCallbackValue: b.VoiceCallbackValue, VoiceStatusCallback: b.VoiceStatusCallback}
	if b.VoiceCallbackType != "" {
		typ := string(b.VoiceCallbackType)
		u.VoiceCallbackType = &typ
	}
	env, as420, err := h.outcome(h.f.UpdateNumber(u))
	switch {
	case err != nil:
		return nil, err
	case as420:
		return nexmo.UpdateNumber420Response{XRequestID: h.requestID(), Body: env}, nil
	}
	return nexmo.UpdateNumber200Response{XRequestID: h.requestID(), Body: env}, nil
}
