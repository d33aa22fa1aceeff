package main

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Result is one benchmark line.
type Result struct {
	// Case is the benchmark's name without "Benchmark", its last element
	// and the -GOMAXPROCS suffix ("Validate/search").
	Case string
	// Impl is the last name element ("nexmogen").
	Impl string
	// NsPerOp, CPUNsPerOp, BytesPerOp and AllocsPerOp are the
	// measurements; -1 when absent (cpu-ns/op is the bench module's own
	// metric; B/op and allocs/op need -benchmem).
	NsPerOp, CPUNsPerOp, BytesPerOp, AllocsPerOp float64
}

// benchLine matches "BenchmarkX/y/z-2   	 123	  45.6 ns/op	..." lines.
var benchLine = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

// Parse reads one line of go test -bench output.
func Parse(line string) (Result, bool) {
	m := benchLine.FindStringSubmatch(line)
	if m == nil {
		return Result{}, false
	}
	r := Result{NsPerOp: -1, CPUNsPerOp: -1, BytesPerOp: -1, AllocsPerOp: -1}
	name := m[1]
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		r.Case, r.Impl = name[:i], name[i+1:]
	} else {
		r.Case, r.Impl = name, name
	}
	fields := strings.Fields(m[2])
	for i := 0; i+1 < len(fields); i += 2 {
		v, err := strconv.ParseFloat(fields[i], 64)
		if err != nil {
			continue
		}
		switch fields[i+1] {
		case "ns/op":
			r.NsPerOp = v
		case "cpu-ns/op":
			r.CPUNsPerOp = v
		case "B/op":
			r.BytesPerOp = v
		case "allocs/op":
			r.AllocsPerOp = v
		}
	}
	return r, r.NsPerOp >= 0
}

// isFailure reports a line that go test prints when something failed.
func isFailure(line string) bool {
	return strings.HasPrefix(line, "FAIL") || strings.HasPrefix(line, "--- FAIL") || strings.HasPrefix(line, "panic:")
}

// Summarize merges repeated results (-count N) of the same benchmark into
// their median, keeping the order of first appearance.
func Summarize(results []Result) []Result {
	type key struct{ c, i string }
	var order []key
	groups := map[key][]Result{}
	for _, r := range results {
		k := key{r.Case, r.Impl}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	out := make([]Result, 0, len(order))
	for _, k := range order {
		g := groups[k]
		out = append(out, Result{
			Case:        k.c,
			Impl:        k.i,
			NsPerOp:     median(g, func(r Result) float64 { return r.NsPerOp }),
			CPUNsPerOp:  median(g, func(r Result) float64 { return r.CPUNsPerOp }),
			BytesPerOp:  median(g, func(r Result) float64 { return r.BytesPerOp }),
			AllocsPerOp: median(g, func(r Result) float64 { return r.AllocsPerOp }),
		})
	}
	return out
}

func median(g []Result, f func(Result) float64) float64 {
	vs := make([]float64, len(g))
	for i, r := range g {
		vs[i] = f(r)
	}
	slices.Sort(vs)
	return vs[len(vs)/2]
}

// Order sorts results (stably) by the position of their benchmark's name,
// the case's first element, in order; names not in order keep their place
// after those that are.
func Order(results []Result, order []string) []Result {
	rank := func(r Result) int {
		name, _, _ := strings.Cut(r.Case, "/")
		if i := slices.Index(order, name); i >= 0 {
			return i
		}
		return len(order)
	}
	out := slices.Clone(results)
	slices.SortStableFunc(out, func(a, b Result) int { return rank(a) - rank(b) })
	return out
}
