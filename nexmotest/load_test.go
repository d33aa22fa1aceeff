package nexmotest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// loadClient is an HTTP client for load tests: many goroutines, a bounded
// number of connections.
func loadClient() *http.Client {
	return &http.Client{Transport: &http.Transport{MaxConnsPerHost: 64, MaxIdleConnsPerHost: 64}}
}

// post sends a form with query credentials and answers the status and the
// envelope's error-code.
func post(c *http.Client, base, path string, form url.Values) (int, string, error) {
	u := base + path + "?" + url.Values{"api_key": {testKey}, "api_secret": {testSecret}}.Encode()
	resp, err := c.Post(u, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	var env map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return resp.StatusCode, "", err
	}
	code, _ := env["error-code"].(string)
	return resp.StatusCode, code, nil
}

func TestThousandConcurrentBuysOverHTTP(t *testing.T) {
	f := newFake(t)
	srv := httptest.NewServer(f.Handler())
	t.Cleanup(srv.Close)
	client := loadClient()
	n := theCatalog.byCountry["GB"][0]
	form := url.Values{"country": {"GB"}, "msisdn": {n.MSISDN}}
	var ok, refused atomic.Int32
	var wg sync.WaitGroup
	for range 1000 {
		wg.Go(func() {
			status, code, err := post(client, srv.URL, "/number/buy", form)
			switch {
			case err != nil:
				t.Error(err)
			case status == 200 && code == "200":
				ok.Add(1)
			case status == 420 && code == "420":
				refused.Add(1)
			default:
				t.Errorf("buy answered %d with error-code %q", status, code)
			}
		})
	}
	wg.Wait()
	if ok.Load() != 1 || refused.Load() != 999 {
		t.Errorf("%d buys succeeded and %d were refused, want 1 and 999", ok.Load(), refused.Load())
	}
	if bal, _ := f.Balance(); bal != DefaultBalance-n.Cost {
		t.Errorf("balance %s, want %s: charged once", bal, DefaultBalance-n.Cost)
	}
	mustCheck(t, f)
}

// httpStep is one operation of the HTTP mixed load (every operation but a
// newSecret, which would lock the other goroutines out); it answers the
// status, and what a successful buy cost or whether a top-up succeeded.
func httpStep(c *http.Client, base string, g, i int) (status int, bought Micros, toppedUp bool, err error) {
	cs := Countries()
	country := cs[(g+i)%len(cs)]
	n := theCatalog.byCountry[country][(g*5+i)%6]
	num := url.Values{"country": {country}, "msisdn": {n.MSISDN}}
	creds := url.Values{"api_key": {testKey}, "api_secret": {testSecret}}
	var code string
	switch i % 11 {
	case 0, 1:
		status, code, err = post(c, base, "/number/buy", num)
		if status == 200 && code == "200" {
			bought = n.Cost
		}
	case 2:
		status, _, err = post(c, base, "/number/cancel", num)
	case 3:
		status, code, err = post(c, base, "/account/top-up", url.Values{"trx": {fmt.Sprint("trx-", g)}})
		toppedUp = status == 200 && code == "200"
	case 4:
		status, _, err = post(c, base, "/number/update", url.Values{"country": {country}, "msisdn": {n.MSISDN}, "app_id": {fmt.Sprint("app-", g)}})
	case 5:
		status, err = get(c, base+"/number/search?country="+country+"&features=SMS&"+creds.Encode())
	case 6:
		status, err = get(c, base+"/account/numbers?has_application=true&size=100&"+creds.Encode())
	case 7:
		status, _, err = post(c, base, "/account/settings", url.Values{"drCallBackUrl": {""}})
	case 8:
		status, err = get(c, base+"/account/get-pricing/outbound?country="+country+"&"+creds.Encode())
	case 9:
		status, err = get(c, base+"/account/get-pricing/outbound/sms-transit?country="+country+"&"+creds.Encode())
	default:
		status, err = get(c, base+"/account/get-balance?"+creds.Encode())
	}
	return status, bought, toppedUp, err
}

// get sends a GET and answers its status.
func get(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func TestMixedLoadOverHTTPKeepsTheInvariants(t *testing.T) {
	f := newFake(t)
	srv := httptest.NewServer(f.Handler())
	t.Cleanup(srv.Close)
	client := loadClient()
	var spent, topUps atomic.Int64
	var wg sync.WaitGroup
	for g := range 24 {
		wg.Go(func() {
			for i := range 88 {
				status, bought, toppedUp, err := httpStep(client, srv.URL, g, i)
				if err != nil || (status != 200 && status != 420) {
					t.Errorf("goroutine %d step %d: status %d, %v", g, i, status, err)
					return
				}
				spent.Add(int64(bought))
				if toppedUp {
					topUps.Add(1)
				}
			}
		})
	}
	wg.Wait()
	mustCheck(t, f)
	s := f.State()
	if s.Spent != Micros(spent.Load()) || s.TopUps != Micros(topUps.Load())*DefaultTopUpAmount {
		t.Errorf("the fake counts spent %s and top-ups %s; its callers saw %s and %d top-ups",
			s.Spent, s.TopUps, Micros(spent.Load()), topUps.Load())
	}
}
