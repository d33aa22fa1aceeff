// Package nexmotest is a fake Nexmo for tests: an in-memory, concurrency-safe
// model of one Nexmo account (its balance, settings and inbound numbers) and
// a deterministic pool of numbers to buy, served over HTTP through the server
// stubs generated in generated/nexmo.
//
// In a test, NewServer starts the fake on 127.0.0.1 and hands back a ready
// client:
//
//	srv := nexmotest.NewServer(t)
//	bal, err := srv.Client.GetBalance(ctx)
//
// The command cmd/nexmo-fake serves the same fake as a process, and can keep
// its state in a file across restarts.
//
// # Rules the fake follows
//
// Money is counted in integer micro-euros (Micros), so balances never drift.
// Buying charges the number's cost; buying a number that is owned, unknown,
// or too dear for the balance fails with 420 "method failed". Cancelling
// returns the number to the pool with no refund (Nexmo bills a number for a
// month ahead and does not refund the rest). A top-up adds a fixed amount
// (Config.TopUpAmount, 10 EUR by default) for any non-empty trx. Settings
// callback URLs are checked with a GET that must answer 200, as Nexmo does.
//
// The invariants, which Check verifies, hold after every operation:
// balance = start + top-ups − costs of numbers bought; no number is owned
// twice; a number is never both owned and available.
package nexmotest
