package generator_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nexmogen/nexmogen/generator"
)

// TestHooksEndToEnd runs testdata/e2e/hooks_test.go against the code of
// hooks.txtar: the generated senders of webhooks (two of them, one with two
// methods, one secured) and of callbacks against the generated handlers,
// with valid requests, the exact 400s of invalid ones, 401, 404 and 405.
func TestHooksEndToEnd(t *testing.T) {
	loopback(t, "hooks.txtar", "hooks", "hooks_test.go")
}

// TestHooksOneSideOnly generates hooks.txtar with the client only and with
// the server only: the senders are client code (client_hooks.go), the
// handlers server code (server_hooks.go, server_hooks_runtime.go); each
// package vets alone and declares nothing of the other side.
func TestHooksOneSideOnly(t *testing.T) {
	archive, err := os.ReadFile(filepath.Join("testdata", "hooks.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	spec, _ := parseArchive(archive).file("spec.yaml")
	other := map[string]struct {
		prefix string
		names  []string
	}{
		"client": {"server", []string{"WebhookHandler", "NewWebhookHandler", "SubscribeCallbackHandler", "WebhookNewPetInput", "srvHook"}},
		"server": {"client", []string{"WebhookSender", "NewWebhookSender", "SubscribeCallbackSender", "NewSubscribeCallbackSender"}},
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module sides.test\n\ngo 1.26\n")
	for side, o := range other {
		files, _, err := generator.Generate(spec, "spec.yaml", generator.Options{Package: side + "only", Generate: side})
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
