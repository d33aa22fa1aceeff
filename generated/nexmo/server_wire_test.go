package nexmo_test

import (
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

func TestServerBindsQueryParams(t *testing.T) {
	rig := srvStart(t)
	r := rig.do(t, "GET", "/number/search?"+srvCreds+"&country=GB&size=20&index=2&pattern=44%37&search_pattern=2&features=SMS,VOICE&type=landline", "", nil)
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	in := rig.h.input().(*nexmo.SearchAvailableNumbersInput)
	want := nexmo.SearchAvailableNumbersParams{
		Country: "GB", Size: 20, Index: 2, Pattern: "447", SearchPattern: nexmo.SearchPatternEndsWith,
		Features: []nexmo.Feature{nexmo.FeatureSMS, nexmo.FeatureVoice}, Type: nexmo.NumberTypeLandline,
	}
	if !reflect.DeepEqual(in.Params, want) {
		t.Errorf("params %+v, want %+v", in.Params, want)
	}
	if in.User != srvKey {
		t.Errorf("User %q", in.User)
	}
	var got nexmo.AvailableNumbers
	if err := json.Unmarshal([]byte(r.body), &got); err != nil || got.Numbers[0].Country != "GB" || len(got.Numbers[0].Features) != 2 {
		t.Errorf("body %s (%v)", r.body, err)
	}
}

func TestServerAppliesDefaultsAndPointers(t *testing.T) {
	rig := srvStart(t)
	rig.do(t, "GET", "/account/numbers?"+srvCreds, "", nil)
	in := rig.h.input().(*nexmo.ListOwnedNumbersInput)
	if in.Params.Index != 1 || in.Params.Size != 10 || in.Params.HasApplication != nil {
		t.Errorf("defaults: %+v", in.Params)
	}
	rig.do(t, "GET", "/account/numbers?"+srvCreds+"&has_application=false", "", nil)
	in = rig.h.input().(*nexmo.ListOwnedNumbersInput)
	if in.Params.HasApplication == nil || *in.Params.HasApplication {
		t.Errorf("has_application=false bound as %v", in.Params.HasApplication)
	}
}

func TestServerBindsPathParam(t *testing.T) {
	rig := srvStart(t)
	r := rig.do(t, "GET", "/account/get-pricing/outbound/sms%2Dtransit?"+srvCreds+"&country=US", "", nil)
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	in := rig.h.input().(*nexmo.GetOutboundPricingByTypeInput)
	if in.Params.Type != nexmo.PricingTypeSMSTransit || in.Params.Country != "US" {
		t.Errorf("params %+v", in.Params)
	}
	rig.do(t, "GET", "/account/get-pricing/outbound/fax?"+srvCreds+"&country=US", "", nil).
		wantError(t, 400, `path parameter "type"`, "fax")
}

func TestServerBindsFormBodies(t *testing.T) {
	rig := srvStart(t)
	r := rig.do(t, "POST", "/account/settings?"+srvCreds, "moCallBackUrl=&newSecret=Abcdefg1h", nil)
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	if !strings.Contains(r.body, `"api-secret":"`+srvSecret+`"`) {
		t.Errorf("the settings body does not carry the account's secret: %s", r.body)
	}
	in := rig.h.input().(*nexmo.UpdateSettingsInput)
	if in.Body.MoCallBackURL == nil || *in.Body.MoCallBackURL != "" || in.Body.DrCallBackURL != nil {
		t.Errorf("callbacks: mo %v, dr %v", in.Body.MoCallBackURL, in.Body.DrCallBackURL)
	}
	if in.Body.NewSecret.Reveal() != "Abcdefg1h" {
		t.Errorf("newSecret not bound")
	}
	r = rig.do(t, "POST", "/number/update?"+srvCreds, "country=GB&msisdn=447700900000&voiceCallbackType=sip&moHttpUrl=https%3A%2F%2Fexample.com%2Fmo", nil)
	upd := rig.h.input().(*nexmo.UpdateNumberInput)
	if r.status != 200 || upd.Body.VoiceCallbackType != nexmo.VoiceCallbackTypeSIP || *upd.Body.MoHTTPURL != "https://example.com/mo" {
		t.Errorf("update: %d %s %+v", r.status, r.body, upd.Body)
	}
}

func TestServerFormFieldsFromQueryAndDisagreement(t *testing.T) {
	rig := srvStart(t)
	r := rig.do(t, "POST", "/number/buy?"+srvCreds+"&country=GB&msisdn=447700900000", "", nil)
	if r.status != 200 || r.header.Get("X-Nexmo-Trace-Id") != "trace-9" {
		t.Fatalf("form fields in the query: %d %s %v", r.status, r.body, r.header)
	}
	buy := rig.h.input().(*nexmo.BuyNumberInput)
	if buy.Body.Country != "GB" || buy.Body.MSISDN != "447700900000" {
		t.Errorf("buy %+v", buy.Body)
	}
	r = rig.do(t, "POST", "/number/buy?"+srvCreds+"&country=GB", "country=GB&msisdn=447700900000", nil)
	if r.status != 200 {
		t.Errorf("agreeing body and query: %d %s", r.status, r.body)
	}
	rig.do(t, "POST", "/number/buy?"+srvCreds+"&country=US", "country=GB&msisdn=447700900000", nil).
		wantError(t, 400, `form field "country"`, "different values")
	rig.do(t, "POST", "/number/buy?"+srvCreds, "country=GB&msisdn=447700900000&msisdn=447700900001", nil).
		wantError(t, 400, `form field "msisdn"`, "twice")
}

func TestServerValidationNamesTheField(t *testing.T) {
	rig := srvStart(t)
	cases := []struct {
		target string
		body   string
		want   []string
	}{
		{"/number/search?" + srvCreds + "&country=GB&features=SMS&size=0", "", []string{`query parameter "size"`, "minimum"}},
		{"/number/search?" + srvCreds + "&country=GB&features=SMS&size=500", "", []string{`"size"`, "maximum 100"}},
		{"/number/search?" + srvCreds + "&country=gb", "", []string{`"country"`, "pattern"}},
		{"/number/search?" + srvCreds, "", []string{`"country"`, "required"}},
		{"/number/search?" + srvCreds + "&country=GB&features=FAX", "", []string{`"features"`, "FAX"}},
		{"/number/search?" + srvCreds + "&country=GB&size=ten", "", []string{`"size"`, "not an integer"}},
		{"/number/search?" + srvCreds + "&country=GB&country=US", "", []string{`"country"`, "twice"}},
		{"/account/numbers?" + srvCreds + "&has_application=maybe", "", []string{`"has_application"`, "true or false"}},
		{"/number/buy?" + srvCreds, "country=GB", []string{`form field "msisdn"`, "required"}},
		{"/account/settings?" + srvCreds, "newSecret=weak", []string{`"newSecret"`}},
	}
	for _, tc := range cases {
		method := "GET"
		if tc.body != "" {
			method = "POST"
		}
		r := rig.do(t, method, tc.target, tc.body, nil)
		r.wantError(t, 400, tc.want...)
		if strings.Contains(r.body, "weak") {
			t.Errorf("%s: the envelope shows a secret: %s", tc.target, r.body)
		}
	}
	r := rig.do(t, "GET", "/number/search?"+srvCreds+"&country=GB&features=SMS&size=0", "", map[string]string{"Accept": "application/xml"})
	r.wantError(t, 400, `"size"`)
	if _, _, root := srvEnvelope(t, r); root != "inbound-numbers" {
		t.Errorf("XML root %q, want the operation's inbound-numbers", root)
	}
}

func TestServerAuthentication(t *testing.T) {
	rig := srvStart(t)
	basic := "Basic " + base64.StdEncoding.EncodeToString([]byte(srvKey+":"+srvSecret))
	wrongBasic := "Basic " + base64.StdEncoding.EncodeToString([]byte(srvKey+":nope"))
	for _, tc := range []struct {
		name, target, body, auth string
		want                     int
	}{
		{"none", "/account/get-balance", "", "", 401},
		{"wrong secret", "/account/get-balance?api_key=" + srvKey + "&api_secret=nope", "", "", 401},
		{"key only", "/account/get-balance?api_key=" + srvKey, "", "", 401},
		{"query", "/account/get-balance?" + srvCreds, "", "", 200},
		{"basic", "/account/get-balance", "", basic, 200},
		{"wrong basic", "/account/get-balance", "", wrongBasic, 401},
		{"form body", "/number/buy", srvCreds + "&country=GB&msisdn=447700900000", "", 200},
	} {
		method, hdr := "GET", map[string]string{}
		if tc.body != "" {
			method = "POST"
		}
		if tc.auth != "" {
			hdr["Authorization"] = tc.auth
		}
		r := rig.do(t, method, tc.target, tc.body, hdr)
		if tc.want != 200 {
			r.wantError(t, tc.want, "authentication failed")
			continue
		}
		if r.status != 200 {
			t.Errorf("%s: status %d %s", tc.name, r.status, r.body)
		}
	}
	noAuth := httptest.NewServer(nexmo.NewServer(&srvHandler{}))
	defer noAuth.Close()
	resp, err := noAuth.Client().Get(noAuth.URL + "/account/get-balance?" + srvCreds)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("without an authenticator: %d, want 401", resp.StatusCode)
	}
}

