package bench

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/ogen-go/ogen/ogenerrors"

	"github.com/nexmogen/nexmogen/bench/gen/oapi"
	ogenapi "github.com/nexmogen/nexmogen/bench/gen/ogen"
	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// BenchmarkDecode decodes the same 100-number page into each generator's
// models: encoding/json and encoding/xml for ours and oapi-codegen's, ogen's
// generated jx decoder. oapi-codegen's models carry no xml tags, so its XML
// figure decodes (almost) nothing (TestDecodersFill shows it); ogen has no
// XML at all.
func BenchmarkDecode(b *testing.B) {
	b.Run("json/nexmogen", func(b *testing.B) {
		loop(b, func() error {
			var v nexmo.AvailableNumbers
			return json.Unmarshal(listJSON, &v)
		})
	})
	b.Run("json/oapi-codegen", func(b *testing.B) {
		loop(b, func() error {
			var v oapi.AvailableNumbers
			return json.Unmarshal(listJSON, &v)
		})
	})
	b.Run("json/ogen", func(b *testing.B) {
		loop(b, func() error {
			var v ogenapi.AvailableNumbers
			return v.UnmarshalJSON(listJSON)
		})
	})
	b.Run("xml/nexmogen", func(b *testing.B) {
		loop(b, func() error {
			var v nexmo.AvailableNumbers
			return xml.Unmarshal(listXML, &v)
		})
	})
	b.Run("xml/oapi-codegen", func(b *testing.B) {
		loop(b, func() error {
			var v oapi.AvailableNumbers
			return xml.Unmarshal(listXML, &v)
		})
	})
}

// The three clients, each over a fixedTransport, authenticating with HTTP
// Basic (oapi-codegen generates no authentication: a request editor adds it).

func ourClient(tb testing.TB, t *fixedTransport, opts ...nexmo.Option) *nexmo.Client {
	opts = append([]nexmo.Option{nexmo.WithBaseURL(baseURL), nexmo.WithHTTPClient(&http.Client{Transport: t})}, opts...)
	c, err := nexmo.NewClient(apiKey, apiSecret, opts...)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func oapiClient(tb testing.TB, t *fixedTransport) *oapi.ClientWithResponses {
	c, err := oapi.NewClientWithResponses(baseURL,
		oapi.WithHTTPClient(&http.Client{Transport: t}),
		oapi.WithRequestEditorFn(func(_ context.Context, req *http.Request) error {
			req.SetBasicAuth(apiKey, apiSecret)
			return nil
		}))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// ogenSecurity sends HTTP Basic only.
type ogenSecurity struct{}

func (ogenSecurity) ApiKey(context.Context, ogenapi.OperationName) (ogenapi.ApiKey, error) {
	return ogenapi.ApiKey{}, ogenerrors.ErrSkipClientSecurity
}

func (ogenSecurity) ApiSecret(context.Context, ogenapi.OperationName) (ogenapi.ApiSecret, error) {
	return ogenapi.ApiSecret{}, ogenerrors.ErrSkipClientSecurity
}

func (ogenSecurity) BasicAuth(context.Context, ogenapi.OperationName) (ogenapi.BasicAuth, error) {
	return ogenapi.BasicAuth{Username: apiKey, Password: apiSecret}, nil
}

func ogenClient(tb testing.TB, t *fixedTransport) *ogenapi.Client {
	c, err := ogenapi.NewClient(baseURL, ogenSecurity{}, ogenapi.WithClient(&http.Client{Transport: t}))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// The calls: a search with every filter answered by 100 numbers, and a buy
// answered by the success envelope; each checks its result.

func ourSearch(c *nexmo.Client) error {
	page, err := c.SearchAvailableNumbers(context.Background(), searchParams)
	if err == nil && len(page.Numbers) != 100 {
		err = errors.New("not 100 numbers")
	}
	return err
}

var oapiSearchParams = func() oapi.SearchAvailableNumbersParams {
	pattern, sp, size, index, typ := "44", oapi.SearchPattern(1), 100, 1, oapi.NumberType("mobile-lvn")
	features := oapi.Features{"SMS", "VOICE"}
	return oapi.SearchAvailableNumbersParams{Country: "GB", Pattern: &pattern, SearchPattern: &sp,
		Features: &features, Size: &size, Index: &index, Type: &typ}
}()

func oapiSearch(c *oapi.ClientWithResponses) error {
	p := oapiSearchParams
	resp, err := c.SearchAvailableNumbersWithResponse(context.Background(), &p)
	if err == nil && (resp.JSON200 == nil || resp.JSON200.Numbers == nil || len(*resp.JSON200.Numbers) != 100) {
		err = errors.New("not 100 numbers")
	}
	return err
}

var ogenSearchParams = ogenapi.SearchAvailableNumbersParams{
	Country:       "GB",
	Pattern:       ogenapi.NewOptString("44"),
	SearchPattern: ogenapi.NewOptSearchPattern(ogenapi.SearchPattern1),
	Features:      []ogenapi.Feature{ogenapi.FeatureSMS, ogenapi.FeatureVOICE},
	Size:          ogenapi.NewOptInt(100),
	Index:         ogenapi.NewOptInt(1),
	Type:          ogenapi.NewOptNumberType(ogenapi.NumberTypeMobileLvn),
}

func ogenSearch(c *ogenapi.Client) error {
	res, err := c.SearchAvailableNumbers(context.Background(), ogenSearchParams)
	if err != nil {
		return err
	}
	if page, ok := res.(*ogenapi.AvailableNumbersHeaders); !ok || len(page.Response.Numbers) != 100 {
		return errors.New("not 100 numbers")
	}
	return nil
}

func ourBuy(c *nexmo.Client) error {
	_, err := c.BuyNumber(context.Background(), buyBody)
	return err
}

func oapiBuy(c *oapi.ClientWithResponses) error {
	resp, err := c.BuyNumberWithFormdataBodyWithResponse(context.Background(),
		oapi.BuyNumberRequest{Country: "GB", Msisdn: "447700900000"})
	if err == nil && (resp.JSON200 == nil || resp.JSON200.ErrorCode != "200") {
		err = errors.New("not a success")
	}
	return err
}

func ogenBuy(c *ogenapi.Client) error {
	res, err := c.BuyNumber(context.Background(), &ogenapi.BuyNumberRequest{Country: "GB", Msisdn: "447700900000"})
	if err != nil {
		return err
	}
	if env, ok := res.(*ogenapi.EnvelopeSuccessHeaders); !ok || env.Response.ErrorMinusCode != "200" {
		return errors.New("not a success")
	}
	return nil
}

// BenchmarkClientCall is a whole call through each generated client: encode
// the parameters or form, build the request, authenticate, "send" it through
// an in-memory transport, check the status and decode the answer.
func BenchmarkClientCall(b *testing.B) {
	search := &fixedTransport{contentType: "application/json", body: listJSON}
	buy := &fixedTransport{contentType: "application/json", body: envelopeJSON}
	calls := []struct {
		name string
		call func(b *testing.B) func() error
	}{
		{"search/nexmogen", func(b *testing.B) func() error {
			c := ourClient(b, search)
			return func() error { return ourSearch(c) }
		}},
		{"search/oapi-codegen", func(b *testing.B) func() error {
			c := oapiClient(b, search)
			return func() error { return oapiSearch(c) }
		}},
		{"search/ogen", func(b *testing.B) func() error {
			c := ogenClient(b, search)
			return func() error { return ogenSearch(c) }
		}},
		{"buy/nexmogen", func(b *testing.B) func() error { c := ourClient(b, buy); return func() error { return ourBuy(c) } }},
		{"buy/oapi-codegen", func(b *testing.B) func() error { c := oapiClient(b, buy); return func() error { return oapiBuy(c) } }},
		{"buy/ogen", func(b *testing.B) func() error { c := ogenClient(b, buy); return func() error { return ogenBuy(c) } }},
	}
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			loop(b, c.call(b))
		})
	}
}

