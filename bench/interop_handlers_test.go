package bench

import (
	"context"
	"sync"

	"github.com/nexmogen/nexmogen/bench/gen/oapi"
	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// interopRecorder keeps what a server's handler received, and the answer
// (JSON) it is to decode into its generator's model and return.
type interopRecorder struct {
	mu     sync.Mutex
	answer string
	called bool
	got    any
}

func (r *interopRecorder) reset(answer string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.answer, r.called, r.got = answer, false, nil
}

// receive records got and returns the answer decoded into a T.
func receive[T any](r *interopRecorder, got any) T {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.called, r.got = true, got
	var v T
	mustDecode([]byte(r.answer), &v)
	return v
}

// interopOurs is nexmogen's Handler for every operation.
type interopOurs struct{ rec *interopRecorder }

// interopTheirs is oapi-codegen's strict server interface for every
// operation.
type interopTheirs struct{ rec *interopRecorder }

func (h interopOurs) GetBalance(_ context.Context, in *nexmo.GetBalanceInput) (nexmo.GetBalanceResponse, error) {
	return nexmo.GetBalance200Response{Body: receive[nexmo.Balance](h.rec, nil)}, nil
}

func (h interopTheirs) GetBalance(_ context.Context, in oapi.GetBalanceRequestObject) (oapi.GetBalanceResponseObject, error) {
	return oapi.GetBalance200JSONResponse{Body: receive[oapi.Balance](h.rec, in)}, nil
}

func (h interopOurs) GetOutboundPricing(_ context.Context, in *nexmo.GetOutboundPricingInput) (nexmo.GetOutboundPricingResponse, error) {
	return nexmo.GetOutboundPricing200Response{Body: receive[nexmo.OutboundPricing](h.rec, in.Params)}, nil
}

func (h interopTheirs) GetOutboundPricing(_ context.Context, in oapi.GetOutboundPricingRequestObject) (oapi.GetOutboundPricingResponseObject, error) {
	return oapi.GetOutboundPricing200JSONResponse{Body: receive[oapi.OutboundPricing](h.rec, in)}, nil
}

func (h interopOurs) GetOutboundPricingByType(_ context.Context, in *nexmo.GetOutboundPricingByTypeInput) (nexmo.GetOutboundPricingByTypeResponse, error) {
	return nexmo.GetOutboundPricingByType200Response{Body: receive[nexmo.PricingByType](h.rec, in.Params)}, nil
}

func (h interopTheirs) GetOutboundPricingByType(_ context.Context, in oapi.GetOutboundPricingByTypeRequestObject) (oapi.GetOutboundPricingByTypeResponseObject, error) {
	return oapi.GetOutboundPricingByType200JSONResponse{Body: receive[oapi.PricingByType](h.rec, in)}, nil
}

func (h interopOurs) ListOwnedNumbers(_ context.Context, in *nexmo.ListOwnedNumbersInput) (nexmo.ListOwnedNumbersResponse, error) {
	return nexmo.ListOwnedNumbers200Response{Body: receive[nexmo.OwnedNumbers](h.rec, in.Params)}, nil
}

func (h interopTheirs) ListOwnedNumbers(_ context.Context, in oapi.ListOwnedNumbersRequestObject) (oapi.ListOwnedNumbersResponseObject, error) {
	return oapi.ListOwnedNumbers200JSONResponse{Body: receive[oapi.OwnedNumbers](h.rec, in)}, nil
}

func (h interopOurs) SearchAvailableNumbers(_ context.Context, in *nexmo.SearchAvailableNumbersInput) (nexmo.SearchAvailableNumbersResponse, error) {
	return nexmo.SearchAvailableNumbers200Response{Body: receive[nexmo.AvailableNumbers](h.rec, in.Params)}, nil
}

func (h interopTheirs) SearchAvailableNumbers(_ context.Context, in oapi.SearchAvailableNumbersRequestObject) (oapi.SearchAvailableNumbersResponseObject, error) {
	return oapi.SearchAvailableNumbers200JSONResponse{Body: receive[oapi.AvailableNumbers](h.rec, in)}, nil
}

func (h interopOurs) UpdateSettings(_ context.Context, in *nexmo.UpdateSettingsInput) (nexmo.UpdateSettingsResponse, error) {
	return nexmo.UpdateSettings200Response{Body: receive[nexmo.AccountSettings](h.rec, in.Body)}, nil
}

func (h interopTheirs) UpdateSettings(_ context.Context, in oapi.UpdateSettingsRequestObject) (oapi.UpdateSettingsResponseObject, error) {
	return oapi.UpdateSettings200JSONResponse{Body: receive[oapi.AccountSettings](h.rec, in)}, nil
}

func (h interopOurs) TopUp(_ context.Context, in *nexmo.TopUpInput) (nexmo.TopUpResponse, error) {
	return nexmo.TopUp200Response{Body: receive[nexmo.ErrorEnvelope](h.rec, in.Body)}, nil
}

func (h interopTheirs) TopUp(_ context.Context, in oapi.TopUpRequestObject) (oapi.TopUpResponseObject, error) {
	return oapi.TopUp200JSONResponse{EnvelopeSuccessJSONResponse: oapi.EnvelopeSuccessJSONResponse{Body: receive[oapi.ErrorEnvelope](h.rec, in)}}, nil
}

func (h interopOurs) BuyNumber(_ context.Context, in *nexmo.BuyNumberInput) (nexmo.BuyNumberResponse, error) {
	return nexmo.BuyNumber200Response{Body: receive[nexmo.ErrorEnvelope](h.rec, in.Body)}, nil
}

func (h interopTheirs) BuyNumber(_ context.Context, in oapi.BuyNumberRequestObject) (oapi.BuyNumberResponseObject, error) {
	return oapi.BuyNumber200JSONResponse{EnvelopeSuccessJSONResponse: oapi.EnvelopeSuccessJSONResponse{Body: receive[oapi.ErrorEnvelope](h.rec, in)}}, nil
}

func (h interopOurs) CancelNumber(_ context.Context, in *nexmo.CancelNumberInput) (nexmo.CancelNumberResponse, error) {
	return nexmo.CancelNumber200Response{Body: receive[nexmo.ErrorEnvelope](h.rec, in.Body)}, nil
}

func (h interopTheirs) CancelNumber(_ context.Context, in oapi.CancelNumberRequestObject) (oapi.CancelNumberResponseObject, error) {
	return oapi.CancelNumber200JSONResponse{EnvelopeSuccessJSONResponse: oapi.EnvelopeSuccessJSONResponse{Body: receive[oapi.ErrorEnvelope](h.rec, in)}}, nil
}

func (h interopOurs) UpdateNumber(_ context.Context, in *nexmo.UpdateNumberInput) (nexmo.UpdateNumberResponse, error) {
	return nexmo.UpdateNumber200Response{Body: receive[nexmo.ErrorEnvelope](h.rec, in.Body)}, nil
}

func (h interopTheirs) UpdateNumber(_ context.Context, in oapi.UpdateNumberRequestObject) (oapi.UpdateNumberResponseObject, error) {
	return oapi.UpdateNumber200JSONResponse{EnvelopeSuccessJSONResponse: oapi.EnvelopeSuccessJSONResponse{Body: receive[oapi.ErrorEnvelope](h.rec, in)}}, nil
}
