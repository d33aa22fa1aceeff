package generator_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/generator/config"
	"github.com/nexmogen/nexmogen/spec"
)

// configCases are the golden cases of the configuration file: each holds
// nexmogen.yaml, optionally spec.yaml (else the Nexmo spec is the input),
// and either the diagnostics (error) or a summary of what was generated
// (out/summary: the resolved settings, the files, the client's methods
// and the server Handler's).
func configCases(t *testing.T) []string {
	t.Helper()
	cases, err := filepath.Glob(filepath.Join("testdata", "config", "*.txtar"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no config cases: %v", err)
	}
	return cases
}

// generateConfigCase parses a case's configuration and generates with it.
func generateConfigCase(t *testing.T, a *archive) (*config.Config, []generator.File, error) {
	t.Helper()
	data, ok := a.file("nexmogen.yaml")
	if !ok {
		t.Fatal("no nexmogen.yaml")
	}
	cfg, err := config.Parse(data, "nexmogen.yaml")
	if err != nil {
		return nil, nil, err
	}
	doc, name := spec.YAML, spec.Path
	if s, ok := a.file("spec.yaml"); ok {
		doc, name = s, "spec.yaml"
	}
	pkg := cmpOr(cfg.Package, "golden")
	files, _, err := generator.Generate(doc, name, generator.Options{Package: pkg, Generate: cfg.Generate, Operations: cfg.Operations, Strict: cfg.Strict, NoExamples: !cfg.Examples, Names: cfg.Names, Types: cfg.Types})
	return cfg, files, err
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func TestGoldenConfig(t *testing.T) {
	for _, path := range configCases(t) {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			old, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(old)
			cfg, files, err := generateConfigCase(t, a)
			want := &archive{comment: a.comment}
			for _, f := range a.files {
				if f.name == "nexmogen.yaml" || f.name == "spec.yaml" {
					want.files = append(want.files, f)
				}
			}
			if err != nil {
				want.files = append(want.files, archiveFile{name: "error", data: []byte(err.Error() + "\n")})
			} else {
				want.files = append(want.files, archiveFile{name: "out/summary", data: summary(t, cfg, files)})
			}
			got := want.format()
			if *update {
				if string(old) != string(got) {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			if string(old) != string(got) {
				t.Errorf("%s differs from the generator's output (go test ./generator -update rewrites it):\n%s", path, firstDifference(string(old), string(got)))
			}
		})
	}
}

// summary describes a generation: the settings the file gave, the files,
// the exported methods of Client and of the Handler interface.
func summary(t *testing.T, cfg *config.Config, files []generator.File) []byte {
	t.Helper()
	var b strings.Builder
	keys := make([]string, 0, len(cfg.Set))
	for k := range cfg.Set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	fmt.Fprintf(&b, "set: %s\nspec: %s\noutput: %s\npackage: %s\ngenerate: %s\nstrict: %v\nexamples: %v\n", strings.Join(keys, " "), cfg.Spec, cfg.Output, cfg.Package, cfg.Generate, cfg.Strict, cfg.Examples)
	var client, handler, types, foreign []string
	b.WriteString("files:\n")
	for _, f := range files {
		b.WriteString("  " + f.Name + "\n")
		file, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Bytes, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			client = append(client, clientMethod(d)...)
			handler = append(handler, handlerMethods(d)...)
			if f.Name == "models.go" || f.Name == "enums.go" {
				types = append(types, exportedTypes(d)...)
				foreign = append(foreign, foreignFields(f.Bytes, d)...)
			}
		}
	}
	slices.Sort(client)
	slices.Sort(types)
	fmt.Fprintf(&b, "client: %s\nhandler: %s\nmodels: %s\n", strings.Join(client, " "), strings.Join(handler, " "), strings.Join(types, " "))
	if len(foreign) > 0 {
		slices.Sort(foreign)
		fmt.Fprintf(&b, "fields of other packages' types: %s\n", strings.Join(foreign, " "))
	}
	return []byte(b.String())
}

// foreignFields are the struct fields d declares whose type is of another
// package (net/netip.Addr, a user's type): Type.Field=its type as written
// in src.
func foreignFields(src []byte, d ast.Decl) []string {
	g, ok := d.(*ast.GenDecl)
	if !ok {
		return nil
	}
	var out []string
	for _, s := range g.Specs {
		ts, ok := s.(*ast.TypeSpec)
		if !ok {
			continue
		}
		st, ok := ts.Type.(*ast.StructType)
		if !ok {
			continue
		}
		for _, f := range st.Fields.List {
			foreign := false
			ast.Inspect(f.Type, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name != "Name" {
					foreign = true
				}
				return true
			})
			if foreign && len(f.Names) == 1 {
				out = append(out, ts.Name.Name+"."+f.Names[0].Name+"="+string(src[f.Type.Pos()-1:f.Type.End()-1]))
			}
		}
	}
	return out
}

// clientMethod is the name of d when d is an exported method of *Client.
func clientMethod(d ast.Decl) []string {
	fn, ok := d.(*ast.FuncDecl)
	if !ok || fn.Recv == nil || !fn.Name.IsExported() {
		return nil
	}
	if star, ok := fn.Recv.List[0].Type.(*ast.StarExpr); ok {
		if id, ok := star.X.(*ast.Ident); ok && id.Name == "Client" {
			return []string{fn.Name.Name}
		}
	}
	return nil
}

// handlerMethods are the methods of the Handler interface when d declares it.
func handlerMethods(d ast.Decl) []string {
	g, ok := d.(*ast.GenDecl)
	if !ok {
		return nil
	}
	var out []string
	for _, s := range g.Specs {
		ts, ok := s.(*ast.TypeSpec)
		if !ok || ts.Name.Name != "Handler" {
			continue
		}
		if it, ok := ts.Type.(*ast.InterfaceType); ok {
			for _, m := range it.Methods.List {
				for _, n := range m.Names {
					out = append(out, n.Name)
				}
			}
		}
	}
	return out
}

// TestGoldenConfigCompiles builds and vets the whole output of every
// configuration case that generates (a client alone, a server alone, a
// filtered package), as packages of one throwaway module.
func TestGoldenConfigCompiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module golden.test\n\ngo 1.25\n")
	n := 0
	for _, path := range configCases(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, files, err := generateConfigCase(t, parseArchive(data))
		if err != nil {
			continue
		}
		n++
		pkg := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".txtar"))
		for _, f := range files {
			write(t, filepath.Join(pkg, f.Name), string(f.Bytes))
		}
	}
	if n == 0 {
		t.Fatal("no config case generates code")
	}
	goCmd(t, dir, "vet", "./...")
}

// exportedTypes are the exported type names d declares, with the exported
// fields of structs as Type.Field.
func exportedTypes(d ast.Decl) []string {
	g, ok := d.(*ast.GenDecl)
	if !ok {
		return nil
	}
	var out []string
	for _, s := range g.Specs {
		ts, ok := s.(*ast.TypeSpec)
		if !ok || !ts.Name.IsExported() {
			continue
		}
		out = append(out, ts.Name.Name)
		if st, ok := ts.Type.(*ast.StructType); ok {
			for _, f := range st.Fields.List {
				for _, n := range f.Names {
					if n.IsExported() {
						out = append(out, ts.Name.Name+"."+n.Name)
					}
				}
			}
		}
	}
	return out
}
