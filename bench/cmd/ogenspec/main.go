// Command ogenspec copies an OpenAPI document for ogen v1.24.0, with the two
// changes ogen needs, and nothing else:
//
//   - ogen refuses an allOf of different patterns ("cannot merge different
//     patterns"): every schema whose allOf holds only pattern rules gets the
//     first pattern instead. In spec/nexmo.yaml that is newSecret
//     ("^[A-Za-z0-9]{8,25}$" and the three character-class patterns), so
//     ogen's side checks a weaker rule than ours;
//   - ogen has no XML support (it fails on an application/xml response:
//     "encoder not implemented"): every application/xml media type that has
//     an application/json sibling is dropped, so ogen's side speaks JSON only.
//
// BENCHMARKS.md says so next to the figures.
//
// Usage: ogenspec IN OUT
package main

import (
	"fmt"
	"os"

	"go.yaml.in/yaml/v3"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: ogenspec IN OUT")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "ogenspec:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	src, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if reduce(&doc) == 0 {
		return fmt.Errorf("%s: no allOf of patterns found: is the rewrite still needed?", in)
	}
	dropXML(&doc)
	b, err := yaml.Marshal(&doc)
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}

// reduce rewrites every mapping under n whose allOf lists only {pattern: P}
// items into "pattern: <first P>", and returns how many it rewrote.
func reduce(n *yaml.Node) int {
	count := 0
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if p, ok := onlyPatterns(v); ok && k.Value == "allOf" {
				k.Value = "pattern"
				n.Content[i+1] = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: p, Style: yaml.DoubleQuotedStyle}
				count++
			}
		}
	}
	for _, c := range n.Content {
		count += reduce(c)
	}
	return count
}

// onlyPatterns reports whether v is a sequence of mappings that each hold
// just a pattern, and returns the first.
func onlyPatterns(v *yaml.Node) (string, bool) {
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		return "", false
	}
	for _, item := range v.Content {
		if item.Kind != yaml.MappingNode || len(item.Content) != 2 || item.Content[0].Value != "pattern" {
			return "", false
		}
	}
	return v.Content[0].Content[1].Value, true
}

// dropXML deletes, in every mapping under n that has both, the
// application/xml entry (ogen cannot encode or decode XML).
func dropXML(n *yaml.Node) {
	if n.Kind == yaml.MappingNode && has(n, "application/json") {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "application/xml" {
				n.Content = append(n.Content[:i], n.Content[i+2:]...)
				break
			}
		}
	}
	for _, c := range n.Content {
		dropXML(c)
	}
}

// has reports whether mapping n has key.
func has(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}
