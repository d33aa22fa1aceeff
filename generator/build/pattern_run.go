package build

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// patternRuns decides, for every pattern the validators use, whether it can
// be checked without the regexp engine (see ir.PatternRun).
func (b *builder) patternRuns() {
	for _, p := range b.api.Patterns {
		p.Run = patternRun(p.Expr)
	}
}

// patternRun recognises the two shapes of ir.PatternRun in an RE2
// expression, parsed as regexp.Compile parses it (syntax.Perl: ^ and $ match
// only at the ends of the value): "^" class-repeat "$", and a lone class.
// Anything else, and any class with a rune outside ASCII or a negated one
// that reaches outside it, is left to the regexp engine (nil).
func patternRun(expr string) *ir.PatternRun {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	if re.Op == syntax.OpCharClass {
		if ranges, ok := asciiRanges(re); ok {
			return &ir.PatternRun{Ranges: ranges}
		}
		return nil
	}
	if re.Op != syntax.OpConcat || len(re.Sub) != 3 ||
		re.Sub[0].Op != syntax.OpBeginText || re.Sub[2].Op != syntax.OpEndText {
		return nil
	}
	class, lo, hi := repeated(re.Sub[1])
	if class == nil {
		return nil
	}
	ranges, ok := asciiRanges(class)
	if !ok {
		return nil
	}
	return &ir.PatternRun{Ranges: ranges, Whole: true, Min: lo, Max: hi}
}

// repeated splits a repetition of a character class into the class and
// its bounds (hi -1: unbounded); nil when re is something else.
func repeated(re *syntax.Regexp) (class *syntax.Regexp, lo, hi int) {
	switch re.Op {
	case syntax.OpCharClass:
		return re, 1, 1
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		if len(re.Sub) != 1 || re.Sub[0].Op != syntax.OpCharClass {
			return nil, 0, 0
		}
		switch re.Op {
		case syntax.OpStar:
			return re.Sub[0], 0, -1
		case syntax.OpPlus:
			return re.Sub[0], 1, -1
		case syntax.OpQuest:
			return re.Sub[0], 0, 1
		}
		return re.Sub[0], re.Min, re.Max
	}
	return nil, 0, 0
}

// asciiRanges writes a character class's ranges as byte pairs, when every
// range lies within ASCII. A value's bytes outside ASCII then never match,
// as no rune of theirs is in the class, so bytes and runes agree.
func asciiRanges(class *syntax.Regexp) (string, bool) {
	var b strings.Builder
	for i := 0; i+1 < len(class.Rune); i += 2 {
		lo, hi := class.Rune[i], class.Rune[i+1]
		if lo < 0 || hi >= utf8.RuneSelf || lo > hi {
			return "", false
		}
		b.WriteByte(byte(lo))
		b.WriteByte(byte(hi))
	}
	return b.String(), b.Len() > 0
}
