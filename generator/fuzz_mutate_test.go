package generator_test

import (
	"testing"

	"go.yaml.in/yaml/v4"
)

// keywords are values a mutation writes into a scalar: OpenAPI's own
// vocabulary, so mutated specs stay close to valid ones and reach the
// builder rather than stop at the YAML parser.
var keywords = []string{
	"object", "array", "string", "integer", "number", "boolean", "null", "true", "false", "0", "-1",
	"query", "path", "header", "cookie", "form", "simple", "deepObject",
	"application/json", "application/xml", "application/problem+json", "text/plain",
	"application/x-www-form-urlencoded", "#/components/schemas/Missing", "password", "int32", "date",
	"default", "200", "201", "204", "4XX", "^[a-z]+$", "(?=x)", "x-enum-varnames", "{id}", "",
}

// mutate applies the mutations ops describes to the YAML tree of spec:
// each pair of bytes picks a kind of change and a node. text is a free
// value the fuzzer chooses.
func mutate(spec []byte, ops []byte, text string) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(spec, &root); err != nil {
		return nil, err
	}
	var nodes []*yaml.Node
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		nodes = append(nodes, n)
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&root)
	for i := 0; i+1 < len(ops); i += 2 {
		n := nodes[int(ops[i+1])*len(nodes)/256]
		change(n, ops[i], text, nodes)
	}
	return yaml.Marshal(&root)
}

// change makes one change of the given kind to n.
func change(n *yaml.Node, kind byte, text string, nodes []*yaml.Node) {
	switch kind % 6 {
	case 0:
		if n.Kind == yaml.ScalarNode {
			n.Value, n.Tag, n.Style = text, "!!str", 0
		}
	case 1:
		if n.Kind == yaml.ScalarNode {
			n.Value, n.Tag, n.Style = keywords[int(kind/6)%len(keywords)], "", 0
		}
	case 2:
		if n.Kind == yaml.MappingNode && len(n.Content) >= 2 {
			at := int(kind/6) % (len(n.Content) / 2) * 2
			n.Content = append(n.Content[:at:at], n.Content[at+2:]...)
		}
	case 3:
		if n.Kind == yaml.SequenceNode && len(n.Content) > 0 {
			at := int(kind/6) % len(n.Content)
			n.Content = append(n.Content[:at:at], n.Content[at+1:]...)
		}
	case 4:
		// Graft: n takes a copy of the content of another node of the
		// same kind (a copy: n may be inside it, and a cycle never ends).
		other := nodes[int(kind)*31%len(nodes)]
		if other.Kind == n.Kind && other != n {
			n.Content = clone(other).Content
		}
	case 5:
		if n.Kind == yaml.MappingNode {
			key := &yaml.Node{Kind: yaml.ScalarNode, Value: keywords[int(kind/6)%len(keywords)]}
			val := &yaml.Node{Kind: yaml.ScalarNode, Value: text}
			n.Content = append(n.Content, key, val)
		}
	}
}

// FuzzGenerateMutated fuzzes the generator with structural mutations of
// the seed specs (replace a value, delete an entry or item, graft a
// subtree, add a key): the same property as FuzzGenerate, on inputs that
// reach the builder and the emitters. An input names its seed by index in
// fuzzSeeds, so a new golden or corpus case re-maps the checked-in inputs
// (still valid inputs, not the same ones): a crasher is kept as the
// mutated spec itself, in FuzzGenerate's corpus.
func FuzzGenerateMutated(f *testing.F) {
	seeds := fuzzSeeds(f)
	f.Add(uint8(0), []byte{}, "")
	f.Add(uint8(0), []byte{1, 40, 2, 90, 4, 200}, "x")
	f.Add(uint8(3), []byte{0, 10, 5, 128}, "object")
	f.Fuzz(func(t *testing.T, seed uint8, ops []byte, text string) {
		if len(ops) > 64 {
			ops = ops[:64]
		}
		data, err := mutate(seeds[int(seed)%len(seeds)], ops, text)
		if err != nil {
			return // a seed that is not YAML: FuzzGenerate covers it
		}
		checkGenerate(t, data)
	})
}

// clone copies a YAML tree deeply.
func clone(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, child := range n.Content {
		c.Content[i] = clone(child)
	}
	return &c
}
