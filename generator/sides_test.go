package generator_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/spec"
)

// TestOneSideOnly generates the Nexmo package with the client only and
// with the server only: each builds and vets alone, and holds no file and
// no declaration of the other side (its runtime included).
func TestOneSideOnly(t *testing.T) {
	other := map[string]struct {
		prefix string
		names  []string
	}{
		"client": {"server", []string{"NewServer", "Handler", "UnimplementedHandler", "ServerOption", "server", "srvExchange", "BasicVerifier"}},
		"server": {"client", []string{"NewClient", "Client", "Option", "request", "APIError", "RetryPolicy", "ErrNoCredentials"}},
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module sides.test\n\ngo 1.26\n")
	for side, o := range other {
		files, _, err := generator.Generate(spec.YAML, spec.Path, generator.Options{Package: side + "only", Generate: side})
		if err != nil {
			t.Fatal(err)
		}
		declared := map[string]string{}
		for _, f := range files {
			if strings.HasPrefix(f.Name, o.prefix) {
				t.Errorf("%s only: %s generated", side, f.Name)
			}
			parsed, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Bytes, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range parsed.Decls {
				for _, n := range topNames(d) {
					declared[n] = f.Name
				}
			}
			write(t, filepath.Join(dir, side+"only", f.Name), string(f.Bytes))
		}
		for _, n := range o.names {
			if file, ok := declared[n]; ok {
				t.Errorf("%s only: %s declares %s, of the other side", side, file, n)
			}
		}
	}
	goCmd(t, dir, "vet", "./...")
}

// topNames are the package-level names a declaration introduces.
func topNames(d ast.Decl) []string {
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

// TestGoldenOneSide generates every golden case that generates with the
// client only and with the server only: each builds and vets alone (a
// runtime file of one side that the other needs, or shared code that names
// the other side's runtime, would not), and a client holds no server
// runtime name (srv...).
func TestGoldenOneSide(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module oneside.test\n\ngo 1.26\n")
	n := 0
	for _, path := range goldenCases(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		for _, side := range []string{"client", "server"} {
			_, files, _, err := generateCaseWith(t, path, generator.Options{Generate: side})
			if err != nil {
				continue
			}
			n++
			for _, f := range files {
				if side == "client" && strings.HasPrefix(f.Name, "server") || side == "server" && strings.HasPrefix(f.Name, "client") {
					t.Errorf("%s, %s only: %s generated", name, side, f.Name)
				}
				if side == "client" {
					parsed, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Bytes, parser.SkipObjectResolution)
					if err != nil {
						t.Fatal(err)
					}
					for _, d := range parsed.Decls {
						for _, id := range topNames(d) {
							if strings.HasPrefix(id, "srv") {
								t.Errorf("%s, client only: %s declares %s, of the server's runtime", name, f.Name, id)
							}
						}
					}
				}
				write(t, filepath.Join(dir, name+"_"+side, f.Name), string(f.Bytes))
			}
		}
	}
	if n == 0 {
		t.Fatal("no golden case generates code")
	}
	goCmd(t, dir, "vet", "./...")
}
