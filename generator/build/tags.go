package build

import (
	"slices"
	"strings"
	"unicode"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// wireTagName reports, at at, a property name that a struct tag cannot
// carry: encoding/json ignores a tag name outside its alphabet (letters,
// digits and !#$%&()*+-./:;<=>?@[]^_{|}~ and space) and falls back to the
// Go field name, and a comma ends the name, so "foo\nbar", a quote, a
// backslash, a tab or "a,b" would be renamed on the wire. A name that XML
// cannot carry either (a space: a namespace; ">": a path) is remembered
// and reported when the document has XML bodies (see xmlTagNames).
func (b *builder) wireTagName(name string, at ir.Pos) {
	if !jsonTagName(name) {
		b.diags.Addf(at, "unsupported: property name %q cannot be a JSON struct tag (encoding/json would rename it on the wire): only letters, digits, spaces and !#$%%&()*+-./:;<=>?@[]^_{|}~ are", name)
		return
	}
	if strings.ContainsAny(name, " >") {
		b.xmlUnsafe = append(b.xmlUnsafe, namedPos{name: name, pos: at})
	}
}

// namedPos is a name with the position it was written at.
type namedPos struct {
	name string
	pos  ir.Pos
}

// jsonTagName is encoding/json's test of a tag name (isValidTag), with a
// comma refused: it would end the name.
func jsonTagName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// xmlTagNames reports the property names XML tags cannot carry, when the
// document has an XML body: encoding/xml reads a space in a tag as a
// namespace and ">" as a path of elements.
func (b *builder) xmlTagNames() {
	xml := slices.ContainsFunc(b.api.AllOperations(), func(op *ir.Operation) bool {
		return xmlBody(op) || slices.ContainsFunc(op.Responses, func(r *ir.Response) bool { return ir.HasCodec(r.Media, ir.MediaXML) })
	})
	if !xml {
		return
	}
	b.xmlRootsNested()
	for _, n := range b.xmlUnsafe {
		b.diags.Addf(n.pos, "unsupported: property name %q cannot be an XML struct tag (a space or \">\" in it): the document has XML bodies", n.name)
	}
}
