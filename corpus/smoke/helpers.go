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

// helpers is the fixed part of every smoke test beside the filler: the
// recorder and the comparison. It refers to the package's
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
	unfit  string // why the filler could not make the answer valid ("" when it could)
}

func (r *smokeRecorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.called, r.in, r.body, r.unfit = false, nil, nil, ""
}

// answer records in and fills resp (a pointer to the response).
func (r *smokeRecorder) answer(in any, resp any) {
	v := reflect.ValueOf(resp).Elem()
	unfit := smokeFillAnswer(v)
	smokeDrain(reflect.ValueOf(in))
	r.mu.Lock()
	defer r.mu.Unlock()
	r.called, r.in, r.unfit = true, in, unfit
	if f := v.FieldByName("Body"); f.IsValid() {
		r.body = f.Interface()
	}
}

// smokeDrain replaces every stream of v (the handler's input) by a
// smokeReader of its bytes, read while the handler runs, so the input
// compares with what the client sent.
func smokeDrain(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			smokeDrain(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				smokeDrain(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			smokeDrain(v.Index(i))
		}
	case reflect.Interface:
		r, ok := v.Interface().(io.Reader)
		if !ok || v.IsNil() || !v.CanSet() {
			return
		}
		b, _ := io.ReadAll(r)
		if s := reflect.ValueOf(&smokeReader{Data: string(b)}); s.Type().AssignableTo(v.Type()) {
			v.Set(s)
		}
	}
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
	case err != nil && r.unfit != "":
		smokeLine(t, op, "skip", "the answer: "+r.unfit+": "+err.Error())
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

// fillerImports are the imports of the filler on its own (FillerSource).
const fillerImports = `import (
	"encoding/json"
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"time"
)

`

// filler makes the minimal values, within the spec's rules (the tables
// writeHints prints): the smoke test's and, through FillerSource, the
// interop suite's (bench/interop), so that both drive an operation with the
// same values.
const filler = `
var smokeTime = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// smokeValue, smokeHint and smokeUnion are the spec's rules as
// corpus/smoke/hints.go reads them from the IR: a value that meets a
// scalar's rules, what a field needs, how a union's variants differ.
type smokeValue struct {
	Str    string
	HasStr bool
	Num    float64
	HasNum bool
}

type smokeHint struct {
	Wire                          string
	Required, ReadOnly, WriteOnly bool
	MinItems                      int
	Value, Item                   smokeValue
}

type smokeUnion struct {
	Disc   string
	Values []string
}

// smokeReader is the filler's stream, and what the recorder turns a
// received stream into: its JSON is its bytes, so a file part compares.
type smokeReader struct {
	Data string
	off  int
}

func (r *smokeReader) Read(p []byte) (int, error) {
	if r.off >= len(r.Data) {
		return 0, io.EOF
	}
	n := copy(p, r.Data[r.off:])
	r.off += n
	return n, nil
}

func (r *smokeReader) Close() error { return nil }

// smokeFiller makes minimal valid values: every field set (strings
// "smoke", numbers 1, true, an enum's first constant, one element per
// list and map; deeper than 4, only required fields and arrays of
// minItems; deeper than 16, only arrays of minItems and unions; deeper
// than smokeStop, nothing),
// moved within the spec's rules (smokeHints). A request leaves readOnly
// fields zero, a response writeOnly ones; minimal sets required fields
// only (a union's second try).
type smokeFiller struct {
	request, minimal bool
	// unfit, when set, receives why the filler could not make the value
	// valid: the first union of which no try was valid, or the depth
	// stop.
	unfit *string
}

// smokeStop is the filler's hard stop: deeper, it fills nothing. Only a
// value of a type that has no finite valid value gets there (a required
// array of at least one item of its own type, a union that must hold
// itself): the value is left invalid, and the operation is a skip that
// says so, rather than a filler that never ends.
const smokeStop = 32

// smokeFill fills a request's argument.
func smokeFill(v reflect.Value, depth int) {
	smokeFiller{request: true}.fill(v, depth, smokeHint{MinItems: -1})
}

// smokeFillAnswer fills a response, and returns why the filler could not
// make it valid ("" when it could).
func smokeFillAnswer(v reflect.Value) string {
	var unfit string
	smokeFiller{unfit: &unfit}.fill(v, 0, smokeHint{MinItems: -1})
	return unfit
}

func (f smokeFiller) fill(v reflect.Value, depth int, h smokeHint) {
	if depth > smokeStop {
		if f.unfit != nil && *f.unfit == "" {
			*f.unfit = "the filler stopped at its depth stop in a " + v.Type().String() + ": no finite value of it meets the spec's rules"
		}
		return
	}
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
	case reflect.TypeFor[io.Reader](), reflect.TypeFor[io.ReadCloser]():
		v.Set(reflect.ValueOf(&smokeReader{Data: "smoke"}))
		return
	}
	deep := depth >= 4 && !(h.Required && depth < 16)
	switch v.Kind() {
	case reflect.String:
		s := "smoke"
		if h.Value.HasStr {
			s = h.Value.Str
		}
		v.SetString(s)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n := int64(1)
		if h.Value.HasNum {
			n = int64(h.Value.Num)
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n := uint64(1)
		if h.Value.HasNum && h.Value.Num >= 0 {
			n = uint64(h.Value.Num)
		}
		v.SetUint(n)
	case reflect.Float32, reflect.Float64:
		n := 1.0
		if h.Value.HasNum {
			n = h.Value.Num
		}
		v.SetFloat(n)
	case reflect.Pointer:
		if !deep {
			p := reflect.New(v.Type().Elem())
			f.fill(p.Elem(), depth+1, h)
			v.Set(p)
		}
	case reflect.Slice:
		n := 1
		if h.MinItems > 1 {
			n = h.MinItems
		}
		switch {
		case v.Type().Elem().Kind() == reflect.Uint8:
			v.SetBytes([]byte("smoke"))
		case !deep || h.MinItems > 0:
			s := reflect.MakeSlice(v.Type(), n, n)
			for i := range n {
				f.fill(s.Index(i), depth+1, smokeHint{Required: true, MinItems: -1, Value: h.Item})
			}
			v.Set(s)
		default:
			// Empty, not nil: a required array is [] on the wire,
			// where nil would be null.
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		if !deep {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			f.fill(k, depth+1, smokeHint{MinItems: -1})
			f.fill(e, depth+1, smokeHint{Required: true, MinItems: -1, Value: h.Item})
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		if f.one(v, depth, h) {
			return
		}
		hints := smokeHints[v.Type()]
		for i := range v.NumField() {
			sf := v.Type().Field(i)
			if !sf.IsExported() {
				continue
			}
			fh, ok := hints[sf.Name]
			if !ok {
				fh = smokeHint{MinItems: -1}
			}
			if f.request && fh.ReadOnly || !f.request && fh.WriteOnly || f.minimal && ok && !fh.Required {
				continue
			}
			f.fill(v.Field(i), depth+1, fh)
		}
	case reflect.Interface:
		if v.NumMethod() == 0 {
			v.Set(reflect.ValueOf("smoke"))
		}
	}
}

// one fills what holds one value of several: a Nullable (its Value, set
// and not null) and a oneOf/anyOf union (its own JSON methods, one
// untagged pointer per variant). Of a union it takes the first variant,
// filled in full and then with required fields only, whose value decodes
// back as the union and passes its Validate (a oneOf's other variants may
// match a full value too), its discriminator set to the variant's value.
// It reports whether v was one of those.
func (f smokeFiller) one(v reflect.Value, depth int, h smokeHint) bool {
	t := v.Type()
	if strings.HasPrefix(t.Name(), "Nullable[") {
		f.fill(v.FieldByName("Value"), depth+1, h)
		v.FieldByName("Set").SetBool(true)
		return true
	}
	if _, ok := reflect.PointerTo(t).MethodByName("UnmarshalJSON"); !ok || t.NumField() == 0 {
		return false
	}
	for i := range t.NumField() {
		if sf := t.Field(i); sf.Type.Kind() != reflect.Pointer || sf.Tag != "" || !sf.IsExported() {
			return false
		}
	}
	u := smokeUnions[t]
	var first reflect.Value
	for _, minimal := range []bool{false, true} {
		g := f
		g.minimal = f.minimal || minimal
		for i := range t.NumField() {
			c := reflect.New(t).Elem()
			p := reflect.New(t.Field(i).Type.Elem())
			g.fill(p.Elem(), depth+1, h)
			if u.Disc != "" && i < len(u.Values) && u.Values[i] != "" {
				smokeSetWire(p.Elem(), u.Disc, u.Values[i])
			}
			c.Field(i).Set(p)
			if !first.IsValid() {
				first = c
			}
			if smokeValid(c) {
				v.Set(c)
				return true
			}
		}
	}
	v.Set(first) // none is valid: the call says why
	if f.unfit != nil && *f.unfit == "" {
		*f.unfit = "no value of the union " + t.Name() + " that the filler tried is valid (each matched no variant or several)"
	}
	return true
}

// smokeSetWire sets the string property named wire (by its json tag) of
// the struct v.
func smokeSetWire(v reflect.Value, wire, value string) {
	if v.Kind() != reflect.Struct {
		return
	}
	for i := range v.NumField() {
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		if name != wire {
			continue
		}
		f := v.Field(i)
		if f.Kind() == reflect.Pointer {
			f.Set(reflect.New(f.Type().Elem()))
			f = f.Elem()
		}
		if f.Kind() == reflect.String {
			f.SetString(value)
		}
		return
	}
}

// smokeValid reports whether the union value c survives its own JSON
// round trip and its Validate method.
func smokeValid(c reflect.Value) bool {
	b, err := json.Marshal(c.Addr().Interface())
	if err != nil {
		return false
	}
	n := reflect.New(c.Type())
	if json.Unmarshal(b, n.Interface()) != nil {
		return false
	}
	if val, ok := n.Interface().(interface{ Validate() error }); ok && val.Validate() != nil {
		return false
	}
	return true
}

`
