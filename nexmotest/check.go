package nexmotest

import (
	"errors"
	"fmt"
)

// Check verifies the fake's invariants: the balance is the start plus the
// top-ups minus the costs of the numbers bought, within 0 and 1e9 EUR; every
// owned number is a number of the pool, owned once, under its own msisdn;
// and every number of the pool is either owned or available to search,
// never both and never neither.
func (f *Fake) Check() (err error) {
	f.read(func(d *data) { err = d.check() })
	return err
}

// check verifies the invariants of d alone.
func (d *data) check() error {
	if d.balance != d.start+d.topUps-d.spent {
		return fmt.Errorf("nexmotest: balance %s is not start %s + top-ups %s - spent %s",
			d.balance, d.start, d.topUps, d.spent)
	}
	if d.balance < 0 || d.balance > maxBalance || d.start < 0 || d.topUps < 0 || d.spent < 0 || d.topUpAmount < 0 {
		return errors.New("nexmotest: an amount is out of range")
	}
	for k, o := range d.owned {
		n, ok := theCatalog.lookup(o.Country, o.MSISDN)
		if k != o.MSISDN || !ok || n.Cost != o.Cost || n.Type != o.Type {
			return fmt.Errorf("nexmotest: owned number %q does not match the pool", k)
		}
	}
	return d.checkPool()
}

// checkPool verifies that each country's numbers are owned or available to
// search, never both and never neither.
func (d *data) checkPool() error {
	for _, c := range countries {
		seen := map[string]int{}
		for _, n := range d.available(&Query{Country: c.code}) {
			seen[n.MSISDN]++
		}
		for _, o := range d.owned {
			if o.Country == c.code {
				seen[o.MSISDN]++
			}
		}
		for _, n := range theCatalog.byCountry[c.code] {
			if seen[n.MSISDN] != 1 {
				return fmt.Errorf("nexmotest: number %s is seen %d times among owned and available", n.MSISDN, seen[n.MSISDN])
			}
		}
		if len(seen) != len(theCatalog.byCountry[c.code]) {
			return fmt.Errorf("nexmotest: %s has numbers outside its pool", c.code)
		}
	}
	return nil
}
