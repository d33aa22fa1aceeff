package build

import (
	"cmp"
	"encoding/json"
	"maps"
	"slices"
	"strings"
)

// sortedKeys returns a map's keys in order.
func sortedKeys[M ~map[K]V, K cmp.Ordered, V any](m M) []K {
	return slices.Sorted(maps.Keys(m))
}

// decodeExtension reads an extension's value (as kin-openapi decoded it)
// into a typed Go value.
func decodeExtension(v any, into any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	return dec.Decode(into)
}

// doc joins a summary and a description into one doc text.
func doc(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// schemasPrefix starts every $ref to a component schema.
const schemasPrefix = "#/components/schemas/"

// refName is the component name a local $ref points at, or "" (for a $ref
// elsewhere, or into a component: see refInto).
func refName(ref string) string {
	name, ok := strings.CutPrefix(ref, schemasPrefix)
	if !ok || strings.Contains(name, "/") {
		return ""
	}
	return name
}

// refInto is the component a $ref points inside
// ("#/components/schemas/A/properties/id": A), or "".
func refInto(ref string) string {
	rest, ok := strings.CutPrefix(ref, schemasPrefix)
	if !ok {
		return ""
	}
	name, _, deeper := strings.Cut(rest, "/")
	if !deeper {
		return ""
	}
	return name
}
