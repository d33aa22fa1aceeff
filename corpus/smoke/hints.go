package smoke

import (
	"fmt"
	"go/types"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// The filler alone knows Go types; what makes a value valid is in the
// spec: a format, a pattern, lengths, bounds, readOnly, a discriminator's
// values. hints carries that from the IR (generator.Model) into the smoke
// test as a table keyed by Go type and field, so that the minimal values
// pass the generated validators and the operation is driven, not skipped.

// fieldHint is what the filler must know of one field.
type fieldHint struct {
	Wire                          string
	Required, ReadOnly, WriteOnly bool
	Value, Item                   valueHint // the field's value; an array's items or a map's values
	MinItems                      int       // -1: no rule
}

// valueHint is a value that meets a scalar's rules: a string, a number,
// or neither (no rule, or none that smoke can meet).
type valueHint struct {
	Str    string
	HasStr bool
	Num    float64
	HasNum bool
}

// unionHint is how a union's variants are told apart.
type unionHint struct {
	Disc   string
	Values []string // per variant, its first discriminator value ("" for none)
}

// hints are the tables of one package.
type hints struct {
	Fields map[string]map[string]fieldHint // Go type -> Go field -> hint
	Unions map[string]unionHint            // Go type of a union -> its hint
}

// hintsOf reads api for the types of the package scope has (a struct
// the package does not declare under its IR name is left out).
func hintsOf(api *ir.API, scope *types.Scope) *hints {
	h := &hints{Fields: map[string]map[string]fieldHint{}, Unions: map[string]unionHint{}}
	for _, s := range api.Structs {
		t, ok := lookupType(scope, s.GoName)
		if !ok || t.Obj().Name() != s.GoName {
			continue
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		if s.Union != nil {
			u := unionHint{Disc: s.Union.Discriminator}
			for _, v := range s.Union.Values {
				first := ""
				if len(v) > 0 {
					first = v[0]
				}
				u.Values = append(u.Values, first)
			}
			h.Unions[s.GoName] = u
			continue
		}
		fields := map[string]fieldHint{}
		for _, f := range s.Fields {
			if !hasField(st, f.GoName) {
				continue
			}
			fh := fieldHint{
				Wire: f.Name, Required: required(f), ReadOnly: f.ReadOnly, WriteOnly: f.WriteOnly,
				Value: valueFor(f.Rules), Item: valueFor(f.ItemRules), MinItems: minItems(f.Rules),
			}
			if bs := api.BodyStatus; bs != nil && f.Name == bs.Code && len(bs.Success) > 0 {
				fh.Value = successCode(bs.Success[0])
			}
			fields[f.GoName] = fh
		}
		if len(fields) > 0 {
			h.Fields[s.GoName] = fields
		}
	}
	return h
}

// required reports whether f is required where it travels: a readOnly
// property the schema requires is not required in a request (the IR's
// Required is false, for the validators that judge requests) but is in a
// response, as the AccessTag tells the runtime ("readOnly,required"); the
// filler leaves readOnly fields out of requests and writeOnly ones out of
// answers anyway.
func required(f *ir.Field) bool {
	return f.Required || slices.Contains(strings.Split(f.AccessTag, ","), "required")
}

// successCode is the value of a body's status code field
// (x-nexmogen-body-status) that means success: any other is a failure
// under a 2xx, which the client reports as an error.
func successCode(code string) valueHint {
	v := valueHint{Str: code, HasStr: true}
	if n, err := strconv.ParseFloat(code, 64); err == nil {
		v.Num, v.HasNum = n, true
	}
	return v
}

func hasField(st *types.Struct, name string) bool {
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			return true
		}
	}
	return false
}

func minItems(rules []*ir.Rule) int {
	for _, r := range rules {
		if r.Kind == ir.RuleMinItems {
			return int(r.Bound.Number())
		}
	}
	return -1
}

// formatValues are valid strings of the formats the validators check.
var formatValues = map[string]string{
	"uuid": "123e4567-e89b-12d3-a456-426614174000", "email": "smoke@example.com",
	"uri": "https://example.com/smoke", "uri-reference": "https://example.com/smoke",
	"url": "https://example.com/smoke", "hostname": "example.com", "ipv4": "192.0.2.1",
	"ipv6": "2001:db8::1", "time": "08:30:00Z", "duration": "P1D",
}

// valueFor is a value that meets rules: a string when a string rule is
// among them, a number when a numeric one is.
func valueFor(rules []*ir.Rule) valueHint {
	var v valueHint
	minLen, maxLen := -1, -1
	var patterns []string
	var format string
	lo, hi := math.Inf(-1), math.Inf(1)
	loEx, hiEx, step := false, false, 0.0
	for _, r := range rules {
		switch r.Kind {
		case ir.RuleFormat:
			format = r.Format
		case ir.RulePattern:
			patterns = append(patterns, r.Pattern.Expr)
		case ir.RuleMinLength:
			minLen = int(r.Bound.Number())
		case ir.RuleMaxLength:
			maxLen = int(r.Bound.Number())
		case ir.RuleMinimum:
			lo, loEx = r.Bound.Number(), r.Exclusive
		case ir.RuleMaximum:
			hi, hiEx = r.Bound.Number(), r.Exclusive
		case ir.RuleMultipleOf:
			step = r.Bound.Number()
		}
	}
	if format != "" || len(patterns) > 0 || minLen >= 0 || maxLen >= 0 {
		v.Str, v.HasStr = stringFor(format, patterns, minLen, maxLen)
	}
	if !math.IsInf(lo, -1) || !math.IsInf(hi, 1) || step > 0 {
		v.Num, v.HasNum = numberFor(lo, hi, loEx, hiEx, step)
	}
	return v
}

