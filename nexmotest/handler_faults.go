package nexmotest

import (
	"errors"
	"net/http"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// errInjected is the error behind an injected 500; the server stubs answer
// it with their bare 500 envelope.
var errInjected = errors.New("nexmotest: injected server error (FailNext)")

// throttle answers the fault due, if one is (ok): a 500 as errInjected, a
// 429 built by make429 from the envelope, the Retry-After and a request id.
func throttle[R any](h handler, make429 func(env nexmo.ErrorEnvelope, retryAfter *int, id string) R) (resp R, ok bool, err error) {
	fault, due := h.f.takeFault()
	switch {
	case !due:
		return resp, false, nil
	case fault.Status == http.StatusInternalServerError:
		return resp, true, errInjected
	}
	retryAfter := fault.RetryAfter
	env := nexmo.ErrorEnvelope{ErrorCode: "429", ErrorCodeLabel: "too many requests"}
	return make429(env, &retryAfter, h.requestID()), true, nil
}

// The 429 answers of each operation, under its own XML root.

func balance429(e nexmo.ErrorEnvelope, ra *int, id string) nexmo.GetBalanceResponse {
	return nexmo.GetBalance429Response{Body: nexmo.BalanceError(e), RetryAfter: ra, XRequestID: id}
}

func pricing429(e nexmo.ErrorEnvelope, ra *int, id string) nexmo.GetOutboundPricingResponse {
	return nexmo.GetOutboundPricing429Response{Body: nexmo.PricingError(e), RetryAfter: ra, XRequestID: id}
}

func pricingByType429(e nexmo.ErrorEnvelope, ra *int, id string) nexmo.GetOutboundPricingByTypeResponse {
	return nexmo.GetOutboundPricingByType429Response{Body: nexmo.PricingByTypeError(e), RetryAfter: ra, XRequestID: id}
}

func settings429(e nexmo.ErrorEnvelope, ra *int, id string) nexmo.UpdateSettingsResponse {
	return nexmo.UpdateSettings429Response{Body: nexmo.SettingsError(e), RetryAfter: ra, XRequestID: id}
}

func list429(e nexmo.ErrorEnvelope, ra *int, id string) nexmo.ListOwnedNumbersResponse {
	return nexmo.ListOwnedNumbers429Response{Body: nexmo.NumbersError(e), RetryAfter: ra, XRequestID: id}
}

func search429(e nexmo.ErrorEnvelope, ra *int, id string) nexmo.SearchAvailableNumbersResponse {
	return nexmo.SearchAvailableNumbers429Response{Body: nexmo.NumbersError(e), RetryAfter: ra, XRequestID: id}
}

func buy429(e nexmo.ErrorEnvelope, ra *int, id string) nexmo.BuyNumberResponse {
	return nexmo.BuyNumber429Response{Body: e, RetryAfter: ra, XRequestID: id}
}

func cancel429(e nexmo.ErrorEnvelope, ra *int, id string) nexmo.CancelNumberResponse {
	return nexmo.CancelNumber429Response{Body: e, RetryAfter: ra, XRequestID: id}
}

func topUp429(e nexmo.ErrorEnvelope, ra *int, id string) nexmo.TopUpResponse {
	return nexmo.TopUp429Response{Body: e, RetryAfter: ra, XRequestID: id}
}

func update429(e nexmo.ErrorEnvelope, ra *int, id string) nexmo.UpdateNumberResponse {
	return nexmo.UpdateNumber429Response{Body: e, RetryAfter: ra, XRequestID: id}
}
