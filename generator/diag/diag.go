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
}

// Error formats the diagnostic as "file:line:col: msg"; parts of the
// position that are unknown are left out. A line break in msg (a spec
// value quoted in it) is escaped: a diagnostic is one line.
func (d *Diagnostic) Error() string {
	return FormatPos(d.Pos) + lineBreaks.Replace(d.Msg)
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

// Len reports how many problems were recorded.
func (l *List) Len() int { return len(l.items) }

// Err returns the problems sorted by position and joined, or nil.
func (l *List) Err() error {
	if len(l.items) == 0 {
		return nil
	}
	items := slices.Clone(l.items)
	slices.SortStableFunc(items, func(a, b *Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col), cmp.Compare(a.Msg, b.Msg))
	})
	items = slices.CompactFunc(items, func(a, b *Diagnostic) bool { return *a == *b })
	errs := make([]error, len(items))
	for i, d := range items {
		errs[i] = d
	}
	return errors.Join(errs...)
}
