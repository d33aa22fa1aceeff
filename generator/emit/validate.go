package emit

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// validators prints the package-level patterns (those a byte loop cannot
// check; see ir.PatternRun) and a Validate method for
// every struct the IR marks. The checks are plain Go: no reflection, no
// walk of the spec at run time, and no allocation unless a check fails.
func validators(api *ir.API, f *jen.File) {
	var compiled []*ir.Pattern
	for _, p := range api.Patterns {
		if p.Run == nil {
			compiled = append(compiled, p)
		}
	}
	if len(compiled) > 0 {
		f.Comment("Patterns of the spec that need the regexp engine, compiled once.")
		f.Var().DefsFunc(func(g *jen.Group) {
			for _, p := range compiled {
				g.Id(p.GoName).Op("=").Qual("regexp", "MustCompile").Call(jen.Lit(p.Expr))
			}
		})
		f.Line()
	}
	for _, st := range api.Structs {
		if !st.Validate {
			continue
		}
		if st.Union != nil {
			unionValidate(api, f, st)
			continue
		}
		f.Comment("Validate checks every field of " + st.GoName + " against the spec's rules and")
		f.Comment("reports all failures joined; each is a *ValidationError (errors.As), and")
		f.Comment("all match ErrInvalidInput (errors.Is). Call ApplyDefaults first, if it exists.")
		f.Func().Params(jen.Id("x").Op("*").Id(st.GoName)).Id("Validate").Params().Error().BlockFunc(func(g *jen.Group) {
			g.Var().Id("errs").Index().Error()
			for _, fd := range st.Fields {
				fieldChecks(api, g, fd)
			}
			g.Return(jen.Qual("errors", "Join").Call(jen.Id("errs").Op("...")))
		})
		f.Line()
	}
}

// fieldChecks prints the checks of one field. Absent optional values are
// not checked: nil pointers, the zero of fields where zero means absent,
// and a Nullable that is absent or null.
func fieldChecks(api *ir.API, g *jen.Group, fd *ir.Field) {
	v := jen.Id("x").Dot(fd.GoName)
	if fd.ReadOnly {
		// A request does not carry it: set, it is refused, and its other
		// rules judge no request.
		g.If(readOnlySet(api, fd, v)).Block(jen.Id("errs").Op("=").Append(jen.Id("errs"), failure(fd, "readOnly", nil, nil)))
		return
	}
	checks := typeChecks(api, fd, fd.Type, levels(fd), v)
	required := hasRule(fd.Rules, ir.RuleRequired)
	switch {
	case required && fd.Pointer:
		// A required writeOnly date-time or date: a pointer, left out
		// of responses.
		g.If(v.Clone().Op("==").Nil()).Block(jen.Id("errs").Op("=").Append(jen.Id("errs"), failure(fd, "required", nil, nil))).
			Else().Block(append([]jen.Code{jen.Id("v").Op(":=").Op("*").Add(v.Clone())},
			typeChecks(api, fd, fd.Type, levels(fd), jen.Id("v"))...)...)
	case required && len(checks) == 0:
		// A required value with no other rule is still checked for
		// absence.
		g.If(missing(api, fd, v)).Block(jen.Id("errs").Op("=").Append(jen.Id("errs"), failure(fd, "required", nil, nil)))
	case required:
		g.If(missing(api, fd, v)).Block(jen.Id("errs").Op("=").Append(jen.Id("errs"), failure(fd, "required", nil, nil))).
			Else().Block(checks...)
	case len(checks) == 0:
	case fd.Pointer:
		g.If(v.Clone().Op("!=").Nil()).Block(append([]jen.Code{jen.Id("v").Op(":=").Op("*").Add(v.Clone())},
			typeChecks(api, fd, fd.Type, levels(fd), jen.Id("v"))...)...)
	case fd.Type.Nullable:
		// typeChecks looks at a Nullable's value only when it has one.
		for _, c := range checks {
			g.Add(c)
		}
	case !fd.Required && !named(fd.Type) && fd.Type.Kind != ir.KindBool:
		g.If(present(api, fd, v)).Block(checks...)
	default:
		for _, c := range checks {
			g.Add(c)
		}
	}
}

