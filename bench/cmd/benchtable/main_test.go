package main

import (
	"strings"
	"testing"
)

const sample = `goos: linux
BenchmarkValidate/search/nexmogen-2         	20207260	        40.00 ns/op	        30.00 cpu-ns/op	       0 B/op	       0 allocs/op
BenchmarkValidate/search/openapi3filter-2   	  312618	      4000 ns/op	      6000 cpu-ns/op	    1600 B/op	      49 allocs/op
BenchmarkGenerate/ops=10/nexmogen-2   	  100	      1000 ns/op	    10 B/op	      1 allocs/op
BenchmarkGenerate/ops=100/nexmogen-2   	  10	      10000 ns/op	    100 B/op	      10 allocs/op
PASS
`

func TestTable(t *testing.T) {
	var out strings.Builder
	if code := run(strings.NewReader(sample), &out, "nexmogen", []string{"Generate", "Validate"}); code != 0 {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
	table := out.String()[strings.Index(out.String(), "| case"):]
	if strings.Index(table, "| Generate/ops=10 ") > strings.Index(table, "| Validate/search ") {
		t.Errorf("-order not followed:\n%s", table)
	}
	for _, want := range []string{
		"| Validate/search | openapi3filter | 4000 | 6000 | 1600 | 49 | 0.0100 (1/100) | 0.0050 (1/200) | 0 |",
		"| Validate/search | nexmogen | 40 | 30 | 0 | 0 |  |  |  |",
		"| 10 | 1000 | 100 |  |",
		"| 100 | 10000 | 100 |  |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %q in\n%s", want, out.String())
		}
	}
}

func TestFailureExits1(t *testing.T) {
	var out strings.Builder
	if code := run(strings.NewReader(sample+"--- FAIL: BenchmarkX\nFAIL\n"), &out, "nexmogen", nil); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if code := run(strings.NewReader("PASS\n"), &out, "nexmogen", nil); code != 1 {
		t.Fatalf("no results: exit %d, want 1", code)
	}
}

func TestParseMedian(t *testing.T) {
	var rs []Result
	for _, ns := range []string{"30", "10", "20"} {
		r, ok := Parse("BenchmarkA/b/ogen-2 \t 5 \t " + ns + " ns/op")
		if !ok {
			t.Fatal("not parsed")
		}
		rs = append(rs, r)
	}
	s := Summarize(rs)
	if len(s) != 1 || s[0].NsPerOp != 20 || s[0].Case != "A/b" || s[0].Impl != "ogen" || s[0].BytesPerOp != -1 {
		t.Fatalf("got %+v", s)
	}
}
