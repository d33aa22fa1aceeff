package build

import (
	"math/rand/v2"
	"regexp"
	"testing"

	"github.com/nexmogen/nexmogen/generator/ir"
)

func TestPatternRunShapes(t *testing.T) {
	cases := []struct {
		expr string
		want *ir.PatternRun
	}{
		{"^[A-Z]{2}$", &ir.PatternRun{Ranges: "AZ", Whole: true, Min: 2, Max: 2}},
		{"^[0-9]{6,15}$", &ir.PatternRun{Ranges: "09", Whole: true, Min: 6, Max: 15}},
		{"^[A-Za-z0-9]{8,25}$", &ir.PatternRun{Ranges: "09AZaz", Whole: true, Min: 8, Max: 25}},
		{"^[a-f0-9]+$", &ir.PatternRun{Ranges: "09af", Whole: true, Min: 1, Max: -1}},
		{"^[0-9]*$", &ir.PatternRun{Ranges: "09", Whole: true, Min: 0, Max: -1}},
		{"^[0-9]{3,}$", &ir.PatternRun{Ranges: "09", Whole: true, Min: 3, Max: -1}},
		{"[0-9]", &ir.PatternRun{Ranges: "09"}},
		{"[a-z]", &ir.PatternRun{Ranges: "az"}},
		{"^[0-9]{2}", nil},     // not anchored at the end
		{"[0-9]{2}$", nil},     // not anchored at the start
		{"^[0-9]-[0-9]$", nil}, // more than one class
		{"^[^0-9]{2}$", nil},   // negated: reaches outside ASCII
		{"^[é]{2}$", nil},      // outside ASCII
		{"^(?i)[a-z]{2}$", nil},
		{"^a{2}$", nil}, // a literal, not a class
		{"^[0-9]{2}$|x", nil},
		{"(", nil},
	}
	for _, c := range cases {
		got := patternRun(c.expr)
		if (got == nil) != (c.want == nil) || got != nil && *got != *c.want {
			t.Errorf("%q: got %+v, want %+v", c.expr, got, c.want)
		}
	}
}

// matches is what the runtime's matchRun and containsRun compute.
func matches(r *ir.PatternRun, s string) bool {
	in := func(c byte) bool {
		for j := 0; j+1 < len(r.Ranges); j += 2 {
			if r.Ranges[j] <= c && c <= r.Ranges[j+1] {
				return true
			}
		}
		return false
	}
	if !r.Whole {
		for i := 0; i < len(s); i++ {
			if in(s[i]) {
				return true
			}
		}
		return false
	}
	if len(s) < r.Min || r.Max >= 0 && len(s) > r.Max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !in(s[i]) {
			return false
		}
	}
	return true
}

// TestPatternRunAgreesWithRegexp draws strings from an alphabet of class
// members, neighbours, multi-byte runes and invalid UTF-8, and checks the
// byte loop answers as the regexp does.
func TestPatternRunAgreesWithRegexp(t *testing.T) {
	alphabet := []string{"0", "9", "5", "a", "z", "A", "Z", "M", "/", ":", "@", "[", "`", "{", "\n", " ", "é", "\xff", "\x00", "٣"}
	exprs := []string{"^[A-Z]{2}$", "^[0-9]{6,15}$", "^[A-Za-z0-9]{8,25}$", "[0-9]", "[a-z]", "[A-Z]", "^[a-f0-9]+$", "^[0-9]*$", "^[0-9]{3,}$"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, expr := range exprs {
		run := patternRun(expr)
		if run == nil {
			t.Fatalf("%q: not recognised", expr)
		}
		re := regexp.MustCompile(expr)
		for range 20000 {
			var s string
			for range rng.IntN(28) {
				s += alphabet[rng.IntN(len(alphabet))]
			}
			if got, want := matches(run, s), re.MatchString(s); got != want {
				t.Fatalf("%q on %q: byte loop %v, regexp %v", expr, s, got, want)
			}
		}
	}
}
