package main

import (
	"runtime/debug"
	"strings"
)

// version is the version the binary reports for -version, from its build
// information: the module version when it was built as a module
// (`go install ...@v1.2.3`, or the pseudo-version Go 1.24 stamps from the
// checkout), else "devel" with the VCS revision when the build recorded one
// (not with -buildvcs=false), "+dirty" for uncommitted changes.
func version(info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	parts := []string{"devel"}
	if revision != "" {
		if modified == "true" {
			revision += "+dirty"
		}
		parts = append(parts, revision)
	}
	return strings.Join(parts, " ")
}
