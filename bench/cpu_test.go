package bench

import "testing"

// loop runs f as a benchmark loop and reports, beside the wall-clock ns/op,
// cpu-ns/op: the process's CPU time per iteration. On a shared, busy
// machine the wall clock counts time the benchmark spent waiting for a core;
// the CPU time does not, so its ratios are the steadier ones.
func loop(b *testing.B, f func() error) {
	b.Helper()
	start := cpuNow()
	for b.Loop() {
		if err := f(); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start, cpuNow())
}

// reportCPU reports (end-start)/b.N as cpu-ns/op, when both are known.
func reportCPU(b *testing.B, start, end int64) {
	if start >= 0 && end >= start && b.N > 0 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}
