package bench

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestInteropCatches proves that the generic interop suite (bench/interop,
// generated into gen/interop by gen.sh) fails on a disagreement: the
// petstore's interop test, with its servers' query parameter limit
// overridden on the way in, and then with their response header x-next
// overridden on the way out, must fail in both directions, naming ListPets
// and the parameter or header.
func TestInteropCatches(t *testing.T) {
	for _, c := range []struct {
		env  string
		want []string
	}{
		{"INTEROP_TAMPER_QUERY=limit=2", []string{
			"INTEROP ListPets ours->theirs FAIL oapi-codegen's server received another request: parameter limit: sent 1, received 2",
			"INTEROP ListPets theirs->ours FAIL nexmogen's server received another request: parameter limit: sent 1, received 2",
		}},
		{"INTEROP_TAMPER_HEADER=x-next=tampered", []string{
			`INTEROP ListPets ours->theirs FAIL nexmogen's client received other response headers: xnext: want "smoke", got "tampered"`,
			`INTEROP ListPets theirs->ours FAIL oapi-codegen's client received other response headers: xnext: want "smoke", got "tampered"`,
		}},
	} {
		goCmd := os.Getenv("GO")
		if goCmd == "" {
			goCmd = "go"
		}
		cmd := exec.Command(goCmd, "test", "-count=1", "-v", "-run", "^TestInterop$", "./gen/interop/oaipetstore/nx")
		cmd.Env = append(os.Environ(), c.env)
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Fatalf("%s: the tampered interop test passed:\n%s", c.env, out)
		}
		for _, want := range c.want {
			if !strings.Contains(string(out), want) {
				t.Errorf("%s: the tampered interop test did not report %q:\n%s", c.env, want, out)
			}
		}
	}
}
