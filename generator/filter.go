package generator

import (
	"slices"

	"github.com/nexmogen/nexmogen/generator/config"
	"github.com/nexmogen/nexmogen/generator/diag"
	"github.com/nexmogen/nexmogen/generator/load"
)

// filterOperations removes from doc the operations f does not keep (see
// config.Filter), before anything is built: the schemas they used are
// still generated, as every component is. A tag or operationId of f that
// the document does not have, or a filter that keeps nothing, is an error
// at its place in the configuration file.
func filterOperations(doc *load.Doc, f config.Filter) error {
	if f.Empty() || doc.T.Paths == nil {
		return nil
	}
	var diags diag.List
	tags, ids := map[string]bool{}, map[string]bool{}
	for _, item := range doc.T.Paths.Map() {
		for _, op := range item.Operations() {
			ids[op.OperationID] = true
			for _, t := range op.Tags {
				tags[t] = true
			}
		}
	}
	known := func(names []config.Name, set map[string]bool, what string) {
		for _, n := range names {
			if !set[n.Value] {
				diags.Addf(n.Pos, "%s %q is not in the spec", what, n.Value)
			}
		}
	}
	known(f.IncludeTags, tags, "tag")
	known(f.ExcludeTags, tags, "tag")
	known(f.IncludeIDs, ids, "operationId")
	known(f.ExcludeIDs, ids, "operationId")
	if err := diags.Err(); err != nil {
		return err
	}
	kept := 0
	for _, path := range doc.T.Paths.InMatchingOrder() {
		item := doc.T.Paths.Value(path)
		for method, op := range item.Operations() {
			if keeps(f, op.OperationID, op.Tags) {
				kept++
				continue
			}
			item.SetOperation(method, nil)
		}
	}
	if kept == 0 {
		diags.Addf(f.Pos, "the operation filters keep no operation of the spec")
	}
	return diags.Err()
}

// keeps reports whether f keeps the operation with this id and tags.
func keeps(f config.Filter, id string, tags []string) bool {
	has := func(names []config.Name, v string) bool {
		return slices.ContainsFunc(names, func(n config.Name) bool { return n.Value == v })
	}
	anyTag := func(names []config.Name) bool {
		return slices.ContainsFunc(tags, func(t string) bool { return has(names, t) })
	}
	in := len(f.IncludeTags)+len(f.IncludeIDs) == 0 || anyTag(f.IncludeTags) || has(f.IncludeIDs, id)
	return in && !anyTag(f.ExcludeTags) && !has(f.ExcludeIDs, id)
}
