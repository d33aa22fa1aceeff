package nexmotest

import (
	"errors"
	"testing"
)

// newFake is a fake with the default configuration and test credentials.
func newFake(t *testing.T) *Fake {
	t.Helper()
	f, err := New(DefaultConfig("key", "Secret123"))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// mustCheck fails the test when the fake's invariants do not hold.
func mustCheck(t *testing.T, f *Fake) {
	t.Helper()
	if err := f.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestNewNeedsCredentials(t *testing.T) {
	for _, cfg := range []Config{{APIKey: "k"}, {APISecret: "s"}, {APIKey: "k", APISecret: "s", Balance: -1}} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v) succeeded", cfg)
		}
	}
}

func TestAuthenticate(t *testing.T) {
	f := newFake(t)
	for _, c := range []struct {
		key, secret string
		want        bool
	}{{"key", "Secret123", true}, {"key", "Secret124", false}, {"kez", "Secret123", false}, {"", "", false}} {
		if got := f.Authenticate(c.key, c.secret); got != c.want {
			t.Errorf("Authenticate(%q, %q) = %v, want %v", c.key, c.secret, got, c.want)
		}
	}
}

func TestBuyChargesAndMoves(t *testing.T) {
	f := newFake(t)
	n := theCatalog.byCountry["GB"][0]
	if err := f.Buy("GB", n.MSISDN); err != nil {
		t.Fatal(err)
	}
	if bal, _ := f.Balance(); bal != DefaultBalance-n.Cost {
		t.Errorf("balance = %s, want %s", bal, DefaultBalance-n.Cost)
	}
	owned := f.Owned(Query{})
	if owned.Count != 1 || owned.Items[0].MSISDN != n.MSISDN {
		t.Errorf("Owned = %+v, want just %s", owned, n.MSISDN)
	}
	for _, a := range f.Search(Query{Country: "GB", Size: MaxSize}).Items {
		if a.MSISDN == n.MSISDN {
			t.Errorf("%s is still available after the buy", n.MSISDN)
		}
	}
	mustCheck(t, f)
}

func TestBuyFailures(t *testing.T) {
	f := newFake(t)
	gb := theCatalog.byCountry["GB"][0].MSISDN
	if err := f.Buy("GB", gb); err != nil {
		t.Fatal(err)
	}
	before, _ := f.Balance()
	for name, c := range map[string][2]string{
		"owned already": {"GB", gb}, "unknown": {"GB", "447000000000"},
		"wrong country": {"US", gb}, "unknown country": {"XX", gb},
	} {
		if err := f.Buy(c[0], c[1]); !errors.Is(err, ErrMethodFailed) {
			t.Errorf("%s: Buy(%s, %s) = %v, want ErrMethodFailed", name, c[0], c[1], err)
		}
	}
	if after, _ := f.Balance(); after != before {
		t.Errorf("failed buys changed the balance from %s to %s", before, after)
	}
	mustCheck(t, f)
}

func TestBuyWithoutEnoughCredit(t *testing.T) {
	cfg := DefaultConfig("key", "Secret123")
	de := theCatalog.byCountry["DE"]
	var dear *Number
	for _, n := range de {
		if n.Type == TypeLandlineTollFree {
			dear = n
		}
	}
	cfg.Balance = dear.Cost - 1
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Buy("DE", dear.MSISDN); !errors.Is(err, ErrMethodFailed) {
		t.Fatalf("Buy with %s for %s = %v, want ErrMethodFailed", cfg.Balance, dear.Cost, err)
	}
	if err := f.TopUp("trx-1"); err != nil {
		t.Fatal(err)
	}
	if err := f.Buy("DE", dear.MSISDN); err != nil {
		t.Fatalf("Buy after a top-up: %v", err)
	}
	if bal, _ := f.Balance(); bal != cfg.Balance+DefaultTopUpAmount-dear.Cost {
		t.Errorf("balance = %s", bal)
	}
	mustCheck(t, f)
}

