package interop

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
)

// run drives one operation: nexmogen's client first (its validation
// decides that the minimal values are valid), then oapi-codegen's with the
// same values.
func (h *Harness) run(op Op) {
	h.t.Helper()
	if op.Skip != "" {
		h.line(op.Name, "both", "skip", op.Skip)
		return
	}
	args := op.OurArgs()
	for _, a := range args {
		fill(reflect.ValueOf(a).Elem(), h.enums, 0)
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

// callOurs calls nexmogen's client, repairing the values it refuses
// (repair.go) a few times.
func (h *Harness) callOurs(op Op, args []any) (any, error) {
	call := func() (any, error) {
		h.reset()
		return op.OurCall(context.Background(), args)
	}
	sent := func() bool { n, _, _, _ := h.their.last(); return n > 0 }
	got, err := call()
	for range 8 {
		if err == nil || sent() {
			break
		}
		var g any
		var e error
		if !repair(args, err, func() error {
			g, e = call()
			if e == nil || sent() {
				return nil
			}
			return e
		}) {
			break
		}
		got, err = g, e
	}
	return got, err
}

// prepareAnswer fills nexmogen's success response: both servers answer it.
func (h *Harness) prepareAnswer(op Op) error {
	answer := reflect.ValueOf(op.OurAnswer()).Elem()
	fill(answer, h.enums, 0)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.answer, h.answerBody, h.answerErr = answer, nil, nil
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
		h.line(op.Name, "both", "skip", "nexmogen's client refused the minimal values: "+err.Error())
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
	h.line(op.Name, OursToTheirs, "ok", "")
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
	case err != nil:
		h.line(op.Name, TheirsToOurs, "FAIL", fmt.Sprintf("oapi-codegen's client failed on nexmogen's answer (%d %.200s): %v", status, body, err))
		return
	case !called:
		h.line(op.Name, TheirsToOurs, "FAIL", fmt.Sprintf("nexmogen's server refused what oapi-codegen's client sent: %d %.300s", status, body))
		return
	}
	h.judgeOurs(op, theirSent, in, resp, status, body)
}

// judgeOurs compares what nexmogen's server received with what
// oapi-codegen's client sent, and what that client decoded with the body
// nexmogen's server wrote.
func (h *Harness) judgeOurs(op Op, sent wire, in, resp any, status int, body []byte) {
	h.t.Helper()
	input := reflect.ValueOf(in).Elem()
	vals := make([]reflect.Value, len(op.OurFields))
	for i, f := range op.OurFields {
		vals[i] = input.FieldByName(f)
	}
	received, err := oursWire(vals, op.OurFields, op.Form)
	if err != nil {
		h.line(op.Name, TheirsToOurs, "skip", "the harness cannot read nexmogen's input: "+err.Error())
		return
	}
	if d := diff(sent, received); d != "" {
		h.line(op.Name, TheirsToOurs, "FAIL", "nexmogen's server received another request: "+d)
		return
	}
	r := reflect.ValueOf(resp).Elem()
	if hr, ok := r.FieldByName("HTTPResponse").Interface().(*http.Response); !ok || hr == nil || hr.StatusCode != op.Status {
		h.line(op.Name, TheirsToOurs, "FAIL", fmt.Sprintf("oapi-codegen's client saw status %d, want %d", status, op.Status))
		return
	}
	if op.HasBody {
		f := r.FieldByName(fmt.Sprintf("JSON%d", op.Status))
		if !f.IsValid() {
			h.line(op.Name, TheirsToOurs, "skip", fmt.Sprintf("oapi-codegen's client does not decode a JSON %d answer", op.Status))
			return
		}
		if d := answerDiff(body, f.Interface()); d != "" {
			h.line(op.Name, TheirsToOurs, "FAIL", "oapi-codegen's client decoded another answer: "+d)
			return
		}
	}
	h.line(op.Name, TheirsToOurs, "ok", "")
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
