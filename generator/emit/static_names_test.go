package emit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"

	"github.com/nexmogen/nexmogen/generator/build"
	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/generator/load"
	"github.com/nexmogen/nexmogen/spec"
	"github.com/nexmogen/nexmogen/templates"
)

// TestRuntimeNamesListed holds templates.RuntimeNames to what the static
// files really declare, rendered for the Nexmo spec and for an empty one
// (some helpers exist only for some specs): every declared name is listed,
// and every listed name is declared for one of them. The builder reserves
// the list, so no spec name collides with the runtime.
func TestRuntimeNamesListed(t *testing.T) {
	doc, err := load.Load(spec.YAML, spec.Path)
	if err != nil {
		t.Fatal(err)
	}
	nexmo, err := build.Build(doc, build.Options{Package: "nexmo", Reserved: templates.RuntimeNames()})
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Sorted(slices.Values(templates.RuntimeNames()))
	seen := make(map[string]bool)
	for _, api := range []*ir.API{nexmo, {Package: "empty"}} {
		files, err := Static(api)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		fset := token.NewFileSet()
		for _, f := range files {
			parsed, err := parser.ParseFile(fset, f.Name, f.Bytes, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range parsed.Decls {
				got = append(got, declNames(d)...)
			}
		}
		for _, name := range got {
			seen[name] = true
			if _, found := slices.BinarySearch(want, name); !found {
				t.Errorf("package %s: the static files declare %s, which templates.RuntimeNames() does not list", api.Package, name)
			}
		}
	}
	for _, name := range want {
		if !seen[name] {
			t.Errorf("templates.RuntimeNames() lists %s, which no static file declares", name)
		}
	}
}

// declNames are the package-level names a declaration introduces; methods
// are not package-level.
func declNames(d ast.Decl) []string {
	var out []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			out = append(out, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				out = append(out, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					out = append(out, n.Name)
				}
			}
		}
	}
	return out
}
