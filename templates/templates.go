// Package templates holds the runtime that every generated package
// carries: the ordinary Go files of templates/runtime, which the generator
// copies into its output with the package clause rewritten. Files lists
// them; Names reads the names they declare from their source, so that the
// builder reserves exactly those.
package templates

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"unicode"
)

//go:embed runtime/*.go
var sources embed.FS

// clause is how every runtime file starts: its package clause, with no
// comment above it (the copy gets the generated-code header there).
const clause = "package runtime\n"

// standins are the runtime files that are never copied: the package's
// documentation, and spec.go, which declares with example values what a
// generated package declares itself (its spec's values and spec-shaped
// code).
var standins = []string{"doc.go", "spec.go"}

// File is one runtime file to copy.
type File struct {
	// Name is the file's name, the same in the output.
	Name string
	// Body is the source after the package clause.
	Body []byte
}

// runtime is the parsed runtime, read once.
type runtime struct {
	files []File
	names []string
}

// load reads and parses the embedded runtime once. The sources are part of
// the binary and compiled by the runtime package's own build, so a failure
// here is a broken build: it panics.
var load = sync.OnceValue(func() runtime {
	entries, err := fs.ReadDir(sources, "runtime")
	if err != nil {
		panic(err)
	}
	var rt runtime
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, "_test.go") || name == "doc.go" {
			continue
		}
		src, err := sources.ReadFile("runtime/" + name)
		if err != nil {
			panic(err)
		}
		if !strings.HasPrefix(string(src), clause) {
			panic(fmt.Sprintf("templates/runtime/%s does not start with %q", name, clause))
		}
		rt.names = append(rt.names, scanNames(string(src))...)
		if !slices.Contains(standins, name) {
			rt.files = append(rt.files, File{Name: name, Body: src[len(clause):]})
		}
	}
	slices.Sort(rt.names)
	rt.names = slices.Compact(rt.names)
	return rt
})

// Files are the runtime files to copy, sorted by name.
func Files() []File { return load().files }

// Names are the package-level names the runtime declares, spec.go's
// included (a generated package declares those itself), sorted. The
// builder reserves them, so no name taken from a spec collides with the
// runtime.
func Names() []string { return slices.Clone(load().names) }

// Copy is the runtime file f as a file of package pkg, under header (a
// comment line, without its "// ").
func Copy(f File, pkg, header string) []byte {
	out := make([]byte, 0, len(header)+len(pkg)+len(f.Body)+16)
	out = append(out, "// "...)
	out = append(out, header...)
	out = append(out, "\n\npackage "...)
	out = append(out, pkg...)
	out = append(out, '\n')
	return append(out, f.Body...)
}

// scanNames are the package-level names declared in gofmt-formatted Go
// source: "func Name", "type Name", "var Name", "const Name" at column 1,
// and inside a top-level "var (", "const (" or "type (" group the names
// that start a line one tab deep. Methods ("func (") are not package-level.
func scanNames(src string) []string {
	var out []string
	group := false
	for line := range strings.Lines(src) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case group && line == ")":
			group = false
		case group:
			if rest, ok := strings.CutPrefix(line, "\t"); ok && !strings.HasPrefix(rest, "\t") {
				out = append(out, specNames(rest)...)
			}
		default:
			kw, rest, _ := strings.Cut(line, " ")
			switch kw {
			case "func":
				if !strings.HasPrefix(rest, "(") {
					out = append(out, ident(rest))
				}
			case "type", "var", "const":
				if rest == "(" {
					group = true
				} else {
					out = append(out, specNames(rest)...)
				}
			}
		}
	}
	return out
}

// specNames are the names a spec line starts with: "a, b = ..." or
// "Name Type"; nothing for a comment or a closing brace.
func specNames(s string) []string {
	var out []string
	for {
		name := ident(s)
		if name == "" {
			return out
		}
		out = append(out, name)
		rest, ok := strings.CutPrefix(s[len(name):], ", ")
		if !ok {
			return out
		}
		s = rest
	}
}

// ident is the Go identifier s starts with, or "".
func ident(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	})
	if end < 0 {
		end = len(s)
	}
	if end == 0 || unicode.IsDigit(rune(s[0])) {
		return ""
	}
	return s[:end]
}
