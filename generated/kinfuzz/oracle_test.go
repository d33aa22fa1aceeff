package kinfuzz_test

// The generated server against kin-openapi's openapi3filter on the same
// raw request: any JSON body posted to any operation of kinfuzz.yaml, any
// query of GET /query. The server's verdict is its status: 501 (the
// UnimplementedHandler reached: binding and validation passed) accepts,
// 400 refuses. kin-openapi's verdict is ValidateRequest's error. The two
// must agree on valid versus invalid; intended differences are stated in
// kinDiffers, each narrowly.

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/nexmogen/nexmogen/generated/kinfuzz"
)

// bodyOps are the paths of the operations taking a JSON body, in the
// order a fuzzed operation number picks them.
var bodyOps = []string{"/tagged", "/implicit", "/shape", "/either", "/scalars", "/nullables",
	"/maps", "/formats", "/rules", "/access", "/tree", "/closed"}

// queryNames are the query parameters of GET /query, in the order the
// fuzzed values fill them.
var queryNames = []string{"at", "day", "id", "level", "flag", "step", "ratio", "v4"}

// server is the generated server with a handler that implements nothing:
// a request that passes binding and validation gets 501.
var server = kinfuzz.NewServer(kinfuzz.UnimplementedHandler{}, kinfuzz.WithServerLogger(nil))

// doc30 is kinfuzz.yaml's pair of judges; a call without a doc is judged
// by it. doc31 (fuzz31_test.go) is the 3.1 document's.
var doc30 = &judges{server: server, oracle: sync.OnceValues(func() (*kinOracle, error) { return newOracle("kinfuzz.yaml") })}

// judges are the generated server of a document and kin-openapi's router
// over it.
type judges struct {
	server http.Handler
	oracle func() (*kinOracle, error)
}

// oracle is kin-openapi's router over kinfuzz.yaml.
func oracle() (*kinOracle, error) { return doc30.oracle() }

// kinFormats opts in, once, the string formats kin-openapi can check but
// does not by default (uuid, email, ipv4, ipv6), as the generated
// validators check them. The test binary holds this package's tests only,
// so the global opt-in reaches nothing else.
var kinFormats = sync.OnceFunc(func() {
	openapi3.DefineStringFormatValidator("uuid", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForUUIDOfRFC9562))
	openapi3.DefineStringFormatValidator("email", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail))
	openapi3.DefineIPv4Format()
	openapi3.DefineIPv6Format()
})

// newOracle is kin-openapi's router over the document at file.
func newOracle(file string) (*kinOracle, error) {
	kinFormats()
	doc, err := openapi3.NewLoader().LoadFromFile(file)
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, err
	}
	router, err := legacy.NewRouter(doc)
	return &kinOracle{doc, router}, err
}

// kinOracle is the document kin-openapi loaded and its router.
type kinOracle struct {
	doc    *openapi3.T
	router routers.Router
}

// call is one request, built afresh for each side.
type call struct {
	method, path string
	query        url.Values
	body         []byte  // nil: no body
	doc          *judges // nil: doc30
}

// judges are the call's document's.
func (c call) judges() *judges {
	if c.doc == nil {
		return doc30
	}
	return c.doc
}

func (c call) request() *http.Request {
	target := "http://127.0.0.1" + c.path
	if len(c.query) > 0 {
		target += "?" + c.query.Encode()
	}
	if c.body == nil {
		return httptest.NewRequest(c.method, target, nil)
	}
	r := httptest.NewRequest(c.method, target, bytes.NewReader(c.body))
	r.Header.Set("Content-Type", "application/json")
	return r
}

// serverVerdict is the generated server's verdict: "" when the handler
// was reached, the answer's status and body otherwise.
func serverVerdict(t *testing.T, c call) string {
	t.Helper()
	w := httptest.NewRecorder()
	c.judges().server.ServeHTTP(w, c.request())
	switch w.Code {
	case http.StatusNotImplemented:
		return ""
	case http.StatusBadRequest:
		return "400 " + strings.TrimSpace(w.Body.String())
	}
	t.Fatalf("%s %s %q: status %d, neither accepted (501) nor refused (400): %s", c.method, c.path, c.body, w.Code, w.Body)
	return ""
}

// kinVerdict is openapi3filter's verdict: "" when it accepts.
func kinVerdict(t *testing.T, c call) string {
	t.Helper()
	o, err := c.judges().oracle()
	if err != nil {
		t.Fatal(err)
	}
	req := c.request()
	route, params, err := o.router.FindRoute(req)
	if err != nil {
		t.Fatalf("%s %s: kin-openapi routes nowhere: %v", c.method, c.path, err)
	}
	err = openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{
		Request: req, PathParams: params, Route: route,
	})
	if err != nil {
		return firstLine(err.Error())
	}
	return ""
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// agree fails the test when the server and kin-openapi disagree, unless
// the difference is an intended one (differs_test.go) and both agree once
// it is taken out; it returns the server's verdict.
func agree(t *testing.T, c call) string {
	t.Helper()
	ours, kin := serverVerdict(t, c), kinVerdict(t, c)
	if (ours == "") == (kin == "") {
		return ours
	}
	if c.path == "/implicit" && c.doc == nil {
		if named := kinNamedVariant(t, c); (ours == "") == (named == "") {
			return ours
		}
	}
	r, why := rewrite(c)
	if r != nil {
		rOurs, rKin := serverVerdict(t, *r), kinVerdict(t, *r)
		if (rOurs == "") == (rKin == "") {
			t.Logf("intended difference (%s): %s %s %q", strings.Join(why, "; "), c.method, c.path, c.body)
			return ours
		}
		t.Errorf("server and kin-openapi disagree on %s %s body=%q, also once rewritten (%s) as %q\n  server: %s\n  kin:    %s",
			c.method, c.path, c.body, strings.Join(why, "; "), r.body, orAccept(rOurs), orAccept(rKin))
		return ours
	}
	t.Errorf("server and kin-openapi disagree on %s %s query=%q body=%q\n  server: %s\n  kin:    %s",
		c.method, c.path, c.query.Encode(), c.body, orAccept(ours), orAccept(kin))
	return ours
}

func orAccept(v string) string {
	if v == "" {
		return "accepts"
	}
	return v
}

// kinNamedVariant judges a body of /implicit (a oneOf whose discriminator
// has no mapping) by the variant its discriminator value names, as
// OpenAPI's implicit mapping says (the value is a schema's name):
// kin-openapi applies a discriminator through its mapping only, and
// without one tries every variant, so {"vehicle":"Car",...} that is no
// valid Car passes as a Boat. A body that names no variant is refused.
func kinNamedVariant(t *testing.T, c call) string {
	t.Helper()
	o, err := oracle()
	if err != nil {
		t.Fatal(err)
	}
	n, rest, ok := parseNodes(c.body)
	if !ok || len(rest) > 0 || n.dedupe() || n.integers() {
		return "not a body kinNamedVariant judges"
	}
	var value any
	d := json.NewDecoder(bytes.NewReader(c.body))
	d.UseNumber()
	if err := d.Decode(&value); err != nil {
		return err.Error()
	}
	tag := n.get("vehicle")
	if tag == nil || tag.kind != 's' || (tag.str != "Car" && tag.str != "Boat") {
		return "names no variant"
	}
	if err := o.doc.Components.Schemas[tag.str].Value.VisitJSON(value, openapi3.VisitAsRequest()); err != nil {
		return firstLine(err.Error())
	}
	return ""
}
