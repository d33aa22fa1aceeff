package load

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"

	"github.com/nexmogen/nexmogen/generator/diag"
	"github.com/nexmogen/nexmogen/generator/ir"
)

// External $refs. A document may refer to other files of the directory
// tree given as files (an fs.FS rooted at the spec's own directory): a
// relative reference is resolved against the file it is written in, and
// "../" may climb back up to the spec's directory but not past it. URLs,
// absolute paths and paths that leave the tree are refused. Each file is
// read once however many times it is reached; its components are copied
// into the document's own (see internalize), and every diagnostic about
// them names the file they are written in.

// location is the URL kin-openapi knows the spec by: its base name, so
// that the paths it resolves references to are paths in files.
func (d *Doc) location() *url.URL {
	return &url.URL{Path: path.Base(filepath.ToSlash(d.File))}
}

// display is the name diagnostics give the file kin-openapi records as
// loc: the spec's own name for the spec, else the path the user would
// type, the spec's directory joined with the file's path in files.
func (d *Doc) display(loc string) string {
	if loc == "" {
		return d.File
	}
	p := loc
	if u, err := url.Parse(loc); err == nil {
		p = u.Path
	}
	if p == d.location().Path {
		return d.File
	}
	return filepath.Join(filepath.Dir(d.File), filepath.FromSlash(p))
}

// readError is a failure to read a referenced file, positioned at the
// $ref that names it (see refSite). unsupported marks a reference the
// generator refuses to follow.
type readError struct {
	path        string
	err         error
	unsupported bool
}

func (e *readError) Error() string { return e.err.Error() }

// fileError carries the diagnostics of a referenced file (a syntax error,
// a null) through kin-openapi unchanged.
type fileError struct{ err error }

func (e *fileError) Error() string { return e.err.Error() }

// loader is kin-openapi's loader for d, reading external references from
// files; with files nil they are refused.
func (d *Doc) loader(files fs.FS) *openapi3.Loader {
	l := openapi3.NewLoader()
	l.IncludeOrigin = true
	if files == nil {
		return l
	}
	read := make(map[string][]byte)
	l.IsExternalRefsAllowed = true
	l.ReadFromURIFunc = func(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
		if u.Scheme != "" || u.Host != "" || u.Opaque != "" {
			return nil, &readError{path: withoutFragment(u), err: errors.New("it is a URL (only files of the spec's directory tree are read)"), unsupported: true}
		}
		p := u.Path
		if path.IsAbs(p) {
			return nil, &readError{path: p, err: errors.New("it is an absolute path (only files of the spec's directory tree are read, by relative paths)"), unsupported: true}
		}
		if !fs.ValidPath(p) {
			return nil, &readError{path: p, err: errors.New("it leaves the spec's directory tree (\"../\" may climb back to the spec's directory, not past it)"), unsupported: true}
		}
		if data, ok := read[p]; ok {
			return data, nil
		}
		data, err := fs.ReadFile(files, p)
		if err != nil {
			return nil, &readError{path: p, err: fmt.Errorf("cannot read %s: %w", d.display(p), unwrapPath(err))}
		}
		data = yamlSafe(data)
		if err := d.addSource(p, data); err != nil {
			return nil, &fileError{err: err}
		}
		read[p] = data
		return data, nil
	}
	return l
}

// unwrapPath drops the *fs.PathError's own naming of the path (the file
// is named by the caller, as the user wrote it), and says "does not exist"
// the same way whatever the file system.
func unwrapPath(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fs.ErrNotExist
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// addSource parses a referenced file and records its tree for positions;
// its syntax errors and nulls are reported in it.
func (d *Doc) addSource(p string, data []byte) error {
	name := d.display(p)
	root, err := parseYAML(data, name)
	if err != nil {
		return err
	}
	if err := nullsIn(root, name); err != nil {
		return err
	}
	if d.trees == nil {
		d.trees = make(map[string]*yaml.Node)
		d.locs = make(map[string]string)
	}
	d.trees[name] = root
	d.locs[name] = p
	return nil
}

// tree is the YAML tree of the file named file in diagnostics.
func (d *Doc) tree(file string) *yaml.Node {
	if t, ok := d.trees[file]; ok {
		return t
	}
	return d.Root
}

// findQuoted returns the position of the last string quoted in msg that
// is a scalar of one of the files read (the spec's first, then the others
// by name), and that string.
func (d *Doc) findQuoted(msg string) (ir.Pos, string, bool) {
	m := quoted.FindAllStringSubmatch(msg, -1)
	for i := len(m) - 1; i >= 0; i-- {
		for _, name := range d.fileNames() {
			if n := findScalar(d.tree(name), m[i][1]); n != nil {
				return ir.Pos{File: name, Line: n.Line, Col: n.Column}, m[i][1], true
			}
		}
	}
	return ir.Pos{File: d.File, Line: 1, Col: 1}, "", false
}

// fileNames are the names of the files read: the spec's, then the others
// in order.
func (d *Doc) fileNames() []string {
	names := []string{d.File}
	for name := range d.trees {
		if name != d.File {
			names = append(names, name)
		}
	}
	slices.Sort(names[1:])
	return names
}

// refSite finds the first $ref, in the files read, that points into the
// file target (a path as kin-openapi resolves it, or a URL without its
// fragment): its position and text.
func (d *Doc) refSite(target string) (ir.Pos, string, bool) {
	for _, name := range d.fileNames() {
		base := d.location().Path
		if name != d.File {
			base = d.locs[name]
		}
		if n := findRef(d.tree(name), base, target); n != nil {
			return ir.Pos{File: name, Line: n.Line, Col: n.Column}, n.Value, true
		}
	}
	return ir.Pos{File: d.File, Line: 1, Col: 1}, "", false
}

// findRef returns the value node of the first "$ref" under n, written in
// the file at path base, that resolves to target.
func findRef(n *yaml.Node, base, target string) *yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "$ref" && v.Kind == yaml.ScalarNode && resolves(v.Value, base, target) {
				return v
			}
		}
	}
	for _, c := range n.Content {
		if f := findRef(c, base, target); f != nil {
			return f
		}
	}
	return nil
}

// resolves reports whether the $ref ref, written in the file at path
// base, points into target, as kin-openapi resolves it.
func resolves(ref, base, target string) bool {
	u, err := url.Parse(ref)
	switch {
	case err != nil:
		return false
	case u.Scheme != "" || u.Host != "":
		return withoutFragment(u) == target
	case u.Path == "":
		return false
	case path.IsAbs(u.Path):
		return u.Path == target
	}
	return path.Join(path.Dir(base), u.Path) == target
}

// withoutFragment is a URL's text without its fragment.
func withoutFragment(u *url.URL) string {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	return c.String()
}

// refFailure positions a failure of the loader about external references,
// or returns ok false when err is not one.
func (d *Doc) refFailure(err error) (error, bool) {
	var fe *fileError
	if errors.As(err, &fe) {
		return fe.err, true
	}
	var re *readError
	if !errors.As(err, &re) {
		return nil, false
	}
	pos, ref, _ := d.refSite(re.path)
	if re.unsupported {
		return &diag.Diagnostic{Pos: pos, Msg: fmt.Sprintf("unsupported: $ref %q: %v", ref, re.err)}, true
	}
	return &diag.Diagnostic{Pos: pos, Msg: fmt.Sprintf("unresolved $ref %q: %v", ref, re.err)}, true
}