// levels are fd's rules by depth: the value's, its items' (or map
// values'), then those further down (ir.Field.NestedRules).
func levels(fd *ir.Field) [][]*ir.Rule {
	return append([][]*ir.Rule{fd.Rules, fd.ItemRules}, fd.NestedRules...)
}

// typeChecks prints the checks of the value v, of type t: levels[0] on the
// value, levels[1] on each item of an array or value of a map, levels[2]
// on each of theirs, and so on. A Nullable's checks are of its value,
// when it has one (set and not null).
func typeChecks(api *ir.API, fd *ir.Field, t ir.TypeRef, levels [][]*ir.Rule, v *jen.Statement) []jen.Code {
	return checksAt(api, fd, t, levels, v, 1)
}

// checksAt is typeChecks for a value depth-1 levels below the field; its
// items are named item (depth 1), item2, item3..., so that no check reads a
// shadowed variable.
func checksAt(api *ir.API, fd *ir.Field, t ir.TypeRef, levels [][]*ir.Rule, v *jen.Statement, depth int) []jen.Code {
	var rules []*ir.Rule
	if len(levels) > 0 {
		rules, levels = levels[0], levels[1:]
	}
	if t.Nullable {
		inner := checksAt(api, fd, t.Base(), append([][]*ir.Rule{rules}, levels...), v.Clone().Dot("Value"), depth)
		if len(inner) == 0 {
			return nil
		}
		return []jen.Code{jen.If(v.Clone().Dot("Set").Op("&&").Op("!").Add(v.Clone()).Dot("Null")).Block(inner...)}
	}
	checks := valueChecks(api, fd, t, rules, v)
	if t.Kind == ir.KindArray || t.Kind == ir.KindMap {
		// A map's values are checked as an array's items are (in the
		// map's order: the failures of several values come in any order).
		name := "item"
		if depth > 1 {
			name += strconv.Itoa(depth)
		}
		if items := checksAt(api, fd, *t.Elem, levels, jen.Id(name), depth+1); len(items) > 0 {
			checks = append(checks, jen.For(jen.List(jen.Id("_"), jen.Id(name)).Op(":=").Range().Add(v.Clone())).Block(items...))
		}
	}
	return checks
}

// readOnlySet is the test that a readOnly value is set: not nil, or not
// its zero (which the client leaves out).
func readOnlySet(api *ir.API, fd *ir.Field, v *jen.Statement) *jen.Statement {
	if fd.Pointer {
		return v.Clone().Op("!=").Nil()
	}
	return present(api, fd, v)
}

// missing is the test for an absent required value. A JSON body's array
// is absent when nil: a present empty one ([]) is there, and only its
// rules judge it. A parameter's or form field's empty array is not sent by
// the client, so it is absent.
func missing(api *ir.API, fd *ir.Field, v *jen.Statement) *jen.Statement {
	if fd.Type.Nullable {
		return isZero(api, fd.Type, v.Clone())
	}
	if fd.Type.Kind == ir.KindArray && fd.In == ir.InBody {
		return v.Clone().Op("==").Nil()
	}
	if fd.Type.Kind == ir.KindArray {
		return jen.Len(v.Clone()).Op("==").Lit(0)
	}
	return isZero(api, fd.Type, v.Clone())
}

// present is the test for a non-zero optional value. An optional array is
// absent when nil: the client leaves it off the wire, so minItems applies
// only to an array that is there, and an empty one that is there (a JSON
// [], a query "features=") still breaks minItems 1.
func present(api *ir.API, fd *ir.Field, v *jen.Statement) *jen.Statement {
	if fd.Type.Kind == ir.KindArray && !fd.Type.Nullable {
		return v.Clone().Op("!=").Nil()
	}
	return nonZero(api, fd.Type, v.Clone())
}

func hasRule(rules []*ir.Rule, k ir.RuleKind) bool {
	for _, r := range rules {
		if r.Kind == k {
			return true
		}
	}
	return false
}
