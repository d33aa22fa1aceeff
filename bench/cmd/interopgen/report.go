package main

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/nexmogen/nexmogen/bench/interop"
)

// tally counts one document's outcome lines.
type tally struct {
	ops                     map[string]bool
	ok, skip, known, failed map[string]int // by direction ("both" for skip)
	skips                   []string
}

// report reads `go test -v ./gen/interop/...` and writes bench/INTEROP.md:
// per document, the operations paired and the outcomes by direction, then
// the known disagreements.
func report(in io.Reader, out io.Writer, seconds float64) error {
	docs := map[string]*tally{}
	var pending []string
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		l := sc.Text()
		if i := strings.Index(l, "INTEROP "); i >= 0 {
			pending = append(pending, l[i+len("INTEROP "):])
			continue
		}
		f := strings.Fields(l)
		if len(f) >= 2 && (f[0] == "ok" || f[0] == "FAIL") && strings.HasSuffix(f[1], "/nx") {
			doc := path.Base(path.Dir(f[1]))
			docs[doc] = count(pending)
			pending = nil
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintf(out, "# Interop with oapi-codegen\n\nWritten by `make interop-report` (bench/cmd/interopgen -report) from `go test -v ./gen/interop/...`; the tests ran in %.0f s (their packages built, on a shared 2-core machine). See bench/interop/harness.go for what is compared.\n\n"+
		"Both clients are driven with the values of corpus/smoke's filler, which meets the spec's rules (formats, patterns, lengths, bounds, readOnly/writeOnly, discriminators). Compared, both ways: every parameter by wire name, JSON and form bodies as values, the answer's JSON body, and the answer's scalar response headers (as text, by name). Where the answer is offered in XML too, oapi-codegen's client asks nexmogen's server for it again (Accept: application/xml, text/xml) and what it decodes is compared with nexmogen's answer (theirs->ours/xml). Not compared: XML request bodies and XML answers of oapi-codegen's server (its strict server takes and writes XML as an io.Reader: no model of its own to compare), multipart and streamed bodies (likewise io.Readers).\n\n", seconds)
	b := &strings.Builder{}
	b.WriteString("| document | operations | driven | ours->theirs ok | theirs->ours ok | theirs->ours XML ok / asked | known (peer/ours/harness) | FAIL | skipped |\n|---|---|---|---|---|---|---|---|---|\n")
	dirs := []string{interop.OursToTheirs, interop.TheirsToOurs, interop.TheirsToOursXML}
	sum := func(m map[string]int) int {
		n := 0
		for _, d := range dirs {
			n += m[d]
		}
		return n
	}
	for _, n := range names {
		t := docs[n]
		driven := len(t.ops) - t.skip["both"]
		x := interop.TheirsToOursXML
		fmt.Fprintf(b, "| %s | %d | %d | %d | %d | %d / %d | %d | %d | %d |\n", n, len(t.ops), driven,
			t.ok[interop.OursToTheirs], t.ok[interop.TheirsToOurs], t.ok[x], t.ok[x]+t.known[x]+t.failed[x]+t.skip[x],
			sum(t.known), sum(t.failed), t.skip["both"]+sum(t.skip))
	}
	io.WriteString(out, b.String())
	io.WriteString(out, "\n## Known disagreements (bench/interop/known.go)\n\n| document | direction | whose | why |\n|---|---|---|---|\n")
	for _, k := range interop.Known {
		dir := k.Dir
		if dir == "" {
			dir = "both"
		}
		fmt.Fprintf(out, "| %s | %s | %s | %s |\n", k.Doc, dir, k.Whose, strings.ReplaceAll(k.Why, "|", "\\|"))
	}
	io.WriteString(out, "\n## Skipped operations\n\n")
	for _, n := range names {
		for _, s := range docs[n].skips {
			fmt.Fprintf(out, "- %s: %s\n", n, strings.ReplaceAll(s, "|", "\\|"))
		}
	}
	return nil
}

func count(lines []string) *tally {
	t := &tally{ops: map[string]bool{}, ok: map[string]int{}, skip: map[string]int{}, known: map[string]int{}, failed: map[string]int{}}
	for _, l := range lines {
		f := strings.SplitN(l, " ", 4)
		if len(f) < 3 || f[1] != "both" && f[1] != interop.OursToTheirs && f[1] != interop.TheirsToOurs && f[1] != interop.TheirsToOursXML {
			continue // not an operation's line (a known disagreement that no longer happens)
		}
		t.ops[f[0]] = true
		switch f[2] {
		case "ok":
			t.ok[f[1]]++
		case "skip":
			t.skip[f[1]]++
			t.skips = append(t.skips, fmt.Sprintf("%s (%s): %s", f[0], f[1], strings.Join(f[3:], " ")))
		case "FAIL":
			t.failed[f[1]]++
		default:
			t.known[f[1]]++
		}
	}
	return t
}
