package nexmotest

import (
	"context"
	"regexp"
)

// Balance answers the account's balance and whether auto-reload is on.
func (f *Fake) Balance() (balance Micros, autoReload bool) {
	f.read(func(d *data) { balance, autoReload = d.balance, d.autoReload })
	return balance, autoReload
}

// TopUp adds the configured top-up amount to the balance. Any non-empty trx
// is accepted (the fake keeps no record of earlier top-ups); an empty one,
// or a top-up past 1e9 EUR, fails with ErrMethodFailed.
func (f *Fake) TopUp(trx string) error {
	if trx == "" {
		return failed("a top-up needs a transaction reference")
	}
	return f.update(func(d *data) error {
		if d.balance > maxBalance-d.topUpAmount {
			return failed("the balance would pass 1e9 EUR")
		}
		d.balance += d.topUpAmount
		d.topUps += d.topUpAmount
		return nil
	})
}

// Settings are the account's settings, as updateSettings answers them.
type Settings struct {
	// APISecret is the current secret; it redacts itself when printed.
	APISecret StoredSecret
	// MOCallbackURL and DRCallbackURL are the default webhooks for inbound
	// messages and delivery receipts; empty when not set.
	MOCallbackURL, DRCallbackURL string
	// MaxOutbound and MaxInbound are the message rates per second.
	MaxOutbound, MaxInbound int
}

// SettingsUpdate is a change of settings. A nil field is left as it is; an
// empty callback URL clears it.
type SettingsUpdate struct {
	NewSecret                    *string
	MOCallbackURL, DRCallbackURL *string
}

// Settings answers the current settings.
func (f *Fake) Settings() (s Settings) {
	f.read(func(d *data) { s = d.settings() })
	return s
}

// settings is the Settings view of d.
func (d *data) settings() Settings {
	return Settings{APISecret: StoredSecret(d.secret), MOCallbackURL: d.moURL, DRCallbackURL: d.drURL,
		MaxOutbound: d.maxOut, MaxInbound: d.maxIn}
}

// secretRules is newSecret's rule: 8 to 25 letters and digits, with a digit,
// a lower-case and an upper-case letter.
var secretRules = []*regexp.Regexp{
	regexp.MustCompile(`^[A-Za-z0-9]{8,25}$`), regexp.MustCompile(`[0-9]`),
	regexp.MustCompile(`[a-z]`), regexp.MustCompile(`[A-Z]`),
}

// UpdateSettings applies u and answers the settings after it. Every new
// non-empty callback URL must first answer a GET with 200, as Nexmo checks;
// the checks run before the change and without the lock. A refused change
// (a bad secret or callback) changes nothing and fails with ErrMethodFailed.
// After a new secret, only the new credentials authenticate.
func (f *Fake) UpdateSettings(ctx context.Context, u SettingsUpdate) (Settings, error) {
	if u.NewSecret != nil {
		for _, re := range secretRules {
			if !re.MatchString(*u.NewSecret) {
				return Settings{}, failed("the new secret does not follow the rules")
			}
		}
	}
	for _, url := range []*string{u.MOCallbackURL, u.DRCallbackURL} {
		if url != nil && *url != "" {
			if err := checkCallback(ctx, f.callback, *url); err != nil {
				return Settings{}, err
			}
		}
	}
	var s Settings
	err := f.update(func(d *data) error {
		setIf(&d.secret, u.NewSecret)
		setIf(&d.moURL, u.MOCallbackURL)
		setIf(&d.drURL, u.DRCallbackURL)
		s = d.settings()
		return nil
	})
	return s, err
}

// setIf sets *dst to *v when v is not nil.
func setIf(dst *string, v *string) {
	if v != nil {
		*dst = *v
	}
}
