package build

import (
	"fmt"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// secretCarriers decides, once, which structs carry a secret (format:
// password) at any depth, and what that asks of the code:
//
//   - Struct.Wire: a JSON or XML request body, or a response body, holds
//     it. A Secret prints "[REDACTED]" even through encoding/json and
//     encoding/xml, so the body travels as its twin of that name, whose
//     secrets are plain strings (wire.go, shared by client and server).
//   - Struct.Secrets: a request sends it (its body, at any depth, or its
//     parameters). The call hands its values to the redactor of that call
//     (appendSecrets), so that a server echoing one in an error label
//     does not make the client show it.
func (b *builder) secretCarriers() {
	wire, sends := map[string]bool{}, map[string]bool{}
	for _, op := range b.api.AllOperations() {
		if op.Body != nil {
			b.carriesSecret(op.Body.Type, sends, map[string]bool{})
			if op.Body.Media.Codec != ir.MediaForm {
				b.carriesSecret(op.Body.Type, wire, map[string]bool{})
			}
		}
		if op.Params != nil {
			b.carriesSecret(ir.TypeRef{Kind: ir.KindStruct, Name: op.Params.GoName}, sends, map[string]bool{})
		}
		for _, r := range op.Responses {
			if r.Type != nil {
				b.carriesSecret(*r.Type, wire, map[string]bool{})
			}
			for _, p := range r.Parts {
				b.carriesSecret(p.Type, wire, map[string]bool{})
			}
		}
	}
	for _, st := range b.api.Structs {
		if wire[st.GoName] {
			st.Wire = "wire" + st.GoName
		}
		st.Secrets = sends[st.GoName]
	}
}

// carriesSecret reports whether a value of type t holds a secret, and
// marks in need every struct on the way that does.
func (b *builder) carriesSecret(t ir.TypeRef, need, seen map[string]bool) bool {
	switch t.Kind {
	case ir.KindString:
		return t.Secret
	case ir.KindArray, ir.KindMap:
		return b.carriesSecret(*t.Elem, need, seen)
	case ir.KindStruct:
		if seen[t.Name] {
			return need[t.Name]
		}
		seen[t.Name] = true
		st := b.structByName(t.Name)
		if st == nil {
			return false
		}
		holds := false
		for _, f := range st.Fields {
			if b.carriesSecret(f.Type, need, seen) {
				holds = true
			}
		}
		need[t.Name] = need[t.Name] || holds
		return holds
	case ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindEnum, ir.KindTime, ir.KindDate, ir.KindBytes, ir.KindAny, ir.KindGo, ir.KindStream:
		return false
	case ir.KindUnion:
		return false // refused with a position (unionSecrets)
	}
	panic(fmt.Sprintf("build: carriesSecret: unknown kind %d", t.Kind))
}
