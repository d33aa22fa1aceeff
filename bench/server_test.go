package bench

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
	middleware "github.com/oapi-codegen/nethttp-middleware"

	"github.com/nexmogen/nexmogen/bench/gen/oapi"
	ogenapi "github.com/nexmogen/nexmogen/bench/gen/ogen"
	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// The server benchmarks' requests: a search for a page of 10 (every filter
// set) and a buy, with HTTP Basic credentials, asking for JSON.
const serverSearchQuery = "country=GB&pattern=44&search_pattern=1&features=SMS,VOICE&size=10&index=1&type=mobile-lvn"

var basicAuth = "Basic " + base64.StdEncoding.EncodeToString([]byte(apiKey+":"+apiSecret))

// The pages the handlers answer: the same 10 numbers in each generator's
// models.
var (
	ourPage  = numbers(10)
	oapiPage = func() (p oapi.AvailableNumbers) { mustDecode(mustJSON(ourPage), &p); return p }()
	ogenPage = func() (p ogenapi.AvailableNumbers) { mustDecode(mustJSON(ourPage), &p); return p }()
)

func mustDecode(b []byte, v any) {
	if err := json.Unmarshal(b, v); err != nil {
		panic(err)
	}
}

// ourHandler answers search and buy; the other operations are not called.
type ourHandler struct{ nexmo.Handler }

func (ourHandler) SearchAvailableNumbers(_ context.Context, in *nexmo.SearchAvailableNumbersInput) (nexmo.SearchAvailableNumbersResponse, error) {
	if in.Params.Size != 10 {
		return nil, errors.New("size not bound")
	}
	return nexmo.SearchAvailableNumbers200Response{Body: ourPage}, nil
}

func (ourHandler) BuyNumber(_ context.Context, in *nexmo.BuyNumberInput) (nexmo.BuyNumberResponse, error) {
	if in.Body.MSISDN == "" {
		return nil, errors.New("msisdn not bound")
	}
	return nexmo.BuyNumber200Response{Body: nexmo.ErrorEnvelope{ErrorCode: "200", ErrorCodeLabel: "success"}}, nil
}

// oapiHandler is oapi-codegen's strict server interface for search and buy.
type oapiHandler struct{ oapi.StrictServerInterface }

func (oapiHandler) SearchAvailableNumbers(_ context.Context, in oapi.SearchAvailableNumbersRequestObject) (oapi.SearchAvailableNumbersResponseObject, error) {
	if in.Params.Size == nil || *in.Params.Size != 10 {
		return nil, errors.New("size not bound")
	}
	return oapi.SearchAvailableNumbers200JSONResponse{Body: oapiPage}, nil
}

func (oapiHandler) BuyNumber(_ context.Context, in oapi.BuyNumberRequestObject) (oapi.BuyNumberResponseObject, error) {
	if in.Body == nil || in.Body.Msisdn == "" {
		return nil, errors.New("msisdn not bound")
	}
	return oapi.BuyNumber200JSONResponse{EnvelopeSuccessJSONResponse: oapi.EnvelopeSuccessJSONResponse{
		Body: oapi.ErrorEnvelope{ErrorCode: "200", ErrorCodeLabel: "success"}}}, nil
}

// ogenHandler is ogen's handler for search and buy.
type ogenHandler struct{ ogenapi.UnimplementedHandler }

func (ogenHandler) SearchAvailableNumbers(_ context.Context, p ogenapi.SearchAvailableNumbersParams) (ogenapi.SearchAvailableNumbersRes, error) {
	if p.Size.Value != 10 {
		return nil, errors.New("size not bound")
	}
	return &ogenapi.AvailableNumbersHeaders{Response: ogenPage}, nil
}

func (ogenHandler) BuyNumber(_ context.Context, req *ogenapi.BuyNumberRequest) (ogenapi.BuyNumberRes, error) {
	if req.Msisdn == "" {
		return nil, errors.New("msisdn not bound")
	}
	return &ogenapi.EnvelopeSuccessHeaders{Response: ogenapi.ErrorEnvelope{ErrorMinusCode: "200", ErrorMinusCodeMinusLabel: "success"}}, nil
}

// ogenSecurityHandler accepts the benchmarks' HTTP Basic credentials.
type ogenSecurityHandler struct{}

var errCredentials = errors.New("bad credentials")

func (ogenSecurityHandler) HandleApiKey(ctx context.Context, _ ogenapi.OperationName, t ogenapi.ApiKey) (context.Context, error) {
	if t.APIKey != apiKey {
		return ctx, errCredentials
	}
	return ctx, nil
}

func (ogenSecurityHandler) HandleApiSecret(ctx context.Context, _ ogenapi.OperationName, t ogenapi.ApiSecret) (context.Context, error) {
	if t.APIKey != apiSecret {
		return ctx, errCredentials
	}
	return ctx, nil
}

func (ogenSecurityHandler) HandleBasicAuth(ctx context.Context, _ ogenapi.OperationName, t ogenapi.BasicAuth) (context.Context, error) {
	if t.Username != apiKey || t.Password != apiSecret {
		return ctx, errCredentials
	}
	return ctx, nil
}