func TestCancelHasNoRefund(t *testing.T) {
	f := newFake(t)
	n := theCatalog.byCountry["US"][5]
	if err := f.Cancel("US", n.MSISDN); !errors.Is(err, ErrMethodFailed) {
		t.Errorf("Cancel of a number not owned = %v, want ErrMethodFailed", err)
	}
	if err := f.Buy("US", n.MSISDN); err != nil {
		t.Fatal(err)
	}
	if err := f.Cancel("GB", n.MSISDN); !errors.Is(err, ErrMethodFailed) {
		t.Errorf("Cancel in the wrong country = %v, want ErrMethodFailed", err)
	}
	if err := f.Cancel("US", n.MSISDN); err != nil {
		t.Fatal(err)
	}
	if bal, _ := f.Balance(); bal != DefaultBalance-n.Cost {
		t.Errorf("balance after cancel = %s, want %s (no refund)", bal, DefaultBalance-n.Cost)
	}
	if f.Owned(Query{}).Count != 0 || f.Search(Query{Country: "US", Pattern: n.MSISDN}).Count != 1 {
		t.Errorf("the cancelled number did not go back to the pool")
	}
	if err := f.Buy("US", n.MSISDN); err != nil {
		t.Errorf("buying a cancelled number again: %v", err)
	}
	mustCheck(t, f)
}

func TestTopUp(t *testing.T) {
	cfg := DefaultConfig("key", "Secret123")
	cfg.TopUpAmount = 2_500_000
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.TopUp(""); !errors.Is(err, ErrMethodFailed) {
		t.Errorf("TopUp(\"\") = %v, want ErrMethodFailed", err)
	}
	for range 3 {
		if err := f.TopUp("00X123456Y7890123Z"); err != nil {
			t.Fatal(err)
		}
	}
	if bal, _ := f.Balance(); bal != DefaultBalance+3*2_500_000 {
		t.Errorf("balance = %s, want 17.50", bal)
	}
	mustCheck(t, f)
}

func TestTopUpCannotOverflow(t *testing.T) {
	cfg := DefaultConfig("key", "Secret123")
	cfg.Balance, cfg.TopUpAmount = maxBalance-1, 2
	f, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.TopUp("t"); !errors.Is(err, ErrMethodFailed) {
		t.Errorf("TopUp past the cap = %v, want ErrMethodFailed", err)
	}
	mustCheck(t, f)
}

func TestUpdateNumber(t *testing.T) {
	f := newFake(t)
	n := theCatalog.byCountry["GB"][0].MSISDN
	app, url, typ := "aaaaaaaa-bbbb-cccc-dddd-0123456789ab", "https://example.com/mo", "app"
	u := NumberUpdate{Country: "GB", MSISDN: n, AppID: &app, MOHTTPURL: &url, VoiceCallbackType: &typ, VoiceCallbackValue: &app}
	if err := f.UpdateNumber(u); !errors.Is(err, ErrMethodFailed) {
		t.Errorf("UpdateNumber of a number not owned = %v, want ErrMethodFailed", err)
	}
	if err := f.Buy("GB", n); err != nil {
		t.Fatal(err)
	}
	if err := f.UpdateNumber(u); err != nil {
		t.Fatal(err)
	}
	o := f.Owned(Query{}).Items[0]
	if o.AppID != app || o.MOHTTPURL != url || o.VoiceCallbackType != typ || o.VoiceCallbackValue != app ||
		o.MessagesCallbackType != "app" || o.MessagesCallbackValue != app {
		t.Errorf("after update: %+v", o)
	}
	empty := ""
	if err := f.UpdateNumber(NumberUpdate{Country: "GB", MSISDN: n, AppID: &empty}); err != nil {
		t.Fatal(err)
	}
	o = f.Owned(Query{}).Items[0]
	if o.AppID != "" || o.MessagesCallbackType != "" || o.MOHTTPURL != url {
		t.Errorf("clearing the app: %+v (moHttpUrl must stay)", o)
	}
}
