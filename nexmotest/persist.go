package nexmotest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// stateVersion is the version of the State file format.
const stateVersion = 1

// StoredSecret is the account's secret as the state holds it: JSON encodes
// it as it is (the state file must restore it), but fmt and %v redact it.
type StoredSecret string

// String redacts the secret.
func (StoredSecret) String() string { return "[REDACTED]" }

// GoString redacts the secret from %#v.
func (StoredSecret) GoString() string { return "[REDACTED]" }

// Reveal returns the secret's value.
func (s StoredSecret) Reveal() string { return string(s) }

// State is the whole state of a Fake, as saved between runs. The pool of
// available numbers is not saved: it is the fixed catalogue minus Owned.
type State struct {
	Version     int          `json:"version"`
	APIKey      string       `json:"apiKey"`
	APISecret   StoredSecret `json:"apiSecret"`
	AutoReload  bool         `json:"autoReload"`
	Balance     Micros       `json:"balanceMicros"`
	Start       Micros       `json:"startMicros"`
	TopUps      Micros       `json:"topUpMicros"`
	Spent       Micros       `json:"spentMicros"`
	TopUpAmount Micros       `json:"topUpAmountMicros"`
	MOCallback  string       `json:"moCallbackUrl"`
	DRCallback  string       `json:"drCallbackUrl"`
	MaxOutbound int          `json:"maxOutboundRequest"`
	MaxInbound  int          `json:"maxInboundRequest"`
	// Owned is in numeric order.
	Owned []OwnedNumber `json:"owned"`
}

// State answers a copy of the fake's current state.
func (f *Fake) State() (s *State) {
	f.read(func(d *data) { s = d.state() })
	return s
}

// state copies d into a State.
func (d *data) state() *State {
	s := &State{
		Version: stateVersion, APIKey: d.key, APISecret: StoredSecret(d.secret), AutoReload: d.autoReload,
		Balance: d.balance, Start: d.start, TopUps: d.topUps, Spent: d.spent, TopUpAmount: d.topUpAmount,
		MOCallback: d.moURL, DRCallback: d.drURL, MaxOutbound: d.maxOut, MaxInbound: d.maxIn,
		Owned: make([]OwnedNumber, 0, len(d.owned)),
	}
	for _, o := range d.owned {
		s.Owned = append(s.Owned, o)
	}
	sortOwned(s.Owned)
	return s
}

// data checks s and turns it into the fake's state. Owned numbers take their
// type, features and cost from the catalogue.
func (s *State) data() (data, error) {
	d := data{
		key: s.APIKey, secret: string(s.APISecret), autoReload: s.AutoReload, start: s.Start,
		topUps: s.TopUps, spent: s.Spent, balance: s.Balance, topUpAmount: s.TopUpAmount,
		moURL: s.MOCallback, drURL: s.DRCallback, maxOut: s.MaxOutbound, maxIn: s.MaxInbound,
		owned: make(map[string]OwnedNumber, len(s.Owned)),
	}
	if s.Version != stateVersion {
		return data{}, fmt.Errorf("nexmotest: state version %d, want %d", s.Version, stateVersion)
	}
	if d.key == "" || d.secret == "" {
		return data{}, errors.New("nexmotest: state without credentials")
	}
	for _, o := range s.Owned {
		n, ok := theCatalog.lookup(o.Country, o.MSISDN)
		if !ok {
			return data{}, fmt.Errorf("nexmotest: state owns %q of %q, not in the pool", o.MSISDN, o.Country)
		}
		if _, dup := d.owned[o.MSISDN]; dup {
			return data{}, fmt.Errorf("nexmotest: state owns %q twice", o.MSISDN)
		}
		o.Number = *n
		d.owned[o.MSISDN] = o
	}
	if err := d.check(); err != nil {
		return data{}, err
	}
	return d, nil
}

// LoadState reads a state saved by SaveState. A missing file is an error
// that errors.Is(err, fs.ErrNotExist) recognises.
func LoadState(path string) (*State, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var s State
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("nexmotest: reading state %s: %w", path, err)
	}
	if _, err := s.data(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &s, nil
}

// SaveState writes s to path atomically and durably: a temporary file in the
// same directory, synced, renamed over path, then the directory synced. A
// crash leaves either the old state or the new one, never a mix. The file
// holds the API secret, so it is readable by its owner only.
func SaveState(path string, s *State) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, tempPrefix(path)+"*"+tempSuffix)
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, nothing is left to remove
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// tempSuffix ends the name of SaveState's temporary files, which begin
// with tempPrefix(path).
const tempSuffix = ".tmp"

// tempPrefix begins the names of the temporary files SaveState writes
// beside path: ".<base>." (os.CreateTemp adds digits, then tempSuffix).
func tempPrefix(path string) string { return "." + filepath.Base(path) + "." }

// RemoveStateTemps removes the temporary files that SaveState(path, ...)
// leaves when the process dies between creating and renaming one (a
// SIGKILL, a power cut). They hold the secret, and no acknowledged change
// lives only in one: SaveState reports success after the rename, so the
// state file has every change it acknowledged. Call it at start, before
// anything saves to path; a process saving to the same path at the same
// time would lose its temporary file and fail that save.
func RemoveStateTemps(path string) error {
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // nothing was saved there yet
	}
	if err != nil {
		return err
	}
	prefix := tempPrefix(path)
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, tempSuffix) ||
			len(name) <= len(prefix)+len(tempSuffix) || !allDigits(name[len(prefix):len(name)-len(tempSuffix)]) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// allDigits reports whether s is made of ASCII digits only, as the random
// part of os.CreateTemp's names is.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// FilePersister is a Config.Persist that saves every state to path with
// SaveState.
func FilePersister(path string) func(*State) error {
	return func(s *State) error { return SaveState(path, s) }
}
