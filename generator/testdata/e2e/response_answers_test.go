// This file is copied, with the code generated from ../response_answers.txtar,
// into a throwaway module by generator/responses_e2e_test.go: the generated
// client against the generated server over loopback, for 2xx statuses
// declared without a body and failures declared with a typed body.
package answers_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"answers.test/answers"
)

// pets answers each operation by the id or name it is given.
type pets struct{}

func (pets) GetPet(_ context.Context, in *answers.GetPetInput) (answers.GetPetResponse, error) {
	switch in.Params.ID {
	case "rex":
		return answers.GetPet200Response{Body: answers.Pet{Name: "Rex"}}, nil
	case "none":
		return answers.GetPet204Response{}, nil
	case "lost":
		return answers.GetPet404Response{Body: answers.NotFound{ID: "lost", Hint: "try the shelter"}}, nil
	case "banned":
		return answers.GetPet4XXResponse{Status: http.StatusForbidden, Body: answers.Problem{Title: "banned", Status: 403}}, nil
	case "teapot":
		return answers.GetPet4XXResponse{Status: http.StatusTeapot, Body: answers.Problem{Title: "a teapot"}}, nil
	case "broken":
		return answers.GetPetDefaultResponse{Status: http.StatusBadGateway, Body: answers.Failure{Message: "upstream", Retry: true}}, nil
	}
	return nil, errors.New("unknown pet")
}

func (pets) DeletePet(_ context.Context, in *answers.DeletePetInput) (answers.DeletePetResponse, error) {
	if in.Params.ID == "busy" {
		return answers.DeletePet409Response{Body: "still walking"}, nil
	}
	return answers.DeletePet204Response{}, nil
}

func (pets) ListPets(_ context.Context, _ *answers.ListPetsInput) (answers.ListPetsResponse, error) {
	return answers.ListPets2XXResponse{Status: http.StatusAccepted}, nil
}

func (pets) CountPets(_ context.Context, _ *answers.CountPetsInput) (answers.CountPetsResponse, error) {
	return answers.CountPets204Response{}, nil
}

func (pets) GetFile(_ context.Context, in *answers.GetFileInput) (answers.GetFileResponse, error) {
	if in.Params.Name == "empty" {
		return answers.GetFile204Response{}, nil
	}
	return answers.GetFile200Response{Body: strings.NewReader("bytes of " + in.Params.Name)}, nil
}

func newClient(t *testing.T, h http.Handler) *answers.Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := answers.NewClient(answers.WithBaseURL(srv.URL), answers.WithHTTPClient(srv.Client()),
		answers.WithRetryPolicy(answers.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestEmptySuccess: a 2xx declared without a body succeeds with no value,
// and WithResponse tells the status; the success with a body still
// decodes.
func TestEmptySuccess(t *testing.T) {
	c := newClient(t, answers.NewServer(pets{}))
	ctx := context.Background()
	var meta answers.ResponseMeta
	pet, err := c.GetPet(ctx, answers.GetPetParams{ID: "rex"}, answers.WithResponse(&meta))
	if err != nil || pet == nil || pet.Name != "Rex" || meta.StatusCode != 200 {
		t.Fatalf("GetPet(rex) = %+v, %v (status %d)", pet, err, meta.StatusCode)
	}
	pet, err = c.GetPet(ctx, answers.GetPetParams{ID: "none"}, answers.WithResponse(&meta))
	if err != nil || pet != nil || meta.StatusCode != 204 {
		t.Fatalf("GetPet(none) = %+v, %v (status %d), want nil, nil (204)", pet, err, meta.StatusCode)
	}
	list, err := c.ListPets(ctx, answers.WithResponse(&meta))
	if err != nil || list != nil || meta.StatusCode != 202 {
		t.Fatalf("ListPets = %v, %v (status %d), want nil, nil (202 of 2XX)", list, err, meta.StatusCode)
	}
	n, err := c.CountPets(ctx, answers.WithResponse(&meta))
	if err != nil || n != 0 || meta.StatusCode != 204 {
		t.Fatalf("CountPets = %d, %v (status %d), want 0, nil (204)", n, err, meta.StatusCode)
	}
	if err := c.DeletePet(ctx, answers.DeletePetParams{ID: "rex"}); err != nil {
		t.Fatalf("DeletePet(rex) = %v", err)
	}
	s, err := c.GetFile(ctx, answers.GetFileParams{Name: "empty"}, answers.WithResponse(&meta))
	if err != nil || s != nil || meta.StatusCode != 204 {
		t.Fatalf("GetFile(empty) = %+v, %v (status %d), want nil, nil (204)", s, err, meta.StatusCode)
	}
	s, err = c.GetFile(ctx, answers.GetFileParams{Name: "a"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(s.Body)
	s.Body.Close()
	if err != nil || string(b) != "bytes of a" {
		t.Fatalf("GetFile(a) read %q, %v", b, err)
	}
}

// TestEmptySuccessWithBody: a declared body-less 2xx that carries bytes
// anyway still succeeds with no value.
func TestEmptySuccessWithBody(t *testing.T) {
	c := newClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusAccepted)
		io.WriteString(w, `{"unexpected": true}`)
	}))
	list, err := c.ListPets(context.Background())
	if err != nil || list != nil {
		t.Fatalf("ListPets = %v, %v, want nil, nil", list, err)
	}
}

