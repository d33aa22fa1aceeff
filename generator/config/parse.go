package config

import (
	"errors"
	"go/token"
	"slices"

	"go.yaml.in/yaml/v4"

	"github.com/nexmogen/nexmogen/generator/diag"
	"github.com/nexmogen/nexmogen/generator/ir"
)

// Parse reads a configuration file; file names it in diagnostics. On any
// problem it returns every one, positioned, and no Config.
func Parse(data []byte, file string) (*Config, error) {
	p := &parser{file: file, cfg: &Config{File: file, Examples: true, Set: map[string]bool{}}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		var le *yaml.LoadError
		pos := ir.Pos{File: file, Line: 1, Col: 1}
		msg := err.Error()
		if errors.As(err, &le) {
			pos.Line, pos.Col, msg = max(le.Mark.Line, 1), max(le.Mark.Column, 1), le.Message
		}
		return nil, &diag.Diagnostic{Pos: pos, Msg: "invalid YAML: " + msg}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return p.cfg, nil // an empty file sets nothing
	}
	p.top(doc.Content[0])
	if err := p.diags.Err(); err != nil {
		return nil, err
	}
	return p.cfg, nil
}

// parser holds the state of one Parse.
type parser struct {
	file  string
	cfg   *Config
	diags diag.List
}

func (p *parser) pos(n *yaml.Node) ir.Pos {
	return ir.Pos{File: p.file, Line: n.Line, Col: n.Column}
}

// top reads the top-level mapping.
func (p *parser) top(n *yaml.Node) {
	c := p.cfg
	p.mapping(n, "the file", func(key string, k, v *yaml.Node) bool {
		switch key {
		case "spec":
			c.Spec = p.path(v, key)
		case "output":
			c.Output = p.path(v, key)
		case "package":
			c.Package = p.str(v, key)
			if c.Package != "" && !token.IsIdentifier(c.Package) {
				p.diags.Addf(p.pos(v), "package %q is not a Go package name", c.Package)
			}
		case "generate":
			c.Generate = p.str(v, key)
			if g := c.Generate; g != "" && !slices.Contains([]string{GenerateBoth, GenerateClient, GenerateServer}, g) {
				p.diags.Addf(p.pos(v), "generate is %q: want client, server or both", g)
			}
		case "strict":
			c.Strict = p.boolean(v, key)
		case "examples":
			c.Examples = p.boolean(v, key)
		case "operations":
			c.Operations = p.filter(k, v)
		case "names":
			c.Names = p.names2(v)
		case "types":
			c.Types = p.types(v)
		default:
			return false
		}
		c.Set[key] = true
		return true
	})
}

// filter reads the operations mapping.
func (p *parser) filter(k, n *yaml.Node) Filter {
	f := Filter{Pos: p.pos(k)}
	p.mapping(n, "operations", func(key string, _, v *yaml.Node) bool {
		switch key {
		case "include-tags":
			f.IncludeTags = p.names(v, key)
		case "exclude-tags":
			f.ExcludeTags = p.names(v, key)
		case "include-ids":
			f.IncludeIDs = p.names(v, key)
		case "exclude-ids":
			f.ExcludeIDs = p.names(v, key)
		default:
			return false
		}
		return true
	})
	return f
}

// names2 reads the names mapping: operations and schemas, each a
// mapping from the spec's name to a Go name.
func (p *parser) names2(n *yaml.Node) Names {
	var out Names
	p.mapping(n, "names", func(key string, _, v *yaml.Node) bool {
		switch key {
		case "operations":
			out.Operations = p.renames(v, "names.operations")
		case "schemas":
			out.Schemas = p.renames(v, "names.schemas")
		default:
			return false
		}
		return true
	})
	return out
}