// TestDecodersFill shows what each decoder gets out of the page.
func TestDecodersFill(t *testing.T) {
	var ours nexmo.AvailableNumbers
	if err := json.Unmarshal(listJSON, &ours); err != nil || len(ours.Numbers) != 100 || ours.Numbers[99].Cost == "" {
		t.Fatalf("ours, json: %v %+v", err, ours.Numbers)
	}
	ours = nexmo.AvailableNumbers{}
	if err := xml.Unmarshal(listXML, &ours); err != nil || len(ours.Numbers) != 100 || len(ours.Numbers[99].Features) != 2 {
		t.Fatalf("ours, xml: %v %+v", err, ours.Numbers)
	}
	var o oapi.AvailableNumbers
	if err := json.Unmarshal(listJSON, &o); err != nil || o.Numbers == nil || len(*o.Numbers) != 100 {
		t.Fatalf("oapi-codegen, json: %v", err)
	}
	o = oapi.AvailableNumbers{}
	if err := xml.Unmarshal(listXML, &o); err != nil || o.Numbers != nil || o.Count != nil {
		t.Fatalf("oapi-codegen, xml: %v: expected nothing decoded (no xml tags), got %+v", err, o)
	}
	var g ogenapi.AvailableNumbers
	if err := g.UnmarshalJSON(listJSON); err != nil || len(g.Numbers) != 100 || !g.Numbers[99].Cost.Set {
		t.Fatalf("ogen, json: %v", err)
	}
}

// TestClientsCall runs each benchmarked call once and checks it sent the
// same request: the path, the query filters and HTTP Basic credentials.
func TestClientsCall(t *testing.T) {
	search := &fixedTransport{contentType: "application/json", body: listJSON}
	buy := &fixedTransport{contentType: "application/json", body: envelopeJSON}
	check := func(name string, tr *fixedTransport, err error, path string) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.HasPrefix(tr.lastURL, baseURL+path) || !strings.HasPrefix(tr.lastAuth, "Basic ") {
			t.Errorf("%s: sent %s with %q", name, tr.lastURL, tr.lastAuth)
		}
		if path == "/number/search" {
			for _, want := range []string{"country=GB", "features=SMS%2CVOICE", "size=100", "type=mobile-lvn"} {
				if !strings.Contains(strings.ReplaceAll(tr.lastURL, ",", "%2C"), want) {
					t.Errorf("%s: %s lacks %s", name, tr.lastURL, want)
				}
			}
		}
	}
	check("ours search", search, ourSearch(ourClient(t, search)), "/number/search")
	check("oapi-codegen search", search, oapiSearch(oapiClient(t, search)), "/number/search")
	check("ogen search", search, ogenSearch(ogenClient(t, search)), "/number/search")
	check("ours buy", buy, ourBuy(ourClient(t, buy)), "/number/buy")
	check("oapi-codegen buy", buy, oapiBuy(oapiClient(t, buy)), "/number/buy")
	check("ogen buy", buy, ogenBuy(ogenClient(t, buy)), "/number/buy")
}
