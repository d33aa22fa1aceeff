// Command nexmogen generates a typed Go client, request validators and
// server stubs from an OpenAPI 3.0 or 3.1 document.
//
// Usage:
//
//	nexmogen [-config FILE] [-spec FILE] [-out DIR] [-package NAME] [-generate client|server|both] [-examples=false] [-check] [-strict] [-version]
//
// With no flags it reads nexmogen.yaml when the current directory has one
// (flags override it), else the embedded spec/nexmo.yaml, and writes
// generated/nexmo. Errors read "file:line:col: problem" and exit 1; a
// failure leaves the output directory exactly as it was. Warnings read
// "file:line:col: warning: problem" on stderr and the generation goes on;
// -strict makes them errors. Usage errors exit 2.
package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/generator/config"
	"github.com/nexmogen/nexmogen/generator/output"
	"github.com/nexmogen/nexmogen/spec"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// A generation allocates a few megabytes and exits: collecting
		// less often saves about a sixth of the command's CPU (BENCHMARKS.md).
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errStale reports a -check that found differences.
var errStale = errors.New("generated code is stale: run nexmogen without -check (or make generate)")

// run is the whole command: it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nexmogen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	specFile := fs.String("spec", "", "OpenAPI 3.0 or 3.1 document to read (default: the embedded "+spec.Path+")")
	out := fs.String("out", filepath.Join("generated", "nexmo"), "directory to write the Go package into")
	pkg := fs.String("package", "", "Go package name (default: the base name of -out, or nexmo)")
	check := fs.Bool("check", false, "write nothing; print a unified diff and exit 1 if -out is stale")
	strict := fs.Bool("strict", false, "make every warning an error")
	showVersion := fs.Bool("version", false, "print nexmogen's version and exit")
	configFile := fs.String("config", "", "configuration file (default: "+config.DefaultFile+" when it exists)")
	examples := fs.Bool("examples", true, "generate the package's runnable Example ("+generator.ExampleFile+")")
	gen := fs.String("generate", "", "what to generate beside the models and validators: client, server or both (default both)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: nexmogen [-config FILE] [-spec FILE] [-out DIR] [-package NAME] [-generate client|server|both] [-examples=false] [-check] [-strict] [-version]\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, "nexmogen", version(debug.ReadBuildInfo()))
		return 0
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "nexmogen: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if *pkg != "" && !token.IsIdentifier(*pkg) {
		fmt.Fprintf(stderr, "nexmogen: -package %q is not a Go package name\n", *pkg)
		fs.Usage()
		return 2
	}
	switch *gen {
	case "", config.GenerateBoth, config.GenerateClient, config.GenerateServer:
	default:
		fmt.Fprintf(stderr, "nexmogen: -generate %q: want client, server or both\n", *gen)
		fs.Usage()
		return 2
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	s := settings{spec: *specFile, out: *out, pkg: *pkg, opts: generator.Options{Generate: *gen, Strict: *strict, NoExamples: !*examples}}
	if err := s.applyConfig(*configFile, set); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	s.opts.Package = packageName(s.pkg, s.out)
	if err := generate(s.spec, s.out, s.opts, *check, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// packageName is -package, or the output directory's base name when it is
// a valid identifier, or "nexmo".
func packageName(flagValue, out string) string {
	if flagValue != "" {
		return flagValue
	}
	base := filepath.Base(filepath.Clean(out))
	if abs, err := filepath.Abs(out); err == nil {
		base = filepath.Base(abs)
	}
	if isIdent(base) {
		return base
	}
	return "nexmo"
}

func isIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || 'a' <= r && r <= 'z' || i > 0 && '0' <= r && r <= '9') {
			return false
		}
	}
	return s != "" && token.IsIdentifier(s)
}

// generate reads the spec, generates, and writes or checks the output;
// warnings go to stderr.
func generate(specFile, out string, opts generator.Options, check bool, stdout, stderr io.Writer) error {
	data, name := spec.YAML, spec.Path
	if specFile != "" {
		b, err := os.ReadFile(specFile)
		if err != nil {
			return err
		}
		// The spec's $refs read files of its directory tree.
		data, name, opts.Files = b, specFile, os.DirFS(filepath.Dir(specFile))
	}
	files, warnings, err := generator.Generate(data, name, opts)
	for _, w := range warnings {
		fmt.Fprintln(stderr, w)
	}
	if err != nil {
		return err
	}
	want := make([]output.File, len(files))
	for i, f := range files {
		want[i] = output.File{Name: f.Name, Bytes: f.Bytes}
	}
	changes, err := output.Plan(out, want, []byte(generator.Header))
	if err != nil {
		return err
	}
	if check {
		if len(changes) > 0 {
			fmt.Fprint(stdout, output.Diff(filepath.ToSlash(out), changes))
			return errStale
		}
		return nil
	}
	return output.Apply(out, changes)
}
