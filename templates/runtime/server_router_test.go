package runtime

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// routed serves each route's operations with a handler that writes the
// operation's name and its path values, for the router's tests.
func routed(name string, params ...string) func(*server, http.ResponseWriter, *http.Request) {
	return func(_ *server, w http.ResponseWriter, r *http.Request) {
		out := []string{name}
		for _, p := range params {
			out = append(out, p+"="+r.PathValue(p))
		}
		_, _ = w.Write([]byte(strings.Join(out, " ")))
	}
}

// testRoutes are templates that overlap: literal and template segments at
// the same place, and segments mixing parameters with literal text. They
// are in the generator's precedence order.
var testRoutes = []srvRoute{
	{segments: [][]string{{"contacts"}, {"imports"}, {"", ""}}, allow: "GET, HEAD",
		ops: []srvRouteOp{{method: "GET", params: []string{"id"}, serve: routed("getImport", "id")}}},
	{segments: [][]string{{"contacts"}, {"", ""}, {"topics"}}, allow: "GET, HEAD, PUT",
		ops: []srvRouteOp{
			{method: "GET", params: []string{"contact"}, serve: routed("listTopics", "contact")},
			{method: "PUT", params: []string{"contactID"}, serve: routed("putTopics", "contactID")},
		}},
	{segments: [][]string{{"contacts"}, {"", ""}, {"topics"}, {"", ""}}, allow: "GET, HEAD",
		ops: []srvRouteOp{{method: "GET", params: []string{"contact", "topic"}, serve: routed("getTopic", "contact", "topic")}}},
	{segments: [][]string{{"emails"}, {"receiving"}, {"", ""}}, allow: "GET, HEAD",
		ops: []srvRouteOp{{method: "GET", params: []string{"email"}, serve: routed("getReceived", "email")}}},
	{segments: [][]string{{"emails"}, {"", ""}, {"attachments"}}, allow: "GET, HEAD",
		ops: []srvRouteOp{{method: "GET", params: []string{"email"}, serve: routed("listAttachments", "email")}}},
	{segments: [][]string{{"Accounts"}, {"", ""}, {"Calls"}, {"", ".json"}}, allow: "DELETE, GET, HEAD",
		ops: []srvRouteOp{
			{method: "DELETE", params: []string{"account", "sid"}, serve: routed("deleteCall", "account", "sid")},
			{method: "GET", params: []string{"account", "sid"}, serve: routed("getCall", "account", "sid")},
		}},
	{segments: [][]string{{"Accounts"}, {"", ""}, {"Calls"}, {"", ""}}, allow: "GET, HEAD",
		ops: []srvRouteOp{{method: "GET", params: []string{"account", "sid"}, serve: routed("getCallPlain", "account", "sid")}}},
	{segments: [][]string{{"files"}, {"v", "-", ".tar.gz"}}, allow: "GET, HEAD",
		ops: []srvRouteOp{{method: "GET", params: []string{"major", "minor"}, serve: routed("getRelease", "major", "minor")}}},
	{segments: [][]string{{"files"}, {"", ".", ""}}, allow: "GET, HEAD",
		ops: []srvRouteOp{{method: "GET", params: []string{"name", "ext"}, serve: routed("getFile", "name", "ext")}}},
	{segments: [][]string{{"dirs"}, {""}}, allow: "POST",
		ops: []srvRouteOp{{method: "POST", serve: routed("postDirs")}}},
	{segments: [][]string{{""}}, allow: "GET, HEAD",
		ops: []srvRouteOp{{method: "GET", serve: routed("root")}}},
}

