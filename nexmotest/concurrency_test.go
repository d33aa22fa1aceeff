package nexmotest

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

func TestConcurrentBuysOfOneNumber(t *testing.T) {
	f := newFake(t)
	n := theCatalog.byCountry["GB"][0]
	var wins, refusals atomic.Int32
	var wg sync.WaitGroup
	for range 1000 {
		wg.Go(func() {
			switch err := f.Buy("GB", n.MSISDN); {
			case err == nil:
				wins.Add(1)
			case errors.Is(err, ErrMethodFailed):
				refusals.Add(1)
			default:
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if wins.Load() != 1 || refusals.Load() != 999 {
		t.Errorf("%d buys succeeded and %d were refused, want 1 and 999", wins.Load(), refusals.Load())
	}
	if bal, _ := f.Balance(); bal != DefaultBalance-n.Cost {
		t.Errorf("balance %s, want %s: charged once", bal, DefaultBalance-n.Cost)
	}
	mustCheck(t, f)
}

// ledger is what the callers of a mixed load saw succeed.
type ledger struct {
	mu     sync.Mutex
	spent  Micros
	topUps int
}

func TestMixedLoadKeepsTheInvariants(t *testing.T) {
	f := newFake(t)
	var l ledger
	var wg sync.WaitGroup
	for g := range 32 {
		wg.Go(func() {
			for i := range 200 {
				if err := mixedStep(f, &l, g, i); err != nil && !errors.Is(err, ErrMethodFailed) {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	mustCheck(t, f)
	s := f.State()
	if s.Spent != l.spent || s.TopUps != Micros(l.topUps)*DefaultTopUpAmount {
		t.Errorf("the fake counts spent %s and top-ups %s; its callers saw %s and %d top-ups", s.Spent, s.TopUps, l.spent, l.topUps)
	}
}

// mixedStep runs one operation of the mixed load, chosen by goroutine g and
// step i, and records what succeeded in l.
func mixedStep(f *Fake, l *ledger, g, i int) error {
	cs := Countries()
	c := cs[(g+i)%len(cs)]
	n := theCatalog.byCountry[c][(g*7+i)%8] // few numbers, so that goroutines collide
	app := fmt.Sprintf("app-%d", g)
	switch i % 7 {
	case 0, 1:
		err := f.Buy(c, n.MSISDN)
		if err == nil {
			l.mu.Lock()
			l.spent += n.Cost
			l.mu.Unlock()
		}
		return err
	case 2:
		return f.Cancel(c, n.MSISDN)
	case 3:
		err := f.TopUp("trx")
		if err == nil {
			l.mu.Lock()
			l.topUps++
			l.mu.Unlock()
		}
		return err
	case 4:
		return f.UpdateNumber(NumberUpdate{Country: c, MSISDN: n.MSISDN, AppID: &app})
	case 5:
		f.Search(Query{Country: c, Pattern: n.MSISDN[:4]})
		yes := true
		f.Owned(Query{HasApplication: &yes})
		return f.Check()
	}
	f.Balance()
	f.Settings()
	return nil
}