// TestTypedErrors: each declared failure's body is reachable with
// errors.As, by exact status, range and default, in JSON, problem+json,
// XML and text; the classes and *APIError keep working.
func TestTypedErrors(t *testing.T) {
	c := newClient(t, answers.NewServer(pets{}))
	ctx := context.Background()

	_, err := c.GetPet(ctx, answers.GetPetParams{ID: "lost"})
	var nf *answers.TypedError[answers.NotFound]
	if !errors.As(err, &nf) || nf.Value.ID != "lost" || nf.Value.Hint != "try the shelter" || nf.StatusCode != 404 {
		t.Fatalf("GetPet(lost): %v (%T), want a *TypedError[NotFound]", err, err)
	}
	var ae *answers.APIError
	if !errors.As(err, &ae) || ae.StatusCode != 404 || !strings.Contains(string(ae.Body), "shelter") {
		t.Fatalf("GetPet(lost): no *APIError with the raw body in %v", err)
	}
	if !strings.Contains(err.Error(), "HTTP 404") {
		t.Fatalf("GetPet(lost): message %q", err)
	}

	_, err = c.GetPet(ctx, answers.GetPetParams{ID: "banned"})
	var pr *answers.TypedError[answers.Problem]
	if !errors.As(err, &pr) || pr.Value.Title != "banned" || pr.StatusCode != 403 {
		t.Fatalf("GetPet(banned): %v (%T), want a *TypedError[Problem] of 4XX", err, err)
	}
	if !errors.Is(err, answers.ErrAuthentication) {
		t.Fatalf("GetPet(banned): %v does not match ErrAuthentication", err)
	}
	if errors.As(err, &nf) {
		t.Fatalf("GetPet(banned): %v matches *TypedError[NotFound]", err)
	}
	_, err = c.GetPet(ctx, answers.GetPetParams{ID: "teapot"})
	if !errors.As(err, &pr) || pr.Value.Title != "a teapot" || pr.StatusCode != 418 {
		t.Fatalf("GetPet(teapot): %v (%T)", err, err)
	}

	_, err = c.GetPet(ctx, answers.GetPetParams{ID: "broken"})
	var fl *answers.TypedError[answers.Failure]
	if !errors.As(err, &fl) || fl.Value.Message != "upstream" || !fl.Value.Retry || fl.StatusCode != 502 {
		t.Fatalf("GetPet(broken): %v (%T), want a *TypedError[Failure] of default", err, err)
	}
	if !errors.Is(err, answers.ErrServer) {
		t.Fatalf("GetPet(broken): %v does not match ErrServer", err)
	}

	// The handler's own failure answers 500 with the server's error body,
	// which the spec's default declares as Failure: it decodes as one.
	_, err = c.GetPet(ctx, answers.GetPetParams{ID: "unknown"})
	if !errors.As(err, &ae) || ae.StatusCode != 500 {
		t.Fatalf("GetPet(unknown): %v", err)
	}

	err = c.DeletePet(ctx, answers.DeletePetParams{ID: "busy"})
	var txt *answers.TypedError[string]
	if !errors.As(err, &txt) || txt.Value != "still walking" || txt.StatusCode != 409 {
		t.Fatalf("DeletePet(busy): %v (%T), want a *TypedError[string]", err, err)
	}
	if !errors.Is(err, answers.ErrActionFailed) {
		t.Fatalf("DeletePet(busy): %v does not match ErrActionFailed", err)
	}
}

// TestTypedErrorXML: a failure declared in XML decodes from XML.
func TestTypedErrorXML(t *testing.T) {
	c := newClient(t, answers.NewServer(down{}))
	_, err := c.ListPets(context.Background())
	var pr *answers.TypedError[answers.Problem]
	if !errors.As(err, &pr) || pr.Value.Title != "maintenance" || pr.StatusCode != 503 {
		t.Fatalf("ListPets: %v (%T), want a *TypedError[Problem] from XML", err, err)
	}
}

// down answers ListPets with its declared 503.
type down struct{ pets }

func (down) ListPets(_ context.Context, _ *answers.ListPetsInput) (answers.ListPetsResponse, error) {
	return answers.ListPets503Response{Body: answers.Problem{Title: "maintenance", Status: 503}}, nil
}

// TestUndecodableFailure: a failure whose body is not what the spec
// declares (an HTML page from a proxy) stays a plain *APIError.
func TestUndecodableFailure(t *testing.T) {
	c := newClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, "<html>not here</html>")
	}))
	_, err := c.GetPet(context.Background(), answers.GetPetParams{ID: "lost"})
	var nf *answers.TypedError[answers.NotFound]
	var ae *answers.APIError
	if errors.As(err, &nf) || !errors.As(err, &ae) || ae.StatusCode != 404 || string(ae.Body) != "<html>not here</html>" {
		t.Fatalf("GetPet: %v (%T), want a plain *APIError", err, err)
	}
}
