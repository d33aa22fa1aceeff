// Command realworld is the scoreboard: it runs every document of the corpus
// (corpus/specs) through nexmogen, oapi-codegen and ogen in one run, builds
// and vets each generator's output in a throwaway module, and writes the
// table (REALWORLD.md) and the outcomes the main module's test reads
// (corpus/outcomes.json). `make realworld` runs it from bench/.
//
// Usage (from bench/):
//
//	go run ./cmd/realworld [-corpus ../corpus] [-table ../REALWORLD.md]
//	    [-outcomes ../corpus/outcomes.json] [-only REGEXP] [-tools LIST] [-keep]
//
// A document's outcome for each generator is one of: built (generated,
// compiled and vetted), vet (compiled, go vet complained), compile (generated
// code that does not compile), refused (the generator exited with
// diagnostics), crashed (nexmogen panicked) or timeout. With -only the
// table and outcomes are not written (a partial run would lose rows).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

func main() {
	corpus := flag.String("corpus", filepath.Join("..", "corpus"), "corpus directory (its specs/ holds the documents)")
	table := flag.String("table", filepath.Join("..", "REALWORLD.md"), "the table to write")
	outcomes := flag.String("outcomes", filepath.Join("..", "corpus", "outcomes.json"), "the outcomes file to write")
	only := flag.String("only", "", "run only the documents whose file name matches this regexp (writes nothing)")
	tools := flag.String("tools", strings.Join(allTools, ","), "generators to run, comma-separated")
	keep := flag.Bool("keep", false, "keep the work directory and print its path")
	merge := flag.Bool("merge", false, "with -tools: carry the other generators' results from the outcomes file and write the table and outcomes")
	flag.Parse()
	if err := run(*corpus, *table, *outcomes, *only, *tools, *keep, *merge); err != nil {
		fmt.Fprintln(os.Stderr, "realworld:", err)
		os.Exit(1)
	}
}

func run(corpus, table, outcomes, only, toolList string, keep, merge bool) error {
	start, commit := time.Now(), gitCommit()
	docs, err := listDocs(corpus)
	if err != nil {
		return err
	}
	verdicts, err := readVerdicts(corpus) // before the run: a typo there must not cost one
	if err != nil {
		return err
	}
	if only != "" {
		re, err := regexp.Compile(only)
		if err != nil {
			return err
		}
		docs = filterDocs(docs, re)
	}
	tools := strings.Split(toolList, ",")
	w, err := newWork(keep)
	if err != nil {
		return err
	}
	defer w.close()
	if err := w.buildTools(tools); err != nil {
		return err
	}
	for _, d := range docs {
		for _, tool := range tools {
			r := w.runTool(tool, d)
			r.Detail = relative(r.Detail, corpus)
			d.Results[tool] = r
			fmt.Fprintf(os.Stderr, "%-28s %-13s %-8s %5.1fs %s\n", d.File, tool, r.Outcome, r.Seconds, firstLine(r.Detail))
		}
	}
	rep := report{Docs: docs, Tools: tools, Versions: w.versions, Commit: commit, Seconds: time.Since(start).Seconds(), Verdicts: verdicts}
	fmt.Fprintf(os.Stderr, "%s in %.0fs\n", rep.summary(), rep.Seconds)
	if merge && only == "" {
		for _, t := range allTools {
			if _, peer := peers[t]; peer && !slices.Contains(tools, t) {
				if err := w.version(t); err != nil {
					return err
				}
			}
		}
		measured, err := carry(docs, tools, outcomes, table, commit, rep.Versions)
		if err != nil {
			return err
		}
		rep.Tools, rep.Measured = allTools, measured
		fmt.Fprintf(os.Stderr, "merged: %s\n", rep.summary())
	} else if only != "" || toolList != strings.Join(allTools, ",") {
		fmt.Fprintln(os.Stderr, "partial run: table and outcomes not written")
		return nil
	}
	if err := os.WriteFile(outcomes, rep.outcomesJSON(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(table, []byte(rep.markdown()), 0o644)
}

// relative takes the checkout's absolute path out of diagnostics (ogen names
// a document by its file:// URL), so the table does not change with the
// directory the run was made in.
func relative(lines []string, corpus string) []string {
	abs, err := filepath.Abs(filepath.Dir(corpus))
	if err != nil {
		return lines
	}
	prefix := filepath.ToSlash(abs) + "/"
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, prefix, "")
	}
	return lines
}

func firstLine(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	l := lines[0]
	if len(l) > 140 {
		l = l[:140] + "…"
	}
	return l
}