// types reads the types mapping: formats and schemas, each a mapping
// from the spec's name to a Go type (import/path.TypeName).
func (p *parser) types(n *yaml.Node) Types {
	var out Types
	p.mapping(n, "types", func(key string, _, v *yaml.Node) bool {
		switch key {
		case "formats":
			out.Formats = p.goTypes(v, "types.formats")
		case "schemas":
			out.Schemas = p.goTypes(v, "types.schemas")
		default:
			return false
		}
		return true
	})
	return out
}

// goTypes reads a mapping from spec names to Go types.
func (p *parser) goTypes(n *yaml.Node, what string) []TypeOverride {
	var out []TypeOverride
	p.mapping(n, what, func(key string, k, v *yaml.Node) bool {
		s := p.str(v, what+" value")
		if s == "" {
			return true
		}
		t, err := ir.ParseGoType(s)
		if err != nil {
			p.diags.Addf(p.pos(v), "%s: %q: %v", what, s, err)
			return true
		}
		out = append(out, TypeOverride{From: Name{Value: key, Pos: p.pos(k)}, Type: t, Pos: p.pos(v)})
		return true
	})
	return out
}

// renames reads a mapping from spec names to exported Go identifiers.
func (p *parser) renames(n *yaml.Node, what string) []Rename {
	var out []Rename
	p.mapping(n, what, func(key string, k, v *yaml.Node) bool {
		to := p.str(v, what+" value")
		if to != "" && (!token.IsIdentifier(to) || !token.IsExported(to)) {
			p.diags.Addf(p.pos(v), "%s: %q is not an exported Go identifier", what, to)
			return true
		}
		if to != "" {
			out = append(out, Rename{From: Name{Value: key, Pos: p.pos(k)}, To: Name{Value: to, Pos: p.pos(v)}})
		}
		return true
	})
	return out
}

// mapping calls field for every key of n, which must be a mapping with
// string keys, each given once; field returns false for an unknown key.
func (p *parser) mapping(n *yaml.Node, what string, field func(key string, k, v *yaml.Node) bool) {
	if n.Kind != yaml.MappingNode {
		p.diags.Addf(p.pos(n), "%s must be a mapping", what)
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case k.Kind != yaml.ScalarNode:
			p.diags.Addf(p.pos(k), "a key of %s must be a name", what)
		case seen[k.Value]:
			p.diags.Addf(p.pos(k), "%s is given twice", k.Value)
		case !field(k.Value, k, v):
			p.diags.Addf(p.pos(k), "unknown key %q in %s", k.Value, what)
		}
		seen[k.Value] = true
	}
}

// str reads a string scalar.
func (p *parser) str(n *yaml.Node, key string) string {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!str" {
		p.diags.Addf(p.pos(n), "%s must be a string", key)
		return ""
	}
	return n.Value
}

// path reads a non-empty string naming a file or directory.
func (p *parser) path(n *yaml.Node, key string) string {
	s := p.str(n, key)
	if s == "" && n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		p.diags.Addf(p.pos(n), "%s is empty", key)
	}
	return s
}

// boolean reads true or false.
func (p *parser) boolean(n *yaml.Node, key string) bool {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		p.diags.Addf(p.pos(n), "%s must be true or false", key)
		return false
	}
	return n.Value == "true"
}

// names reads a sequence of distinct, non-empty strings.
func (p *parser) names(n *yaml.Node, key string) []Name {
	if n.Kind != yaml.SequenceNode {
		p.diags.Addf(p.pos(n), "%s must be a list of names", key)
		return nil
	}
	var out []Name
	for _, item := range n.Content {
		s := p.str(item, key+" entry")
		switch {
		case s == "" && item.Tag == "!!str":
			p.diags.Addf(p.pos(item), "%s entry is empty", key)
		case slices.ContainsFunc(out, func(x Name) bool { return x.Value == s }):
			p.diags.Addf(p.pos(item), "%s lists %q twice", key, s)
		case s != "":
			out = append(out, Name{Value: s, Pos: p.pos(item)})
		}
	}
	return out
}
