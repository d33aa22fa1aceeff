// Package diag holds the generator's positioned diagnostics: every problem
// found in a spec reads "file:line:col: message".
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// Diagnostic is one problem at one place in the spec.
type Diagnostic struct {
	Pos ir.Pos
	Msg string
	// Warning marks a problem that only loses a check or a piece of
	// documentation (an example that breaks its schema, a pattern RE2
	// cannot compile): the generation goes on, unless it is strict.
	Warning bool
}

// Error formats the diagnostic as "file:line:col: msg" ("file:line:col:
// warning: msg" for a warning); parts of the position that are unknown are
// left out. A line break in msg (a spec value quoted in it) is escaped: a
// diagnostic is one line.
func (d *Diagnostic) Error() string {
	kind := ""
	if d.Warning {
		kind = "warning: "
	}
	return FormatPos(d.Pos) + kind + lineBreaks.Replace(d.Msg)
}

// lineBreaks escapes the line breaks of a message.
var lineBreaks = strings.NewReplacer("\r\n", `\r\n`, "\n", `\n`, "\r", `\r`)

// FormatPos renders a position as a "file:line:col: " prefix.
func FormatPos(p ir.Pos) string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		b.WriteString(":")
	}
	if p.Line > 0 {
		fmt.Fprintf(&b, "%d:", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, "%d:", p.Col)
		}
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	return b.String()
}

// List collects diagnostics. The zero value is ready to use.
type List struct {
	items []*Diagnostic
}

// Addf records a problem at pos.
func (l *List) Addf(pos ir.Pos, format string, args ...any) {
	l.items = append(l.items, &Diagnostic{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at pos.
func (l *List) Warnf(pos ir.Pos, format string, args ...any) {
	l.items = append(l.items, &Diagnostic{Pos: pos, Msg: fmt.Sprintf(format, args...), Warning: true})
}

// Add records diagnostics made elsewhere: those err holds (a Diagnostic,
// or a join of them), each kept as it is; any other error at no position.
func (l *List) Add(err error) {
	switch e := err.(type) {
	case nil:
	case *Diagnostic:
		l.items = append(l.items, e)
	case interface{ Unwrap() []error }:
		for _, inner := range e.Unwrap() {
			l.Add(inner)
		}
	default:
		l.items = append(l.items, &Diagnostic{Msg: err.Error()})
	}
}

// Len reports how many problems, warnings included, were recorded.
func (l *List) Len() int { return len(l.items) }

// Err returns the problems (warnings aside) sorted by position and
// joined, or nil.
func (l *List) Err() error {
	items := sorted(slices.DeleteFunc(slices.Clone(l.items), func(d *Diagnostic) bool { return d.Warning }))
	if len(items) == 0 {
		return nil
	}
	errs := make([]error, len(items))
	for i, d := range items {
		errs[i] = d
	}
	return errors.Join(errs...)
}

// Warnings returns the warnings sorted by position, each once.
func (l *List) Warnings() []*Diagnostic {
	return sorted(slices.DeleteFunc(slices.Clone(l.items), func(d *Diagnostic) bool { return !d.Warning }))
}

// sorted orders diagnostics by position and message and drops repeats.
func sorted(items []*Diagnostic) []*Diagnostic {
	slices.SortStableFunc(items, func(a, b *Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col), cmp.Compare(a.Msg, b.Msg))
	})
	return slices.CompactFunc(items, func(a, b *Diagnostic) bool { return *a == *b })
}
