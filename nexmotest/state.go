package nexmotest

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
)

// ErrMethodFailed is the error of an operation Nexmo refuses with 420
// "method failed": buying a number that is owned, unknown or too dear,
// cancelling or updating a number the account does not own, a callback URL
// that does not answer 200. Errors of the fake wrap it with the reason.
var ErrMethodFailed = errors.New("method failed")

// failed wraps ErrMethodFailed with a reason.
func failed(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrMethodFailed, fmt.Sprintf(format, args...))
}

// Defaults of a new account.
const (
	// DefaultBalance is the starting balance: 10 EUR.
	DefaultBalance Micros = 10 * microsPerEuro
	// DefaultTopUpAmount is what one top-up adds: 10 EUR.
	DefaultTopUpAmount Micros = 10 * microsPerEuro
	// DefaultMaxRequests is max-outbound-request and max-inbound-request.
	DefaultMaxRequests = 30
	// maxBalance caps the balance, so top-ups can never overflow it.
	maxBalance Micros = 1_000_000_000 * microsPerEuro
)

// Config sets up a Fake.
type Config struct {
	// APIKey and APISecret are the account's credentials (required, unless
	// Initial carries them).
	APIKey, APISecret string
	// Balance is the starting balance. New accounts usually start with
	// DefaultBalance; see DefaultConfig.
	Balance Micros
	// AutoReload is reported by the balance.
	AutoReload bool
	// TopUpAmount is what each top-up adds.
	TopUpAmount Micros
	// CallbackClient checks settings callback URLs; nil uses a client with
	// a 5-second timeout that dials loopback addresses only.
	CallbackClient *http.Client
	// FailuresAsHTTP200 makes the HTTP handler answer a refused buy, cancel,
	// top-up or update as Nexmo sometimes does: HTTP 200 with error-code
	// "420" in the body. By default a refusal is HTTP 420.
	FailuresAsHTTP200 bool
	// Initial, when not nil, is a saved state to resume from (LoadState); it
	// wins over the fields above.
	Initial *State
	// Persist, when not nil, is called with the next state after every
	// change, under the fake's lock, before the change takes effect: if it
	// fails, the change is abandoned and the operation returns its error.
	// New calls it once with the starting state.
	Persist func(*State) error
}

// DefaultConfig is the configuration of a new account with the given
// credentials: DefaultBalance and DefaultTopUpAmount.
func DefaultConfig(apiKey, apiSecret string) Config {
	return Config{APIKey: apiKey, APISecret: apiSecret, Balance: DefaultBalance, TopUpAmount: DefaultTopUpAmount}
}

// Fake is one fake Nexmo account and the pool of numbers it buys from. It is
// safe for concurrent use: every operation is atomic.
type Fake struct {
	mu       sync.RWMutex
	d        data
	persist  func(*State) error
	callback *http.Client
	// failuresAs200 is Config.FailuresAsHTTP200.
	failuresAs200 bool
	// answers counts the handler's answers, for their X-Request-Id.
	answers atomic.Uint64
	// faults are the failures FailNext asked for.
	faults faults
}

// data is the fake's state; the owned map is copied on every change, so a
// failed change leaves the current data untouched.
type data struct {
	key, secret    string
	autoReload     bool
	start, topUps  Micros
	spent, balance Micros
	topUpAmount    Micros
	moURL, drURL   string
	maxOut, maxIn  int
	owned          map[string]OwnedNumber
}

// New starts a fake account from cfg.
func New(cfg Config) (*Fake, error) {
	f := &Fake{persist: cfg.Persist, callback: cfg.CallbackClient, failuresAs200: cfg.FailuresAsHTTP200}
	if f.callback == nil {
		f.callback = loopbackClient()
	}
	if cfg.Initial != nil {
		d, err := cfg.Initial.data()
		if err != nil {
			return nil, err
		}
		f.d = d
	} else {
		if cfg.APIKey == "" || cfg.APISecret == "" {
			return nil, errors.New("nexmotest: an API key and secret are required")
		}
		if cfg.Balance < 0 || cfg.Balance > maxBalance || cfg.TopUpAmount < 0 || cfg.TopUpAmount > maxBalance {
			return nil, errors.New("nexmotest: balance and top-up amount must be between 0 and 1e9 EUR")
		}
		f.d = data{
			key: cfg.APIKey, secret: cfg.APISecret, autoReload: cfg.AutoReload,
			start: cfg.Balance, balance: cfg.Balance, topUpAmount: cfg.TopUpAmount,
			maxOut: DefaultMaxRequests, maxIn: DefaultMaxRequests, owned: map[string]OwnedNumber{},
		}
	}
	if f.persist != nil {
		if err := f.persist(f.d.state()); err != nil {
			return nil, fmt.Errorf("nexmotest: persisting the starting state: %w", err)
		}
	}
	return f, nil
}

// update applies change to a copy of the state, persists the copy, and
// makes it current: all or nothing.
func (f *Fake) update(change func(d *data) error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	next := f.d
	next.owned = make(map[string]OwnedNumber, len(f.d.owned)+1)
	for k, v := range f.d.owned {
		next.owned[k] = v
	}
	if err := change(&next); err != nil {
		return err
	}
	if f.persist != nil {
		if err := f.persist(next.state()); err != nil {
			return fmt.Errorf("nexmotest: persisting: %w", err)
		}
	}
	f.d = next
	return nil
}

// read runs fn on the current state, under the read lock.
func (f *Fake) read(fn func(d *data)) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	fn(&f.d)
}

// Authenticate reports whether key and secret are the account's current
// credentials. The comparison is constant-time.
func (f *Fake) Authenticate(key, secret string) bool {
	var wantKey, wantSecret [sha256.Size]byte
	f.read(func(d *data) {
		wantKey, wantSecret = sha256.Sum256([]byte(d.key)), sha256.Sum256([]byte(d.secret))
	})
	gotKey, gotSecret := sha256.Sum256([]byte(key)), sha256.Sum256([]byte(secret))
	k := subtle.ConstantTimeCompare(gotKey[:], wantKey[:])
	s := subtle.ConstantTimeCompare(gotSecret[:], wantSecret[:])
	return k&s == 1
}

// APIKey is the account's API key.
func (f *Fake) APIKey() (key string) {
	f.read(func(d *data) { key = d.key })
	return key
}
