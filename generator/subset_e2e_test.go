package generator_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// TestSupportedSubsetEndToEnd generates the supported-subset golden spec
// into a throwaway module and runs testdata/e2e/subset_test.go there: the
// generated client against the generated server, over loopback, for every
// construct the README's supported-subset table lists as supported.
func TestSupportedSubsetEndToEnd(t *testing.T) {
	loopback(t, "supported_subset.txtar", "subset", "subset_test.go")
}

// TestFormatsEndToEnd runs testdata/e2e/formats_test.go against the code
// of formats.txtar: date-times, dates and bytes through JSON, XML, path,
// query and header, the format checks, and JSON round trips.
func TestFormatsEndToEnd(t *testing.T) {
	loopback(t, "formats.txtar", "formats", "formats_test.go")
}

// TestEnumsEndToEnd runs testdata/e2e/enums_test.go against the code of
// enums_unnamed.txtar: integer, number and boolean enums without
// x-enum-varnames in parameters and JSON.
func TestEnumsEndToEnd(t *testing.T) {
	loopback(t, "enums_unnamed.txtar", "enums", "enums_test.go")
}

// TestNullableEndToEnd runs testdata/e2e/nullable_test.go against the
// code of nullable.txtar: absent, null and values through JSON and XML,
// the validators, the server's presence checks, and JSON round trips.
func TestNullableEndToEnd(t *testing.T) {
	loopback(t, "nullable.txtar", "nullable", "nullable_test.go")
}

// TestUnionsEndToEnd runs testdata/e2e/unions_test.go against the code
// of unions.txtar: oneOf and anyOf, with and without discriminator, scalar
// unions, through the generated client and server, and JSON round trips.
func TestUnionsEndToEnd(t *testing.T) {
	loopback(t, "unions.txtar", "unions", "unions_test.go")
}

// loopback generates the spec of a golden case as package pkg into a
// throwaway module and runs the test file of testdata/e2e there.
func loopback(t *testing.T, archiveName, pkg, test string) {
	t.Helper()
	loopbackWith(t, archiveName, test, generator.Options{Package: pkg})
}

// loopbackWith is loopback with the generator's options (opts.Package
// names the package).
func loopbackWith(t *testing.T, archiveName, test string, opts generator.Options) {
	t.Helper()
	pkg := opts.Package
	_, files, _, err := generateCaseWith(t, filepath.Join("testdata", archiveName), opts)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module "+pkg+".test\n\ngo 1.26\n")
	for _, f := range files {
		write(t, filepath.Join(dir, pkg, f.Name), string(f.Bytes))
	}
	e2e, err := os.ReadFile(filepath.Join("testdata", "e2e", test))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, pkg, "e2e_test.go"), string(e2e))
	goCmd(t, dir, "vet", "./...")
	goCmd(t, dir, "test", "-count=1", "./...")
}
