package interop

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// run drives one operation: nexmogen's client first (its validation
// decides that the filled values are valid), then oapi-codegen's with the
// same values.
func (h *Harness) run(op Op) {
	h.t.Helper()
	if op.Skip != "" {
		h.line(op.Name, "both", "skip", op.Skip)
		return
	}
	args := op.OurArgs()
	for _, a := range args {
		h.fill.Request(reflect.ValueOf(a).Elem())
	}
	if err := h.prepareAnswer(op); err != nil {
		h.line(op.Name, "both", "skip", "the harness cannot make the answer: "+err.Error())
		return
	}
	if ok, sent := h.oursToTheirs(op, args); ok {
		h.theirsToOurs(op, sent)
	}
}

// sentWire reads what nexmogen's client sent: its arguments, and a JSON
// body as it was on the wire (the model hides nexmogen's secrets).
func (h *Harness) sentWire(op Op, args []any) (wire, error) {
	vals := make([]reflect.Value, len(args))
	for i, a := range args {
		vals[i] = reflect.ValueOf(a).Elem()
	}
	sent, err := oursWire(vals, op.OurFields, op.Form)
	if err != nil {
		return sent, err
	}
	switch {
	case sent.HasBody && op.Form:
		revealForm(sent.Body, h.their.reqBody())
	case sent.HasBody:
		var b any
		if json.Unmarshal(h.their.reqBody(), &b) == nil {
			sent.Body = b
		}
	}
	return sent, nil
}

// revealForm puts into a form body's value (normalised keys) the wire's
// text of each field the model redacts (nexmogen's Secret).
func revealForm(body any, raw []byte) {
	m, ok := body.(map[string]any)
	if !ok {
		return
	}
	form, err := url.ParseQuery(string(raw))
	if err != nil {
		return
	}
	for k, v := range form {
		if m[norm(k)] == redacted && len(v) == 1 {
			m[norm(k)] = v[0]
		}
	}
}

// callOurs calls nexmogen's client.
func (h *Harness) callOurs(op Op, args []any) (any, error) {
	h.reset()
	return op.OurCall(context.Background(), args)
}

// prepareAnswer fills nexmogen's success response: both servers answer it.
func (h *Harness) prepareAnswer(op Op) error {
	answer := reflect.ValueOf(op.OurAnswer()).Elem()
	unfit := h.fill.Answer(answer)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.answer, h.answerBody, h.answerErr, h.unfit = answer, nil, nil, unfit
	h.answerHeaders = map[string]any{}
	for i := range answer.NumField() {
		f := answer.Type().Field(i)
		if !f.IsExported() || f.Name == "Body" || f.Name == "Status" || answer.Field(i).IsZero() {
			continue
		}
		v, err := jsonValue(answer.Field(i).Interface())
		if err != nil {
			return fmt.Errorf("header %s: %v", f.Name, err)
		}
		if _, ok := headerText(v); ok {
			h.answerHeaders[norm(f.Name)] = v
		}
	}
	if op.HasBody {
		b, err := jsonValue(answer.FieldByName("Body").Interface())
		if err != nil {
			return err
		}
		h.answerBody = &b
	}
	return nil
}

// oursToTheirs is nexmogen's client against oapi-codegen's server; false
// when nexmogen's client refused the values (the other direction is then
// skipped too). It returns what was sent: a JSON body as it was on the
// wire (the model hides nexmogen's secrets), for the other direction to
// send again.
func (h *Harness) oursToTheirs(op Op, args []any) (bool, wire) {
	h.t.Helper()
	got, err := h.callOurs(op, args)
	n, status, body, _ := h.their.last()
	called, in := h.received()
	sent, werr := h.sentWire(op, args)
	if werr != nil {
		h.line(op.Name, "both", "skip", "the harness cannot read nexmogen's arguments: "+werr.Error())
		return false, sent
	}
	switch {
	case err != nil && n == 0:
		h.line(op.Name, "both", "skip", "nexmogen's client refused the filled values: "+err.Error())
		return false, sent
	case err != nil && called && h.answerUnfit() != "":
		h.line(op.Name, "both", "skip", "the answer: "+h.answerUnfit()+": "+err.Error())
		return false, sent
	case err != nil && !called:
		h.line(op.Name, OursToTheirs, "FAIL", fmt.Sprintf("oapi-codegen's server refused what nexmogen's client sent: %d %.300s", status, body))
		return true, sent
	case !called:
		h.line(op.Name, OursToTheirs, "FAIL", "the call succeeded but oapi-codegen's handler was not called")
		return true, sent
	case err != nil:
		h.line(op.Name, OursToTheirs, "FAIL", fmt.Sprintf("nexmogen's client failed on oapi-codegen's answer (%d %.200s): %v", status, body, err))
		return true, sent
	}
	h.mu.Lock()
	answerErr := h.answerErr
	h.mu.Unlock()
	if answerErr != nil {
		h.line(op.Name, OursToTheirs, "FAIL", "oapi-codegen's model cannot hold nexmogen's answer: "+answerErr.Error())
		return true, sent
	}
	received, err := theirsWire(reflect.ValueOf(in), op.Form)
	if err != nil {
		h.line(op.Name, OursToTheirs, "skip", "the harness cannot read oapi-codegen's request: "+err.Error())
		return true, sent
	}
	if d := diff(sent, received); d != "" {
		h.line(op.Name, OursToTheirs, "FAIL", "oapi-codegen's server received another request: "+d)
		return true, sent
	}
	if op.HasBody && got != nil {
		if d := answerDiff(body, got); d != "" {
			h.line(op.Name, OursToTheirs, "FAIL", "nexmogen's client decoded another answer: "+d)
			return true, sent
		}
	}
	if d := h.headerDiff(h.their.respHeader()); d != "" {
		h.line(op.Name, OursToTheirs, "FAIL", "nexmogen's client received other response headers: "+d)
		return true, sent
	}
	h.line(op.Name, OursToTheirs, "ok", h.headersCompared())
	return true, sent
}

