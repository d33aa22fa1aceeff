package main

import (
	"debug/buildinfo"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
)

func TestVersionFromBuildInfo(t *testing.T) {
	rev := "0123456789abcdef0123456789abcdef01234567"
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	tests := []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"go install @v1.2.3", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, true, "v1.2.3"},
		{"pseudo-version", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201191500-0123456789ab+dirty"}, Settings: vcs("true")}, true, "v0.0.0-20261201191500-0123456789ab+dirty"},
		{"devel with revision", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("false")}, true, "devel " + rev},
		{"devel modified", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("true")}, true, "devel " + rev + "+dirty"},
		{"devel, -buildvcs=false", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "devel"},
		{"no build info", nil, false, "devel"},
	}
	for _, tt := range tests {
		if got := version(tt.info, tt.ok); got != tt.want {
			t.Errorf("%s: version = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestVersionFlag(t *testing.T) {
	code, stdout, stderr := runCmd("-version")
	if code != 0 || stderr != "" || !regexp.MustCompile(`^nexmogen \S+( \S+)?\n$`).MatchString(stdout) {
		t.Fatalf("-version: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestVersionOfBuiltBinary builds the command as a user would from a
// checkout, with and without VCS stamping, and asks it its version: it
// prints what the binary's build information records, "devel" without
// stamping, and with it the checkout's commit (in Go 1.24's pseudo-version).
// The go command stamps only when .git is a directory, so in a git
// worktree (.git is a file) the stamped build says devel too.
func TestVersionOfBuiltBinary(t *testing.T) {
	root := repoRoot(t)
	head, gitErr := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	for _, buildvcs := range []string{"true", "false"} {
		bin := filepath.Join(t.TempDir(), "nexmogen")
		goIn(t, root, []string{"GOFLAGS=-buildvcs=" + buildvcs}, "build", "-o", bin, "./cmd/nexmogen")
		out, err := exec.Command(bin, "-version").Output()
		if err != nil {
			t.Fatalf("-buildvcs=%s: nexmogen -version: %v", buildvcs, err)
		}
		got := strings.TrimSpace(string(out))
		info, err := buildinfo.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		if want := "nexmogen " + version(info, true); got != want {
			t.Errorf("-buildvcs=%s: -version printed %q, its build information says %q", buildvcs, got, want)
		}
		stamped := slices.ContainsFunc(info.Settings, func(s debug.BuildSetting) bool { return s.Key == "vcs.revision" })
		switch {
		case buildvcs == "false" && got != "nexmogen devel":
			t.Errorf("-buildvcs=false: -version printed %q, want %q", got, "nexmogen devel")
		case stamped && gitErr == nil && !strings.Contains(got, strings.TrimSpace(string(head))[:12]):
			t.Errorf("-buildvcs=true: -version printed %q, which does not name commit %s", got, head)
		case buildvcs == "true" && !stamped:
			if fi, err := os.Stat(filepath.Join(root, ".git")); err == nil && fi.IsDir() && gitErr == nil {
				t.Errorf("-buildvcs=true in a git checkout recorded no revision")
			}
		}
		t.Logf("-buildvcs=%s: %s", buildvcs, got)
	}
}
