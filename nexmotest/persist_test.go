package nexmotest

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestStateSurvivesARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	cfg := DefaultConfig("key", "Secret123")
	cfg.Persist = FilePersister(path)
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	n := theCatalog.byCountry["FR"][3]
	app, secret := "app-9", "Rotated99x"
	steps := []func() error{
		func() error { return f.Buy("FR", n.MSISDN) },
		func() error { return f.TopUp("trx") },
		func() error { return f.UpdateNumber(NumberUpdate{Country: "FR", MSISDN: n.MSISDN, AppID: &app}) },
		func() error { _, err := f.UpdateSettings(t.Context(), SettingsUpdate{NewSecret: &secret}); return err },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		saved, err := LoadState(path)
		if err != nil {
			t.Fatalf("after step %d: %v", i, err)
		}
		if !reflect.DeepEqual(saved, f.State()) {
			t.Fatalf("after step %d the file holds %+v, the fake %+v", i, saved, f.State())
		}
	}
	saved, _ := LoadState(path)
	again, err := New(Config{Initial: saved, Persist: FilePersister(path)})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again.State(), f.State()) || !again.Authenticate("key", secret) {
		t.Errorf("the restarted fake differs: %+v", again.State())
	}
	mustCheck(t, again)
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files are left behind: %v", entries)
	}
	if info, _ := os.Stat(path); info.Mode().Perm()&0o077 != 0 {
		t.Errorf("the state file (it holds the secret) is mode %v", info.Mode())
	}
}

func TestPersistFailureAbandonsTheChange(t *testing.T) {
	cfg := DefaultConfig("key", "Secret123")
	fail := false
	cfg.Persist = func(*State) error {
		if fail {
			return errors.New("disk full")
		}
		return nil
	}
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	fail = true
	n := theCatalog.byCountry["GB"][0]
	if err := f.Buy("GB", n.MSISDN); err == nil || errors.Is(err, ErrMethodFailed) {
		t.Fatalf("Buy with a failing disk = %v, want the persist error", err)
	}
	if bal, _ := f.Balance(); bal != DefaultBalance || f.Owned(Query{}).Count != 0 {
		t.Errorf("an unpersisted buy took effect: balance %s", bal)
	}
	fail = false
	if err := f.Buy("GB", n.MSISDN); err != nil {
		t.Errorf("Buy once the disk works: %v", err)
	}
}

func TestLoadStateRejectsBrokenFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadState(filepath.Join(dir, "missing.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v, want fs.ErrNotExist", err)
	}
	f := newFake(t)
	n := theCatalog.byCountry["GB"][0]
	if err := f.Buy("GB", n.MSISDN); err != nil {
		t.Fatal(err)
	}
	for name, spoil := range map[string]func(s *State){
		"balance off":     func(s *State) { s.Balance++ },
		"owned twice":     func(s *State) { s.Owned = append(s.Owned, s.Owned[0]) },
		"not in the pool": func(s *State) { s.Owned[0].MSISDN = "447000000000" },
		"wrong country":   func(s *State) { s.Owned[0].Country = "US" },
		"no secret":       func(s *State) { s.APISecret = "" },
		"other version":   func(s *State) { s.Version = 2 },
	} {
		s := f.State()
		spoil(s)
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".json")
		if err := SaveState(path, s); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadState(path); err == nil {
			t.Errorf("%s: LoadState accepted it", name)
		}
	}
	garbage := filepath.Join(dir, "garbage.json")
	os.WriteFile(garbage, []byte(`{"version":1,"surprise":true}`), 0o600)
	if _, err := LoadState(garbage); err == nil {
		t.Errorf("LoadState accepted unknown fields")
	}
}

func TestStateJSONKeepsTheSecret(t *testing.T) {
	b, err := json.Marshal(newFake(t).State())
	if err != nil || !strings.Contains(string(b), `"apiSecret":"Secret123"`) {
		t.Errorf("the state file must restore the secret: %s, %v", b, err)
	}
}
