// This file is copied, with the code generated from ../xml_unions.txtar, into
// a throwaway module by generator/xml_media_e2e_test.go: oneOf and anyOf
// values travel between the generated client and server over loopback in
// XML (and JSON), decided as the JSON ones are.
package unions_test

import (
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"unions.test/unions"
)

// shop echoes pets and boxes, answers a result by its id and a note set
// by the test; it keeps the last body it bound.
type shop struct {
	unions.UnimplementedHandler
	mu   sync.Mutex
	got  any
	note unions.Note
}

func (s *shop) AddPet(_ context.Context, in *unions.AddPetInput) (unions.AddPetResponse, error) {
	s.keep(in.Body)
	return unions.AddPet200Response{Body: in.Body}, nil
}

func (s *shop) PutBox(_ context.Context, in *unions.PutBoxInput) (unions.PutBoxResponse, error) {
	s.keep(in.Body)
	return unions.PutBox200Response{Body: in.Body}, nil
}

func (s *shop) GetResult(_ context.Context, in *unions.GetResultInput) (unions.GetResultResponse, error) {
	if in.Params.ID == "ok" {
		return unions.GetResult200Response{Body: unions.GetResult200responseBody{Accepted: &unions.Accepted{RequestID: "r1", Status: "0"}}}, nil
	}
	return unions.GetResult200Response{Body: unions.GetResult200responseBody{Rejected: &unions.Rejected{Status: "3", ErrorText: "invalid " + in.Params.ID}}}, nil
}

func (s *shop) GetNote(context.Context, *unions.GetNoteInput) (unions.GetNoteResponse, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return unions.GetNote200Response{Body: s.note}, nil
}

func (s *shop) keep(v any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got = v
}

func serve(t *testing.T) (*shop, *httptest.Server) {
	h := &shop{}
	srv := httptest.NewServer(unions.NewServer(h, unions.WithServerLogger(nil)))
	t.Cleanup(srv.Close)
	return h, srv
}

