package runtime

import (
	"strings"
	"testing"
)

// TestServerVariables: WithServerVariable fills the server URL, refuses a
// value outside its enum and an unknown name; WithBaseURL replaces every
// server, operations' own included.
func TestServerVariables(t *testing.T) {
	c, err := NewClient("key", "secret")
	if err != nil || c.baseURL != DefaultBaseURL {
		t.Fatalf("default: %q, %v", c.baseURL, err)
	}
	c, err = NewClient("key", "secret", WithServerVariable("region", "eu"))
	if err != nil || c.baseURL != "https://eu.example.com" {
		t.Fatalf("region eu: %q, %v", c.baseURL, err)
	}
	// An operation's own server takes the same variables.
	if got, err := c.base(&request{server: "https://{region}.uploads.example.com/v2"}); err != nil || got != "https://eu.uploads.example.com/v2" {
		t.Errorf("operation server: %q, %v", got, err)
	}
	if got, _ := c.base(&request{}); got != "https://eu.example.com" {
		t.Errorf("operation without a server: %q", got)
	}
	for _, opt := range []Option{WithServerVariable("region", "mars"), WithServerVariable("zone", "a")} {
		if _, err := NewClient("key", "secret", opt); err == nil || !strings.Contains(err.Error(), "WithServerVariable") {
			t.Errorf("accepted: %v", err)
		}
	}
	c, err = NewClient("key", "secret", WithServerVariable("region", "eu"), WithBaseURL("http://127.0.0.1:9"))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := c.base(&request{server: "https://{region}.uploads.example.com"}); got != "http://127.0.0.1:9" {
		t.Errorf("WithBaseURL did not replace the operation's server: %q", got)
	}
}

// TestServerVariableMakesNoURL: a value that leaves no absolute URL is
// refused.
func TestServerVariableMakesNoURL(t *testing.T) {
	c := &Client{serverVars: map[string]string{"region": "eu"}}
	if _, err := c.expand("{region}/relative"); err == nil {
		t.Error("a relative URL was accepted")
	}
}