// TestRouter drives requests through the router: precedence of literal
// segments at the leftmost difference, mixed segments, escapes, 404 and
// 405 with Allow, HEAD served by GET, trailing slashes.
func TestRouter(t *testing.T) {
	s := NewServer(nil).(*server)
	s.router = srvNewRouter(testRoutes)
	for _, tc := range []struct {
		method, target string
		status         int
		body, allow    string
	}{
		{"GET", "/contacts/imports/7", 200, "getImport id=7", ""},
		{"GET", "/contacts/imports/topics", 200, "getImport id=topics", ""},
		{"GET", "/contacts/c1/topics", 200, "listTopics contact=c1", ""},
		// The literal "imports" wins, then leads nowhere: {contact} is tried.
		{"GET", "/contacts/imports/topics/t1", 200, "getTopic contact=imports topic=t1", ""},
		{"PUT", "/contacts/c1/topics", 200, "putTopics contactID=c1", ""},
		{"PUT", "/contacts/imports/topics", 405, "", "GET, HEAD"},
		{"GET", "/contacts/imports", 404, "", ""},
		{"GET", "/emails/receiving/e1", 200, "getReceived email=e1", ""},
		{"GET", "/emails/e1/attachments", 200, "listAttachments email=e1", ""},
		// The literal "receiving" leads nowhere: the template is tried.
		{"GET", "/emails/receiving/attachments", 200, "getReceived email=attachments", ""},
		{"GET", "/emails/receiving", 404, "", ""},
		{"GET", "/Accounts/AC1/Calls/CA2.json", 200, "getCall account=AC1 sid=CA2", ""},
		{"DELETE", "/Accounts/AC1/Calls/CA2.json", 200, "deleteCall account=AC1 sid=CA2", ""},
		{"GET", "/Accounts/AC1/Calls/CA2", 200, "getCallPlain account=AC1 sid=CA2", ""},
		{"GET", "/Accounts/AC1/Calls/.json", 200, "getCallPlain account=AC1 sid=.json", ""},
		{"GET", "/Accounts/AC1/Calls/a.json.json", 200, "getCall account=AC1 sid=a.json", ""},
		{"POST", "/Accounts/AC1/Calls/CA2.json", 405, "", "DELETE, GET, HEAD"},
		{"HEAD", "/Accounts/AC1/Calls/CA2.json", 200, "", ""},
		// An escaped slash or dot stays inside its value, decoded.
		{"GET", "/Accounts/a%2Fb/Calls/x%2Ey.json", 200, "getCall account=a/b sid=x.y", ""},
		{"GET", "/Accounts/a%20b/Calls/%E2%82%AC.json", 200, "getCall account=a b sid=€", ""},
		// An escaped literal segment matches.
		{"GET", "/%41ccounts/A/Calls/B.json", 200, "getCall account=A sid=B", ""},
		{"GET", "/files/report.pdf", 200, "getFile name=report ext=pdf", ""},
		{"GET", "/files/a.b.c", 200, "getFile name=a ext=b.c", ""},
		{"GET", "/files/a%2Eb.c", 200, "getFile name=a.b ext=c", ""},
		{"GET", "/files/v1-2.tar.gz", 200, "getRelease major=1 minor=2", ""},
		{"GET", "/files/v1-.tar.gz", 200, "getFile name=v1- ext=tar.gz", ""},
		{"GET", "/files/.pdf", 404, "", ""},
		{"GET", "/files/pdf", 404, "", ""},
		{"GET", "/files/", 404, "", ""},
		{"POST", "/dirs/", 200, "postDirs", ""},
		{"POST", "/dirs", 404, "", ""},
		{"GET", "/dirs/", 405, "", "POST"},
		{"GET", "/", 200, "root", ""},
		{"GET", "/nowhere", 404, "", ""},
		{"GET", "/emails//attachments", 404, "", ""},
		{"GET", "/contacts/../contacts/c1/topics", 404, "", ""},
	} {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest(tc.method, tc.target, nil))
		if w.Code != tc.status {
			t.Errorf("%s %s: status %d, want %d (%s)", tc.method, tc.target, w.Code, tc.status, w.Body)
			continue
		}
		if tc.status == 200 && w.Body.String() != tc.body && tc.method != "HEAD" {
			t.Errorf("%s %s: %q, want %q", tc.method, tc.target, w.Body, tc.body)
		}
		if got := w.Header().Get("Allow"); got != tc.allow {
			t.Errorf("%s %s: Allow %q, want %q", tc.method, tc.target, got, tc.allow)
		}
	}
}

// TestRouterSplit holds the splitting rule of a segment with several
// parameters: each but the last takes the shortest value, none is empty.
func TestRouterSplit(t *testing.T) {
	for _, tc := range []struct {
		seg   string
		texts []string
		want  []string
	}{
		{"a.b", []string{"", ".", ""}, []string{"a", "b"}},
		{"a.b.c", []string{"", ".", ""}, []string{"a", "b.c"}},
		{".b", []string{"", ".", ""}, nil},
		{"a.", []string{"", ".", ""}, nil},
		{"a..b", []string{"", ".", ""}, []string{"a", ".b"}},
		{"x-1_2-3.y", []string{"x-", "_", "-", ".y"}, []string{"1", "2", "3"}},
		{"x-1_2.y", []string{"x-", "_", "-", ".y"}, nil},
		{"CA1.json", []string{"", ".json"}, []string{"CA1"}},
		{".json", []string{"", ".json"}, nil},
		{"v", []string{"v", ""}, nil},
	} {
		got, ok := srvSplitSegment(tc.seg, tc.texts, nil)
		if !ok {
			got = nil
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") || ok != (tc.want != nil) {
			t.Errorf("%q over %q: %q (%v), want %q", tc.seg, tc.texts, got, ok, tc.want)
		}
	}
}

