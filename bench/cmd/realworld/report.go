package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// report is one run: every document's results and how they were made.
type report struct {
	Docs     []*doc
	Tools    []string
	Versions map[string]string
	Commit   string
	Seconds  float64
	// Measured is, per generator, the commit its results were measured
	// at, when some were carried from an earlier run (-merge); nil when
	// all were measured in this one, at Commit.
	Measured map[string]string
	// Verdicts are corpus/verdicts.json: what each refused document is.
	Verdicts map[string]verdict
}

// built counts the documents tool built.
func (r *report) built(tool string) int {
	n := 0
	for _, d := range r.Docs {
		if res := d.Results[tool]; res != nil && res.Outcome == outBuilt {
			n++
		}
	}
	return n
}

func (r *report) summary() string {
	var parts []string
	for _, t := range r.Tools {
		parts = append(parts, fmt.Sprintf("%s %d of %d", t, r.built(t), len(r.Docs)))
	}
	return strings.Join(parts, ", ")
}

// outcomesJSON is corpus/outcomes.json: per document, each generator's
// outcome and every diagnostic or error line (no timings, so that a rerun
// on an unchanged tree changes nothing).
func (r *report) outcomesJSON() []byte {
	type entry struct {
		File    string             `json:"file"`
		Size    int64              `json:"size"`
		OpenAPI string             `json:"openapi"`
		Results map[string]*result `json:"results"`
	}
	out := struct {
		Note      string            `json:"note"`
		Versions  map[string]string `json:"versions"`
		Measured  map[string]string `json:"measured,omitempty"`
		Documents []entry           `json:"documents"`
	}{Note: "written by make realworld (bench/cmd/realworld); corpus/corpus_test.go reads it", Versions: r.Versions, Measured: r.Measured}
	for _, d := range r.Docs {
		out.Documents = append(out.Documents, entry{d.File, d.Size, d.OpenAPI, d.Results})
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// cell is a result as the table shows it.
func cell(res *result) string {
	if res == nil {
		return "-"
	}
	switch res.Outcome {
	case outBuilt:
		if len(res.Warnings) > 0 {
			return fmt.Sprintf("**built** (%d warnings)", len(res.Warnings))
		}
		return "**built**"
	case outRefused:
		return fmt.Sprintf("refused (%d)", res.Count)
	case outCompile:
		return fmt.Sprintf("does not compile (%d)", res.Count)
	case outVet:
		return fmt.Sprintf("builds, vet fails (%d)", res.Count)
	}
	return res.Outcome
}

func (r *report) markdown() string {
	var b strings.Builder
	b.WriteString(header)
	if r.Measured == nil {
		fmt.Fprintf(&b, "Measured at commit `%s` with oapi-codegen %s and ogen %s; the run took %.0f s on a shared 2-core machine.\n\n",
			r.Commit, r.Versions["oapi-codegen"], r.Versions["ogen"], r.Seconds)
	} else {
		fmt.Fprintf(&b, "nexmogen measured at commit `%s` (`make realworld-nexmogen`, %.0f s on a shared 2-core machine); oapi-codegen %s measured at `%s` and ogen %s at `%s` by the last full run (`make realworld`), carried over: same versions, same documents.\n\n",
			r.Measured["nexmogen"], r.Seconds, r.Versions["oapi-codegen"], r.Measured["oapi-codegen"], r.Versions["ogen"], r.Measured["ogen"])
	}
	b.WriteString("| generator | built | builds, vet fails | does not compile | refused | crashed or timed out |\n|---|---|---|---|---|---|\n")
	for _, t := range r.Tools {
		c := map[string]int{}
		for _, d := range r.Docs {
			c[d.Results[t].Outcome]++
		}
		fmt.Fprintf(&b, "| %s | **%d of %d** | %d | %d | %d | %d |\n", t, c[outBuilt], len(r.Docs), c[outVet], c[outCompile], c[outRefused], c[outCrashed]+c[outTimeout])
	}
	b.WriteString("\n## Per document\n\n| document | OpenAPI | size | nexmogen | nexmogen smoke | oapi-codegen | ogen |\n|---|---|---|---|---|---|---|\n")
	for _, d := range r.Docs {
		fmt.Fprintf(&b, "| [`%s`](corpus/specs/%s) | %s | %s | %s | %s | %s | %s |\n", d.File, d.File, d.OpenAPI, size(d.Size),
			cell(d.Results["nexmogen"]), smokeCell(d.Results["nexmogen"]), cell(d.Results["oapi-codegen"]), cell(d.Results["ogen"]))
	}
	r.writeSmoke(&b)
	r.writeReasons(&b)
	r.writeDetails(&b, "nexmogen", 5)
	r.writeDetails(&b, "oapi-codegen", 2)
	r.writeDetails(&b, "ogen", 2)
	return b.String()
}

const header = `# The scoreboard: real OpenAPI documents through three generators

Every document of [corpus/](corpus/README.md) (public documents written by
others) goes through nexmogen, oapi-codegen v2 (models, client, std-http
server) and ogen (default options) in one run of ` + "`make realworld`" + `; each
output is compiled and vetted in a throwaway module. **built** means generated,
compiled and vetted; refused (N) means the generator exited with N diagnostic
lines; does not compile (N) means it wrote code with N compiler error lines
(the compiler stops at 10). This file is written by the run; do not edit it.

`

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

var position = regexp.MustCompile(`^[^ ]+:\d+:\d+: `)
var quoted = regexp.MustCompile(`"[^"]*"`)

// writeReasons groups nexmogen's diagnostics over the corpus by their
// message with the position and quoted names taken out: what to fix first.
func (r *report) writeReasons(b *strings.Builder) {
	count, docs := map[string]int{}, map[string]map[string]bool{}
	for _, d := range r.Docs {
		res := d.Results["nexmogen"]
		if res == nil || res.Outcome != outRefused {
			continue
		}
		for _, l := range res.Detail {
			k := quoted.ReplaceAllString(position.ReplaceAllString(l, ""), `"…"`)
			if len(k) > 160 {
				k = k[:160] + "…"
			}
			count[k]++
			if docs[k] == nil {
				docs[k] = map[string]bool{}
			}
			docs[k][d.File] = true
		}
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(docs[keys[i]]) != len(docs[keys[j]]) {
			return len(docs[keys[i]]) > len(docs[keys[j]])
		}
		if count[keys[i]] != count[keys[j]] {
			return count[keys[i]] > count[keys[j]]
		}
		return keys[i] < keys[j]
	})
	b.WriteString("\n## Why nexmogen refuses, over the corpus\n\nEach diagnostic with its position and quoted names taken out; by the number of documents it stops.\n\n| documents | times | diagnostic |\n|---|---|---|\n")
	for _, k := range keys {
		fmt.Fprintf(b, "| %d | %d | %s |\n", len(docs[k]), count[k], escape(k))
	}
}

// writeDetails lists, per document tool did not build, its first lines.
func (r *report) writeDetails(b *strings.Builder, tool string, lines int) {
	fmt.Fprintf(b, "\n## %s: what stopped each document\n\n", tool)
	any := false
	for _, d := range r.Docs {
		res := d.Results[tool]
		if res == nil || res.Outcome == outBuilt {
			continue
		}
		any = true
		fmt.Fprintf(b, "- `%s`: %s", d.File, cell(res))
		if tool == "nexmogen" {
			v, ok := r.Verdicts[d.File]
			fmt.Fprintf(b, "; %s", verdictText(v, ok))
		}
		n := min(lines, len(res.Detail))
		for _, l := range res.Detail[:n] {
			if len(l) > 300 {
				l = l[:300] + "…"
			}
			fmt.Fprintf(b, "\n  - `%s`", strings.ReplaceAll(l, "`", "'"))
		}
		if len(res.Detail) > n {
			fmt.Fprintf(b, "\n  - and %d more", len(res.Detail)-n)
		}
		b.WriteString("\n")
	}
	if !any {
		b.WriteString("Every document built.\n")
	}
}

func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "`", "'")
}

