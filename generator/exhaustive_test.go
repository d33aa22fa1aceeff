package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestKindSwitchesExhaustive: every switch over ir.Kind, ir.LiteralKind or
// ir.RuleKind in build and emit lists every kind in its cases
// (ARCHITECTURE.md rule 2: a kind added later makes each switch that
// forgets it fail here, not fall silently into a default or the code after
// the switch), and a default clause, if any, panics.
func TestKindSwitchesExhaustive(t *testing.T) {
	fset := token.NewFileSet()
	var irFiles []*ast.File
	names, _ := filepath.Glob(filepath.Join("ir", "*.go"))
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		irFiles = append(irFiles, f)
	}
	families := constsOf(irFiles, "Kind", "LiteralKind", "RuleKind")
	for _, dir := range []string{"build", "emit"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				sw, ok := n.(*ast.SwitchStmt)
				if !ok || sw.Tag == nil {
					return true
				}
				checkSwitch(t, fset, sw, families)
				return true
			})
		}
	}
}

// checkSwitch reports a switch whose cases name constants of a family
// without naming them all, or whose default does not panic.
func checkSwitch(t *testing.T, fset *token.FileSet, sw *ast.SwitchStmt, families map[string]map[string]bool) {
	t.Helper()
	seen := map[string]bool{}
	var family string
	var def *ast.CaseClause
	for _, st := range sw.Body.List {
		cc := st.(*ast.CaseClause)
		if cc.List == nil {
			def = cc
		}
		for _, e := range cc.List {
			sel, ok := e.(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "ir" {
				continue
			}
			for fam, names := range families {
				if names[sel.Sel.Name] {
					family = fam
					seen[sel.Sel.Name] = true
				}
			}
		}
	}
	if family == "" {
		return
	}
	var missing []string
	for name := range families[family] {
		if !seen[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%s: switch over ir.%s misses %s", fset.Position(sw.Pos()), family, strings.Join(missing, ", "))
	}
	if def != nil && !panics(def.Body) {
		t.Errorf("%s: switch over ir.%s has a default that does not panic", fset.Position(def.Pos()), family)
	}
}

// panics reports whether a statement list calls panic.
func panics(body []ast.Stmt) bool {
	found := false
	for _, st := range body {
		ast.Inspect(st, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "panic" {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// constsOf are the constants of package ir of each named type, but the
// counters (Num...).
func constsOf(files []*ast.File, types ...string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, typ := range types {
		out[typ] = map[string]bool{}
	}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			var current string
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if id, ok := vs.Type.(*ast.Ident); ok {
					current = id.Name
				} else if vs.Values != nil {
					current = ""
				}
				if out[current] == nil {
					continue
				}
				for _, n := range vs.Names {
					if !strings.HasPrefix(n.Name, "Num") {
						out[current][n.Name] = true
					}
				}
			}
		}
	}
	return out
}
