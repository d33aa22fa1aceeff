package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/nexmogen/nexmogen/corpus/smoke"
)

// pair is one operation of nexmogen's and oapi-codegen's of the same name.
type pair struct {
	ours   smoke.Operation
	their  string // oapi-codegen's strict method
	skip   string // why it is not driven
	status int
	// answer is oapi-codegen's response type for status ("" when none);
	// call the expression that calls its client with q, the request object.
	answer, call string
	form         bool // the request body is a form
	// xml says oapi-codegen's client decodes an XML answer of status
	// (its <Op>Response has XML<status>), which nexmogen's server offers.
	xml bool
}

// opKey pairs operations: "GetPaymentLinksLinkID" and
// "GetPaymentLinksLinkId" are one.
func opKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// pairs pairs the operations of both packages, nexmogen's order; the
// second result is oapi-codegen's operations nexmogen has none of.
func pairs(ours *smoke.Package, theirs *oapiPkg) ([]pair, []string) {
	byKey := map[string]string{}
	for _, m := range theirs.Order {
		byKey[opKey(m)] = m
	}
	var out []pair
	for _, o := range ours.Ops {
		p := pair{ours: o, their: byKey[opKey(o.Name)]}
		delete(byKey, opKey(o.Name))
		p.skip = p.plan(theirs)
		out = append(out, p)
	}
	var only []string
	for _, m := range byKey {
		only = append(only, m)
	}
	sort.Strings(only)
	return out, only
}

// plan decides how the operation is driven, or why it is not.
func (p *pair) plan(theirs *oapiPkg) string {
	o := p.ours
	switch {
	case p.their == "":
		return "oapi-codegen has no operation of that name"
	case o.Skip != "":
		return o.Skip
	case o.Response == "":
		return "nexmogen's operation has no 2xx response to answer with"
	}
	for _, a := range o.Args {
		if strings.Contains(a, ".") {
			return "nexmogen's client takes a " + a + " (a streamed body is not compared)"
		}
	}
	status, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(o.Response, o.Name), "Response"))
	if err != nil {
		return "nexmogen's success response " + o.Response + " is not of one status"
	}
	p.status = status
	if why := p.planAnswer(theirs); why != "" {
		return why
	}
	for _, f := range theirs.Structs[p.their+"Response"] {
		if f.Name == fmt.Sprintf("XML%d", status) && p.ours.HasBody {
			p.xml = true
		}
	}
	return p.planCall(theirs)
}

func (p *pair) planAnswer(theirs *oapiPkg) string {
	json := fmt.Sprintf("%s%dJSONResponse", p.their, p.status)
	bare := fmt.Sprintf("%s%dResponse", p.their, p.status)
	switch {
	case p.ours.HasBody && theirs.Types[json]:
		p.answer = json
	case !p.ours.HasBody && theirs.Types[bare]:
		p.answer = bare
	default:
		var have []string
		for t := range theirs.Types {
			if strings.HasPrefix(t, fmt.Sprintf("%s%d", p.their, p.status)) && strings.HasSuffix(t, "Response") {
				have = append(have, t)
			}
		}
		sort.Strings(have)
		return fmt.Sprintf("oapi-codegen answers %d with %s, not a JSON body as nexmogen (body: %v)", p.status, strings.Join(have, ", "), p.ours.HasBody)
	}
	return ""
}

// planCall writes the call of oapi-codegen's ClientWithResponses from the
// fields of its request object q.
func (p *pair) planCall(theirs *oapiPkg) string {
	req := strings.TrimPrefix(theirs.Strict[p.their], "")
	fields, ok := theirs.Structs[req]
	if !ok {
		return "oapi-codegen's request object " + req + " is not a struct"
	}
	method := p.their + "WithResponse"
	var path []field
	body := ""
	for _, f := range fields {
		switch {
		case f.Name == "Params":
		case f.Name == "Body" && strings.HasSuffix(f.Type, "JSONRequestBody"):
			body = f.Type
		case f.Name == "Body" && strings.HasSuffix(f.Type, "FormdataRequestBody"):
			body, method, p.form = f.Type, p.their+"WithFormdataBodyWithResponse", true
		case f.Name == "Body" || strings.HasSuffix(f.Name, "Body"):
			return "oapi-codegen's request body is a " + f.Type + " (only JSON and form bodies are compared)"
		default:
			path = append(path, f)
		}
	}
	params, ok := theirs.Methods[method]
	if !ok {
		return "oapi-codegen's client has no " + method
	}
	args := []string{"ctx"}
	for _, t := range params {
		switch {
		case t == "*"+p.their+"Params":
			args = append(args, "&q.Params")
		case body != "" && "*"+t == body:
			args = append(args, "interop.Deref(q.Body)")
		case len(path) > 0 && path[0].Type == t:
			args = append(args, "q."+path[0].Name)
			path = path[1:]
		default:
			return fmt.Sprintf("the harness cannot pass oapi-codegen's %s argument %s", method, t)
		}
	}
	if len(path) > 0 {
		return fmt.Sprintf("the harness passes no path parameter %s to oapi-codegen's %s", path[0].Name, method)
	}
	p.call = fmt.Sprintf("tc.%s(%s)", method, strings.Join(args, ", "))
	return ""
}