// numberFor is 1 moved into [lo, hi] and onto a multiple of step; an
// integer whenever the bounds allow one, else their middle.
func numberFor(lo, hi float64, loEx, hiEx bool, step float64) (float64, bool) {
	n := 1.0
	if n < lo || n == lo && loEx {
		n = math.Floor(lo) + 1
		if !loEx && lo == math.Floor(lo) {
			n = lo
		}
	}
	if n > hi || n == hi && hiEx {
		n = math.Ceil(hi) - 1
		if !hiEx && hi == math.Ceil(hi) {
			n = hi
		}
	}
	if step > 0 {
		n = math.Ceil(n/step) * step
		if n > hi || n == hi && hiEx {
			n -= step
		}
	}
	in := func(n float64) bool { return (n > lo || n == lo && !loEx) && (n < hi || n == hi && !hiEx) }
	if !in(n) && step == 0 && !math.IsInf(lo, 0) && !math.IsInf(hi, 0) {
		n = (lo + hi) / 2 // no integer fits: a number field's value
	}
	return n, in(n)
}

// stringFor is a string of the format, matching every pattern (an allOf
// of patterns, such as nexmo's newSecret: letters and digits, a digit, a
// lower-case and an upper-case letter), within the lengths; false when it
// finds none. Of several patterns it tries each one's sample and the
// samples one after the other.
func stringFor(format string, patterns []string, minLen, maxLen int) (string, bool) {
	fits := func(s string) bool {
		n := len([]rune(s))
		return (minLen < 0 || n >= minLen) && (maxLen < 0 || n <= maxLen)
	}
	if len(patterns) > 0 {
		var res []*regexp.Regexp
		for _, p := range patterns {
			re, err := regexp.Compile(p)
			if err != nil {
				return "", false
			}
			res = append(res, re)
		}
		valid := func(s string) bool {
			for _, re := range res {
				if !re.MatchString(s) {
					return false
				}
			}
			return fits(s)
		}
		if s, ok := formatValues[format]; ok && valid(s) {
			return s, true
		}
		// The empty string last: a string field at its zero value is
		// absent, which a required one may not be.
		empty := false
		for extra := 0; extra <= 64; extra++ {
			var tries []string
			all := ""
			for _, p := range patterns {
				if s, ok := sample(p, extra); ok {
					tries = append(tries, s)
					all += s
				}
			}
			if len(patterns) > 1 {
				tries = append(tries, all)
			}
			for _, s := range tries {
				if valid(s) {
					if s != "" {
						return s, true
					}
					empty = true
				}
			}
		}
		return "", empty
	}
	if s, ok := formatValues[format]; ok {
		return s, fits(s)
	}
	s := "smoke"
	if maxLen >= 0 && len(s) > maxLen {
		s = s[:maxLen]
	}
	for minLen >= 0 && len(s) < minLen {
		s += "x"
	}
	return s, fits(s)
}

// writeHints prints the tables as the smoke test's smokeHints and
// smokeUnions.
func writeHints(b *strings.Builder, h *hints) {
	b.WriteString("// smokeHints are the spec's rules of each field (corpus/smoke/hints.go).\nvar smokeHints = map[reflect.Type]map[string]smokeHint{\n")
	for _, t := range sortedKeys(h.Fields) {
		fmt.Fprintf(b, "\treflect.TypeFor[%s](): {\n", t)
		fields := h.Fields[t]
		for _, f := range sortedKeys(fields) {
			x := fields[f]
			fmt.Fprintf(b, "\t\t%q: {Wire: %q, Required: %v, ReadOnly: %v, WriteOnly: %v, MinItems: %d, Value: %s, Item: %s},\n",
				f, x.Wire, x.Required, x.ReadOnly, x.WriteOnly, x.MinItems, valueLit(x.Value), valueLit(x.Item))
		}
		b.WriteString("\t},\n")
	}
	b.WriteString("}\n\n// smokeUnions are the discriminators of the unions.\nvar smokeUnions = map[reflect.Type]smokeUnion{\n")
	for _, t := range sortedKeys(h.Unions) {
		u := h.Unions[t]
		fmt.Fprintf(b, "\treflect.TypeFor[%s](): {Disc: %q, Values: %#v},\n", t, u.Disc, u.Values)
	}
	b.WriteString("}\n\n")
}

func valueLit(v valueHint) string {
	return fmt.Sprintf("smokeValue{Str: %q, HasStr: %v, Num: %s, HasNum: %v}", v.Str, v.HasStr, strconv.FormatFloat(v.Num, 'g', -1, 64), v.HasNum)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
