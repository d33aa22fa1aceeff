// Command benchtable reads `go test -bench -benchmem` output on standard
// input, copies it to standard output as it comes, and then prints a
// Markdown table of the results: ns/op, B/op and allocs/op for each
// implementation, and the ratio ours/peer.
//
// A benchmark's last name element is the implementation ("nexmogen",
// "oapi-codegen", "ogen", "openapi3filter", ...); the rest names the case
// the implementations share, e.g. BenchmarkValidate/search/nexmogen and
// BenchmarkValidate/search/openapi3filter. Cases named ops=N also get a
// growth table (time per operation). A run that printed FAIL, or no
// benchmark, exits 1 after the table.
//
// Usage: go test -run '^$' -bench . -benchmem | benchtable [-ours nexmogen] [-order Generate,Validate]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	ours := flag.String("ours", "nexmogen", "the implementation the ratios divide by the others")
	order := flag.String("order", "", "comma-separated benchmark names (without Benchmark) to list first, in this order")
	flag.Parse()
	os.Exit(run(os.Stdin, os.Stdout, *ours, strings.Split(*order, ",")))
}

// run copies in to out, then prints the tables; it returns the exit code.
func run(in io.Reader, out io.Writer, ours string, order []string) int {
	var results []Result
	failed := false
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		fmt.Fprintln(out, line)
		if r, ok := Parse(line); ok {
			results = append(results, r)
		}
		if isFailure(line) {
			failed = true
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(out, "benchtable:", err)
		return 1
	}
	if len(results) == 0 {
		fmt.Fprintln(out, "benchtable: no benchmark results in the input")
		return 1
	}
	fmt.Fprintln(out)
	summary := Order(Summarize(results), order)
	WriteTable(out, summary, ours)
	WriteGrowth(out, summary, ours)
	if failed {
		fmt.Fprintln(out, "benchtable: the run failed (see FAIL above)")
		return 1
	}
	return 0
}
