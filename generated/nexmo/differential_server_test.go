package nexmo

// The generated server's binding and validators against openapi3filter on
// raw wire values: any parameter value and form field, present or not.
// The server's verdict is its status: 400 refuses; 501 (the
// UnimplementedHandler reached) accepts. kin-openapi judges the very same
// request.
//
// Intended differences, pinned by TestServerAgainstKin: a parameter given
// twice with different values, and an explode: false array sent in the
// exploded form (features=SMS&features=VOICE), are refused by the server
// (which value was meant is not knowable, and a filter that picks one
// invites parameter pollution); kin-openapi takes the first value, or
// either form.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// wireOps are the nine operations with validated inputs and the wire
// names of their inputs, in the order the fuzzed values fill them. A
// {name} in the path is filled by that input.
var wireOps = []struct {
	method, path string
	form         bool
	names        []string
}{
	{http.MethodGet, "/number/search", false, []string{"country", "index", "size", "pattern", "search_pattern", "features", "type"}},
	{http.MethodGet, "/account/numbers", false, []string{"index", "size", "pattern", "search_pattern", "application_id", "has_application", "country"}},
	{http.MethodGet, "/account/get-pricing/outbound", false, []string{"country"}},
	{http.MethodPost, "/number/buy", true, []string{"country", "msisdn"}},
	{http.MethodPost, "/account/settings", true, []string{"newSecret", "moCallBackUrl", "drCallBackUrl"}},
	{http.MethodPost, "/number/update", true, []string{"country", "msisdn", "app_id", "moHttpUrl", "voiceCallbackType", "voiceCallbackValue", "voiceStatusCallback"}},
	{http.MethodGet, "/account/get-pricing/outbound/{type}", false, []string{"type", "country"}},
	{http.MethodPost, "/number/cancel", true, []string{"country", "msisdn"}},
	{http.MethodPost, "/account/top-up", true, []string{"trx"}},
}

// wireServer is the generated server with a handler that implements
// nothing: a request that passes binding and validation gets 501.
var wireServer = NewServer(UnimplementedHandler{},
	WithBasicAuthVerifier(BasicVerifier(func(context.Context, string, Secret) error { return nil })),
	WithServerLogger(nil))

// wireCall builds one operation's call from values: the i-th value fills
// the i-th name when bit i of present is set.
func wireCall(op int, present uint8, values []string) diffCall {
	o := wireOps[op%len(wireOps)]
	v := url.Values{}
	for i, name := range o.names {
		if present&(1<<i) != 0 && i < len(values) {
			v.Set(name, values[i])
		}
	}
	c := diffCall{method: o.method, path: o.path, query: v}
	if strings.Contains(o.path, "{type}") {
		c.path = strings.Replace(o.path, "{type}", url.PathEscape(v.Get("type")), 1)
		c.opID = "getOutboundPricingByType"
		v.Del("type")
	}
	if o.form {
		c.query, c.form = nil, v
	}
	return c
}

