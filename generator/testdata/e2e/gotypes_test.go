package prices_test

import (
	"context"
	"errors"
	"io"
	"math/big"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"gotypes.test/prices"
)

// echo answers every quote with itself.
type echo struct{ prices.UnimplementedHandler }

func (echo) PostQuote(_ context.Context, in *prices.PostQuoteInput) (prices.PostQuoteResponse, error) {
	return prices.PostQuote200Response{Body: in.Body}, nil
}

func serve(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(prices.NewServer(echo{}, prices.WithServerLogger(nil)))
	t.Cleanup(srv.Close)
	return srv
}

// The user's types go through client and server by their own methods.
func TestUserTypesRoundTrip(t *testing.T) {
	srv := serve(t)
	c, err := prices.NewClient(prices.WithBaseURL(srv.URL), prices.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	price, _, _ := big.ParseFloat("1234567.125", 10, 64, big.ToNearestEven)
	discount := big.NewFloat(0.5)
	q := prices.Quote{
		Price:    *price,
		Discount: discount,
		From:     netip.MustParseAddr("192.0.2.7"),
		Via:      []netip.Addr{netip.MustParseAddr("2001:db8::1")},
	}
	got, err := c.PostQuote(t.Context(), q)
	if err != nil {
		var ae *prices.APIError
		errors.As(err, &ae)
		t.Fatalf("%v: %s", err, ae.Body)
	}
	if got.Price.Cmp(price) != 0 || got.Discount == nil || got.Discount.Cmp(discount) != 0 {
		t.Errorf("price %s discount %v, want %s and %s", got.Price.Text('f', 3), got.Discount, price.Text('f', 3), discount)
	}
	if got.From != q.From || len(got.Via) != 1 || got.Via[0] != q.Via[0] {
		t.Errorf("from %v via %v, want %v via %v", got.From, got.Via, q.From, q.Via)
	}
}

// The server refuses what the user's type refuses, and a missing required
// value, with the API's 400; an absent optional one stays nil.
func TestUserTypesOnTheWire(t *testing.T) {
	srv := serve(t)
	for _, tc := range []struct {
		body, want string
		status     int
	}{
		{`{"price":"1.5","from":"192.0.2.1"}`, `"price":"1.5"`, 200},
		{`{"price":"1.5","discount":"0.5","from":"192.0.2.1","via":["2001:db8::1"]}`, `"discount":"0.5"`, 200},
		{`{"price":"1.5","from":"999.0.2.1"}`, "999.0.2.1", 400},
		{`{"price":"lots","from":"192.0.2.1"}`, "lots", 400},
		{`{"price":"1.5"}`, "from", 400},
		{`{"from":"192.0.2.1"}`, "price", 400},
		{`{"price":"1.5","from":"192.0.2.1","via":["192.0.2.2","192.0.2.3","192.0.2.4","192.0.2.5"]}`, `\"via\"`, 400},
	} {
		res, err := srv.Client().Post(srv.URL+"/quotes", "application/json", strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tc.status || !strings.Contains(string(b), tc.want) {
			t.Errorf("%s: %d %s, want %d with %q", tc.body, res.StatusCode, b, tc.status, tc.want)
		}
		if tc.status == 200 && !strings.Contains(tc.body, "discount") && strings.Contains(string(b), "discount") {
			t.Errorf("%s: an absent discount is sent back: %s", tc.body, b)
		}
	}
}

// The client's validation keeps the rules an array of them has.
func TestUserTypesClientRules(t *testing.T) {
	c, err := prices.NewClient(prices.WithBaseURL("http://127.0.0.1:1"))
	if err != nil {
		t.Fatal(err)
	}
	a := netip.MustParseAddr("192.0.2.9")
	_, err = c.PostQuote(t.Context(), prices.Quote{From: a, Via: []netip.Addr{a, a, a, a}})
	if !errors.Is(err, prices.ErrInvalidInput) {
		t.Fatalf("4 vias: %v, want ErrInvalidInput", err)
	}
}
