package emit

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// goType prints the Go type of t, from its kind's codec.
func goType(t ir.TypeRef) *jen.Statement {
	if t.Nullable {
		return nullableType(t.Base())
	}
	if t.Kind == ir.KindEnum {
		return jen.Id(t.Name)
	}
	return kindCodec(t).goType(t)
}

// fieldType prints a field's type, a pointer when the IR says so.
func fieldType(f *ir.Field) *jen.Statement {
	if f.Pointer {
		return jen.Op("*").Add(goType(f.Type))
	}
	return goType(f.Type)
}

// comment prints a doc comment: the Go name, then the spec's text. Go doc
// comments start with the name they document.
func comment(goName, lead, text string) *jen.Statement {
	text = strings.TrimSpace(text)
	if text == "" {
		return docComment(goName + " " + lead)
	}
	return docComment(goName + " " + lead + "\n\n" + text)
}

// docComment prints text as "//" lines, one per line of text: jennifer
// prints a multi-line Comment as a /* */ block, which Go doc comments
// avoid.
func docComment(text string) *jen.Statement {
	lines := strings.Split(commentSafe(text), "\n")
	s := jen.Comment(strings.TrimRight(lines[0], " "))
	for _, l := range lines[1:] {
		s.Line().Comment(strings.TrimRight(l, " "))
	}
	return s
}

// fieldComment documents a struct field: the spec's text, or where the
// field travels when there is none, and a Deprecated paragraph.
func fieldComment(f *ir.Field, where string) *jen.Statement {
	text := strings.TrimSpace(f.Doc)
	if text == "" {
		text = f.GoName + " is the " + where + " " + quote(f.Name) + "."
	}
	if f.Deprecated {
		text += "\n\nDeprecated: the spec marks " + quote(f.Name) + " deprecated."
	}
	return docComment(text)
}

// quote wraps a spec name in double quotes for comments, Go-escaped: a
// newline, a NUL or a quote in a name never ends the comment.
func quote(s string) string { return strconv.Quote(s) }

// inName is how a place on the wire is called in messages and comments.
func inName(in ir.In) string {
	return [...]string{ir.InBody: "body", ir.InQuery: "query", ir.InPath: "path", ir.InHeader: "header", ir.InForm: "form", ir.InCookie: "cookie"}[in]
}

// sortFiles orders files by name.
func sortFiles(files []File) {
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
}

// commentSafe replaces the characters Go source cannot hold in a comment
// (NUL, other control characters, invalid UTF-8, a byte order mark) and
// the Unicode bidi controls (which make a comment display as code:
// "Trojan Source", CVE-2021-42574) with U+FFFD: a spec's text is printed,
// never trusted.
func commentSafe(text string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7f || r == utf8.RuneError || r == '\uFEFF' || bidi(r) {
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(text, "\uFFFD"))
}

// bidi reports the Unicode bidirectional controls: embeddings and
// overrides (U+202A-U+202E), isolates (U+2066-U+2069) and the marks
// (U+200E, U+200F, U+061C).
func bidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// withoutBidi is the net under commentSafe: the printed source with every
// bidi control replaced by U+FFFD. Literals are quoted with strconv,
// which escapes them, and identifiers are ASCII (package naming), so a
// control left in the source is in a comment, where the replacement
// changes no meaning.
func withoutBidi(src []byte) []byte {
	if !bytes.ContainsFunc(src, bidi) {
		return src
	}
	return bytes.Map(func(r rune) rune {
		if bidi(r) {
			return '\uFFFD'
		}
		return r
	}, src)
}
