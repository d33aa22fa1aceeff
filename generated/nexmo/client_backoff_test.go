package nexmo

import (
	"testing"
	"time"
)

// TestBackoffBounds: the wait before attempt n+1 never exceeds
// min(MaxDelay, BaseDelay·2ⁿ⁻¹), and a zero BaseDelay means no wait.
func TestBackoffBounds(t *testing.T) {
	p := RetryPolicy{MaxAttempts: 10, BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second}
	for n := 1; n <= 40; n++ {
		limit := min(p.MaxDelay, p.BaseDelay<<min(n-1, 20))
		for range 50 {
			if d := p.backoff(n); d < 0 || d > limit {
				t.Fatalf("backoff(%d) = %v, want within [0, %v]", n, d, limit)
			}
		}
	}
	zero := RetryPolicy{MaxAttempts: 3, MaxDelay: time.Second}
	for n := 1; n <= 5; n++ {
		if d := zero.backoff(n); d != 0 {
			t.Fatalf("BaseDelay 0: backoff(%d) = %v, want 0", n, d)
		}
	}
	huge := RetryPolicy{BaseDelay: time.Duration(1 << 62), MaxDelay: time.Duration(1<<63 - 1)}
	if d := huge.backoff(5); d < 0 {
		t.Fatalf("overflowing policy gave a negative wait %v", d)
	}
}
