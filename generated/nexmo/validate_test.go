package nexmo

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func validSearch() SearchAvailableNumbersParams {
	p := SearchAvailableNumbersParams{Country: "GB", Pattern: "4477", SearchPattern: SearchPatternAnywhere,
		Features: []Feature{FeatureSMS, FeatureVoice}, Type: NumberTypeMobileLVN}
	p.ApplyDefaults()
	return p
}

func TestValidateAcceptsValidInput(t *testing.T) {
	p := validSearch()
	if err := p.Validate(); err != nil {
		t.Fatalf("valid params rejected: %v", err)
	}
	body := BuyNumberRequest{Country: "GB", MSISDN: "447700900000"}
	if err := body.Validate(); err != nil {
		t.Fatalf("valid body rejected: %v", err)
	}
}

func TestValidateReportsEveryFailure(t *testing.T) {
	p := validSearch()
	p.Country = "gb"
	p.Size = 500
	p.Features = []Feature{FeatureSMS, "FAX", FeatureSMS}
	err := p.Validate()
	if !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("errors.Is(err, ErrInvalidInput) = false for %v", err)
	}
	var first *ValidationError
	if !errors.As(err, &first) || first.Field != "country" || first.Rule != "pattern" || first.Value != "gb" {
		t.Fatalf("first failure = %+v", first)
	}
	msg := err.Error()
	for _, want := range []string{
		`query parameter "country": "gb" does not match the pattern ^[A-Z]{2}$`,
		`query parameter "size": 500 is greater than the maximum 100`,
		`query parameter "features": "FAX" is not one of SMS, VOICE`,
		`query parameter "features": "SMS"`, // the duplicate (uniqueItems)
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if n := len(err.(interface{ Unwrap() []error }).Unwrap()); n != 4 {
		t.Errorf("%d failures reported, want 4:\n%s", n, msg)
	}
}

func TestValidateRequiredFormFields(t *testing.T) {
	err := (&CancelNumberRequest{}).Validate()
	for _, want := range []string{`form field "country": is required`, `form field "msisdn": is required`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v lacks %q", err, want)
		}
	}
}

// TestValidateNeverPrintsSecrets: a bad newSecret is reported by rule, with
// its value redacted in every rendering of the error.
func TestValidateNeverPrintsSecrets(t *testing.T) {
	const canary = "lowercaseonly1"
	err := (&SettingsRequest{NewSecret: canary}).Validate()
	if err == nil {
		t.Fatal("a secret without an upper-case letter was accepted")
	}
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != "newSecret" {
		t.Fatalf("failure = %+v", ve)
	}
	for _, s := range []string{err.Error(), fmt.Sprintf("%v %+v %#v", err, ve, ve)} {
		if strings.Contains(s, canary) {
			t.Fatalf("secret leaked: %s", s)
		}
	}
	if err := (&SettingsRequest{NewSecret: "Abcdefg1"}).Validate(); err != nil {
		t.Fatalf("a valid secret was rejected: %v", err)
	}
}

// TestEmptyCallbackIsSent: an explicitly empty callback URL (clear it) is
// valid and distinct from leaving the field out.
func TestEmptyCallbackIsDistinct(t *testing.T) {
	clear := SettingsRequest{MoCallBackURL: Ptr("")}
	if err := clear.Validate(); err != nil {
		t.Fatal(err)
	}
	if clear.MoCallBackURL == nil || (SettingsRequest{}).MoCallBackURL != nil {
		t.Fatal("empty and absent callback URLs are not distinguishable")
	}
}

// TestValidateAllocatesNothingOnValidInput is the allocation goal as an
// assertion; BenchmarkValidate* show it with -benchmem.
func TestValidateAllocatesNothingOnValidInput(t *testing.T) {
	p := validSearch()
	body := BuyNumberRequest{Country: "GB", MSISDN: "447700900000"}
	settings := SettingsRequest{NewSecret: "Abcdefg1", MoCallBackURL: Ptr("https://example.com/mo")}
	for name, f := range map[string]func() error{"search": p.Validate, "buy": body.Validate, "settings": settings.Validate} {
		if n := testing.AllocsPerRun(100, func() { _ = f() }); n != 0 {
			t.Errorf("%s: %v allocations per valid Validate, want 0", name, n)
		}
	}
}

func BenchmarkValidateSearchParams(b *testing.B) {
	p := validSearch()
	b.ReportAllocs()
	for b.Loop() {
		if err := p.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateBuyBody(b *testing.B) {
	body := BuyNumberRequest{Country: "GB", MSISDN: "447700900000"}
	b.ReportAllocs()
	for b.Loop() {
		if err := body.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