// theirsToOurs is oapi-codegen's client against nexmogen's server, with
// the values nexmogen's client sent.
func (h *Harness) theirsToOurs(op Op, sent wire) {
	h.t.Helper()
	req := reflect.ValueOf(op.TheirRequest()).Elem()
	if err := toTheirs(sent, req); err != nil {
		h.line(op.Name, TheirsToOurs, "skip", "the harness cannot make oapi-codegen's request: "+err.Error())
		return
	}
	theirSent, err := theirsWire(req, op.Form)
	if err != nil {
		h.line(op.Name, TheirsToOurs, "skip", "the harness cannot read oapi-codegen's request: "+err.Error())
		return
	}
	h.mu.Lock()
	h.called, h.in = false, nil
	h.mu.Unlock()
	h.ours.reset()
	resp, err := op.TheirCall(context.Background(), req.Addr().Interface())
	n, status, body, _ := h.ours.last()
	called, in := h.received()
	switch {
	case err != nil && n == 0:
		h.line(op.Name, TheirsToOurs, "FAIL", "oapi-codegen's client failed: "+err.Error())
		return
	case err != nil && called && h.answerUnfit() != "":
		h.line(op.Name, TheirsToOurs, "skip", "the answer: "+h.answerUnfit()+": "+err.Error())
		return
	case err != nil:
		h.line(op.Name, TheirsToOurs, "FAIL", fmt.Sprintf("oapi-codegen's client failed on nexmogen's answer (%d %.200s): %v", status, body, err))
		return
	case !called:
		h.line(op.Name, TheirsToOurs, "FAIL", fmt.Sprintf("nexmogen's server refused what oapi-codegen's client sent: %d %.300s", status, body))
		return
	}
	if h.judgeOurs(op, theirSent, in, resp, status, body) && op.XML {
		h.theirsToOursXML(op, req)
	}
}

// theirsToOursXML calls again, oapi-codegen's client asking nexmogen's
// server for the answer in XML, and compares what that client decoded
// (its XML<Status>) with nexmogen's answer, as JSON values of both models
// (whose JSON names are the spec's).
func (h *Harness) theirsToOursXML(op Op, req reflect.Value) {
	h.t.Helper()
	h.mu.Lock()
	h.called, h.in, h.acceptXML = false, nil, true
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		h.acceptXML = false
		h.mu.Unlock()
	}()
	h.ours.reset()
	resp, err := op.TheirCall(context.Background(), req.Addr().Interface())
	_, status, body, _ := h.ours.last()
	if err != nil {
		h.line(op.Name, TheirsToOursXML, "FAIL", fmt.Sprintf("oapi-codegen's client failed on nexmogen's XML answer (%d %.200s): %v", status, body, err))
		return
	}
	ct := h.ours.respHeader().Get("Content-Type")
	if status != op.Status || !strings.Contains(ct, "xml") {
		h.line(op.Name, TheirsToOursXML, "FAIL", fmt.Sprintf("nexmogen's server answered %d %s to Accept: application/xml, text/xml, want %d in XML", status, ct, op.Status))
		return
	}
	f := reflect.ValueOf(resp).Elem().FieldByName(fmt.Sprintf("XML%d", op.Status))
	got, err := jsonValue(f.Interface())
	if err != nil {
		h.line(op.Name, TheirsToOursXML, "FAIL", "cannot marshal oapi-codegen's decoded XML answer: "+err.Error())
		return
	}
	h.mu.Lock()
	want := *h.answerBody
	h.mu.Unlock()
	if !same(want, got) {
		h.line(op.Name, TheirsToOursXML, "FAIL", fmt.Sprintf("oapi-codegen's client decoded another XML answer: nexmogen's server wrote %.300s, the client decoded %s (nexmogen's answer %s)", body, show(got, true), show(want, true)))
		return
	}
	h.line(op.Name, TheirsToOursXML, "ok", "")
}

