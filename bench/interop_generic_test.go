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
// overridden on the way in, must fail in both directions, naming ListPets
// and the parameter.
func TestInteropCatches(t *testing.T) {
	goCmd := os.Getenv("GO")
	if goCmd == "" {
		goCmd = "go"
	}
	cmd := exec.Command(goCmd, "test", "-count=1", "-v", "-run", "^TestInterop$", "./gen/interop/oaipetstore/nx")
	cmd.Env = append(os.Environ(), "INTEROP_TAMPER_QUERY=limit=2")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the tampered interop test passed:\n%s", out)
	}
	for _, want := range []string{
		"INTEROP ListPets ours->theirs FAIL oapi-codegen's server received another request: parameter limit: sent 1, received 2",
		"INTEROP ListPets theirs->ours FAIL nexmogen's server received another request: parameter limit: sent 1, received 2",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the tampered interop test did not report %q:\n%s", want, out)
		}
	}
}