func TestServerRouting(t *testing.T) {
	rig := srvStart(t)
	rig.do(t, "GET", "/account/unknown?"+srvCreds, "", nil).wantError(t, 404, "not found")
	r := rig.do(t, "GET", "/nothing", "", map[string]string{"Accept": "application/xml"})
	r.wantError(t, 404)
	if _, _, root := srvEnvelope(t, r); root != "response" {
		t.Errorf("404 XML root %q, want response", root)
	}
	r = rig.do(t, "POST", "/number/search?"+srvCreds, "", nil)
	r.wantError(t, 405, "method not allowed")
	if r.header.Get("Allow") != "GET, HEAD" {
		t.Errorf("Allow %q", r.header.Get("Allow"))
	}
	r = rig.do(t, "DELETE", "/number/buy", "", nil)
	if r.wantError(t, 405); r.header.Get("Allow") != "POST" {
		t.Errorf("Allow %q", r.header.Get("Allow"))
	}
	r = rig.do(t, "GET", "/number//search?"+srvCreds+"&country=GB", "", nil)
	r.wantError(t, 404)
	if loc := r.header.Get("Location"); loc != "" {
		t.Errorf("redirected to %q, echoing the query", loc)
	}
	if r = rig.do(t, "HEAD", "/account/get-balance?"+srvCreds, "", nil); r.status != 200 || r.body != "" {
		t.Errorf("HEAD: %d %q", r.status, r.body)
	}
}

