package runtime

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// srvCodec is how the server reads or writes a body.
type srvCodec uint8

// The codecs.
const (
	srvCodecJSON srvCodec = iota
	srvCodecXML
	srvCodecForm
	srvCodecNone
	// srvCodecStream is a body the handler reads or writes as a stream
	// (server_stream.go); srvCodecText a text body, a Go string.
	srvCodecStream
	srvCodecText
	// srvCodecMultipart is multipart/form-data: form fields, and file
	// parts kept on disk past srvMultipartMemory.
	srvCodecMultipart
)

// srvMultipartMemory is how much of a multipart body's file parts the
// server holds in memory; the rest of each goes to a temporary file,
// which net/http removes when the request ends.
const srvMultipartMemory = 1 << 20

// srvMediaType is a media type the server reads or writes: its name, its
// codec, and its Content-Type header value, shared so that writing a
// response allocates no header value.
type srvMediaType struct {
	name   string
	codec  srvCodec
	header []string
}

// srvMedia is a media type the server reads or writes. The runtime
// declares its own; the generated server declares the others the spec
// names (text/xml, application/vnd.x+json) with srvNewMedia.
type srvMedia = *srvMediaType

// srvNewMedia describes a media type read and written with codec.
func srvNewMedia(name string, codec srvCodec) srvMedia {
	return &srvMediaType{name: name, codec: codec, header: []string{name}}
}

// The runtime's media types.
var (
	srvMediaJSON        = srvNewMedia("application/json", srvCodecJSON)
	srvMediaXML         = srvNewMedia("application/xml", srvCodecXML)
	srvMediaProblemJSON = srvNewMedia("application/problem+json", srvCodecJSON)
	srvMediaForm        = srvNewMedia("application/x-www-form-urlencoded", srvCodecForm)
	srvMediaNone        = &srvMediaType{codec: srvCodecNone}
)

// srvEnvelopeOffers are the media types of the error envelopes.
var srvEnvelopeOffers = []srvMedia{srvMediaJSON, srvMediaXML}

// srvOperation describes one operation to the runtime.
type srvOperation struct {
	// id is the operationId, for logs.
	id string
	// path is the operation's OpenAPI path template
	// ("/Accounts/{AccountSid}/Calls/{Sid}.json"), which the router matched.
	path string
	// offers are the media types the operation answers with, preferred
	// first.
	offers []srvMedia
	// body is the request body's media type; mediaNone for none.
	body srvMedia
	// bodies, when set, are every media type the body may come in (JSON
	// and XML ones, server_bodies.go); body is the first.
	bodies []srvMedia
	// errorRoot is the XML root element of the operation's error envelopes.
	errorRoot string
	// security is the operation's requirement, an index of
	// secRequirements.
	security int
	// gzip is true for an operation that declares a Content-Encoding
	// header parameter: a gzip body is decompressed (srvDecodeCoding,
	// server_coding.go), under the same cap.
	gzip bool
	// bodiless is true when a declared response has no body: a request
	// none of offers is acceptable to is still served (the handler may
	// answer without a body; a body then comes in offers[0]).
	bodiless bool
}

// serverResponse is implemented by every typed response: it writes
// itself, in media m when it can.
type serverResponse interface {
	writeResponse(w http.ResponseWriter, m srvMedia) error
}

// srvMediaChoice is implemented by a typed response whose body has a
// value per format (its media types carry different schemas): the media
// types of the values the handler set, preferred first. The server
// answers in the one the request's Accept prefers among them.
type srvMediaChoice interface {
	srvOffers() []srvMedia
}

// srvNegotiate picks the offer the Accept header prefers: the highest quality
// wins, ties go to the earlier offer. No header means the first offer;
// false means none is acceptable.
func srvNegotiate(accept string, offers []srvMedia) (srvMedia, bool) {
	if strings.TrimSpace(accept) == "" {
		return offers[0], true
	}
	best, bestQ := offers[0], 0
	for _, o := range offers {
		if q := srvAcceptQuality(accept, o.name); q > bestQ {
			best, bestQ = o, q
		}
	}
	return best, bestQ > 0
}

// srvEnvelopeMedia is the media type of an error envelope for r: XML when
// the client prefers it, else JSON.
func srvEnvelopeMedia(r *http.Request) srvMedia {
	m, _ := srvNegotiate(r.Header.Get("Accept"), srvEnvelopeOffers)
	return m
}