// nexmoRoutes are the routes of the Nexmo spec, for the benchmarks, as
// ServeMux patterns and as the router's table.
var nexmoRoutes = []struct {
	pattern string
	route   srvRoute
}{
	{"GET /account/get-balance", srvRoute{segments: [][]string{{"account"}, {"get-balance"}}}},
	{"GET /account/get-pricing/outbound", srvRoute{segments: [][]string{{"account"}, {"get-pricing"}, {"outbound"}}}},
	{"GET /account/get-pricing/outbound/{type}", srvRoute{segments: [][]string{{"account"}, {"get-pricing"}, {"outbound"}, {"", ""}}}},
	{"POST /account/settings", srvRoute{segments: [][]string{{"account"}, {"settings"}}}},
	{"GET /account/numbers", srvRoute{segments: [][]string{{"account"}, {"numbers"}}}},
	{"GET /number/search", srvRoute{segments: [][]string{{"number"}, {"search"}}}},
	{"POST /number/buy", srvRoute{segments: [][]string{{"number"}, {"buy"}}}},
	{"POST /number/cancel", srvRoute{segments: [][]string{{"number"}, {"cancel"}}}},
	{"POST /account/top-up", srvRoute{segments: [][]string{{"account"}, {"top-up"}}}},
	{"POST /number/update", srvRoute{segments: [][]string{{"number"}, {"update"}}}},
}

// nexmoRequests are a request for each Nexmo route.
func nexmoRequests() []*http.Request {
	var out []*http.Request
	for _, nr := range nexmoRoutes {
		method, path, _ := strings.Cut(nr.pattern, " ")
		out = append(out, httptest.NewRequest(method, strings.Replace(path, "{type}", "sms", 1)+"?country=GB", nil))
	}
	return out
}

// discard is a ResponseWriter that keeps nothing.
type discard struct{ h http.Header }

func (d discard) Header() http.Header       { return d.h }
func (discard) Write(p []byte) (int, error) { return len(p), nil }
func (discard) WriteHeader(int)             {}

// BenchmarkRouter routes the Nexmo requests through the router, each to a
// handler that reads its path value.
func BenchmarkRouter(b *testing.B) {
	routes := make([]srvRoute, len(nexmoRoutes))
	for i, nr := range nexmoRoutes {
		method, _, _ := strings.Cut(nr.pattern, " ")
		routes[i] = nr.route
		var params []string
		if strings.Contains(nr.pattern, "{type}") {
			params = []string{"type"}
		}
		routes[i].ops = []srvRouteOp{{method: method, params: params, serve: func(_ *server, _ http.ResponseWriter, r *http.Request) { _ = r.PathValue("type") }}}
	}
	s := NewServer(nil).(*server)
	s.router = srvNewRouter(routes)
	reqs := nexmoRequests()
	w := discard{http.Header{}}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s.route(w, reqs[i%len(reqs)])
	}
}

// BenchmarkServeMux routes the same requests through http.ServeMux.
func BenchmarkServeMux(b *testing.B) {
	mux := http.NewServeMux()
	for _, nr := range nexmoRoutes {
		mux.HandleFunc(nr.pattern, func(_ http.ResponseWriter, r *http.Request) { _ = r.PathValue("type") })
	}
	reqs := nexmoRequests()
	w := discard{http.Header{}}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		mux.ServeHTTP(w, reqs[i%len(reqs)])
	}
}

// TestEscapePathValue: the client's escape of a value in a segment with
// literal text, which the router's split then gives back whole.
func TestEscapePathValue(t *testing.T) {
	for _, tc := range []struct{ v, reserved, want string }{
		{"CA1", ".", "CA1"},
		{"a.b", ".", "a%2Eb"},
		{"a/b c", ".", "a%2Fb%20c"},
		{"v1-2_x", "-_", "v1%2D2%5Fx"},
		{"€.", ".", "%E2%82%AC%2E"},
	} {
		if got := escapePathValue(tc.v, tc.reserved); got != tc.want {
			t.Errorf("escapePathValue(%q, %q) = %q, want %q", tc.v, tc.reserved, got, tc.want)
		}
	}
	s := NewServer(nil).(*server)
	s.router = srvNewRouter(testRoutes)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", "/files/"+escapePathValue("a.b", ".")+"."+escapePathValue("c.d", "."), nil))
	if got := w.Body.String(); got != "getFile name=a.b ext=c.d" {
		t.Errorf("round trip: %q", got)
	}
}