// judgeOurs compares what nexmogen's server received with what
// oapi-codegen's client sent, and what that client decoded with the body
// nexmogen's server wrote; true when they agree.
func (h *Harness) judgeOurs(op Op, sent wire, in, resp any, status int, body []byte) bool {
	h.t.Helper()
	input := reflect.ValueOf(in).Elem()
	vals := make([]reflect.Value, len(op.OurFields))
	for i, f := range op.OurFields {
		vals[i] = input.FieldByName(f)
	}
	received, err := oursWire(vals, op.OurFields, op.Form)
	if err != nil {
		h.line(op.Name, TheirsToOurs, "skip", "the harness cannot read nexmogen's input: "+err.Error())
		return false
	}
	if d := diff(sent, received); d != "" {
		h.line(op.Name, TheirsToOurs, "FAIL", "nexmogen's server received another request: "+d)
		return false
	}
	r := reflect.ValueOf(resp).Elem()
	hr, ok := r.FieldByName("HTTPResponse").Interface().(*http.Response)
	if !ok || hr == nil || hr.StatusCode != op.Status {
		h.line(op.Name, TheirsToOurs, "FAIL", fmt.Sprintf("oapi-codegen's client saw status %d, want %d", status, op.Status))
		return false
	}
	if d := h.headerDiff(hr.Header); d != "" {
		h.line(op.Name, TheirsToOurs, "FAIL", "oapi-codegen's client received other response headers: "+d)
		return false
	}
	if op.HasBody {
		f := r.FieldByName(fmt.Sprintf("JSON%d", op.Status))
		if !f.IsValid() {
			h.line(op.Name, TheirsToOurs, "skip", fmt.Sprintf("oapi-codegen's client does not decode a JSON %d answer", op.Status))
			return false
		}
		if d := answerDiff(body, f.Interface()); d != "" {
			h.line(op.Name, TheirsToOurs, "FAIL", "oapi-codegen's client decoded another answer: "+d)
			return false
		}
	}
	h.line(op.Name, TheirsToOurs, "ok", h.headersCompared())
	return true
}

// answerDiff compares the JSON body a server wrote with what a client
// decoded (marshalled again), as JSON values; "" when equal.
func answerDiff(body []byte, got any) string {
	var want any
	if err := json.Unmarshal(body, &want); err != nil {
		return fmt.Sprintf("the answer is not JSON (%v): %.200s", err, body)
	}
	g, err := jsonValue(got)
	if err != nil {
		return "cannot marshal the decoded answer: " + err.Error()
	}
	if same(want, g) {
		return ""
	}
	return fmt.Sprintf("the server wrote %s, the client decoded %s", show(want, true), show(g, true))
}

// answerUnfit is why the filler could not make the answer valid ("" when
// it could).
func (h *Harness) answerUnfit() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.unfit
}

// headerText is the wire text of a header's JSON value: a scalar as
// written, an array's items joined by commas (style simple); false for
// what has no such text (an object, null).
func headerText(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(v), true
	case []any:
		items := make([]string, len(v))
		for i, e := range v {
			t, ok := headerText(e)
			if !ok {
				return "", false
			}
			items[i] = t
		}
		return strings.Join(items, ","), true
	}
	return "", false
}

// headersCompared names the response headers an ok line compared.
func (h *Harness) headersCompared() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.answerHeaders) == 0 {
		return ""
	}
	names := make([]string, 0, len(h.answerHeaders))
	for k := range h.answerHeaders {
		names = append(names, k)
	}
	sort.Strings(names)
	return "(response headers " + strings.Join(names, ", ") + ")"
}

// headerDiff compares the headers of nexmogen's answer with the headers a
// client received, by normalised name; "" when each arrived as written.
func (h *Harness) headerDiff(got http.Header) string {
	h.mu.Lock()
	want := h.answerHeaders
	h.mu.Unlock()
	received := map[string]string{}
	for k, v := range got {
		received[norm(k)] = strings.Join(v, ",")
	}
	var out []string
	for k, v := range want {
		text, _ := headerText(v)
		if g, ok := received[k]; !ok || g != text {
			out = append(out, fmt.Sprintf("%s: want %q, got %q", k, text, g))
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}
