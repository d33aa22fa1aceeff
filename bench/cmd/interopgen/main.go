// Command interopgen writes the interop tests of bench/interop: for each
// document of docs (spec/nexmo.yaml and corpus documents), nexmogen's
// package (in process, as the command does) into
// bench/gen/interop/<pkg>/nx, oapi-codegen's (the pinned tool: models,
// client, std-http server, strict server) into bench/gen/interop/<pkg>/oapi,
// and nexmogen's package's interop_test.go, written from both packages'
// declarations, beside corpus/smoke's filler with the spec's rules
// (smoke_fill_test.go): a Handler and a StrictServerInterface that answer through
// the harness, and per operation paired by name the calls of both clients.
// gen.sh runs it from bench/; `go test ./gen/interop/...` runs the tests.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/nexmogen/nexmogen/corpus/smoke"
	"github.com/nexmogen/nexmogen/generator"
)

// docs are the documents the interop suite covers: the Nexmo spec and
// corpus documents both generators build (corpus/outcomes.json).
var docs = []string{
	"spec/nexmo.yaml",
	"corpus/specs/adyen-binlookup-v54.json",
	"corpus/specs/adyen-checkout-v71.json",
	"corpus/specs/oai-petstore.yaml",
	"corpus/specs/oai-petstore-expanded.yaml",
	"corpus/specs/oai-link-example.yaml",
	"corpus/specs/oai-uspto.yaml",
	"corpus/specs/realworld-conduit.yml",
	"corpus/specs/sendgrid-mail-v3.json",
	"corpus/specs/spotify.yml",
	"corpus/specs/twilio-lookups-v2.json",
	"corpus/specs/vonage-numbers.yml",
	"corpus/specs/vonage-pricing.yml",
	"corpus/specs/vonage-redact.yml",
	"corpus/specs/xero-identity.yaml",
}

const oapiConfig = `package: oapi
generate:
  models: true
  client: true
  std-http-server: true
  strict-server: true
output: %s
`

func main() {
	out := flag.String("out", "gen/interop", "the folder of the generated packages, in the bench module")
	root := flag.String("root", "..", "the repository")
	summary := flag.Bool("report", false, "read `go test -v ./gen/interop/...` on stdin and write the summary (INTEROP.md) on stdout")
	seconds := flag.Float64("seconds", 0, "with -report: how long the tests took")
	flag.Parse()
	var err error
	if *summary {
		err = report(os.Stdin, os.Stdout, *seconds)
	} else {
		err = run(*root, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "interopgen:", err)
		os.Exit(1)
	}
}

func run(root, out string) error {
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	for _, d := range docs {
		if err := generate(root, d, filepath.Join(out, pkgDir(d))); err != nil {
			return fmt.Errorf("%s: %v", d, err)
		}
	}
	return nil
}

// pkgDir is the folder of a document's packages: its base name without
// the extension and dashes ("realworldconduit").
func pkgDir(doc string) string {
	base := filepath.Base(doc)
	return strings.ReplaceAll(strings.TrimSuffix(base, filepath.Ext(base)), "-", "")
}

func generate(root, doc, dir string) error {
	path := filepath.Join(root, doc)
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	files, _, err := generator.Generate(data, doc, generator.Options{Package: "nx", Files: os.DirFS(filepath.Dir(path))})
	if err != nil {
		return err
	}
	nx := filepath.Join(dir, "nx")
	for _, f := range files {
		if strings.HasSuffix(f.Name, "_test.go") {
			continue // nexmogen's own tests (examples) are not the interop suite's
		}
		p := filepath.Join(nx, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Bytes, 0o644); err != nil {
			return err
		}
	}
	oapiDir := filepath.Join(dir, "oapi")
	if err := os.MkdirAll(oapiDir, 0o755); err != nil {
		return err
	}
	cfg := filepath.Join(dir, "oapi-codegen.yaml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(oapiConfig, filepath.Join(oapiDir, "oapi.gen.go"))), 0o644); err != nil {
		return err
	}
	goCmd := os.Getenv("GO")
	if goCmd == "" {
		goCmd = "go"
	}
	cmd := exec.Command(goCmd, "tool", "oapi-codegen", "-config", cfg, path)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("oapi-codegen: %v\n%s", err, b)
	}
	// The spec's rules, as the smoke test reads them: the interop test
	// fills its values with the smoke test's own filler.
	ours, err := smoke.Analyse(nx, path)
	if err != nil {
		return fmt.Errorf("reading nexmogen's package: %v", err)
	}
	fillSrc, err := ours.FillerSource()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(nx, smoke.FillerFile), fillSrc, 0o644); err != nil {
		return err
	}
	theirs, err := readOapi(filepath.Join(oapiDir, "oapi.gen.go"))
	if err != nil {
		return fmt.Errorf("reading oapi-codegen's package: %v", err)
	}
	auth, err := apiKeys(data)
	if err != nil {
		return err
	}
	src, err := emit(strings.TrimSuffix(filepath.Base(doc), filepath.Ext(doc)), "github.com/nexmogen/nexmogen/bench/"+filepath.ToSlash(oapiDir), ours, theirs, auth)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(nx, "interop_test.go"), src, 0o644)
}