// kinAuthenticate is the AuthenticationFunc an oapi-codegen user gives
// kin-openapi's middleware: it checks the query pair or HTTP Basic.
func kinAuthenticate(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	r := in.RequestValidationInput.Request
	switch in.SecuritySchemeName {
	case "basicAuth":
		if u, p, ok := r.BasicAuth(); ok && u == apiKey && p == apiSecret {
			return nil
		}
	case "apiKey":
		if r.URL.Query().Get("api_key") == apiKey {
			return nil
		}
	case "apiSecret":
		if r.URL.Query().Get("api_secret") == apiSecret {
			return nil
		}
	}
	return errCredentials
}

// servers builds the three http.Handlers.
func servers(tb testing.TB) map[string]http.Handler {
	tb.Helper()
	doc, _ := kinRouter(tb)
	validate := middleware.OapiRequestValidatorWithOptions(doc, &middleware.Options{
		Options:               openapi3filter.Options{AuthenticationFunc: kinAuthenticate},
		DoNotValidateServers:  true,
		SilenceServersWarning: true,
	})
	og, err := ogenapi.NewServer(ogenHandler{}, ogenSecurityHandler{})
	if err != nil {
		tb.Fatal(err)
	}
	return map[string]http.Handler{
		"nexmogen":     nexmo.NewServer(ourHandler{}, nexmo.WithBasicAuthVerifier(nexmo.StaticBasic(apiKey, apiSecret))),
		"oapi-codegen": validate(oapi.Handler(oapi.NewStrictHandler(oapiHandler{}, nil))),
		"ogen":         og,
	}
}

// sink is a reusable http.ResponseWriter that keeps the status and counts
// the body.
type sink struct {
	header http.Header
	status int
	body   strings.Builder
}

func (s *sink) Header() http.Header { return s.header }

func (s *sink) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
}

func (s *sink) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.body.Write(b)
}

func (s *sink) reset() {
	clear(s.header)
	s.status = 0
	s.body.Reset()
}

// requestMaker makes the same request over and over, cheaply: the URL is
// parsed once, and each request gets its own copy, headers and body.
type requestMaker struct {
	method string
	url    url.URL
	form   string
}

func newRequestMaker(method, target, form string) *requestMaker {
	u, err := url.Parse(target)
	if err != nil {
		panic(err)
	}
	return &requestMaker{method: method, url: *u, form: form}
}

func (m *requestMaker) make() *http.Request {
	u := m.url
	r := &http.Request{
		Method: m.method, URL: &u, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:     http.Header{"Authorization": {basicAuth}, "Accept": {"application/json"}},
		Host:       u.Host,
		RemoteAddr: "127.0.0.1:40000",
		RequestURI: u.RequestURI(),
		Body:       http.NoBody,
	}
	if m.form != "" {
		r.Header["Content-Type"] = []string{"application/x-www-form-urlencoded"}
		r.Body = ioNopCloser{strings.NewReader(m.form)}
		r.ContentLength = int64(len(m.form))
	}
	return r
}

type ioNopCloser struct{ *strings.Reader }

func (ioNopCloser) Close() error { return nil }

var serverRequests = map[string]*requestMaker{
	"search": newRequestMaker(http.MethodGet, baseURL+"/number/search?"+serverSearchQuery, ""),
	"buy":    newRequestMaker(http.MethodPost, baseURL+"/number/buy", buyForm),
}

// BenchmarkServe is ServeHTTP of each generated server, from a request to
// the written answer: route, authenticate, bind, validate, call the handler,
// encode JSON. oapi-codegen's strict std-http server runs behind kin-openapi's
// validation middleware (oapi-codegen/nethttp-middleware, router built once).
func BenchmarkServe(b *testing.B) {
	hs := servers(b)
	for _, op := range []string{"search", "buy"} {
		for _, impl := range []string{"nexmogen", "oapi-codegen", "ogen"} {
			b.Run(op+"/"+impl, func(b *testing.B) {
				h, m := hs[impl], serverRequests[op]
				w := &sink{header: http.Header{}}
				loop(b, func() error {
					w.reset()
					h.ServeHTTP(w, m.make())
					if w.status != http.StatusOK {
						return fmt.Errorf("status %d: %s", w.status, w.body.String())
					}
					return nil
				})
			})
		}
	}
}

// TestServersAnswer checks each server answers the benchmarks' requests with
// 200 and the expected body, and refuses an invalid one with 400.
func TestServersAnswer(t *testing.T) {
	for impl, h := range servers(t) {
		for op, m := range serverRequests {
			w := &sink{header: http.Header{}}
			h.ServeHTTP(w, m.make())
			want := `"error-code":"200"`
			if op == "search" {
				want = `"msisdn":"447700900009"`
			}
			if w.status != http.StatusOK || !strings.Contains(w.body.String(), want) {
				t.Errorf("%s %s: %d %s", impl, op, w.status, w.body.String())
			}
		}
		bad := newRequestMaker(http.MethodGet, baseURL+"/number/search?"+strings.Replace(serverSearchQuery, "size=10", "size=101", 1), "")
		w := &sink{header: http.Header{}}
		h.ServeHTTP(w, bad.make())
		if w.status != http.StatusBadRequest {
			t.Errorf("%s: size=101 answered %d %s", impl, w.status, w.body.String())
		}
	}
}
