package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteTable prints one row per result, grouped by case, with the ratio of
// ours' wall-clock time, CPU time and bytes to each peer's in the same case:
// below 1 means ours is faster (smaller).
func WriteTable(w io.Writer, results []Result, ours string) {
	fmt.Fprintln(w, "| case | implementation | ns/op | cpu-ns/op | B/op | allocs/op | ns ours/peer | cpu ours/peer | B ours/peer |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|---:|")
	byCase := map[string]Result{}
	for _, r := range results {
		if r.Impl == ours {
			byCase[r.Case] = r
		}
	}
	for _, r := range results {
		tr, cr, br := "", "", ""
		if o, ok := byCase[r.Case]; ok && r.Impl != ours {
			tr = ratio(o.NsPerOp, r.NsPerOp)
			cr = ratio(o.CPUNsPerOp, r.CPUNsPerOp)
			br = ratio(o.BytesPerOp, r.BytesPerOp)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			r.Case, r.Impl, num(r.NsPerOp), num(r.CPUNsPerOp), num(r.BytesPerOp), num(r.AllocsPerOp), tr, cr, br)
	}
}

// WriteGrowth prints, for ours' cases whose last element is ops=N, the time
// per operation, so linear growth shows as a flat column.
func WriteGrowth(w io.Writer, results []Result, ours string) {
	var rows []string
	for _, r := range results {
		i := strings.LastIndex(r.Case, "ops=")
		if r.Impl != ours || i < 0 {
			continue
		}
		n, err := strconv.Atoi(r.Case[i+len("ops="):])
		if err != nil || n <= 0 {
			continue
		}
		rows = append(rows, fmt.Sprintf("| %d | %s | %s | %s |", n, num(r.NsPerOp), num(r.NsPerOp/float64(n)), num(r.CPUNsPerOp/float64(n))))
	}
	if len(rows) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| operations | ns/op | ns per operation | cpu-ns per operation |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|")
	for _, row := range rows {
		fmt.Fprintln(w, row)
	}
}

// ratio formats a/b with a precision that suits its size; empty when
// either is unknown, "-" for 0/0, and "1/N" added below 0.1.
func ratio(a, b float64) string {
	switch {
	case a < 0 || b < 0:
		return ""
	case b == 0 && a == 0:
		return "-"
	case a == 0:
		return "0"
	case b == 0:
		return "inf"
	}
	q := a / b
	switch {
	case q >= 10:
		return strconv.FormatFloat(q, 'f', 0, 64)
	case q >= 0.1:
		return strconv.FormatFloat(q, 'f', 2, 64)
	default:
		return strconv.FormatFloat(q, 'f', 4, 64) + " (1/" + strconv.FormatFloat(b/a, 'f', 0, 64) + ")"
	}
}

// num formats a measurement: integers plainly, small values with decimals.
func num(v float64) string {
	switch {
	case v < 0:
		return ""
	case v >= 100 || v == float64(int64(v)):
		return strconv.FormatFloat(v, 'f', 0, 64)
	default:
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
}