func client(t *testing.T, url string, asXML bool) *unions.Client {
	opts := []unions.Option{unions.WithBaseURL(url)}
	if asXML {
		opts = append(opts, unions.WithXML(), unions.WithBodyMedia("application/xml"))
	}
	c, err := unions.NewClient(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// noNames clears the XMLName fields the decoder fills, to compare values.
func noNames(p unions.Pet) unions.Pet {
	if p.Cat != nil {
		c := *p.Cat
		c.XMLName = xml.Name{}
		p.Cat = &c
	}
	if p.Dog != nil {
		d := *p.Dog
		d.XMLName = xml.Name{}
		p.Dog = &d
	}
	return p
}

// TestXMLUnionPets: each variant of a discriminated union goes both ways
// in JSON and XML, and comes back the variant it was.
func TestXMLUnionPets(t *testing.T) {
	for _, asXML := range []bool{false, true} {
		h, srv := serve(t)
		c := client(t, srv.URL, asXML)
		for _, pet := range []unions.Pet{
			{Cat: &unions.Cat{PetType: "cat", Lives: 7}},
			{Dog: &unions.Dog{PetType: "dog", Bark: "woof"}},
		} {
			got, err := c.AddPet(context.Background(), pet)
			if err != nil {
				t.Fatalf("xml=%v %+v: %v", asXML, pet, err)
			}
			if !reflect.DeepEqual(noNames(*got), pet) || !reflect.DeepEqual(noNames(h.got.(unions.Pet)), pet) {
				t.Errorf("xml=%v: sent %+v, server bound %+v, client got %+v", asXML, pet, h.got, got)
			}
		}
	}
}

// TestXMLUnionWire: the discriminator is read from an attribute or a child
// element; each variant is written as its own root element; what no
// variant reads is a 400.
func TestXMLUnionWire(t *testing.T) {
	_, srv := serve(t)
	for _, c := range []struct {
		path, body string
		status     int
		want       string
	}{
		{"/pets", `<cat petType="cat"><lives>3</lives></cat>`, 200, `<cat petType="cat"><lives>3</lives></cat>`},
		{"/pets", `<dog><petType>dog</petType><bark>w</bark></dog>`, 200, `<dog><petType>dog</petType><bark>w</bark></dog>`},
		{"/pets", `<cat petType="bird"><lives>3</lives></cat>`, 400, ""},
		{"/pets", `<dog><petType>dog</petType></dog>`, 400, ""},
		{"/pets", `<cat petType="cat"><lives>30</lives></cat>`, 400, ""},
		{"/pets", `<cat><lives>3</lives></cat>`, 400, ""},
		{"/boxes", `<box><content>plain</content><size>2</size></box>`, 200, `<box><content>plain</content><size>2</size></box>`},
		{"/boxes", `<box><content><label>l</label></content></box>`, 200, `<box><content><label>l</label></content></box>`},
		{"/boxes", `<box><content><other>l</other></content></box>`, 400, ""},
	} {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+c.path, strings.NewReader(c.body))
		req.Header.Set("Content-Type", "application/xml")
		req.Header.Set("Accept", "application/xml")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || !strings.Contains(string(b), c.want) {
			t.Errorf("%s: %d %s, want %d with %q", c.body, resp.StatusCode, b, c.status, c.want)
		}
	}
}

// TestXMLUnionResults: a oneOf under one root element is told apart by
// the variants' required elements (Vonage Verify's answers), in text/xml
// as in JSON; an element that both read is no oneOf value.
func TestXMLUnionResults(t *testing.T) {
	for _, asXML := range []bool{false, true} {
		_, srv := serve(t)
		c := client(t, srv.URL, asXML)
		ok, err := c.GetResult(context.Background(), unions.GetResultParams{ID: "ok"})
		if err != nil || ok.Accepted == nil || ok.Accepted.RequestID != "r1" || ok.Rejected != nil {
			t.Errorf("xml=%v: ok: %+v, %v", asXML, ok, err)
		}
		bad, err := c.GetResult(context.Background(), unions.GetResultParams{ID: "x"})
		if err != nil || bad.Rejected == nil || bad.Rejected.ErrorText != "invalid x" || bad.Accepted != nil {
			t.Errorf("xml=%v: rejected: %+v, %v", asXML, bad, err)
		}
	}
	both := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml")
		_, _ = io.WriteString(w, `<verify_response><request_id>r</request_id><error_text>e</error_text></verify_response>`)
	}))
	defer both.Close()
	if got, err := client(t, both.URL, true).GetResult(context.Background(), unions.GetResultParams{ID: "x"}); err == nil || !strings.Contains(err.Error(), "more than one") {
		t.Errorf("an answer both variants read: %+v, %v", got, err)
	}
}

// TestXMLUnionNote: an anyOf as a whole body: an object variant and a
// string, both under the union's element.
func TestXMLUnionNote(t *testing.T) {
	for _, asXML := range []bool{false, true} {
		h, srv := serve(t)
		c := client(t, srv.URL, asXML)
		text := "hello"
		for _, note := range []unions.Note{{Memo: &unions.Memo{Label: "m"}}, {String: &text}} {
			h.mu.Lock()
			h.note = note
			h.mu.Unlock()
			got, err := c.GetNote(context.Background())
			if err != nil {
				t.Fatalf("xml=%v: %v", asXML, err)
			}
			if got.Memo != nil {
				got.Memo.XMLName = xml.Name{}
			}
			if !reflect.DeepEqual(*got, note) {
				t.Errorf("xml=%v: got %+v, want %+v", asXML, got, note)
			}
		}
	}
	b, err := xml.Marshal(unions.Note{String: new(string)})
	if err != nil || string(b) != `<note></note>` {
		t.Errorf("an empty string note: %s %v", b, err)
	}
	b, err = xml.Marshal(&unions.Note{Memo: &unions.Memo{Label: "x"}})
	if err != nil || string(b) != `<note><label>x</label></note>` {
		t.Errorf("a memo note: %s %v", b, err)
	}
	if _, err := xml.Marshal(unions.Note{}); err == nil {
		t.Error("a note with no variant set was written")
	}
}
