// This file is copied, with the code generated from
// ../cookie_params.txtar, into a throwaway module by
// generator/cookie_params_e2e_test.go: cookie parameters between the
// generated client and server over loopback.
package cookies_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"cookies.test/cookies"
)

type profiles struct{}

func (profiles) GetProfile(_ context.Context, in *cookies.GetProfileInput) (cookies.GetProfileResponse, error) {
	return cookies.GetProfile200Response{Body: cookies.GetProfile200responseBody{
		Session: in.Params.Session, Theme: string(in.Params.Theme), Size: in.Params.Size,
	}}, nil
}

// sent records the Cookie header of the last request.
type sent struct {
	mu     sync.Mutex
	cookie string
	next   http.Handler
}

func (s *sent) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.cookie = r.Header.Get("Cookie")
	s.mu.Unlock()
	s.next.ServeHTTP(w, r)
}

func (s *sent) last() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cookie
}

func setup(t *testing.T) (*cookies.Client, *sent, string) {
	t.Helper()
	s := &sent{next: cookies.NewServer(profiles{})}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	c, err := cookies.NewClient(cookies.WithBaseURL(srv.URL), cookies.WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	return c, s, srv.URL
}

func TestCookiesClientAgainstServer(t *testing.T) {
	c, s, _ := setup(t)
	got, err := c.GetProfile(context.Background(), cookies.GetProfileParams{Session: "a b;c", Theme: cookies.GetProfileParamsThemeDark, Size: 3})
	if err != nil {
		t.Fatal(err)
	}
	if got.Session != "a b;c" || got.Theme != "dark" || got.Size != 3 {
		t.Errorf("bound %+v", got)
	}
	if want := "session=a%20b%3Bc; size=3; theme=dark"; s.last() != want {
		t.Errorf("Cookie %q, want %q", s.last(), want)
	}
	// The default applies to an absent cookie; an optional one is left out.
	got, err = c.GetProfile(context.Background(), cookies.GetProfileParams{Session: "abc"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Size != 10 || got.Theme != "" {
		t.Errorf("bound %+v", got)
	}
	if want := "session=abc; size=10"; s.last() != want {
		t.Errorf("Cookie %q, want %q", s.last(), want)
	}
	// The client validates before sending.
	if _, err := c.GetProfile(context.Background(), cookies.GetProfileParams{Session: "ab"}); err == nil || !strings.Contains(err.Error(), "session") {
		t.Errorf("short session: %v", err)
	}
}

func TestCookiesServer(t *testing.T) {
	_, _, base := setup(t)
	for _, tc := range []struct {
		cookie string
		status int
		in     string
	}{
		{"session=abc; theme=light; size=2", 200, `"theme":"light"`},
		{"", 400, `session`},
		{"session=ab", 400, `session`},
		{"session=abc; size=0", 400, `size`},
		{"session=abc; size=x", 400, `size`},
		{"session=abc; session=abd", 400, `twice`},
		{"session=abc; session=abc", 200, `"session":"abc"`},
	} {
		req, err := http.NewRequest("GET", base+"/profile", nil)
		if err != nil {
			t.Fatal(err)
		}
		if tc.cookie != "" {
			req.Header.Set("Cookie", tc.cookie)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.in) {
			t.Errorf("Cookie %q: %d %s, want %d with %s", tc.cookie, resp.StatusCode, b, tc.status, tc.in)
		}
	}
}
