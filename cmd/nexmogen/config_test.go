package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/spec"
)

// configDir writes a configuration file beside a copy of the spec; paths
// in the file are relative to its directory.
func configDir(t *testing.T, cfg string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "api")
	writeFiles(t, dir, map[string]string{"nexmogen.yaml": cfg, "nexmo.yaml": string(spec.YAML)})
	return dir
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func TestConfigFile(t *testing.T) {
	dir := configDir(t, "spec: nexmo.yaml\noutput: ../acme\npackage: acme\ngenerate: client\noperations:\n  include-tags: [Pricing]\n")
	code, _, stderr := runCmd("-config", filepath.Join(dir, "nexmogen.yaml"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "..", "acme")
	models := readFile(t, filepath.Join(out, "models.go"))
	if !strings.Contains(models, "\npackage acme\n") {
		t.Error("package is not acme")
	}
	if exists(filepath.Join(out, "server.go")) {
		t.Error("generate: client wrote server.go")
	}
	ops := readFile(t, filepath.Join(out, "client_operations.go"))
	if !strings.Contains(ops, ") GetOutboundPricing(") || strings.Contains(ops, ") GetBalance(") {
		t.Error("include-tags: [Pricing] did not keep exactly the Pricing operations")
	}
}

// TestFlagsOverrideConfig: a flag given on the command line wins over the
// file; what no flag gives comes from the file.
func TestFlagsOverrideConfig(t *testing.T) {
	dir := configDir(t, "spec: nexmo.yaml\noutput: ../acme\npackage: acme\ngenerate: client\n")
	other := filepath.Join(t.TempDir(), "zed")
	code, _, stderr := runCmd("-config", filepath.Join(dir, "nexmogen.yaml"), "-out", other, "-package", "zed", "-generate", "both")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if exists(filepath.Join(dir, "..", "acme")) {
		t.Error("the file's output was written although -out was given")
	}
	if !strings.Contains(readFile(t, filepath.Join(other, "models.go")), "\npackage zed\n") || !exists(filepath.Join(other, "server.go")) {
		t.Error("-package zed -generate both did not override the file")
	}
}

// TestDefaultConfigFile: without -config, nexmogen.yaml in the current
// directory is read.
func TestDefaultConfigFile(t *testing.T) {
	dir := configDir(t, "spec: nexmo.yaml\noutput: gen\ngenerate: server\n")
	t.Chdir(dir)
	if code, _, stderr := runCmd(); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !exists(filepath.Join(dir, "gen", "server.go")) || exists(filepath.Join(dir, "gen", "client_operations.go")) {
		t.Error("nexmogen.yaml was not used")
	}
}

// TestBrokenConfigFile: a problem in the file is positioned in it, exits
// 1 and writes nothing.
func TestBrokenConfigFile(t *testing.T) {
	dir := configDir(t, "spec: nexmo.yaml\noutptu: gen\noperations:\n  include-ids: [getBalanse]\n")
	t.Chdir(dir)
	code, _, stderr := runCmd("-out", "gen")
	if code != 1 || stderr != "nexmogen.yaml:2:1: unknown key \"outptu\" in the file\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	writeFiles(t, dir, map[string]string{"nexmogen.yaml": "spec: nexmo.yaml\noperations:\n  include-ids: [getBalanse]\n"})
	code, _, stderr = runCmd("-out", "gen")
	if code != 1 || stderr != "nexmogen.yaml:3:17: operationId \"getBalanse\" is not in the spec\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if exists(filepath.Join(dir, "gen")) {
		t.Error("a broken configuration wrote output")
	}
	if code, _, _ := runCmd("-config", filepath.Join(dir, "missing.yaml")); code != 1 {
		t.Errorf("a missing -config file: exit %d", code)
	}
}

