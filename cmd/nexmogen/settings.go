package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/nexmogen/nexmogen/generator"
	"github.com/nexmogen/nexmogen/generator/config"
)

// settings are what one run generates: from the flags' defaults, then the
// configuration file, then the flags given on the command line.
type settings struct {
	spec, out, pkg string
	opts           generator.Options
}

// flagOfKey maps a configuration key to the flag that overrides it.
var flagOfKey = map[string]string{
	"spec": "spec", "output": "out", "package": "package", "generate": "generate", "strict": "strict",
	"examples": "examples",
}

// applyConfig reads the configuration file (file, or config.DefaultFile
// when that exists and file is empty) into s, except what a flag given on
// the command line (set) decides. Paths in the file are relative to its
// directory.
func (s *settings) applyConfig(file string, set map[string]bool) error {
	if file == "" {
		if _, err := os.Stat(config.DefaultFile); errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		file = config.DefaultFile
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	cfg, err := config.Parse(data, file)
	if err != nil {
		return err
	}
	dir := filepath.Dir(file)
	given := func(key string) bool { return cfg.Set[key] && !set[flagOfKey[key]] }
	if given("spec") {
		s.spec = filepath.Join(dir, cfg.Spec)
	}
	if given("output") {
		s.out = filepath.Join(dir, cfg.Output)
	}
	if given("package") {
		s.pkg = cfg.Package
	}
	if given("generate") {
		s.opts.Generate = cfg.Generate
	}
	if given("strict") {
		s.opts.Strict = cfg.Strict
	}
	if given("examples") {
		s.opts.NoExamples = !cfg.Examples
	}
	s.opts.Operations = cfg.Operations
	s.opts.Names = cfg.Names
	s.opts.Types = cfg.Types
	return nil
}