// smokeCell is a smoke test's counts as the table shows them.
func smokeCell(res *result) string {
	if res == nil || res.Smoke == nil {
		return ""
	}
	s := res.Smoke
	if s.Error != "" {
		return "did not run"
	}
	c := fmt.Sprintf("%d ok, %d skipped", s.OK, s.Skip)
	if s.Fail > 0 {
		c += fmt.Sprintf(", **%d FAIL**", s.Fail)
	}
	return c
}

// writeSmoke lists every smoke line that is not ok.
func (r *report) writeSmoke(b *strings.Builder) {
	b.WriteString("\n## nexmogen smoke: what did not round-trip\n\n" +
		"For each document nexmogen builds, corpus/smoke drives every operation of the generated client " +
		"against the generated server over loopback with minimal values that meet the spec's rules (corpus/README.md), " +
		"and compares what the server received and what the client decoded (as JSON). skip: the minimal values were " +
		"refused before anything was sent, no value the harness tried of an answer's union was valid, or the " +
		"operation's shape is not one the harness drives; FAIL: the two sides disagree.\n\n")
	any := false
	for _, d := range r.Docs {
		res := d.Results["nexmogen"]
		if res == nil || res.Smoke == nil {
			continue
		}
		if res.Smoke.Error != "" {
			any = true
			fmt.Fprintf(b, "- `%s`: the smoke test did not run: `%s`\n", d.File, strings.ReplaceAll(firstLine(strings.Split(res.Smoke.Error, "\n")), "`", "'"))
		}
		for _, l := range res.Smoke.Lines {
			if f := strings.Fields(l); len(f) > 1 && f[1] != "ok" {
				any = true
				if len(l) > 300 {
					l = l[:300] + "…"
				}
				fmt.Fprintf(b, "- `%s`: %s\n", d.File, escape(l))
			}
		}
	}
	if !any {
		b.WriteString("Every operation round-tripped.\n")
	}
}
