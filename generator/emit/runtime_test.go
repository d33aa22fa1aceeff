package emit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/nexmogen/nexmogen/generator/ir"
	"github.com/nexmogen/nexmogen/spec"
	"github.com/nexmogen/nexmogen/templates"
)

// TestRuntimeTable holds every entry of rt to a package-level name that
// templates/runtime declares (its copied files or spec.go, whose names
// runtime_spec.go declares), spelled as the entry's own field name.
func TestRuntimeTable(t *testing.T) {
	names := templates.Names()
	v := reflect.ValueOf(rt)
	for i := range v.NumField() {
		field, value := v.Type().Field(i).Name, v.Field(i).String()
		if field != value {
			t.Errorf("rt.%s is %q: an entry is spelled as its name", field, value)
		}
		if _, found := slices.BinarySearch(names, value); !found {
			t.Errorf("rt.%s: templates/runtime declares no %s", field, value)
		}
	}
}

// TestRuntimeFilesListed: every file of templates/runtime has its entry
// in runtimeFiles, and every entry its file, so that none is copied or
// dropped by accident.
func TestRuntimeFilesListed(t *testing.T) {
	var files []string
	for _, f := range templates.Files() {
		files = append(files, f.Name)
	}
	var listed []string
	for _, r := range runtimeFiles {
		listed = append(listed, r.name)
	}
	slices.Sort(listed)
	if !slices.Equal(files, listed) {
		t.Errorf("templates/runtime has %v, runtimeFiles lists %v", files, listed)
	}
	if _, err := Static(&ir.API{Package: "x"}); err != nil {
		t.Fatal(err)
	}
}

// TestStaticDropsPages: a spec without paged operations gets no page
// walker, one with them does.
func TestStaticDropsPages(t *testing.T) {
	has := func(api *ir.API) bool {
		files, err := Static(api)
		if err != nil {
			t.Fatal(err)
		}
		return slices.ContainsFunc(files, func(f File) bool { return f.Name == "client_pages.go" })
	}
	if has(&ir.API{Package: "x"}) {
		t.Error("client_pages.go copied for an API without paged operations")
	}
	paged := &ir.API{Package: "x", Operations: []*ir.Operation{{Pagination: &ir.Pagination{}}}}
	if !has(paged) {
		t.Error("client_pages.go missing for an API with a paged operation")
	}
}

// TestRuntimeSpecMatchesStandin: runtime_spec.go, generated for the Nexmo
// spec and for an empty API, declares exactly the names that
// templates/runtime/spec.go stands in for, besides the server's Handler
// and the names of serverStandin (server.go and server_routes.go declare
// those, so that a client alone has none) and NewClient
// (client_credentials.go); and
// the package's other files declare every remaining runtime name.
func TestRuntimeSpecMatchesStandin(t *testing.T) {
	serverStandin := map[string]bool{rt.serverRoutes: true, rt.serverErrorRoot: true, rt.srvErrorEnvelope: true}
	for _, api := range []*ir.API{buildSpec(t, spec.YAML, spec.Path), {Package: "empty"}} {
		files, err := Emit(api)
		if err != nil {
			t.Fatal(err)
		}
		declared := make(map[string]string)
		fset := token.NewFileSet()
		for _, f := range files {
			parsed, err := parser.ParseFile(fset, f.Name, f.Bytes, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range parsed.Decls {
				for _, n := range declNames(d) {
					declared[n] = f.Name
				}
			}
		}
		for _, name := range templates.Names() {
			file, ok := declared[name]
			switch {
			case !ok && !dropped(t, api)[name]:
				t.Errorf("package %s declares no %s, which the runtime declares or refers to", api.Package, name)
			case standin(name) && file != "runtime_spec.go" && name != rt.Handler && name != rt.NewClient && !serverStandin[name]:
				t.Errorf("package %s declares %s in %s, not runtime_spec.go", api.Package, name, file)
			}
		}
		for name, file := range declared {
			if file == "runtime_spec.go" && !standin(name) {
				t.Errorf("runtime_spec.go declares %s, which templates/runtime/spec.go does not stand in for", name)
			}
		}
	}
}

// standin reports whether templates/runtime/spec.go declares name.
func standin(name string) bool {
	src, err := os.ReadFile(filepath.Join("..", "..", "templates", "runtime", "spec.go"))
	if err != nil {
		panic(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "spec.go", src, parser.SkipObjectResolution)
	if err != nil {
		panic(err)
	}
	for _, d := range f.Decls {
		if slices.Contains(declNames(d), name) {
			return true
		}
	}
	return false
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

// dropped are the names declared by the runtime files api does not need
// (walkPages without paged operations, Date without dates, ...).
func dropped(t *testing.T, api *ir.API) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range templates.Files() {
		i := slices.IndexFunc(runtimeFiles, func(r runtimeFile) bool { return r.name == f.Name })
		if i < 0 || runtimeFiles[i].needs(api) {
			continue
		}
		parsed, err := parser.ParseFile(fset, f.Name, append([]byte("package runtime\n"), f.Body...), parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range parsed.Decls {
			for _, n := range declNames(d) {
				out[n] = true
			}
		}
	}
	return out
}
