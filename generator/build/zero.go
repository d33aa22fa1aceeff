package build

import (
	"regexp"
	"slices"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// zeroRefused marks an optional property of a JSON body whose Go zero
// value ("", 0, false) its own rules refuse: minLength 2, an enum without
// "" or 0, a pattern or a format that "" does not match, minimum 1. The
// zero of such a field is absent to the validators (README: the zero
// value is absent), so a request that holds the key at its zero
// ({"level": 0} for enum [1, 2, 3]) would pass Validate although the
// schema refuses it: the nexmogen tag's zero=<keyword> option tells the
// server's presence checks to refuse the key when it is there at its zero
// (found by FuzzBodiesAgainstKin, generated/kinfuzz).
func (b *builder) zeroRefused(f *ir.Field) {
	if f.Required || f.Pointer || f.ReadOnly || f.Type.Nullable {
		return
	}
	kw := b.zeroKeyword(f)
	if kw == "" {
		return
	}
	if f.AccessTag != "" {
		f.AccessTag += ","
	}
	f.AccessTag += "zero=" + kw
}

// zeroKeyword is the keyword of the first rule of f that refuses the zero
// of f's type, or "" when none does (or the type's zero is no scalar).
func (b *builder) zeroKeyword(f *ir.Field) string {
	kind := b.baseKind(f.Type)
	if kind != ir.KindString && kind != ir.KindInt && kind != ir.KindFloat && kind != ir.KindBool {
		return ""
	}
	for _, r := range f.Rules {
		if refusesZero(r, kind, b.enumOf(f.Type)) {
			return r.Keyword()
		}
	}
	return ""
}

// enumOf is the enum type t names, or nil.
func (b *builder) enumOf(t ir.TypeRef) *ir.Enum {
	if t.Kind != ir.KindEnum {
		return nil
	}
	if i := slices.IndexFunc(b.api.Enums, func(e *ir.Enum) bool { return e.GoName == t.Name }); i >= 0 {
		return b.api.Enums[i]
	}
	return nil
}

// refusesZero reports whether rule r refuses the zero value of kind (an
// enum's base kind, e its values).
func refusesZero(r *ir.Rule, kind ir.Kind, e *ir.Enum) bool {
	switch r.Kind {
	case ir.RuleMinLength:
		return r.Bound.Int > 0
	case ir.RulePattern:
		re, err := regexp.Compile(r.Pattern.Expr)
		return err == nil && !re.MatchString("")
	case ir.RuleFormat:
		// Every format the validators check (uuid, email, uri, ipv4,
		// ipv6, hostname, time, duration) refuses "" (the runtime's
		// TestFormatChecks: "" is among the refused of each).
		return kind == ir.KindString
	case ir.RuleEnum:
		return e != nil && !slices.ContainsFunc(e.Values, func(v *ir.EnumValue) bool { return v.Value.GoZero() })
	case ir.RuleMinimum, ir.RuleMaximum:
		n := r.Bound.Number()
		if r.Kind == ir.RuleMaximum {
			n = -n
		}
		return n > 0 || (n == 0 && r.Exclusive)
	case ir.RuleRequired, ir.RuleMaxLength, ir.RuleMinItems, ir.RuleMaxItems, ir.RuleUniqueItems, ir.RuleMultipleOf,
		ir.RuleMinProperties, ir.RuleMaxProperties, ir.RuleNull:
		return false
	}
	panic("build: a rule of unknown kind " + r.Keyword())
}
