package nexmotest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
	"github.com/nexmogen/nexmogen/nexmotest"
)

// soakClients are the generated client in every mode it has: JSON and
// XML, query and Basic credentials.
func soakClients(t *testing.T, base string) []*nexmo.Client {
	t.Helper()
	var out []*nexmo.Client
	for _, media := range []nexmo.Option{nexmo.WithJSON(), nexmo.WithXML()} {
		for _, auth := range []nexmo.Option{nexmo.WithSchemes("apiKey", "apiSecret"), nexmo.WithSchemes("basicAuth")} {
			c, err := nexmo.NewClient("key", "Secret123", nexmo.WithBaseURL(base), media, auth,
				nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 1}))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, c)
		}
	}
	return out
}

// expected reports whether err is a failure the API may answer under
// contention: 420 (a number bought twice, or not owned) or 429 (pricing's
// rate limit). Anything else is a bug.
func expected(err error) bool {
	var ae *nexmo.APIError
	return err == nil || errors.As(err, &ae) && (ae.StatusCode == 420 || ae.StatusCode == 429 || ae.Code == "420")
}

// TestSoakGeneratedClientAgainstTheFake runs a fixed amount of mixed work
// (searches, buys, cancels, updates, lists, balances, pricing, settings,
// top-ups) from 16 goroutines through the generated client, in all four
// modes, against the fake on loopback. Every answer is one the API may
// give, and afterwards the fake's invariants hold, it owns as many numbers
// as its callers were told they bought minus those they were told they
// cancelled, and each of them is one a caller bought.
func TestSoakGeneratedClientAgainstTheFake(t *testing.T) {
	f, err := nexmotest.New(nexmotest.DefaultConfig("key", "Secret123"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(f.Handler())
	defer srv.Close()
	clients := soakClients(t, srv.URL)
	var tally soakTally
	var calls atomic.Int64
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			c := clients[g%len(clients)]
			for i := range 40 {
				calls.Add(1)
				if err := soakStep(c, g, i, &tally); !expected(err) {
					t.Errorf("goroutine %d step %d: %v", g, i, err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := f.Check(); err != nil {
		t.Fatalf("after %d calls: %v", calls.Load(), err)
	}
	state := f.State()
	if kept := tally.bought.Load() - tally.cancelled.Load(); int64(len(state.Owned)) != kept {
		t.Errorf("the fake owns %d numbers; its callers bought %d and cancelled %d",
			len(state.Owned), tally.bought.Load(), tally.cancelled.Load())
	}
	for _, o := range state.Owned {
		if _, ok := tally.ever.Load(o.MSISDN); !ok {
			t.Errorf("the fake owns %s, which no caller was told it bought", o.MSISDN)
		}
	}
	if tally.bought.Load() == 0 || tally.cancelled.Load() == 0 {
		t.Errorf("no buy or no cancel succeeded (%d, %d): the soak proves little", tally.bought.Load(), tally.cancelled.Load())
	}
}

// soakTally is what the callers were told: successful buys and cancels,
// and every number ever bought.
type soakTally struct {
	bought, cancelled atomic.Int64
	ever              sync.Map
}

// soakStep makes one call, chosen by the step, and tallies what the
// caller was told about ownership.
func soakStep(c *nexmo.Client, g, i int, tally *soakTally) error {
	ctx := context.Background()
	switch (g + i) % 8 {
	case 0, 1:
		page, err := c.SearchAvailableNumbers(ctx, nexmo.SearchAvailableNumbersParams{Country: "GB", Size: 5, Index: 1 + (g+i)%3})
		if err != nil || len(page.Numbers) == 0 {
			return err
		}
		n := page.Numbers[(g*7+i)%len(page.Numbers)]
		if _, err := c.BuyNumber(ctx, nexmo.BuyNumberRequest{Country: n.Country, MSISDN: n.MSISDN}); err != nil {
			return err
		}
		tally.bought.Add(1)
		tally.ever.Store(n.MSISDN, true)
	case 2:
		page, err := c.ListOwnedNumbers(ctx, nexmo.ListOwnedNumbersParams{Size: 100})
		if err != nil || len(page.Numbers) == 0 {
			return err
		}
		n := page.Numbers[(g+i)%len(page.Numbers)]
		if _, err := c.CancelNumber(ctx, nexmo.CancelNumberRequest{Country: n.Country, MSISDN: n.MSISDN}); err != nil {
			return err
		}
		tally.cancelled.Add(1)
	case 3:
		_, err := c.GetBalance(ctx)
		return err
	case 4:
		_, err := c.GetOutboundPricing(ctx, nexmo.GetOutboundPricingParams{Country: "GB"})
		return err
	case 5:
		_, err := c.UpdateSettings(ctx, nexmo.SettingsRequest{})
		return err
	case 6:
		_, err := c.TopUp(ctx, nexmo.TopUpRequest{Trx: fmt.Sprintf("trx-%d-%d", g, i)})
		return err
	case 7:
		page, err := c.ListOwnedNumbers(ctx, nexmo.ListOwnedNumbersParams{Size: 10})
		if err != nil || len(page.Numbers) == 0 {
			return err
		}
		n := page.Numbers[0]
		_, err = c.UpdateNumber(ctx, nexmo.UpdateNumberRequest{Country: n.Country, MSISDN: n.MSISDN, VoiceCallbackType: nexmo.VoiceCallbackTypeTel, VoiceCallbackValue: nexmo.Ptr("447700900001")})
		return err
	}
	return nil
}
