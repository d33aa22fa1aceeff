package load

import (
	"strings"

	"go.yaml.in/yaml/v4"

	"github.com/nexmogen/nexmogen/generator/diag"
	"github.com/nexmogen/nexmogen/generator/ir"
)

// freeForm are the keys whose values are data, not OpenAPI objects: null
// is a value there. Everywhere else OpenAPI 3.0 has no use for null, and a
// null would reach the builder as a missing object.
var freeForm = map[string]bool{"example": true, "default": true, "value": true, "enum": true}

// nulls reports every null (an empty "key:", "~" or "- ") where the
// document expects a value, at the key or item.
func (d *Doc) nulls() error { return nullsIn(d.Root, d.File) }

// nullsIn reports the nulls of the tree root of the file named file.
func nullsIn(root *yaml.Node, file string) error {
	var l diag.List
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if freeForm[k.Value] || strings.HasPrefix(k.Value, "x-") {
					continue
				}
				if isNull(v) {
					l.Addf(ir.Pos{File: file, Line: k.Line, Col: k.Column}, "invalid document: %q has no value", k.Value)
					continue
				}
				walk(v)
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				if isNull(c) {
					l.Addf(ir.Pos{File: file, Line: c.Line, Col: c.Column}, "invalid document: a list item has no value")
					continue
				}
				walk(c)
			}
		}
	}
	walk(root)
	return l.Err()
}

// isNull reports whether a node is YAML's null.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}
