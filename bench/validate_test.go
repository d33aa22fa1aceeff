package bench

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/nexmogen/nexmogen/generated/nexmo"
	"github.com/nexmogen/nexmogen/spec"
)

// The valid inputs every validation and server benchmark uses: a search with
// every filter set, and a buy.
const (
	searchQuery = "country=GB&pattern=44&search_pattern=1&features=SMS,VOICE&size=100&index=1&type=mobile-lvn"
	buyForm     = "country=GB&msisdn=447700900000"
	credentials = "api_key=abcd1234&api_secret=Secret123"
)

// searchParams is searchQuery, bound.
var searchParams = nexmo.SearchAvailableNumbersParams{
	Country:       "GB",
	Pattern:       "44",
	SearchPattern: nexmo.SearchPatternAnywhere,
	Features:      []nexmo.Feature{nexmo.FeatureSMS, nexmo.FeatureVoice},
	Size:          100,
	Index:         1,
	Type:          nexmo.NumberTypeMobileLVN,
}

// buyBody is buyForm, bound.
var buyBody = nexmo.BuyNumberRequest{Country: "GB", MSISDN: "447700900000"}

// kin is spec/nexmo.yaml loaded by kin-openapi, and its router, built once.
var kin struct {
	once   sync.Once
	doc    *openapi3.T
	router routers.Router
	err    error
}

// kinRouter loads the spec and builds the router on first use.
func kinRouter(tb testing.TB) (*openapi3.T, routers.Router) {
	tb.Helper()
	kin.once.Do(func() {
		kin.doc, kin.err = openapi3.NewLoader().LoadFromData(spec.YAML)
		if kin.err == nil {
			kin.err = kin.doc.Validate(context.Background())
		}
		if kin.err == nil {
			kin.router, kin.err = gorillamux.NewRouter(kin.doc)
		}
	})
	if kin.err != nil {
		tb.Fatal(kin.err)
	}
	return kin.doc, kin.router
}

// kinInput is the openapi3filter input for req, its route found once.
func kinInput(tb testing.TB, req *http.Request) *openapi3filter.RequestValidationInput {
	tb.Helper()
	_, router := kinRouter(tb)
	route, params, err := router.FindRoute(req)
	if err != nil {
		tb.Fatal(err)
	}
	return &openapi3filter.RequestValidationInput{
		Request:    req,
		PathParams: params,
		Route:      route,
		Options:    &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
	}
}

func searchRequest() *http.Request {
	req, _ := http.NewRequest(http.MethodGet, "https://rest.nexmo.com/number/search?"+credentials+"&"+searchQuery, nil)
	return req
}

func buyRequest() *http.Request {
	req, _ := http.NewRequest(http.MethodPost, "https://rest.nexmo.com/number/buy?"+credentials, strings.NewReader(buyForm))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}

// BenchmarkValidate compares the generated validators with kin-openapi's
// openapi3filter.ValidateRequest (what oapi-codegen's middleware runs) on the
// same valid requests. kin-openapi's router and route are found once, outside
// the loop; its figure includes parsing the query or form, which ours gets
// already bound (binding is in the server benchmarks).
func BenchmarkValidate(b *testing.B) {
	ctx := context.Background()
	b.Run("search/nexmogen", func(b *testing.B) {
		p := searchParams
		start := cpuNow()
		for b.Loop() {
			if err := p.Validate(); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, start, cpuNow())
	})
	b.Run("search/openapi3filter", func(b *testing.B) {
		in := kinInput(b, searchRequest())
		loop(b, func() error { return openapi3filter.ValidateRequest(ctx, in) })
	})
	b.Run("buy/nexmogen", func(b *testing.B) {
		body := buyBody
		start := cpuNow()
		for b.Loop() {
			if err := body.Validate(); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, start, cpuNow())
	})
	b.Run("buy/openapi3filter", func(b *testing.B) {
		req := buyRequest()
		in := kinInput(b, req)
		form := []byte(buyForm)
		r := bytes.NewReader(form)
		loop(b, func() error {
			r.Reset(form)
			req.Body = io.NopCloser(r)
			return openapi3filter.ValidateRequest(ctx, in)
		})
	})
}

// TestValidatorsAgree checks that both sides accept the benchmarks' inputs
// and reject the same broken ones, so the figures compare like with like.
func TestValidatorsAgree(t *testing.T) {
	ctx := context.Background()
	if err := openapi3filter.ValidateRequest(ctx, kinInput(t, searchRequest())); err != nil {
		t.Fatalf("openapi3filter rejects the search: %v", err)
	}
	if err := openapi3filter.ValidateRequest(ctx, kinInput(t, buyRequest())); err != nil {
		t.Fatalf("openapi3filter rejects the buy: %v", err)
	}
	p := searchParams
	if err := p.Validate(); err != nil {
		t.Fatalf("nexmogen rejects the search: %v", err)
	}
	p.Size = 101
	if p.Validate() == nil {
		t.Fatal("nexmogen accepts size=101")
	}
	bad, _ := http.NewRequest(http.MethodGet, "https://rest.nexmo.com/number/search?"+credentials+"&"+strings.Replace(searchQuery, "size=100", "size=101", 1), nil)
	if openapi3filter.ValidateRequest(ctx, kinInput(t, bad)) == nil {
		t.Fatal("openapi3filter accepts size=101")
	}
	body := buyBody
	body.MSISDN = "44x"
	if body.Validate() == nil {
		t.Fatal("nexmogen accepts msisdn=44x")
	}
}

// TestValidatorsAllocateNothing is the goal "zero allocations on valid input".
func TestValidatorsAllocateNothing(t *testing.T) {
	p, body := searchParams, buyBody
	if n := testing.AllocsPerRun(100, func() { _ = p.Validate() }); n != 0 {
		t.Errorf("SearchAvailableNumbersParams.Validate: %v allocs", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = body.Validate() }); n != 0 {
		t.Errorf("BuyNumberRequest.Validate: %v allocs", n)
	}
}
