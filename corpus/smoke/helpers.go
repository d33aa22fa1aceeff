package smoke

// imports is the smoke test's import block.
const imports = `import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

`

// helpers is the fixed part of every smoke test: the recorder, the filler
// of minimal values and the comparison. It refers to the package's
// APIError (the client's error for an answer that is not a success).
const helpers = `
// smokeServe is the server under test. SMOKE_TAMPER_QUERY=name=value, set
// only by corpus/smoke's own test, overrides a query parameter on the way
// in, to prove that a disagreement fails.
func smokeServe(h http.Handler) http.Handler {
	name, value, ok := strings.Cut(os.Getenv("SMOKE_TAMPER_QUERY"), "=")
	if !ok {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Has(name) {
			q.Set(name, value)
			r.URL.RawQuery = q.Encode()
		}
		h.ServeHTTP(w, r)
	})
}

// smokeRecorder keeps what the handler received and what it answered.
type smokeRecorder struct {
	mu     sync.Mutex
	called bool
	in     any
	body   any
}

func (r *smokeRecorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.called, r.in, r.body = false, nil, nil
}

// answer records in and fills resp (a pointer to the response).
func (r *smokeRecorder) answer(in any, resp any) {
	v := reflect.ValueOf(resp).Elem()
	smokeFill(v, 0)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.called, r.in = true, in
	if f := v.FieldByName("Body"); f.IsValid() {
		r.body = f.Interface()
	}
}

var smokeTime = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// smokeFill sets every exported field of v, to depth 4: strings "smoke",
// numbers 1, true, an enum's first constant, one element per list and map
// (deeper, lists and maps are empty, not nil).
func smokeFill(v reflect.Value, depth int) {
	if e, ok := smokeEnums[v.Type()]; ok {
		v.Set(e)
		return
	}
	switch v.Type() {
	case reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(smokeTime))
		return
	case reflect.TypeFor[json.RawMessage]():
		v.Set(reflect.ValueOf(json.RawMessage("\"smoke\"")))
		return
	case reflect.TypeFor[xml.Name]():
		return
	case reflect.TypeFor[io.Reader]():
		// A streamed body: its bytes, read once.
		v.Set(reflect.ValueOf(io.Reader(strings.NewReader("smoke"))))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("smoke")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1)
	case reflect.Pointer:
		if depth < 4 {
			p := reflect.New(v.Type().Elem())
			smokeFill(p.Elem(), depth+1)
			v.Set(p)
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte("smoke"))
		} else if depth < 4 {
			s := reflect.MakeSlice(v.Type(), 1, 1)
			smokeFill(s.Index(0), depth+1)
			v.Set(s)
		} else {
			// Empty, not nil: a required array is [] on the wire,
			// where nil would be null.
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		}
	case reflect.Map:
		if depth < 4 {
			m := reflect.MakeMap(v.Type())
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			smokeFill(k, depth+1)
			smokeFill(e, depth+1)
			m.SetMapIndex(k, e)
			v.Set(m)
		} else {
			v.Set(reflect.MakeMap(v.Type()))
		}
	case reflect.Struct:
		if smokeOne(v, depth) {
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				smokeFill(v.Field(i), depth+1)
			}
		}
	case reflect.Interface:
		if v.NumMethod() == 0 {
			v.Set(reflect.ValueOf("smoke"))
		}
	}
}

// smokeOne fills what holds one value of several: a Nullable (its Value,
// set and not null) and a oneOf/anyOf union (its own JSON methods, one
// untagged pointer per variant: the first variant only, since a union with
// two set is invalid). It reports whether v was one of those.
func smokeOne(v reflect.Value, depth int) bool {
	t := v.Type()
	if strings.HasPrefix(t.Name(), "Nullable[") {
		smokeFill(v.FieldByName("Value"), depth+1)
		v.FieldByName("Set").SetBool(true)
		return true
	}
	if _, ok := reflect.PointerTo(t).MethodByName("UnmarshalJSON"); !ok || t.NumField() == 0 {
		return false
	}
	for i := range t.NumField() {
		if f := t.Field(i); f.Type.Kind() != reflect.Pointer || f.Tag != "" || !f.IsExported() {
			return false
		}
	}
	smokeFill(v.Field(0), depth)
	return true
}

// smokeArg is an argument the client sent and the input field it should
// arrive in ("" when no field of the input has its type).
type smokeArg struct {
	field string
	sent  any
}

// smokeCheck judges one call: the client's error, what the handler
// received against what was sent, and the decoded result against the body
// the handler answered.
func smokeCheck(t *testing.T, r *smokeRecorder, op string, err error, args []smokeArg, got any, hasBody bool) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	var apiErr *APIError
	switch {
	case err != nil && !r.called && !errors.As(err, &apiErr):
		smokeLine(t, op, "skip", "the client refused the minimal values: "+err.Error())
		return
	case err != nil && !r.called:
		smokeLine(t, op, "FAIL", "the server refused what the client sent: "+err.Error())
		return
	case err != nil:
		smokeLine(t, op, "FAIL", "the client failed on the server's answer: "+err.Error())
		return
	case !r.called:
		smokeLine(t, op, "FAIL", "the call succeeded but the handler was not called")
		return
	}
	in := reflect.ValueOf(r.in).Elem()
	for _, a := range args {
		if a.field == "" {
			continue
		}
		if _, stream := a.sent.(io.Reader); stream {
			continue // read by the server: its bytes are checked as they arrive
		}
		if d := smokeDiff(a.sent, in.FieldByName(a.field).Interface()); d != "" {
			smokeLine(t, op, "FAIL", "the server received another "+a.field+": "+d)
			return
		}
	}
	if body, ok := smokeStream(got); ok && hasBody {
		b, err := io.ReadAll(body)
		body.Close()
		if err != nil || string(b) != "smoke" {
			smokeLine(t, op, "FAIL", fmt.Sprintf("the client streamed another body: %q, %v", b, err))
			return
		}
	} else if got != nil && hasBody {
		if d := smokeDiff(r.body, got); d != "" {
			smokeLine(t, op, "FAIL", "the client decoded another body: "+d)
			return
		}
	}
	smokeLine(t, op, "ok", "")
}

// smokeStream is the Body of a streamed answer (a *Stream), if got is one.
func smokeStream(got any) (io.ReadCloser, bool) {
	v := reflect.ValueOf(got)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil, false
	}
	f := v.Elem().FieldByName("Body")
	if !f.IsValid() || f.Type() != reflect.TypeFor[io.ReadCloser]() || f.IsNil() {
		return nil, false
	}
	return f.Interface().(io.ReadCloser), true
}

// smokeDiff compares two values by their JSON encodings; "" when equal.
func smokeDiff(want, got any) string {
	a, errA := json.Marshal(want)
	b, errB := json.Marshal(got)
	if errA != nil || errB != nil {
		return fmt.Sprintf("cannot encode: %v, %v", errA, errB)
	}
	if string(a) == string(b) {
		return ""
	}
	return fmt.Sprintf("want %.300s, got %.300s", a, b)
}

// smokeLine prints one operation's outcome; FAIL fails the test.
func smokeLine(t *testing.T, op, status, detail string) {
	t.Helper()
	t.Logf("SMOKE %s %s %s", op, status, detail)
	if status == "FAIL" {
		t.Fail()
	}
}
`
