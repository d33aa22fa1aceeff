// This file is copied, with the code generated from ../formats.txtar, into
// a throwaway module by generator/subset_e2e_test.go: date-times, dates and
// bytes go through JSON, XML, path, query and header between the generated
// client and server over loopback; the format checks hold on both sides.
package formats_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"formats.test/formats"
)

// events echoes what it is sent and keeps the parameters it bound.
type events struct {
	formats.UnimplementedHandler
	mu     sync.Mutex
	params formats.PostEventParams
}

func (e *events) PostEvent(_ context.Context, in *formats.PostEventInput) (formats.PostEventResponse, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.params = in.Params
	return formats.PostEvent200Response{Body: in.Body}, nil
}

func (e *events) GetSlot(_ context.Context, in *formats.GetSlotInput) (formats.GetSlotResponse, error) {
	starts := time.Date(in.Params.Day.Year, in.Params.Day.Month, in.Params.Day.Day, 9, 30, 0, 0, time.UTC)
	return formats.GetSlot200Response{Body: formats.Slot{Day: in.Params.Day, Starts: &starts, Label: "morning"}}, nil
}

func serve(t *testing.T) (*events, *httptest.Server) {
	h := &events{}
	srv := httptest.NewServer(formats.NewServer(h, formats.WithServerLogger(nil)))
	t.Cleanup(srv.Close)
	return h, srv
}

