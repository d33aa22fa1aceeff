// Package interop drives the client of one generator against the server of
// the other, for a document that both nexmogen and oapi-codegen (its
// models, client, std-http server and strict server) generate: nexmogen's
// client against oapi-codegen's strict server ("ours->theirs"), and
// oapi-codegen's client against nexmogen's server ("theirs->ours").
//
// The test of a document is written by bench/cmd/interopgen into
// nexmogen's package (bench/gen/interop/<doc>/nx/interop_test.go): its two
// handlers and, per operation paired by name, the calls of both clients.
// For each operation, nexmogen's arguments and answer are filled by
// corpus/smoke's own filler, written into the package with the spec's rules
// (smoke.Package.FillerSource: formats, patterns, lengths, bounds,
// readOnly/writeOnly, discriminators), so that the values are those the
// smoke test drives the operation with; the request is compared on the wire's terms
// (each parameter by wire name and JSON value, the body as JSON), and so is
// the answer: the body the server wrote against what the client decoded,
// and each scalar response header of nexmogen's answer against the header
// the client received (oapi-codegen's strict server writes the typed
// Headers of its response object, which the harness sets from nexmogen's
// answer; neither client decodes response headers into values). An answer
// the spec offers in XML too is asked for again in XML by oapi-codegen's
// client ("theirs->ours/xml"), and what it decodes compared with nexmogen's
// answer; oapi-codegen's strict server has no XML model (its XML bodies
// are io.Readers), so the other direction has none to compare.
// Each operation and direction prints one line:
//
//	INTEROP <operation> <direction> ok|skip|peer|ours|FAIL <detail>
//
// peer and ours are the disagreements known.go lists, with whose fault
// each is; FAIL, an unlisted one, fails the test, and so does a listed one
// that no longer happens.
package interop

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync"
	"testing"
)

// The directions.
const (
	OursToTheirs = "ours->theirs" // nexmogen's client, oapi-codegen's server
	TheirsToOurs = "theirs->ours" // oapi-codegen's client, nexmogen's server
	// TheirsToOursXML is oapi-codegen's client asking nexmogen's server
	// for the answer in XML (Accept: application/xml, text/xml).
	TheirsToOursXML = "theirs->ours/xml"
)

// Op is one operation both generators have.
type Op struct {
	Name string // nexmogen's name of it
	Skip string // why it is not driven, decided when the test was written
	// OurArgs returns pointers to zero values of the arguments (after the
	// context) of nexmogen's client method, and OurFields the Input field
	// each arrives in; OurCall calls the method with them.
	OurArgs   func() []any
	OurFields []string
	OurCall   func(ctx context.Context, args []any) (any, error)
	// OurAnswer returns a pointer to a zero of nexmogen's success response
	// (of Status); HasBody says whether it has a body.
	OurAnswer func() any
	Status    int
	HasBody   bool
	// Form says the request body is a form (its fields are matched by
	// normalised name, as nexmogen's form models have no JSON tags).
	Form bool
	// XML says the answer is offered in XML too, which oapi-codegen's
	// client decodes (its XML<Status> field): the call is made again
	// asking for it (TheirsToOursXML).
	XML bool
	// TheirRequest returns a pointer to a zero RequestObject of
	// oapi-codegen's; TheirCall calls its ClientWithResponses with it and
	// returns the *<Op>Response.
	TheirRequest func() any
	TheirCall    func(ctx context.Context, req any) (any, error)
}

// Filler is corpus/smoke's filler of the document's package
// (smoke_fill_test.go): Request fills an argument of nexmogen's client,
// Answer a success response and returns why it could not make it valid
// ("" when it could).
type Filler struct {
	Request func(v reflect.Value)
	Answer  func(v reflect.Value) string
}

// Auth names the API keys of the document's security schemes, which
// oapi-codegen's client is to send as nexmogen's did.
type Auth struct {
	Headers, Query, Cookies []string
}

// Harness runs the operations of one document.
type Harness struct {
	t     *testing.T
	doc   string
	fill  Filler
	auth  Auth
	ours  capture // nexmogen's server
	their capture // oapi-codegen's server

	mu         sync.Mutex
	called     bool
	in         any           // what the handler received
	answer     reflect.Value // nexmogen's filled success response
	answerBody *any          // its Body as a JSON value, nil when none
	// answerHeaders are its response headers (every other field but
	// Status) that are set, by normalised name, as JSON values.
	answerHeaders map[string]any
	answerErr     error  // why oapi-codegen's model could not take it
	unfit         string // why the filler could not make the answer valid
	acceptXML     bool   // Editor asks for XML

	seen map[int]bool // the known disagreements (indexes of Known) that happened
}

// New returns the harness of doc, filling values with fill.
func New(t *testing.T, doc string, fill Filler, auth Auth) *Harness {
	return &Harness{t: t, doc: doc, fill: fill, auth: auth, seen: map[int]bool{}}
}

// ServeOurs serves nexmogen's server, recording each exchange.
func (h *Harness) ServeOurs(s http.Handler) string { return h.serve(&h.ours, s) }

// ServeTheirs serves oapi-codegen's server, recording each exchange.
func (h *Harness) ServeTheirs(s http.Handler) string { return h.serve(&h.their, s) }

