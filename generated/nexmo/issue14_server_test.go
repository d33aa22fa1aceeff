package nexmo_test

// Regression tests of issue 14 (server side), one per item, named after it.

import (
	"context"
	"math"
	"net/http"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

func TestIssue14Item10EmptyCredentialsRefused(t *testing.T) {
	for _, c := range [][2]string{{"", ""}, {"key", ""}, {"", "secret"}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("StaticBasic(%q, %q) did not refuse its empty credentials", c[0], c[1])
				}
			}()
			v := nexmo.StaticBasic(c[0], c[1])
			if v(t.Context(), c[0], nexmo.Secret(c[1])) == nil {
				t.Errorf("StaticBasic(%q, %q) accepts %q, %q", c[0], c[1], c[0], c[1])
			}
		}()
		if nexmo.EqualCredentials(c[0], nexmo.Secret(c[1]), c[0], c[1]) {
			t.Errorf("EqualCredentials with the wanted %q, %q empty is true", c[0], c[1])
		}
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("StaticToken(\"\") did not refuse its empty token")
			}
		}()
		nexmo.StaticToken("")
	}()
	if nexmo.EqualSecret("", "") {
		t.Error("EqualSecret with the wanted token empty is true")
	}
}

func TestIssue14Item13HugeBodyCapStillReadsBodies(t *testing.T) {
	for _, n := range []int64{math.MaxInt64, math.MaxInt64 - 1, 1 << 62} {
		rig := srvStart(t, nexmo.WithMaxBodyBytes(n))
		got := rig.do(t, "POST", "/number/buy?"+srvCreds, "country=GB&msisdn=447700900000", nil)
		if got.status != 200 {
			t.Errorf("WithMaxBodyBytes(%d): %d %s, want 200", n, got.status, got.body)
			continue
		}
		in, _ := rig.h.input().(*nexmo.BuyNumberInput)
		if in == nil || in.Body.MSISDN != "447700900000" {
			t.Errorf("WithMaxBodyBytes(%d): the handler got %+v", n, in)
		}
	}
}

// balanceHandler answers GetBalance with a fixed balance.
type balanceHandler struct {
	nexmo.UnimplementedHandler
	value float64
}

func (h balanceHandler) GetBalance(context.Context, *nexmo.GetBalanceInput) (nexmo.GetBalanceResponse, error) {
	return nexmo.GetBalance200Response{Body: nexmo.Balance{Value: h.value, AutoReload: true}}, nil
}

func TestIssue14Item14XMLNumbersArePlainDecimals(t *testing.T) {
	for _, tc := range []struct {
		value      float64
		xml, json_ string
	}{
		{1234567.891, "<value>1234567.891</value>", `"value":1234567.891`},
		{0.00005, "<value>0.00005</value>", `"value":0.00005`},
		{1e21, "<value>1000000000000000000000</value>", `"value":1e+21`},
		{-2.5, "<value>-2.5</value>", `"value":-2.5`},
	} {
		srv := newServer(t, balanceHandler{value: tc.value})
		for accept, want := range map[string]string{"application/xml": tc.xml, "application/json": tc.json_} {
			req, _ := http.NewRequest("GET", srv+"/account/get-balance?"+srvCreds, nil)
			req.Header.Set("Accept", accept)
			status, body := send(t, req)
			if status != 200 || !strings.Contains(body, want) {
				t.Errorf("%v as %s: %d %s, want %s", tc.value, accept, status, body, want)
			}
		}
	}
}

func TestIssue14Item16UndecodedEncodingsAre415(t *testing.T) {
	rig := srvStart(t)
	form := "country=GB&msisdn=447700900000"
	for _, tc := range []struct {
		header map[string]string
		want   int
	}{
		{map[string]string{"Content-Encoding": "gzip"}, 415},
		{map[string]string{"Content-Encoding": "br"}, 415},
		{map[string]string{"Content-Type": "application/x-www-form-urlencoded; charset=utf-16"}, 415},
		{map[string]string{"Content-Type": "application/x-www-form-urlencoded; charset=ISO-8859-1"}, 415},
		{map[string]string{"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}, 200},
		{map[string]string{"Content-Type": "application/x-www-form-urlencoded; charset=\"utf-8\""}, 200},
		{map[string]string{"Content-Encoding": "identity"}, 200},
		{nil, 200},
	} {
		got := rig.do(t, "POST", "/number/buy?"+srvCreds, form, tc.header)
		if got.status != tc.want {
			t.Errorf("%v: %d %s, want %d", tc.header, got.status, got.body, tc.want)
		}
	}
}

// newServer starts h with the test credentials and answers its URL.
func newServer(t *testing.T, h nexmo.Handler) string {
	t.Helper()
	return serve(t, nexmo.NewServer(h, nexmo.WithBasicAuthVerifier(nexmo.StaticBasic(srvKey, srvSecret))))
}

// send does req and answers the status and the body.
func send(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return resp.StatusCode, b.String()
}
