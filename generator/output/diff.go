package output

import (
	"fmt"
	"strings"
)

// Diff renders the changes as a unified diff (three lines of context), as
// `diff -u` would between the directory and the generator's output.
func Diff(dir string, changes []Change) string {
	var b strings.Builder
	for _, c := range changes {
		oldName, newName := "a/"+dir+"/"+c.Name, "b/"+dir+"/"+c.Name
		if c.Old == nil {
			oldName = "/dev/null"
		}
		if c.New == nil {
			newName = "/dev/null"
		}
		fmt.Fprintf(&b, "--- %s\n+++ %s\n", oldName, newName)
		b.WriteString(unified(lines(string(c.Old)), lines(string(c.New))))
	}
	return b.String()
}

// lines splits s after each newline; a last line without one keeps none.
func lines(s string) []string {
	out := strings.SplitAfter(s, "\n")
	if out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// op is one line of an edit script: ' ' kept, '-' removed, '+' added.
type op struct {
	kind byte
	text string
}

// script is the shortest edit script from a to b by longest common
// subsequence; generated files are small enough for the quadratic table.
func script(a, b []string) []op {
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			out = append(out, op{' ', a[i]})
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] > lcs[i+1][j]):
			out = append(out, op{'+', b[j]})
			j++
		default:
			out = append(out, op{'-', a[i]})
			i++
		}
	}
	return out
}

// unified groups an edit script into hunks with three lines of context.
func unified(a, b []string) string {
	ops := script(a, b)
	const ctx = 3
	var out strings.Builder
	for start := 0; start < len(ops); {
		for start < len(ops) && ops[start].kind == ' ' {
			start++
		}
		if start == len(ops) {
			break
		}
		lo := max(0, start-ctx)
		hi, gap := start, 0
		for hi < len(ops) && gap <= 2*ctx {
			if ops[hi].kind == ' ' {
				gap++
			} else {
				gap = 0
			}
			hi++
		}
		hi = min(len(ops), hi-gap+min(gap, ctx))
		writeHunk(&out, ops, lo, hi)
		start = hi
	}
	return out.String()
}

// writeHunk prints ops[lo:hi] with its @@ header.
func writeHunk(out *strings.Builder, ops []op, lo, hi int) {
	aLine, bLine := 1, 1
	for _, o := range ops[:lo] {
		if o.kind != '+' {
			aLine++
		}
		if o.kind != '-' {
			bLine++
		}
	}
	var aN, bN int
	var body strings.Builder
	for _, o := range ops[lo:hi] {
		if o.kind != '+' {
			aN++
		}
		if o.kind != '-' {
			bN++
		}
		body.WriteByte(o.kind)
		body.WriteString(o.text)
		if !strings.HasSuffix(o.text, "\n") {
			body.WriteString("\n\\ No newline at end of file\n")
		}
	}
	fmt.Fprintf(out, "@@ -%d,%d +%d,%d @@\n%s", aLine, aN, bLine, bN, body.String())
}