// serverVerdict is the generated server's verdict: nil when the handler was
// reached, an error naming the status otherwise.
func serverVerdict(t *testing.T, c diffCall) error {
	t.Helper()
	q := url.Values{"api_key": {"abcd1234"}, "api_secret": {"Abcdef123456"}}
	for k, v := range c.query {
		q[k] = v
	}
	target := c.path + "?" + q.Encode()
	var req *http.Request
	if c.form != nil {
		req = httptest.NewRequest(c.method, target, strings.NewReader(c.form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(c.method, target, nil)
	}
	w := httptest.NewRecorder()
	wireServer.ServeHTTP(w, req)
	switch {
	case w.Code == http.StatusNotImplemented:
		return nil
	case w.Code == http.StatusBadRequest:
		return &ValidationError{Rule: "400", Value: w.Body.String()}
	case c.opID != "" && w.Code < 500:
		// Not routed to the operation meant (an empty or slashed path
		// parameter): refused, as kin-openapi refuses it.
		return &ValidationError{Rule: strconv.Itoa(w.Code), Value: w.Body.String()}
	}
	t.Fatalf("%s %s: status %d, neither accepted (501) nor refused (400): %s", c.method, target, w.Code, w.Body)
	return nil
}

// wireAgree fails the test when the server and kin-openapi disagree.
func wireAgree(t *testing.T, c diffCall) bool {
	t.Helper()
	ours := serverVerdict(t, c)
	theirs := diffKinVerdict(t, c)
	if (ours == nil) != (theirs == nil) {
		t.Errorf("server and kin disagree on %s %s query=%q form=%q\n  server: %v\n  kin:    %v",
			c.method, c.path, c.query.Encode(), c.form.Encode(), ours, theirs)
	}
	return ours == nil
}

func FuzzServerAgainstKin(f *testing.F) {
	f.Add(0, uint8(0x7f), "GB", "1", "10", "447", "0", "SMS,VOICE", "mobile-lvn")
	f.Add(1, uint8(0x3f), "2", "100", "", "2", "app", "true", "CA")
	f.Add(2, uint8(1), "US", "", "", "", "", "", "")
	f.Add(3, uint8(3), "GB", "447700900000", "", "", "", "", "")
	f.Add(4, uint8(7), "Abcdef12", "", "https://example.com", "", "", "", "")
	f.Add(5, uint8(0x7f), "GB", "447700900000", "app-1", "", "sip", "sip:a@b", "")
	f.Add(6, uint8(3), "voice", "GB", "", "", "", "", "")
	f.Add(7, uint8(3), "GB", "447700900000", "", "", "", "", "")
	f.Add(8, uint8(1), "trx-1", "", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, op int, present uint8, a, b, c, d, e, g, h string) {
		if op < 0 {
			op = -op
		}
		wireAgree(t, wireCall(op, present, []string{a, b, c, d, e, g, h}))
	})
}

// wireCases are raw wire values at the edges of the binding: number
// syntax, booleans, empty values, repeated parameters.
var wireCases = []struct {
	call   diffCall
	accept bool
	// differs marks a difference: kin-openapi decides otherwise.
	differs bool
}{
	{wireQuery("/number/search", "country", "GB"), true, false},
	{wireQuery("/number/search", "country", "GB", "index", "+5"), true, false},
	{wireQuery("/number/search", "country", "GB", "index", "01"), true, false},
	{wireQuery("/number/search", "country", "GB", "index", ""), false, false},
	{wireQuery("/number/search", "country", "GB", "index", "1e3"), false, false},
	{wireQuery("/number/search", "country", "GB", "index", "1.0"), false, false},
	{wireQuery("/number/search", "country", "GB", "index", " 1"), false, false},
	{wireQuery("/number/search", "country", "GB", "index", "99999999999999999999"), false, false},
	{wireQuery("/number/search", "country", "GB", "features", "SMS,,VOICE"), false, false},
	// "features=" is an empty array (OpenAPI's form style), which
	// minItems 1 refuses, as kin-openapi does.
	{wireQuery("/number/search", "country", "GB", "features", ""), false, false},
	{wireQuery("/number/search", "country", "GB", "features", "SMS,SMS"), false, false},
	{wireQuery("/number/search", "country", "GB", "pattern", ""), false, false},
	{wireQuery("/number/search", "country", "gb"), false, false},
	{wireQuery("/number/search", "country", "GB", "country", "GB"), true, false},
	{wireQuery("/number/search", "country", "GB", "country", "FR"), false, true},
	{wireQuery("/number/search", "country", "GB", "size", "5", "size", "6"), false, true},
	{wireQuery("/number/search", "country", "GB", "features", "SMS", "features", "VOICE"), false, true},
	{wireQuery("/account/numbers", "has_application", "true"), true, false},
	{wireQuery("/account/numbers", "has_application", "1"), true, false},
	{wireQuery("/account/numbers", "has_application", "TRUE"), true, false},
	{wireQuery("/account/numbers", "has_application", ""), false, false},
	{wireQuery("/account/numbers", "has_application", "yes"), false, false},
	{wireForm("/number/buy", "country", "GB", "msisdn", "447700900000"), true, false},
	{wireCall(6, 3, []string{"sms", "GB"}), true, false},
	{wireCall(6, 3, []string{"mms", "GB"}), false, false},
	{wireCall(6, 3, []string{"", "GB"}), false, false},
	{wireCall(6, 3, []string{"sms/x", "GB"}), false, false},
	{wireForm("/number/cancel", "country", "GB", "msisdn", "447700900000"), true, false},
	{wireForm("/account/top-up", "trx", ""), false, false},
	{wireForm("/number/buy", "country", "GB", "country", "GB", "msisdn", "447700900000"), true, false},
	{wireForm("/number/buy", "country", "GB", "msisdn", "447700900000", "extra", "x"), true, false},
	{wireForm("/number/buy", "country", "GB", "msisdn", ""), false, false},
	{wireForm("/account/settings", "moCallBackUrl", ""), true, false},
	{wireForm("/account/settings", "newSecret", "abc"), false, false},
	{wireForm("/number/update", "country", "GB", "msisdn", "447700900000", "voiceCallbackType", ""), false, false},
}

// wireQuery is a GET with the query pairs given.
func wireQuery(path string, pairs ...string) diffCall {
	return diffCall{method: http.MethodGet, path: path, query: wireValues(pairs)}
}

// wireForm is a POST with the form pairs given.
func wireForm(path string, pairs ...string) diffCall {
	return diffCall{method: http.MethodPost, path: path, form: wireValues(pairs)}
}

func wireValues(pairs []string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Add(pairs[i], pairs[i+1])
	}
	return v
}

func TestServerAgainstKin(t *testing.T) {
	for i, c := range wireCases {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			ours := serverVerdict(t, c.call)
			theirs := diffKinVerdict(t, c.call)
			if (ours == nil) != c.accept {
				t.Errorf("%s %q%q: server accepted=%v, want %v (%v)", c.call.path, c.call.query.Encode(), c.call.form.Encode(), ours == nil, c.accept, ours)
			}
			if kinAccepts := c.accept != c.differs; (theirs == nil) != kinAccepts {
				t.Errorf("%s %q%q: kin accepted=%v, want %v (%v)", c.call.path, c.call.query.Encode(), c.call.form.Encode(), theirs == nil, kinAccepts, theirs)
			}
		})
	}
}