// srvAcceptQuality is the quality, in thousandths, that an Accept header
// gives to the media type mt: that of the most specific range matching it.
// An offer that is itself a range (image/*, */*, declared by the spec)
// matches every range that overlaps it.
func srvAcceptQuality(accept, mt string) int {
	q, specificity := 0, -1
	for accept != "" {
		var part string
		part, accept, _ = strings.Cut(accept, ",")
		rng, params, _ := strings.Cut(part, ";")
		if s := srvRangeSpecificity(strings.TrimSpace(rng), mt); s > specificity {
			specificity, q = s, srvQuality(params)
		}
	}
	return q
}

// srvRangeSpecificity is how specific the media range rng is when it
// matches the media type mt (either may hold a * for its type or
// subtype): 0 for */*, 1 for type/*, 2 for a full type; -1 when it does
// not match.
func srvRangeSpecificity(rng, mt string) int {
	rt, rs, ok := strings.Cut(rng, "/")
	mtt, ms, ok2 := strings.Cut(mt, "/")
	if !ok || !ok2 || !srvPartMatch(rt, mtt) || !srvPartMatch(rs, ms) {
		return -1
	}
	n := 0
	if rt != "*" {
		n++
	}
	if rs != "*" {
		n++
	}
	return n
}

// srvPartMatch reports whether two halves of media types match, a *
// matching anything.
func srvPartMatch(a, b string) bool { return a == "*" || b == "*" || strings.EqualFold(a, b) }

// srvQuality reads the q parameter of a media range, in thousandths; 1000
// when there is none or it cannot be read.
func srvQuality(params string) int {
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		k, v, ok := strings.Cut(p, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		v = strings.TrimSpace(v)
		if v == "" || v[0] != '0' {
			return 1000
		}
		frac := strings.TrimPrefix(v[1:], ".")
		n := 0
		for i := 0; i < 3; i++ {
			n *= 10
			if i < len(frac) && frac[i] >= '0' && frac[i] <= '9' {
				n += int(frac[i] - '0')
			}
		}
		return n
	}
	return 1000
}

// readBody reads the body of an operation that takes one, up to the cap.
// It returns a status and a label when the body is refused.
func (s *server) readBody(r *http.Request, x *srvExchange) (int, string) {
	if x.op.body == srvMediaNone || r.Body == nil || r.Body == http.NoBody || r.ContentLength == 0 {
		return 0, ""
	}
	media := x.op.body
	if len(x.op.bodies) > 0 {
		// A body declared in several media types: the one it came in
		// (a mixed body's multipart or stream is not read here either).
		media = srvPickBody(r.Header, x.op.bodies)
	}
	switch media.codec {
	case srvCodecMultipart:
		x.bodyMedia = media
		return srvReadMultipart(r, x)
	case srvCodecStream:
		// The handler reads a streamed body itself, as it comes.
		if label := srvStreamUndecodable(r.Header, media.name); label != "" {
			return http.StatusUnsupportedMediaType, label
		}
		x.bodyMedia = media
		return 0, ""
	}
	if r.ContentLength > s.config.maxBody {
		return http.StatusRequestEntityTooLarge, srvLabelTooLarge
	}
	br := srvBodyReaders.Get().(*srvBodyReader)
	defer br.release()
	// One byte past the cap tells a body over it, unless the cap is the
	// largest int64 (as net/http's MaxBytesReader guards it).
	limit := s.config.maxBody
	if limit < math.MaxInt64 {
		limit++
	}
	var src io.Reader = r.Body
	header := r.Header
	if x.op.gzip {
		var err error
		if src, header, err = srvDecodeCoding(r.Body, header, limit); err != nil {
			return http.StatusBadRequest, srvLabelUnreadable
		}
	}
	br.limit = io.LimitedReader{R: src, N: limit}
	n, err := br.buf.ReadFrom(&br.limit)
	switch {
	case n > s.config.maxBody:
		return http.StatusRequestEntityTooLarge, srvLabelTooLarge
	case err != nil:
		return http.StatusBadRequest, srvLabelUnreadable
	case n == 0:
		return 0, ""
	}
	x.bodyMedia = media
	if label := srvUndecodable(header, x.bodyMedia.name); label != "" {
		return http.StatusUnsupportedMediaType, srvBodiesLabel(label, x.op.bodies)
	}
	x.body = br.buf.String()
	if x.bodyMedia.codec == srvCodecForm {
		x.form.parse(x.body)
	}
	return 0, ""
}

