// Package output compares generated files with an output directory and
// brings the directory up to date: only files whose bytes change are
// written, and files that carry the generated-code header but are no
// longer produced are removed. Hand-written files are never touched.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// File is one file to have in the directory.
type File struct {
	Name  string
	Bytes []byte
}

// Change is one difference between the directory and the wanted files.
type Change struct {
	// Name is the file name within the directory.
	Name string
	// Old is the file's content now (nil when it does not exist); New is
	// what it must be (nil when it must be removed).
	Old, New []byte
}

// Plan lists the changes that make dir hold files. header identifies the
// generator's own files: only those are removed when no longer produced.
func Plan(dir string, files []File, header []byte) ([]Change, error) {
	var changes []Change
	wanted := make(map[string]bool, len(files))
	for _, f := range files {
		wanted[f.Name] = true
		old, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		if err != nil || !bytes.Equal(old, f.Bytes) {
			changes = append(changes, Change{Name: f.Name, Old: old, New: f.Bytes})
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range entries {
		if e.IsDir() || wanted[e.Name()] || filepath.Ext(e.Name()) != ".go" {
			continue
		}
		old, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		if bytes.HasPrefix(old, header) {
			changes = append(changes, Change{Name: e.Name(), Old: old})
		}
	}
	slices.SortFunc(changes, func(a, b Change) int { return cmpString(a.Name, b.Name) })
	return changes, nil
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Apply carries out changes in dir. Every new content is first written to
// a temporary file beside its target; only when all are written are they
// renamed into place and stale files removed, so a failure while writing
// (a full disk, a read-only directory) leaves dir as it was.
func Apply(dir string, changes []Change) (err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	temps := make(map[string]string)
	defer func() {
		for _, tmp := range temps {
			os.Remove(tmp)
		}
	}()
	for _, c := range changes {
		if c.New == nil {
			continue
		}
		tmp, err := writeTemp(dir, c.Name, c.New)
		if err != nil {
			return err
		}
		temps[c.Name] = tmp
	}
	for _, c := range changes {
		target := filepath.Join(dir, c.Name)
		if c.New == nil {
			if err := os.Remove(target); err != nil {
				return err
			}
			continue
		}
		if err := os.Rename(temps[c.Name], target); err != nil {
			return fmt.Errorf("write %s: %w", target, err)
		}
		delete(temps, c.Name)
	}
	return nil
}

// writeTemp writes data to a new temporary file in dir and syncs it.
func writeTemp(dir, name string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, "."+name+".tmp*")
	if err != nil {
		return "", err
	}
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
