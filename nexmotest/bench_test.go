package nexmotest

import (
	"net/http/httptest"
	"testing"
)

// BenchmarkBuyCancel is a buy and a cancel of one number on the account,
// with 50 other numbers owned (each change copies the owned set).
func BenchmarkBuyCancel(b *testing.B) {
	f, err := New(Config{APIKey: "k", APISecret: "s", Balance: maxBalance})
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range theCatalog.byCountry["US"][:50] {
		if err := f.Buy("US", n.MSISDN); err != nil {
			b.Fatal(err)
		}
	}
	n := theCatalog.byCountry["GB"][0]
	for b.Loop() {
		if f.Buy("GB", n.MSISDN) != nil || f.Cancel("GB", n.MSISDN) != nil {
			b.Fatal("buy or cancel failed")
		}
	}
}

// BenchmarkServeSearch is a search of 10 GB numbers through the HTTP
// handler: binding, validation, the fake and JSON encoding.
func BenchmarkServeSearch(b *testing.B) {
	f, err := New(DefaultConfig(testKey, testSecret))
	if err != nil {
		b.Fatal(err)
	}
	h := f.Handler()
	target := "/number/search?country=GB&features=SMS&api_key=" + testKey + "&api_secret=" + testSecret
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code, rec.Body)
		}
	}
}
