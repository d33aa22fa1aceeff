package smoke

import (
	"regexp/syntax"
	"strings"
	"unicode"
)

// sample writes a string the RE2 expression pattern matches: each
// repetition at its minimum plus extra (capped by its maximum), the first
// alternative, a class's first printable character. Anchors are dropped
// (the caller checks the result with the compiled expression, which also
// settles unanchored patterns). false: an operator it does not know.
func sample(pattern string, extra int) (string, bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return "", false
	}
	var b strings.Builder
	ok := write(&b, re.Simplify(), extra)
	return b.String(), ok
}

func write(b *strings.Builder, re *syntax.Regexp, extra int) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			b.WriteRune(r)
		}
		return true
	case syntax.OpCharClass:
		r, ok := classRune(re.Rune)
		if ok {
			b.WriteRune(r)
		}
		return ok
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('a')
		return true
	case syntax.OpCapture:
		return write(b, re.Sub[0], extra)
	case syntax.OpConcat:
		for _, s := range re.Sub {
			if !write(b, s, extra) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		return write(b, re.Sub[0], extra)
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		lo, hi := re.Min, re.Max
		switch re.Op {
		case syntax.OpStar:
			lo, hi = 0, -1
		case syntax.OpPlus:
			lo, hi = 1, -1
		case syntax.OpQuest:
			lo, hi = 0, 1
		}
		n := lo + extra
		if hi >= 0 && n > hi {
			n = hi
		}
		for range n {
			if !write(b, re.Sub[0], extra) {
				return false
			}
		}
		return true
	}
	return false
}

// classRune is the first letter or digit of the class's ranges (pairs of
// inclusive bounds), else its first printable rune.
func classRune(ranges []rune) (rune, bool) {
	var printable rune = -1
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1] && r-ranges[i] < 256; r++ {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r, true
			}
			if printable < 0 && unicode.IsPrint(r) && r != ' ' {
				printable = r
			}
		}
	}
	return printable, printable >= 0
}