func TestServerNegotiation(t *testing.T) {
	rig := srvStart(t)
	for _, tc := range []struct{ accept, want string }{
		{"", "application/json"},
		{"*/*", "application/json"},
		{"application/xml", "application/xml"},
		{"application/json;q=0.5, application/xml", "application/xml"},
		{"application/*;q=0.2, application/json;q=0", "application/xml"},
		{"text/html, application/xml;q=0.1", "application/xml"},
		{"APPLICATION/JSON", "application/json"},
	} {
		r := rig.do(t, "GET", "/account/get-balance?"+srvCreds, "", map[string]string{"Accept": tc.accept})
		if r.status != 200 || r.header.Get("Content-Type") != tc.want {
			t.Errorf("Accept %q: %d %q, want %q", tc.accept, r.status, r.header.Get("Content-Type"), tc.want)
			continue
		}
		var b nexmo.Balance
		var err error
		if tc.want == "application/xml" {
			if !strings.HasPrefix(r.body, xml.Header) || !strings.Contains(r.body, "<accountBalance>") {
				t.Errorf("XML body %s", r.body)
			}
			err = xml.Unmarshal([]byte(r.body), &b)
		} else {
			err = json.Unmarshal([]byte(r.body), &b)
		}
		if err != nil || b.Value != 3.14159 || !b.AutoReload {
			t.Errorf("Accept %q: body %s (%v)", tc.accept, r.body, err)
		}
		if r.header.Get("X-Request-Id") != "req-1" {
			t.Errorf("X-Request-Id %q", r.header.Get("X-Request-Id"))
		}
	}
	for _, accept := range []string{"text/html", "application/xml;q=0, text/*", "application/json;q=0, application/xml;q=0"} {
		rig.do(t, "GET", "/account/get-balance?"+srvCreds, "", map[string]string{"Accept": accept}).wantError(t, 406)
	}
}

func TestServerBodyCapAndMediaType(t *testing.T) {
	rig := srvStart(t, nexmo.WithMaxBodyBytes(64))
	big := "country=GB&msisdn=447700900000&pad=" + strings.Repeat("x", 100)
	rig.do(t, "POST", "/number/buy?"+srvCreds, big, nil).wantError(t, 413)
	req, err := http.NewRequest("POST", rig.srv.URL+"/number/buy?"+srvCreds, struct{ io.Reader }{strings.NewReader(big)})
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := rig.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 413 || resp.ContentLength == 0 {
		t.Errorf("chunked body over the cap: %d", resp.StatusCode)
	}
	rig.do(t, "POST", "/number/buy?"+srvCreds, `{"country":"GB"}`, map[string]string{"Content-Type": "application/json"}).
		wantError(t, 415, "application/x-www-form-urlencoded")
	if r := rig.do(t, "POST", "/number/buy?"+srvCreds, "country=GB&msisdn=447700900000", map[string]string{"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}); r.status != 200 {
		t.Errorf("form with a charset: %d %s", r.status, r.body)
	}
}
