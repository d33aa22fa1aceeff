package generator_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// TestSecurityEndToEnd generates the security golden spec and the OAI
// petstore into a throwaway module and runs testdata/e2e/security_test.go
// and petstore_test.go there: the generated clients against the generated
// servers over loopback, for every kind of security scheme, alternatives,
// schemes required together, security: [] in a secured document, and no
// security at all.
func TestSecurityEndToEnd(t *testing.T) {
	archive, err := os.ReadFile(filepath.Join("testdata", "security.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	secured, ok := parseArchive(archive).file("spec.yaml")
	if !ok {
		t.Fatal("no spec.yaml")
	}
	petstore, err := os.ReadFile(filepath.Join("testdata", "realworld", "petstore.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module secured.test\n\ngo 1.26\n")
	for _, pkg := range []struct {
		name string
		spec []byte
		test string
	}{{"secured", secured, "security_test.go"}, {"petstore", petstore, "petstore_test.go"}} {
		files, _, err := generator.Generate(pkg.spec, pkg.name+".yaml", generator.Options{Package: pkg.name})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			write(t, filepath.Join(dir, pkg.name, f.Name), string(f.Bytes))
		}
		test, err := os.ReadFile(filepath.Join("testdata", "e2e", pkg.test))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, pkg.name, "e2e_test.go"), string(test))
	}
	goCmd(t, dir, "vet", "./...")
	goCmd(t, dir, "test", "-count=1", "./...")
}

// TestUserGoTypesEndToEnd generates testdata/go_types.txtar (x-go-type:
// math/big.Float and net/netip.Addr) and runs testdata/e2e/gotypes_test.go:
// the generated client against the generated server over loopback.
func TestUserGoTypesEndToEnd(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "go_types.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	spec, ok := parseArchive(data).file("spec.yaml")
	if !ok {
		t.Fatal("no spec.yaml")
	}
	files, _, err := generator.Generate(spec, "spec.yaml", generator.Options{Package: "prices"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module gotypes.test\n\ngo 1.26\n")
	for _, f := range files {
		write(t, filepath.Join(dir, "prices", f.Name), string(f.Bytes))
	}
	test, err := os.ReadFile(filepath.Join("testdata", "e2e", "gotypes_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "prices", "e2e_test.go"), string(test))
	goCmd(t, dir, "vet", "./...")
	goCmd(t, dir, "test", "-count=1", "./...")
}