func TestGenerateFlagUsage(t *testing.T) {
	if code, _, stderr := runCmd("-generate", "clients"); code != 2 || !strings.Contains(stderr, "want client, server or both") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestREADMEConfigExample: the README's example nexmogen.yaml is valid and
// generates from the Nexmo spec with its filters.
func TestREADMEConfigExample(t *testing.T) {
	text := readme(t)
	_, after, ok := strings.Cut(text, "### The configuration file")
	if !ok {
		t.Fatal("README has no configuration section")
	}
	_, block, ok := strings.Cut(after, "```yaml\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 {
		t.Fatal("README's configuration section has no yaml block")
	}
	dir := configDir(t, block)
	code, _, stderr := runCmd("-config", filepath.Join(dir, "nexmogen.yaml"))
	if code != 0 {
		t.Fatalf("README's example: exit %d: %s", code, stderr)
	}
	ops := readFile(t, filepath.Join(dir, "..", "nexmo", "client_operations.go"))
	for name, want := range map[string]bool{"GetBalance": true, "BuyNumber": true, "GetOutboundPricing": true, "TopUp": false, "GetOutboundPricingByType": false} {
		if got := strings.Contains(ops, ") "+name+"("); got != want {
			t.Errorf("README's example: %s generated = %v, want %v", name, got, want)
		}
	}
}

// TestStrictFromConfig: strict: true in the file makes a warning an error;
// -strict=false on the command line overrides it.
func TestStrictFromConfig(t *testing.T) {
	broken := "openapi: 3.0.3\ninfo: {title: Broken, version: \"1\"}\npaths:\n  /things:\n    get:\n      operationId: listThings\n" +
		"      parameters:\n        - {name: size, in: query, schema: {type: integer, maximum: 100, default: 500}}\n" +
		"      responses:\n        \"204\": {description: ok}\n"
	dir := filepath.Join(t.TempDir(), "api")
	writeFiles(t, dir, map[string]string{"nexmogen.yaml": "spec: broken.yaml\noutput: gen\nstrict: true\n", "broken.yaml": broken})
	cfg := filepath.Join(dir, "nexmogen.yaml")
	if code, _, stderr := runCmd("-config", cfg); code != 1 || !strings.Contains(stderr, "broken.yaml:8:") {
		t.Errorf("strict: true: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := runCmd("-config", cfg, "-strict=false"); code != 0 || !strings.Contains(stderr, "warning:") {
		t.Errorf("-strict=false over strict: true: exit %d, stderr %q", code, stderr)
	}
}

// TestConfigNamesAndTypes: the file's names and types reach the
// generation through the command, as the golden cases show them through
// the library.
func TestConfigNamesAndTypes(t *testing.T) {
	dir := configDir(t, "spec: nexmo.yaml\noutput: ../acme\nnames:\n  schemas: {Balance: Funds}\ntypes:\n  schemas: {PricingNetwork: example.com/rates.Network}\n")
	code, _, stderr := runCmd("-config", filepath.Join(dir, "nexmogen.yaml"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	models := readFile(t, filepath.Join(dir, "..", "acme", "models.go"))
	if !strings.Contains(models, "type Funds struct") || strings.Contains(models, "type Balance struct") {
		t.Error("names.schemas did not rename Balance to Funds")
	}
	if !strings.Contains(models, `"example.com/rates"`) || !strings.Contains(models, "[]rates.Network") || strings.Contains(models, "type PricingNetwork struct") {
		t.Errorf("types.schemas did not make PricingNetwork example.com/rates.Network:\n%s", models)
	}
}

// TestExamplesFlagAndKey: the package's Example is generated unless
// examples: false or -examples=false says otherwise; the flag wins.
func TestExamplesFlagAndKey(t *testing.T) {
	for _, tc := range []struct {
		cfg  string
		args []string
		want bool
	}{
		{"", nil, true},
		{"examples: false\n", nil, false},
		{"", []string{"-examples=false"}, false},
		{"examples: false\n", []string{"-examples=true"}, true},
	} {
		dir := configDir(t, "spec: nexmo.yaml\noutput: ../acme\n"+tc.cfg)
		code, _, stderr := runCmd(append([]string{"-config", filepath.Join(dir, "nexmogen.yaml")}, tc.args...)...)
		if code != 0 {
			t.Fatalf("%q %v: exit %d: %s", tc.cfg, tc.args, code, stderr)
		}
		if got := exists(filepath.Join(dir, "..", "acme", "example_gen_test.go")); got != tc.want {
			t.Errorf("%q %v: example_gen_test.go written %v, want %v", tc.cfg, tc.args, got, tc.want)
		}
	}
}
