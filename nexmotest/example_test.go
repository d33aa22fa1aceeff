package nexmotest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"

	"github.com/nexmogen/nexmogen/generated/nexmo"
	"github.com/nexmogen/nexmogen/nexmotest"
)

// The fake without HTTP: set up or check an account directly.
func ExampleFake() {
	f, err := nexmotest.New(nexmotest.DefaultConfig("key", "Secret123"))
	if err != nil {
		panic(err)
	}
	fmt.Println(f.Buy("GB", "447700900000"))
	fmt.Println(f.Buy("GB", "447700900000"))
	bal, _ := f.Balance()
	fmt.Println(bal, f.Owned(nexmotest.Query{}).Count, f.Check())
	// Output:
	// <nil>
	// method failed: 447700900000 is owned already
	// 9.50 1 <nil>
}

// The fake over HTTP, called with the generated client. In a test,
// nexmotest.NewServer(t) does the set-up in one line.
func ExampleFake_Handler() {
	f, _ := nexmotest.New(nexmotest.DefaultConfig("key", "Secret123"))
	srv := httptest.NewServer(f.Handler())
	defer srv.Close()
	client, _ := nexmo.NewClient("key", "Secret123", nexmo.WithBaseURL(srv.URL))
	ctx := context.Background()

	page, _ := client.SearchAvailableNumbers(ctx, nexmo.SearchAvailableNumbersParams{Country: "GB", Size: 1})
	n := page.Numbers[0]
	fmt.Println(page.Count, n.MSISDN, n.Cost, n.Type)
	_, err := client.BuyNumber(ctx, nexmo.BuyNumberRequest{Country: "GB", MSISDN: n.MSISDN})
	fmt.Println(err)
	_, err = client.BuyNumber(ctx, nexmo.BuyNumberRequest{Country: "GB", MSISDN: n.MSISDN})
	fmt.Println(errors.Is(err, nexmo.ErrActionFailed))
	bal, _ := client.GetBalance(ctx)
	fmt.Println(bal.Value)
	// Output:
	// 120 441632960000 0.65 landline
	// <nil>
	// true
	// 9.35
}
