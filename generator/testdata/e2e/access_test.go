// This file is copied, with the code generated from ../access.txtar, into
// a throwaway module by generator/freeform_e2e_test.go: readOnly and
// writeOnly through the generated client and server, over loopback.
package access_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"access.test/access"
)

// users stores a user and answers it with its readOnly properties set and
// its password left out.
type users struct {
	access.UnimplementedHandler
	got access.User
}

func (u *users) CreateUser(_ context.Context, in *access.CreateUserInput) (access.CreateUserResponse, error) {
	u.got = in.Body
	now := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	out := in.Body
	out.ID, out.Created, out.Password = "u1", &now, ""
	return access.CreateUser201Response{Body: out}, nil
}

func TestReadOnlyWriteOnly(t *testing.T) {
	u := &users{}
	srv := httptest.NewServer(access.NewServer(u, access.WithServerLogger(nil)))
	defer srv.Close()
	c, err := access.NewClient(access.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	// A request without the required readOnly id and created, with the
	// required writeOnly password; the answer has the readOnly ones and
	// no password.
	got, err := c.CreateUser(ctx, access.User{Name: "ann", Password: "longenough"})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "u1" || got.Created == nil || got.Password != "" || u.got.Password != "longenough" {
		t.Errorf("answer %+v, the server got %+v", got, u.got)
	}

	// The client refuses to send a readOnly property, and requires the
	// writeOnly password.
	for name, c2 := range map[string]struct {
		user access.User
		rule string
	}{
		"id set":      {access.User{ID: "x", Name: "ann", Password: "longenough"}, "readOnly"},
		"logins set":  {access.User{Logins: 3, Name: "ann", Password: "longenough"}, "readOnly"},
		"owner set":   {access.User{Owner: &access.UserOwner{}, Name: "ann", Password: "longenough"}, "readOnly"},
		"no password": {access.User{Name: "ann"}, "required"},
	} {
		_, err := c.CreateUser(ctx, c2.user)
		var ve *access.ValidationError
		if !errors.As(err, &ve) || ve.Rule != c2.rule {
			t.Errorf("%s: %v, want a %s failure", name, err, c2.rule)
		}
	}

	// The server refuses a request body that sets a readOnly property, as
	// kin-openapi's request validation does.
	for body, want := range map[string]int{
		`{"name":"ann","password":"longenough"}`:                                  201,
		`{"name":"ann","password":"longenough","id":"x"}`:                         400,
		`{"name":"ann","password":"longenough","id":""}`:                          400,
		`{"name":"ann","password":"longenough","logins":0}`:                       400,
		`{"name":"ann","password":"longenough","owner":{}}`:                       400,
		`{"name":"ann","password":"longenough","created":"2024-01-02T03:04:05Z"}`: 400,
		`{"name":"ann"}`: 400,
	} {
		resp, err := http.Post(srv.URL+"/users", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("POST %s: %d %s, want %d", body, resp.StatusCode, msg, want)
		}
	}

	// An answer without the required readOnly id is invalid; one without
	// the required writeOnly password is not.
	for answer, ok := range map[string]bool{
		`{"id":"u1","name":"ann","created":"2024-01-02T03:04:05Z"}`: true,
		`{"name":"ann","created":"2024-01-02T03:04:05Z"}`:           false,
		`{"id":"u1","name":"ann"}`:                                  false,
	} {
		fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(201)
			io.WriteString(w, answer)
		}))
		fc, err := access.NewClient(access.WithBaseURL(fake.URL))
		if err != nil {
			t.Fatal(err)
		}
		_, err = fc.CreateUser(ctx, access.User{Name: "ann", Password: "longenough"})
		fake.Close()
		if (err == nil) != ok || (err != nil && !errors.Is(err, access.ErrInvalidResponse)) {
			t.Errorf("answer %s: %v, want ok=%v", answer, err, ok)
		}
	}
}
