package nexmo

import (
	"errors"
	"math/rand/v2"
	"regexp"
	"testing"
)

// patternFailures counts the pattern failures of field in err.
func patternFailures(err error, field string) int {
	n := 0
	var walk func(error)
	walk = func(err error) {
		var ve *ValidationError
		if joined, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range joined.Unwrap() {
				walk(e)
			}
		} else if errors.As(err, &ve) && ve.Field == field && ve.Rule == "pattern" {
			n++
		}
	}
	if err != nil {
		walk(err)
	}
	return n
}

// TestPatternChecksAgreeWithRegexps drives the validators whose patterns
// are checked by byte loops (pattern_runtime.go) with random strings, and
// checks each pattern failure is reported exactly when the spec's compiled
// regexp does not match.
func TestPatternChecksAgreeWithRegexps(t *testing.T) {
	alphabet := []string{"0", "9", "4", "a", "z", "q", "A", "Z", "G", "/", ":", "@", "[", "`", "{", "\n", " ", "é", "\xff", "\x00"}
	rng := rand.New(rand.NewPCG(3, 4))
	random := func() string {
		var s string
		for range 1 + rng.IntN(27) {
			s += alphabet[rng.IntN(len(alphabet))]
		}
		return s
	}
	// The oracle: Go's regexp engine on the spec's own expressions.
	patternCountry := regexp.MustCompile(`^[A-Z]{2}$`)
	patternMSISDN := regexp.MustCompile(`^[0-9]{6,15}$`)
	patternNewSecret := regexp.MustCompile(`^[A-Za-z0-9]{8,25}$`)
	patternNewSecret2 := regexp.MustCompile(`[0-9]`)
	patternNewSecret3 := regexp.MustCompile(`[a-z]`)
	patternNewSecret4 := regexp.MustCompile(`[A-Z]`)
	for range 20000 {
		s := random()
		buy := BuyNumberRequest{Country: s, MSISDN: s}
		err := buy.Validate()
		if got, want := patternFailures(err, "country"), b2i(!patternCountry.MatchString(s)); got != want {
			t.Fatalf("country %q: %d pattern failures, regexp says %d", s, got, want)
		}
		if got, want := patternFailures(err, "msisdn"), b2i(!patternMSISDN.MatchString(s)); got != want {
			t.Fatalf("msisdn %q: %d pattern failures, regexp says %d", s, got, want)
		}
		settings := SettingsRequest{NewSecret: Secret(s)}
		want := b2i(!patternNewSecret.MatchString(s)) + b2i(!patternNewSecret2.MatchString(s)) +
			b2i(!patternNewSecret3.MatchString(s)) + b2i(!patternNewSecret4.MatchString(s))
		if got := patternFailures(settings.Validate(), "newSecret"); got != want {
			t.Fatalf("newSecret %q: %d pattern failures, regexps say %d", s, got, want)
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
