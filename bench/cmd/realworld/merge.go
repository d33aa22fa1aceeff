package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
)

// A merged run (-merge) measures only some generators (-tools nexmogen)
// and carries the others' results from the outcomes file of an earlier
// full run: their versions and the documents are the same, so their
// results are too, and the long part of the scoreboard (oapi-codegen and
// ogen over every document) need not be redone for every change of
// nexmogen. The table says which columns were carried and from which
// commit.

// previous is what an earlier run recorded in the outcomes file.
type previous struct {
	Versions  map[string]string `json:"versions"`
	Measured  map[string]string `json:"measured"`
	Documents []struct {
		File    string             `json:"file"`
		Results map[string]*result `json:"results"`
	} `json:"documents"`
}

var measuredAt = regexp.MustCompile("Measured at commit `([0-9a-f]+)`")

// carry fills, in docs, the results of every generator of allTools that
// is not in tools from the outcomes file, and returns the commit each
// generator's results come from. A document the file lacks, or a
// generator of another version, is an error: the carried column would not
// be the same measurement.
func carry(docs []*doc, tools []string, outcomes, table, commit string, versions map[string]string) (map[string]string, error) {
	data, err := os.ReadFile(outcomes)
	if err != nil {
		return nil, err
	}
	var p previous
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("%s: %v", outcomes, err)
	}
	old := "an earlier run"
	if b, err := os.ReadFile(table); err == nil {
		if m := measuredAt.FindSubmatch(b); m != nil {
			old = string(m[1])
		}
	}
	measured := map[string]string{}
	for _, t := range allTools {
		if slices.Contains(tools, t) {
			measured[t] = commit
			continue
		}
		measured[t] = old
		if at, ok := p.Measured[t]; ok {
			measured[t] = at
		}
		if versions[t] != p.Versions[t] {
			return nil, fmt.Errorf("%s is %s now but %s in %s: run make realworld in full", t, versions[t], p.Versions[t], outcomes)
		}
		versions[t] = p.Versions[t]
	}
	byFile := map[string]map[string]*result{}
	for _, d := range p.Documents {
		byFile[d.File] = d.Results
	}
	for _, d := range docs {
		results, ok := byFile[d.File]
		if !ok {
			return nil, fmt.Errorf("%s records no %s: run make realworld in full", outcomes, d.File)
		}
		for _, t := range allTools {
			if !slices.Contains(tools, t) {
				d.Results[t] = results[t]
			}
		}
	}
	return measured, nil
}
