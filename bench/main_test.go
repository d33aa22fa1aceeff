package bench

import (
	"os"
	"testing"
)

// TestMain removes the commands' binaries that the process benchmarks built.
func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		_ = os.RemoveAll(binDir)
	}
	os.Exit(code)
}