func TestFormatsEndToEnd(t *testing.T) {
	h, srv := serve(t)
	c, err := formats.NewClient(formats.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	at := time.Date(2024, 2, 29, 23, 59, 58, 123456789, time.FixedZone("", 5*3600+30*60))
	day := formats.Date{Year: 2024, Month: time.February, Day: 29}
	ref := "123e4567-e89b-12d3-a456-426614174000"
	params := formats.PostEventParams{Day: day, Since: at, At: []time.Time{at, at.Add(time.Hour)}, XToken: []byte{0, 1, 254, 255}, Ref: ref}
	sent := formats.Event{ID: ref, At: at, Day: &day, Payload: []byte("hello\x00"), Blob: []byte{0xff},
		Contact: "a@example.com", Host: "api.example.com", Site: "https://example.com/a%20b", V4: "192.0.2.1", V6: "2001:db8::1",
		Opens: "08:30:00Z", Lasts: "P1DT2H", Color: "not checked", Related: []string{ref}, History: []time.Time{at}}
	got, err := c.PostEvent(ctx, params, sent)
	if err != nil {
		t.Fatalf("PostEvent: %v", err)
	}
	if !eventsEqual(*got, sent) {
		t.Errorf("PostEvent echoed\n%+v\nwant\n%+v", *got, sent)
	}
	p := h.params
	if p.Day != day || !p.Since.Equal(at) || len(p.At) != 2 || !p.At[1].Equal(at.Add(time.Hour)) || !bytes.Equal(p.XToken, params.XToken) || p.Ref != ref {
		t.Errorf("the server bound %+v", p)
	}

	// The validators check the formats before anything is sent.
	for name, bad := range map[string]formats.Event{
		"uuid":     {ID: "nope", At: at},
		"email":    {ID: ref, At: at, Contact: "no-at-sign"},
		"hostname": {ID: ref, At: at, Host: "-not.a.host"},
		"uri":      {ID: ref, At: at, Site: "no scheme"},
		"ipv4":     {ID: ref, At: at, V4: "2001:db8::1"},
		"ipv6":     {ID: ref, At: at, V6: "192.0.2.1"},
		"time":     {ID: ref, At: at, Opens: "25:00:00"},
		"duration": {ID: ref, At: at, Lasts: "P"},
	} {
		_, err := c.PostEvent(ctx, formats.PostEventParams{Day: day}, bad)
		var ve *formats.ValidationError
		if !errors.As(err, &ve) || (ve.Rule != name && ve.Limit != name) {
			t.Errorf("%s: %v, want a ValidationError of %s", name, err, name)
		}
	}

	// A required date-time at Go's zero is the instant
	// 0001-01-01T00:00:00Z, a value (kin-openapi takes it): the client
	// sends it and the server, which knows the key is there, takes it; a
	// body without the key is refused (TestFormatsRefusedOnTheWire).
	if got, err := c.PostEvent(ctx, formats.PostEventParams{Day: day}, formats.Event{ID: ref}); err != nil || !got.At.IsZero() {
		t.Errorf("a zero date-time: %+v, %v", got, err)
	}

	// A date path parameter, JSON and XML answers.
	slot, err := c.GetSlot(ctx, formats.GetSlotParams{Day: day})
	if err != nil || slot.Day != day || slot.Starts == nil || slot.Starts.Hour() != 9 {
		t.Fatalf("GetSlot: %+v, %v", slot, err)
	}
	x, err := formats.NewClient(formats.WithBaseURL(srv.URL), formats.WithXML())
	if err != nil {
		t.Fatal(err)
	}
	if slot, err := x.GetSlot(ctx, formats.GetSlotParams{Day: day}); err != nil || slot.Day != day || !slot.Starts.Equal(time.Date(2024, 2, 29, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("GetSlot in XML: %+v, %v", slot, err)
	}
	body := get(t, srv.URL+"/slots/2024-02-29", "application/xml", http.StatusOK)
	if !strings.Contains(body, "<day>2024-02-29</day>") || !strings.Contains(body, "<starts>2024-02-29T09:30:00Z</starts>") {
		t.Errorf("XML slot: %s", body)
	}
	body = get(t, srv.URL+"/slots/2024-02-29", "application/json", http.StatusOK)
	if !strings.Contains(body, `"day":"2024-02-29"`) || !strings.Contains(body, `"starts":"2024-02-29T09:30:00Z"`) {
		t.Errorf("JSON slot: %s", body)
	}
}

// TestFormatsRefusedOnTheWire: the server names the value a format's
// parser refused, in parameters and in a JSON body.
func TestFormatsRefusedOnTheWire(t *testing.T) {
	_, srv := serve(t)
	for _, c := range []struct{ url, body, want string }{
		{"/slots/2023-02-29", "", `path parameter "day": "2023-02-29" is not a date`},
		{"/events/2024-01-01?since=yesterday", `{}`, `query parameter "since": "yesterday" is not an RFC 3339 date-time`},
		{"/events/2024-01-01", `{"id":"123e4567-e89b-12d3-a456-426614174000","at":"2024-13-01T00:00:00Z"}`, `2024-13-01T00:00:00Z`},
		{"/events/2024-01-01", `{"id":"123e4567-e89b-12d3-a456-426614174000"}`, `body field "at": is required`},
		{"/events/2024-01-01", `{"id":"123e4567-e89b-12d3-a456-426614174000","at":"2024-01-01T00:00:00Z","day":"01/02/2024"}`, `"01/02/2024" is not a date`},
		{"/events/2024-01-01", `{"id":"123e4567-e89b-12d3-a456-426614174000","at":"2024-01-01T00:00:00Z","payload":"!!"}`, `illegal base64`},
	} {
		method, rd := http.MethodGet, io.Reader(nil)
		if c.body != "" {
			method, rd = http.MethodPost, strings.NewReader(c.body)
		}
		req, _ := http.NewRequest(method, srv.URL+c.url, rd)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var answer struct{ Message string }
		_ = json.Unmarshal(b, &answer)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(answer.Message, c.want) {
			t.Errorf("%s %s: %d %s, want 400 naming %s", method, c.url, resp.StatusCode, b, c.want)
		}
	}
}

// TestFormatsJSONRoundTrip: decode(encode(v)) == v for random events (a
// date-time equal as an instant, in any zone, to the nanosecond).
func TestFormatsJSONRoundTrip(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		v := randomEvent(r)
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var back formats.Event
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if !eventsEqual(back, v) {
			t.Fatalf("round trip of %s gave %+v", b, back)
		}
		if again, _ := json.Marshal(back); !bytes.Equal(again, b) {
			t.Fatalf("re-encoded %s as %s", b, again)
		}
	}
}

func randomEvent(r *rand.Rand) formats.Event {
	tm := func() time.Time {
		zone := time.FixedZone("", (r.Intn(48)-24)*30*60)
		return time.Unix(r.Int63n(1<<35)-1<<34, r.Int63n(1e9)).In(zone)
	}
	bs := func() []byte {
		if r.Intn(4) == 0 {
			return nil
		}
		b := make([]byte, r.Intn(20))
		r.Read(b)
		return b
	}
	v := formats.Event{ID: "123e4567-e89b-12d3-a456-426614174000", At: tm(), Payload: bs(), Blob: bs()}
	if r.Intn(2) == 0 {
		d := formats.DateOf(tm())
		v.Day = &d
	}
	for range r.Intn(3) {
		v.History = append(v.History, tm())
	}
	return v
}

// eventsEqual compares events, date-times as instants.
func eventsEqual(a, b formats.Event) bool {
	if !a.At.Equal(b.At) || len(a.History) != len(b.History) {
		return false
	}
	for i := range a.History {
		if !a.History[i].Equal(b.History[i]) {
			return false
		}
	}
	a.At, b.At, a.History, b.History = time.Time{}, time.Time{}, nil, nil
	if len(a.Payload) == 0 && len(b.Payload) == 0 {
		a.Payload, b.Payload = nil, nil
	}
	if len(a.Blob) == 0 && len(b.Blob) == 0 {
		a.Blob, b.Blob = nil, nil
	}
	return reflect.DeepEqual(a, b)
}

func get(t *testing.T, url, accept string, status int) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Accept", accept)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	return string(b)
}