func (h *Harness) serve(c *capture, s http.Handler) string {
	srv := httptest.NewServer(c.wrap(s))
	h.t.Cleanup(srv.Close)
	return srv.URL
}

// Ours is the body of every method of nexmogen's Handler: it records in
// and sets *resp to the filled answer.
func (h *Harness) Ours(in, resp any) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.called, h.in = true, in
	if h.answer.IsValid() && h.answer.Type() == reflect.TypeOf(resp).Elem() {
		reflect.ValueOf(resp).Elem().Set(h.answer)
	}
}

// Theirs is the body of every method of oapi-codegen's strict server: it
// records req and decodes the answer's body (as nexmogen marshals it) into
// resp's (nil for a response it does not answer with).
func (h *Harness) Theirs(req, resp any) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.called, h.in = true, req
	if resp == nil {
		return
	}
	if err := setHeaders(h.answerHeaders, reflect.ValueOf(resp).Elem()); err != nil {
		h.answerErr = fmt.Errorf("setting the headers of %T: %v", resp, err)
		return
	}
	if h.answerBody == nil {
		return
	}
	if err := setJSON(*h.answerBody, bodyOf(reflect.ValueOf(resp).Elem()).Addr()); err != nil {
		h.answerErr = fmt.Errorf("decoding it into %T: %v", resp, err)
	}
}

// setHeaders sets the fields of the Headers of an oapi-codegen response
// object v (its own, or the one struct's it embeds) to the headers of
// nexmogen's answer of the same normalised names.
func setHeaders(headers map[string]any, v reflect.Value) error {
	if v.Kind() != reflect.Struct {
		return nil
	}
	hs := v.FieldByName("Headers")
	if !hs.IsValid() {
		if v.NumField() == 1 && v.Type().Field(0).Anonymous {
			return setHeaders(headers, v.Field(0))
		}
		return nil
	}
	if hs.Kind() != reflect.Struct {
		return nil
	}
	for i := range hs.NumField() {
		val, ok := headers[norm(hs.Type().Field(i).Name)]
		if !ok {
			continue
		}
		if err := setJSON(val, hs.Field(i).Addr()); err != nil {
			return fmt.Errorf("%s: %v", hs.Type().Field(i).Name, err)
		}
	}
	return nil
}

// bodyOf is where the body of an oapi-codegen response object goes: its
// Body field, the Body of the one struct it embeds, or itself.
func bodyOf(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Struct {
		return v
	}
	if f := v.FieldByName("Body"); f.IsValid() {
		return f
	}
	if v.NumField() == 1 && v.Type().Field(0).Anonymous {
		return bodyOf(v.Field(0))
	}
	return v
}

// Editor is oapi-codegen's request editor: it repeats the credentials
// nexmogen's client sent last (Authorization and the API keys of Auth).
func (h *Harness) Editor(_ context.Context, r *http.Request) error {
	h.mu.Lock()
	xml := h.acceptXML
	h.mu.Unlock()
	if xml {
		r.Header.Set("Accept", "application/xml, text/xml")
	}
	_, _, _, sent := h.their.last()
	if sent == nil {
		return nil
	}
	if a := sent.Header.Get("Authorization"); a != "" {
		r.Header.Set("Authorization", a)
	}
	for _, n := range h.auth.Headers {
		if v := sent.Header.Get(n); v != "" {
			r.Header.Set(n, v)
		}
	}
	q := r.URL.Query()
	for _, n := range h.auth.Query {
		if v := sent.URL.Query().Get(n); v != "" {
			q.Set(n, v)
		}
	}
	r.URL.RawQuery = q.Encode()
	for _, n := range h.auth.Cookies {
		if c, err := sent.Cookie(n); err == nil {
			r.AddCookie(c)
		}
	}
	return nil
}

func (h *Harness) reset() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.called, h.in = false, nil
	h.ours.reset()
	h.their.reset()
}

func (h *Harness) received() (bool, any) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.called, h.in
}

// line prints the outcome of one operation in one direction, judged
// against the known disagreements.
func (h *Harness) line(op, dir, status, detail string) {
	h.t.Helper()
	if status == "FAIL" {
		if i := known(h.doc, dir, op+" "+detail); i >= 0 {
			h.seen[i] = true
			status, detail = Known[i].Whose, Known[i].Why+" ("+detail+")"
		}
	}
	h.t.Logf("INTEROP %s %s %s %s", op, dir, status, detail)
	if status == "FAIL" {
		h.t.Fail()
	}
}

// Run drives every operation in both directions, then checks that every
// known disagreement of the document still happens.
func (h *Harness) Run(ops []Op) {
	h.t.Helper()
	for _, op := range ops {
		h.run(op)
	}
	for i, k := range Known {
		if k.Doc == h.doc && !h.seen[i] {
			h.t.Errorf("INTEROP the known disagreement %q (%s) no longer happens: drop it from bench/interop/known.go", k.Match, k.Why)
		}
	}
}

// Deref is *p, or the zero T when p is nil (a request object without the
// body its client method takes).
func Deref[T any](p *T) T {
	if p == nil {
		var z T
		return z
	}
	return *p
}
