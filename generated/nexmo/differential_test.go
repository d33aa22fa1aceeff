package nexmo

// The generated validators against kin-openapi's openapi3filter as the
// oracle. Both judge the same call: the struct is validated the way the
// client does it (ApplyDefaults where the type has it, then Validate), and
// the request kin-openapi judges is the one the client would send for that
// struct (encodeQuery / encodeForm: absent optional fields are left out),
// routed by kin-openapi's own router over the embedded spec. Authentication
// is accepted: it is not what is compared.
//
// One intended difference: an item of a comma-separated query array that
// itself holds a comma ([]Feature{"SMS,VOICE"}). Its wire form is the same
// as that of two items, which kin-openapi judges; the struct's item is no
// enum value, and the client refuses it rather than send what the server
// would read as something else. Such calls are checked for refusal only.

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/nexmogen/nexmogen/spec"
)

// diffOracle is kin-openapi's router over the embedded spec, built once.
var diffOracle = sync.OnceValues(func() (routers.Router, error) {
	doc, err := openapi3.NewLoader().LoadFromData(spec.YAML)
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, err
	}
	return legacy.NewRouter(doc)
})

// diffCall is one call as the client would put it on the wire.
type diffCall struct {
	method, path string
	query, form  url.Values
	// ours is the generated validator's verdict on the struct.
	ours error
	// opID is the operation meant; kin-openapi routing elsewhere refuses.
	opID string
	// ambiguous marks a call whose wire form stands for another value (an
	// array item holding the delimiter): see the file comment.
	ambiguous bool
}

// diffKinVerdict is openapi3filter's verdict on the call.
func diffKinVerdict(t *testing.T, r diffCall) error {
	t.Helper()
	router, err := diffOracle()
	if err != nil {
		t.Fatal(err)
	}
	q := url.Values{"api_key": {"abcd1234"}, "api_secret": {"Abcdef123456"}}
	for k, v := range r.query {
		q[k] = v
	}
	var req *http.Request
	target := "https://rest.nexmo.com" + r.path + "?" + q.Encode()
	if r.form != nil {
		req, err = http.NewRequest(r.method, target, strings.NewReader(r.form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req, err = http.NewRequest(r.method, target, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	route, params, err := router.FindRoute(req)
	if err != nil {
		// No operation takes the request (a path parameter that is no
		// path segment): a refusal. The table's accepted cases prove the
		// routes themselves.
		return err
	}
	if r.opID != "" && route.Operation.OperationID != r.opID {
		// An empty path parameter makes another operation's path: not
		// the call that was meant.
		return fmt.Errorf("routed to %s, not %s", route.Operation.OperationID, r.opID)
	}
	return openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{
		Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{
			AuthenticationFunc: func(context.Context, *openapi3filter.AuthenticationInput) error { return nil },
		},
	})
}

// diffDefaulter is a struct with an ApplyDefaults method.
type diffDefaulter interface{ ApplyDefaults() }

// diffValidator is a struct with a Validate method.
type diffValidator interface{ Validate() error }

// diffJudge validates x the client's way: defaults first, when it has them.
func diffJudge(x diffValidator) error {
	if d, ok := x.(diffDefaulter); ok {
		d.ApplyDefaults()
	}
	return x.Validate()
}

func diffSearch(p SearchAvailableNumbersParams) diffCall {
	ambiguous := slices.ContainsFunc(p.Features, func(f Feature) bool { return strings.Contains(string(f), ",") })
	ours := diffJudge(&p)
	return diffCall{method: http.MethodGet, path: "/number/search", query: p.encodeQuery(), ours: ours, ambiguous: ambiguous}
}

func diffList(p ListOwnedNumbersParams) diffCall {
	ours := diffJudge(&p)
	return diffCall{method: http.MethodGet, path: "/account/numbers", query: p.encodeQuery(), ours: ours}
}

func diffPricing(p GetOutboundPricingParams) diffCall {
	ours := diffJudge(&p)
	return diffCall{method: http.MethodGet, path: "/account/get-pricing/outbound", query: p.encodeQuery(), ours: ours}
}

func diffPricingByType(p GetOutboundPricingByTypeParams) diffCall {
	ours := diffJudge(&p)
	return diffCall{method: http.MethodGet, path: "/account/get-pricing/outbound/" + url.PathEscape(string(p.Type)), query: p.encodeQuery(), ours: ours, opID: "getOutboundPricingByType"}
}

func diffCancel(b CancelNumberRequest) diffCall {
	ours := diffJudge(&b)
	return diffCall{method: http.MethodPost, path: "/number/cancel", form: b.encodeForm(), ours: ours}
}

func diffTopUp(b TopUpRequest) diffCall {
	ours := diffJudge(&b)
	return diffCall{method: http.MethodPost, path: "/account/top-up", form: b.encodeForm(), ours: ours}
}

func diffBuy(b BuyNumberRequest) diffCall {
	ours := diffJudge(&b)
	return diffCall{method: http.MethodPost, path: "/number/buy", form: b.encodeForm(), ours: ours}
}

func diffSettings(b SettingsRequest) diffCall {
	ours := diffJudge(&b)
	return diffCall{method: http.MethodPost, path: "/account/settings", form: b.encodeForm(), ours: ours}
}

func diffUpdate(b UpdateNumberRequest) diffCall {
	ours := diffJudge(&b)
	return diffCall{method: http.MethodPost, path: "/number/update", form: b.encodeForm(), ours: ours}
}

// diffAgree fails the test when the two verdicts differ, and returns whether
// the call was accepted.
func diffAgree(t *testing.T, name string, r diffCall) bool {
	t.Helper()
	if r.ambiguous {
		if r.ours == nil {
			t.Errorf("%s: accepted an array item holding the delimiter: %q", name, r.query.Encode())
		}
		return false
	}
	theirs := diffKinVerdict(t, r)
	if (r.ours == nil) != (theirs == nil) {
		t.Errorf("%s: disagreement on %s %s query=%q form=%q\n  ours: %v\n  kin:  %v",
			name, r.method, r.path, r.query.Encode(), r.form.Encode(), r.ours, theirs)
	}
	return r.ours == nil
}
