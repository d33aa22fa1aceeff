package build

import "github.com/nexmogen/nexmogen/generator/ir"

// markValidated decides which structs get Validate and ApplyDefaults:
// parameters, form bodies, JSON request bodies (and models sent as
// forms, bodies by format) with the structs they contain, and unions with
// their variants.
func (b *builder) markValidated() {
	for _, st := range b.api.Structs {
		// A union's decoding validates the variants it tries (union.go).
		if st.Role != ir.RoleModel || st.Union != nil {
			b.validate(st)
		}
	}
	for _, op := range b.api.AllOperations() {
		if op.Body != nil && (structured(op.Body.Media.Codec) || op.Body.Media.Codec == ir.MediaForm || len(op.Body.Alternatives) > 0) {
			// (a form may be a model's, a mixed body a body by format)
			b.validateType(op.Body.Type)
		}
	}
	for _, st := range b.api.Structs {
		if !st.Validate {
			continue
		}
		for _, f := range st.Fields {
			if f.Default != nil {
				st.Defaults = true
			}
		}
	}
}

func (b *builder) validate(st *ir.Struct) {
	if st == nil || st.Validate {
		return
	}
	st.Validate = true
	for _, f := range st.Fields {
		b.validateType(f.Type)
	}
}

func (b *builder) validateType(t ir.TypeRef) {
	switch t.Kind {
	case ir.KindStruct, ir.KindUnion:
		b.validate(b.structByName(t.Name))
	case ir.KindArray, ir.KindMap:
		b.validateType(*t.Elem)
	case ir.KindString, ir.KindInt, ir.KindFloat, ir.KindBool, ir.KindEnum, ir.KindTime, ir.KindDate, ir.KindBytes,
		ir.KindAny, ir.KindGo, ir.KindStream:
		// Checked by their field's rules.
	default:
		panic(unknownKind("validateType", t.Kind))
	}
}
