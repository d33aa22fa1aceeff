package emit_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/spec"
)

// generated returns the named files of a generation of doc.
func generated(t *testing.T, doc []byte, pkg string) map[string]string {
	t.Helper()
	files, _, err := generator.Generate(doc, "spec.yaml", generator.Options{Package: pkg})
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]string, len(files))
	for _, f := range files {
		out[f.Name] = string(f.Bytes)
	}
	return out
}

func TestClientOfTheNexmoSpec(t *testing.T) {
	files := generated(t, spec.YAML, "nexmo")
	ops := files["client_operations.go"]
	for _, method := range []string{"GetBalance", "GetOutboundPricing", "UpdateSettings", "ListOwnedNumbers",
		"SearchAvailableNumbers", "BuyNumber", "CancelNumber", "TopUp", "UpdateNumber", "GetOutboundPricingByType"} {
		if !strings.Contains(ops, "func (c *Client) "+method+"(ctx context.Context") {
			t.Errorf("no method %s", method)
		}
	}
	// Retries are decided by the spec: every POST here is unsafe.
	for _, unsafe := range []string{"BuyNumber", "CancelNumber", "TopUp", "UpdateNumber", "UpdateSettings"} {
		body := ops[strings.Index(ops, "func (c *Client) "+unsafe+"("):]
		body = body[:strings.Index(body, "\n}\n")]
		if !strings.Contains(body, "idempotent: false") {
			t.Errorf("%s is not marked unsafe:\n%s", unsafe, body)
		}
	}
	for name, src := range files {
		if strings.HasPrefix(name, "client") && strings.Contains(src, "Idempotency-Key\"") {
			t.Errorf("%s sets an Idempotency-Key header", name)
		}
	}
	pages := files["client_pagination.go"]
	for _, it := range []string{"OwnedNumbers(ctx context.Context, params ListOwnedNumbersParams, opts ...CallOption) iter.Seq2[OwnedNumber, error]",
		"AvailableNumbers(ctx context.Context, params SearchAvailableNumbersParams, opts ...CallOption) iter.Seq2[AvailableNumber, error]",
		"func (x *ErrorEnvelope) bodyStatus()"} {
		if !strings.Contains(pages, it) {
			t.Errorf("client_pagination.go lacks %q", it)
		}
	}
}

// TestClientOfAnotherSpec generates the client of a spec unlike Nexmo's
// (path and header parameters, an exploded array, a JSON body, 201 and
// 204 answers, problem+json errors, HTTP Basic only, no body status) and
// runs a test of it against an httptest server, in a throwaway module.
func TestClientOfAnotherSpec(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatal("the go command is needed to compile the generated client")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module items.test\n\ngo 1.26\n")
	for name, src := range generated(t, []byte(itemsSpec), "items") {
		writeFile(t, filepath.Join(dir, "items", name), src)
	}
	writeFile(t, filepath.Join(dir, "items", "client_test.go"), itemsTest)
	cmd := exec.Command("go", "test", "-count=1", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test of the generated client: %v\n%s", err, out)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
