package nexmo_test

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/nexmogen/nexmogen/generated/nexmo"
)

// pager serves total numbers, size per page, from the 1-based index; the
// page failAt (if not 0) answers 500. It records the pages asked for.
type pager struct {
	total, failAt int
	// count overrides the count announced; -1 announces none.
	count int
	pages []int
}

func (p *pager) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	index, _ := strconv.Atoi(r.URL.Query().Get("index"))
	size, _ := strconv.Atoi(r.URL.Query().Get("size"))
	p.pages = append(p.pages, index)
	if index == p.failAt {
		reply(w, r, 500, `{"error-code":"500","error-code-label":"internal error"}`, "")
		return
	}
	page := nexmo.OwnedNumbers{Count: p.total}
	if p.count != 0 {
		page.Count = max(p.count, 0)
	}
	for i := (index - 1) * size; i < min(index*size, p.total); i++ {
		page.Numbers = append(page.Numbers, nexmo.OwnedNumber{Country: "GB", MSISDN: fmt.Sprintf("4477009%05d", i)})
	}
	if len(page.Numbers) == 0 {
		reply(w, r, 200, `{}`, `<inbound-numbers></inbound-numbers>`)
		return
	}
	j, _ := json.Marshal(page)
	x, _ := xml.Marshal(page)
	reply(w, r, 200, string(j), string(x))
}

// walk collects an iterator's items, breaking after stop items (0: never).
func walk(t *testing.T, c *nexmo.Client, params nexmo.ListOwnedNumbersParams, stop int) (msisdns []string, errs []error) {
	t.Helper()
	for n, err := range c.OwnedNumbers(t.Context(), params) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		msisdns = append(msisdns, n.MSISDN)
		if len(msisdns) == stop {
			break
		}
	}
	return msisdns, errs
}

func TestIteratorPages(t *testing.T) {
	for _, format := range []nexmo.Option{nexmo.WithJSON(), nexmo.WithXML()} {
		p := &pager{total: 25}
		got, errs := walk(t, newClient(t, p, format), nexmo.ListOwnedNumbersParams{Index: 7}, 0)
		if len(errs) != 0 || len(got) != 25 || got[0] != "447700900000" || got[24] != "447700900024" {
			t.Errorf("items %v, errors %v", got, errs)
		}
		// Three pages of 10; the count of 25 says there is no fourth.
		if fmt.Sprint(p.pages) != "[1 2 3]" {
			t.Errorf("pages asked: %v", p.pages)
		}
	}
}

func TestIteratorWithoutCountStopsOnEmptyPage(t *testing.T) {
	p := &pager{total: 20, count: -1}
	got, errs := walk(t, newClient(t, p), nexmo.ListOwnedNumbersParams{Size: 5}, 0)
	if len(errs) != 0 || len(got) != 20 || fmt.Sprint(p.pages) != "[1 2 3 4 5]" {
		t.Errorf("%d items, errors %v, pages %v", len(got), errs, p.pages)
	}
}

func TestIteratorErrorMidway(t *testing.T) {
	p := &pager{total: 25, failAt: 2}
	c := newClient(t, p, nexmo.WithRetryPolicy(nexmo.RetryPolicy{MaxAttempts: 1}))
	got, errs := walk(t, c, nexmo.ListOwnedNumbersParams{}, 0)
	if len(got) != 10 || len(errs) != 1 || !errors.Is(errs[0], nexmo.ErrServer) {
		t.Errorf("%d items, errors %v", len(got), errs)
	}
	if fmt.Sprint(p.pages) != "[1 2]" {
		t.Errorf("pages asked: %v", p.pages)
	}
}

func TestIteratorEarlyBreak(t *testing.T) {
	p := &pager{total: 25}
	got, errs := walk(t, newClient(t, p), nexmo.ListOwnedNumbersParams{}, 5)
	if len(got) != 5 || len(errs) != 0 || fmt.Sprint(p.pages) != "[1]" {
		t.Errorf("%d items, errors %v, pages %v", len(got), errs, p.pages)
	}
}

func TestIteratorEmpty(t *testing.T) {
	for _, format := range []nexmo.Option{nexmo.WithJSON(), nexmo.WithXML()} {
		p := &pager{}
		got, errs := walk(t, newClient(t, p, format), nexmo.ListOwnedNumbersParams{}, 0)
		if len(got) != 0 || len(errs) != 0 || fmt.Sprint(p.pages) != "[1]" {
			t.Errorf("%d items, errors %v, pages %v", len(got), errs, p.pages)
		}
	}
}

func TestIteratorInvalidParams(t *testing.T) {
	p := &pager{total: 3}
	got, errs := walk(t, newClient(t, p), nexmo.ListOwnedNumbersParams{Size: 1000}, 0)
	if len(got) != 0 || len(errs) != 1 || !errors.Is(errs[0], nexmo.ErrInvalidInput) || len(p.pages) != 0 {
		t.Errorf("%d items, errors %v, pages %v", len(got), errs, p.pages)
	}
}

func TestAvailableNumbersIterator(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("index") == "1" {
			reply(w, r, 200, searchJSON, searchXML)
			return
		}
		reply(w, r, 200, `{}`, `<inbound-numbers/>`)
	})
	n := 0
	for num, err := range newClient(t, h).AvailableNumbers(t.Context(), nexmo.SearchAvailableNumbersParams{Country: "GB"}) {
		if err != nil || num.Cost != "0.50" {
			t.Fatalf("%+v, %v", num, err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("%d numbers, want 1", n)
	}
}
