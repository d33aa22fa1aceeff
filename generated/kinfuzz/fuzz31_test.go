package kinfuzz_test

import (
	"net/http"
	"sync"
	"testing"

	kinfuzz31 "github.com/nexmogen/nexmogen/generated/kinfuzz/v31"
)

// doc31 is the judges of v31/kinfuzz31.yaml, OpenAPI 3.1's spellings:
// type arrays with "null", anyOf with {type: "null"}, const, numeric
// exclusive bounds.
var doc31 = &judges{
	server: kinfuzz31.NewServer(kinfuzz31.UnimplementedHandler{}, kinfuzz31.WithServerLogger(nil)),
	oracle: sync.OnceValues(func() (*kinOracle, error) { return newOracle("v31/kinfuzz31.yaml") }),
}

// nullsSeeds are bodies of POST /nulls, valid and invalid.
var nullsSeeds = []string{
	`{"must":null}`, `{"must":1}`, `{}`, `{"must":0}`,
	`{"must":1,"name":"ab","at":"2024-01-02T03:04:05Z","flags":[true,null],"part":{"n":"ab"},"level":5,"kind":"fixed","ratio":0.75}`,
	`{"must":null,"name":null,"at":null,"flags":null,"part":null,"level":null}`,
	`{"must":null,"name":"a"}`, `{"must":null,"at":"x"}`, `{"must":null,"flags":[true,false,true]}`, `{"must":null,"flags":["x"]}`,
	`{"must":null,"part":{}}`, `{"must":null,"part":{"n":"AB"}}`, `{"must":null,"level":0}`, `{"must":null,"level":10}`,
	`{"must":null,"kind":"other"}`, `{"must":null,"kind":null}`, `{"must":null,"ratio":0.5}`, `{"must":null,"ratio":0}`,
	`{"must":null,"at":"0001-01-01T00:00:00Z"}`, `{"must":null,"level":9.5}`, `{"must":"1"}`,
}

// FuzzBodies31AgainstKin posts any body to POST /nulls of the 3.1
// document: the generated server and kin-openapi must agree.
func FuzzBodies31AgainstKin(f *testing.F) {
	for _, b := range nullsSeeds {
		f.Add([]byte(b))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		agree(t, call{method: http.MethodPost, path: "/nulls", body: body, doc: doc31})
	})
}