// srvUndecodable says why a body with these headers cannot be read as
// media type want: another media type, a content coding (gzip...) or a
// charset other than UTF-8, which the server does not decode. It answers
// "" when the body can be read.
func srvUndecodable(h http.Header, want string) string {
	for _, v := range h.Values("Content-Encoding") {
		for v != "" {
			var coding string
			coding, v, _ = strings.Cut(v, ",")
			if c := strings.TrimSpace(coding); c != "" && !strings.EqualFold(c, "identity") {
				return "unsupported content encoding: send the body without one"
			}
		}
	}
	ct := h.Get("Content-Type")
	mt, params, _ := strings.Cut(ct, ";")
	if !strings.EqualFold(strings.TrimSpace(mt), want) {
		return "unsupported media type: send " + want
	}
	if strings.TrimSpace(params) == "" {
		return ""
	}
	_, ps, err := mime.ParseMediaType(ct)
	if err != nil {
		return "unsupported media type: the Content-Type parameters cannot be read"
	}
	if cs, ok := ps["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return "unsupported charset " + srvQuoted(cs) + ": send UTF-8"
	}
	return ""
}

// srvReadMultipart reads a multipart/form-data body: its form fields into
// the exchange's form, its file parts to memory or temporary files.
func srvReadMultipart(r *http.Request, x *srvExchange) (int, string) {
	if label := srvStreamUndecodable(r.Header, "multipart/form-data"); label != "" {
		return http.StatusUnsupportedMediaType, label
	}
	if err := r.ParseMultipartForm(srvMultipartMemory); err != nil {
		return http.StatusBadRequest, "the multipart body cannot be read"
	}
	x.form.parse(url.Values(r.MultipartForm.Value).Encode())
	return 0, ""
}

// srvPickBody is the one of bodies a request's Content-Type names; the
// first when none does (and the body is then refused).
func srvPickBody(h http.Header, bodies []srvMedia) srvMedia {
	mt, _, _ := strings.Cut(h.Get("Content-Type"), ";")
	mt = strings.TrimSpace(mt)
	for _, b := range bodies {
		if strings.EqualFold(b.name, mt) {
			return b
		}
	}
	return bodies[0]
}

// srvBodiesLabel names every media type a body may come in when the
// label refuses its media type.
func srvBodiesLabel(label string, bodies []srvMedia) string {
	if len(bodies) < 2 || !strings.HasPrefix(label, "unsupported media type: send ") {
		return label
	}
	names := make([]string, len(bodies))
	for i, b := range bodies {
		names[i] = b.name
	}
	return "unsupported media type: send " + strings.Join(names, " or ")
}

// srvStreamUndecodable says why a request's streamed body cannot be taken
// as media type want (a type, or a range such as image/*): a content
// coding, or another media type. "" when it can.
func srvStreamUndecodable(h http.Header, want string) string {
	for _, v := range h.Values("Content-Encoding") {
		for v != "" {
			var coding string
			coding, v, _ = strings.Cut(v, ",")
			if c := strings.TrimSpace(coding); c != "" && !strings.EqualFold(c, "identity") {
				return "unsupported content encoding: send the body without one"
			}
		}
	}
	mt, _, _ := strings.Cut(h.Get("Content-Type"), ";")
	mt = strings.TrimSpace(mt)
	if want == "*/*" || !strings.Contains(mt, "*") && srvRangeSpecificity(want, mt) >= 0 {
		return ""
	}
	return "unsupported media type: send " + want
}

// srvBodyReader reads request bodies: a buffer and the reader that caps
// them, pooled so that reading a body allocates only its string.
type srvBodyReader struct {
	buf   bytes.Buffer
	limit io.LimitedReader
}

// srvBodyReaders pools the body readers.
var srvBodyReaders = sync.Pool{New: func() any { return new(srvBodyReader) }}

// release returns the reader to the pool unless its buffer grew large.
func (br *srvBodyReader) release() {
	br.limit = io.LimitedReader{}
	if br.buf.Cap() > 64<<10 {
		return
	}
	br.buf.Reset()
	srvBodyReaders.Put(br)
}

// srvDecodeJSONBody decodes a JSON request body into dst, as the schema
// reads it rather than as encoding/json would: keys bind exactly (a key
// that differs from a property's only by case is no property, and is
// ignored), a key given twice in an object is refused, a required
// property must be present (a missing integer, number or boolean is not
// its zero) and no value may be null (the spec has no nullable values).
func srvDecodeJSONBody[T any](x *srvExchange, required bool, dst *T) error {
	w := srvWire{src: srvSrcBody}
	if x.body == "" {
		if required {
			return &srvBindError{w, "is required"}
		}
		return nil
	}
	var pe *errPresence
	switch err := decodeStrictJSON([]byte(x.body), dst); {
	case errors.As(err, &pe) && pe.problem == "is required" && pe.field != "":
		return &ValidationError{In: "body", Field: pe.field, Rule: "required"}
	case errors.As(err, &pe):
		return &srvBindError{w, pe.Error()}
	case err != nil:
		return &srvBindError{w, "is not valid JSON of the expected shape: " + srvJSONProblem(err)}
	}
	return nil
}

