package nexmotest

import "testing"

func TestMicrosDecimal(t *testing.T) {
	for _, c := range []struct {
		m    Micros
		min  int
		want string
	}{
		{500_000, 2, "0.50"}, {1, 2, "0.000001"}, {12_000_000, 2, "12.00"}, {0, 2, "0.00"},
		{33_300, 8, "0.03330000"}, {1_234_567, 0, "1.234567"}, {-250_000, 2, "-0.25"}, {3_000_000, 0, "3"},
	} {
		if got := c.m.Decimal(c.min); got != c.want {
			t.Errorf("Micros(%d).Decimal(%d) = %q, want %q", c.m, c.min, got, c.want)
		}
	}
}

func TestParseMicros(t *testing.T) {
	for in, want := range map[string]Micros{
		"0.50": 500_000, "12": 12_000_000, "0.000001": 1, "0.03330000": 33_300, "1.5": 1_500_000,
	} {
		got, err := ParseMicros(in)
		if err != nil || got != want {
			t.Errorf("ParseMicros(%q) = %d, %v; want %d", in, got, err, want)
		}
		if back, _ := ParseMicros(got.String()); back != got {
			t.Errorf("ParseMicros(%q).String() does not round-trip: %q", in, got.String())
		}
	}
	for _, bad := range []string{"", ".5", "-1", "1.0000001", "1e3", "abc", "1.2.3", "1234567890123"} {
		if _, err := ParseMicros(bad); err == nil {
			t.Errorf("ParseMicros(%q) succeeded, want an error", bad)
		}
	}
}

func TestMicrosEuros(t *testing.T) {
	if got := Micros(3_141_590).Euros(); got != 3.14159 {
		t.Errorf("Euros() = %v, want 3.14159", got)
	}
}