// srvJSONProblem says where a JSON body went wrong: the field of a value of
// the wrong type, the offset of a syntax error, or the value a format's
// parser refused (a date-time, a date, base64), cut to 200 bytes.
func srvJSONProblem(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	msg := err.Error()
	switch {
	case errors.As(err, &te):
		msg = "field " + strconv.Quote(te.Field) + " cannot hold a JSON " + te.Value
	case errors.As(err, &se):
		msg = "syntax error at offset " + strconv.FormatInt(se.Offset, 10)
	}
	if len(msg) > 200 {
		msg = msg[:200] + "..."
	}
	return msg
}

// srvEncoder is a reusable body encoder: a buffer, and JSON and XML
// encoders writing into it.
type srvEncoder struct {
	buf  bytes.Buffer
	json *json.Encoder
	xml  *xml.Encoder
}

// srvEncoders pools the encoders, whose buffers and XML writers would
// otherwise be allocated for every response.
var srvEncoders = sync.Pool{New: func() any {
	e := new(srvEncoder)
	e.json = json.NewEncoder(&e.buf)
	e.xml = xml.NewEncoder(&e.buf)
	return e
}}

// srvEncoded is a response body encoded ahead of the status line, so that
// an encoding failure can still answer 500.
type srvEncoded struct {
	enc   *srvEncoder
	media srvMedia
}

// srvNoSniff is the value of X-Content-Type-Options, shared so that
// writing a response allocates no header values.
var srvNoSniff = []string{"nosniff"}

// srvEncode encodes body in m if the response offers it, else in the
// response's first media type of m's codec (text/xml for application/xml),
// else in its first media type.
func srvEncode(m srvMedia, body any, offers ...srvMedia) (srvEncoded, error) {
	if len(offers) > 0 && !srvContainsMedia(offers, m) {
		m = srvSameCodec(offers, m.codec)
	}
	enc := srvEncoders.Get().(*srvEncoder)
	var err error
	if m.codec == srvCodecXML {
		enc.buf.WriteString(xml.Header)
		err = enc.xml.Encode(body)
	} else {
		err = enc.json.Encode(body)
	}
	if err != nil {
		// An encoder that failed may hold half a document: drop it.
		return srvEncoded{}, err
	}
	return srvEncoded{enc: enc, media: m}, nil
}

// srvSameCodec is the first of offers with codec c, else the first.
func srvSameCodec(offers []srvMedia, c srvCodec) srvMedia {
	for _, o := range offers {
		if o.codec == c {
			return o
		}
	}
	return offers[0]
}

// srvContainsMedia reports whether m is one of offers.
func srvContainsMedia(offers []srvMedia, m srvMedia) bool {
	for _, o := range offers {
		if o == m {
			return true
		}
	}
	return false
}

// send writes the encoded body with its status and releases the encoder.
// net/http adds Content-Length to small bodies and chunks large ones.
func (e srvEncoded) send(w http.ResponseWriter, status int) {
	h := w.Header()
	h["Content-Type"] = e.media.header
	h["X-Content-Type-Options"] = srvNoSniff
	w.WriteHeader(status)
	_, _ = w.Write(e.enc.buf.Bytes())
	if e.enc.buf.Cap() <= 64<<10 {
		e.enc.buf.Reset()
		srvEncoders.Put(e.enc)
	}
}

// writeEnvelope writes an error envelope with the given status.
func (s *server) writeEnvelope(w http.ResponseWriter, m srvMedia, root string, status int, label string) {
	if m.codec != srvCodecXML {
		m = srvMediaJSON
	}
	env := &srvErrorEnvelope{XMLName: xml.Name{Local: root}, Code: strconv.Itoa(status), Label: label}
	e, err := srvEncode(m, env)
	if err != nil {
		w.WriteHeader(status)
		return
	}
	e.send(w, status)
}

// srvDecodeCoding decodes the body of an operation whose gzip is true
// (server_coding.go sets it; a package without such an operation has no
// server_coding.go, and never calls it).
var srvDecodeCoding func(body io.Reader, h http.Header, limit int64) (io.Reader, http.Header, error)
