package runtime

import (
	"reflect"
	"sync"
	"time"
	"unicode/utf8"
)

// The presence checks of presence.go read a JSON body a second time as a
// tree (a map[string]any per object), which cost a 100-item answer ten
// times the allocations of its decoding. scanPresence below answers the
// same question over the raw bytes, walking cached plans of the types'
// fields, without building anything: it reports true only when the tree
// checks would pass (every key spelled once, every required key there, no
// null or zero where the schema refuses it, no undeclared key in a closed
// object, and, asked with exact, no key that exactKeys would remove). On
// false the callers run the tree checks, which say what is wrong: a body
// that is valid costs one pass and no allocation, and every error is the
// one the tree checks give.

// scanPlan is what the presence checks do with a value of one Go type
// (pointers removed), worked out once.
type scanPlan struct {
	// nullable is T's plan when the type is a Nullable[T]: null is one of
	// its values.
	nullable *scanPlan
	// opaque types decode themselves: only the syntax of their value and
	// its keys' uniqueness are checked.
	opaque bool
	// isTime and isBytes are time.Time and []byte, whose text the server
	// checks further (rfc3339Hour, no line break in base64).
	isTime, isBytes bool
	kind            scanKind
	// elem is the plan of a slice's or a map's items; elemNull reports
	// whether an item may be null (takesNull).
	elem     *scanPlan
	elemNull bool
	// fields are a struct's, as fieldsOf lists them.
	fields []scanField
	// closed structs allow no other key; extra is the plan of the values
	// of a struct's other keys when it keeps them (additionalOf).
	closed    bool
	extra     *scanPlan
	extraNull bool
	// unscannable structs (two fields of one key, or more fields than
	// the scanner's set holds) are left to the tree checks.
	unscannable bool
}

// scanKind is how a value of a plan's type is walked.
type scanKind uint8

const (
	scanOther scanKind = iota
	scanStruct
	scanList
	scanMap
)

// scanField is one field of a struct's plan.
type scanField struct {
	name string
	plan *scanPlan
	// required is requiredIn(false) (a response) and requiredIn(true)
	// (a request).
	required [2]bool
	readOnly bool
	// zero: the field's zero value is refused in a request.
	zero bool
	// null: the field may be null (takesNull of its type).
	null bool
}

// maxScanFields is the most fields a struct's plan has for the scanner's
// set of fields seen.
const maxScanFields = 256

// scanPlans caches plans by type; scanPlanMu serialises their building
// (a recursive type's plan refers to itself).
var (
	scanPlans  sync.Map // reflect.Type -> *scanPlan
	scanPlanMu sync.Mutex
)

// planOf is the plan of type t.
func planOf(t reflect.Type) *scanPlan {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if p, ok := scanPlans.Load(t); ok {
		return p.(*scanPlan)
	}
	scanPlanMu.Lock()
	defer scanPlanMu.Unlock()
	building := map[reflect.Type]*scanPlan{}
	p := buildPlan(t, building)
	for k, v := range building {
		scanPlans.Store(k, v)
	}
	return p
}

// buildPlan builds the plan of t, recording in building the plans under
// construction.
func buildPlan(t reflect.Type, building map[reflect.Type]*scanPlan) *scanPlan {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if p, ok := scanPlans.Load(t); ok {
		return p.(*scanPlan)
	}
	if p := building[t]; p != nil {
		return p
	}
	p := &scanPlan{}
	building[t] = p
	if e, ok := nullableOf(t); ok {
		p.nullable = buildPlan(e, building)
		return p
	}
	p.isTime = t == reflect.TypeFor[time.Time]()
	p.isBytes = t == reflect.TypeFor[[]byte]()
	if p.opaque = opaqueJSON(t); p.opaque {
		return p
	}
	switch t.Kind() {
	case reflect.Struct:
		p.kind = scanStruct
		p.closed = isClosed(t)
		if elem, ok := additionalOf(t); ok {
			p.extra, p.extraNull = buildPlan(elem, building), takesNull(elem)
		}
		fields := fieldsOf(t, "json")
		p.unscannable = len(fields) > maxScanFields
		for i, f := range fields {
			if declaredKey(fields[:i], f.name) {
				p.unscannable = true
			}
			p.fields = append(p.fields, scanField{
				name:     f.name,
				plan:     buildPlan(f.typ, building),
				required: [2]bool{f.requiredIn(false), f.requiredIn(true)},
				readOnly: f.readOnly,
				zero:     f.zero != "",
				null:     takesNull(f.typ),
			})
		}
	case reflect.Slice, reflect.Array:
		p.kind = scanList
		p.elem, p.elemNull = buildPlan(t.Elem(), building), takesNull(t.Elem())
	case reflect.Map:
		p.kind = scanMap
		p.elem, p.elemNull = buildPlan(t.Elem(), building), takesNull(t.Elem())
	}
	return p
}

// scanPresence reports whether the JSON document body, read as type t,
// passes presenceJSON(tree, t, "", strict) and decodeJSONTree (each key of
// an object once, one value); with exact, also whether exactKeys would
// remove nothing. It does not allocate once t's plan is built. false
// means "ask the tree checks", not necessarily a failure.
func scanPresence(body []byte, t reflect.Type, strict, exact bool) bool {
	s := jsonScan{b: body, strict: strict, exact: exact}
	if !s.value(planOf(t)) {
		return false
	}
	s.space()
	return s.i == len(s.b)
}

// jsonScan is a scan of one JSON document.
type jsonScan struct {
	b             []byte
	i             int
	strict, exact bool
	// keys holds the keys of the objects being read, innermost last,
	// for the check that none is given twice: the first nkeys in keys,
	// the others in more (allocated only for that many).
	keys  [128]keySpan
	more  []keySpan
	nkeys int
	depth int
}

// key is the i-th key of keys.
func (s *jsonScan) key(i int) []byte {
	var sp keySpan
	if i < len(s.keys) {
		sp = s.keys[i]
	} else {
		sp = s.more[i-len(s.keys)]
	}
	return s.b[sp.from:sp.to]
}

// push records a key; pop forgets the keys from n on.
func (s *jsonScan) push(k keySpan) {
	if s.nkeys < len(s.keys) {
		s.keys[s.nkeys] = k
	} else {
		s.more = append(s.more[:s.nkeys-len(s.keys)], k)
	}
	s.nkeys++
}

// keySpan is a key's bytes in b, quotes excluded.
type keySpan struct{ from, to int }

// maxScanDepth is the deepest nesting the scanner reads, and maxScanKeys
// the most keys of one object it compares with each other (a larger
// object is left to the tree checks, whose map finds a key given twice
// faster).
const (
	maxScanDepth = 10000
	maxScanKeys  = 512
)

// space skips white space.
func (s *jsonScan) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

// value reads one value of plan p (nil: of no interest but its syntax
// and keys), reporting false if the tree checks must decide.
func (s *jsonScan) value(p *scanPlan) bool {
	s.space()
	if s.i >= len(s.b) {
		return false
	}
	if s.b[s.i] == 'n' {
		if !s.literal("null") {
			return false
		}
		if p == nil || p.nullable != nil || p.opaque {
			return true
		}
		return p.kind != scanStruct // a struct is never null
	}
	for p != nil && p.nullable != nil {
		p = p.nullable
	}
	switch s.b[s.i] {
	case '"':
		from, to, escaped, ok := s.str()
		switch {
		case !ok:
			return false
		case p == nil:
			return true
		case s.strict && p.isTime && (escaped || !rfc3339HourBytes(s.b[from:to])):
			return false
		case p.opaque:
			return true
		case s.strict && p.isBytes && escaped:
			// (\n and \r, which base64 refuses here, are escapes.)
			return false
		}
		return true
	case '{':
		switch {
		case p == nil || p.opaque || p.kind == scanOther || p.kind == scanList:
			return s.object(nil, nil)
		case p.kind == scanMap:
			return s.object(p, nil)
		}
		return s.object(nil, p)
	case '[':
		if p == nil || p.opaque || p.kind != scanList {
			return s.array(nil)
		}
		return s.array(p)
	case 't':
		return s.literal("true")
	case 'f':
		return s.literal("false")
	}
	return s.number()
}

// object reads an object: the items of a map of plan m, the fields of a
// struct of plan st, or (both nil) keys of no interest.
func (s *jsonScan) object(m, st *scanPlan) bool {
	if st != nil && st.unscannable {
		return false
	}
	var seen [maxScanFields / 64]uint64
	base := s.nkeys
	s.depth++
	defer func() { s.nkeys, s.depth = base, s.depth-1 }()
	if s.depth > maxScanDepth {
		return false
	}
	s.i++ // {
	s.space()
	if s.i < len(s.b) && s.b[s.i] == '}' {
		s.i++
		return s.missing(st, &seen)
	}
	for {
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != '"' {
			return false
		}
		from, to, escaped, ok := s.str()
		if !ok || escaped || !utf8.Valid(s.b[from:to]) {
			// (An escaped key or one of invalid UTF-8 may equal another
			// spelled differently: the tree decides.)
			return false
		}
		key := s.b[from:to]
		if s.nkeys-base >= maxScanKeys {
			return false
		}
		for i := base; i < s.nkeys; i++ {
			if string(s.key(i)) == string(key) {
				return false // given twice
			}
		}
		s.push(keySpan{from, to})
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != ':' {
			return false
		}
		s.i++
		s.space()
		if !s.member(m, st, key, &seen) {
			return false
		}
		s.space()
		if s.i >= len(s.b) {
			return false
		}
		switch s.b[s.i] {
		case ',':
			s.i++
			continue
		case '}':
			s.i++
			return s.missing(st, &seen)
		}
		return false
	}
}

// member reads the value of key in an object (see object).
func (s *jsonScan) member(m, st *scanPlan, key []byte, seen *[maxScanFields / 64]uint64) bool {
	null := s.at("null")
	switch {
	case m != nil:
		if null {
			return !(s.strict && !m.elemNull) && s.literal("null")
		}
		return s.value(m.elem)
	case st == nil:
		return s.value(nil)
	}
	for i := range st.fields {
		f := &st.fields[i]
		if f.name != string(key) {
			continue
		}
		seen[i/64] |= 1 << (i % 64)
		switch {
		case s.strict && f.readOnly && !null:
			return false
		case s.strict && f.zero && s.zeroAt():
			return false
		case null:
			return !((f.required[s.side()] || s.strict) && !f.null) && s.literal("null")
		}
		return s.value(f.plan)
	}
	switch {
	case st.closed:
		return false
	case st.extra != nil:
		if null {
			return !(s.strict && !st.extraNull) && s.literal("null")
		}
		return s.value(st.extra)
	case s.exact:
		return false // exactKeys would remove it
	}
	return s.value(nil)
}

// side indexes scanField.required: 1 for a request (strict), 0 for a
// response.
func (s *jsonScan) side() int {
	if s.strict {
		return 1
	}
	return 0
}

// missing reports false when a required field of st is not among seen.
func (s *jsonScan) missing(st *scanPlan, seen *[maxScanFields / 64]uint64) bool {
	if st == nil {
		return true
	}
	for i := range st.fields {
		if st.fields[i].required[s.side()] && seen[i/64]&(1<<(i%64)) == 0 {
			return false
		}
	}
	return true
}

// array reads an array whose items are of plan l's elem (l nil: of no
// interest).
func (s *jsonScan) array(l *scanPlan) bool {
	var elem *scanPlan
	if l != nil {
		elem = l.elem
	}
	s.depth++
	defer func() { s.depth-- }()
	if s.depth > maxScanDepth {
		return false
	}
	s.i++ // [
	s.space()
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.i++
		return true
	}
	for {
		s.space()
		if l != nil && s.at("null") {
			if s.strict && !l.elemNull || !s.literal("null") {
				return false
			}
		} else if !s.value(elem) {
			return false
		}
		s.space()
		if s.i >= len(s.b) {
			return false
		}
		switch s.b[s.i] {
		case ',':
			s.i++
			continue
		case ']':
			s.i++
			return true
		}
		return false
	}
}

// at reports whether the input continues with lit.
func (s *jsonScan) at(lit string) bool {
	return len(s.b)-s.i >= len(lit) && string(s.b[s.i:s.i+len(lit)]) == lit
}

// literal reads lit (true, false or null).
func (s *jsonScan) literal(lit string) bool {
	if !s.at(lit) {
		return false
	}
	s.i += len(lit)
	return true
}

// str reads a string, giving the span of its bytes between the quotes
// and whether it holds an escape.
func (s *jsonScan) str() (from, to int, escaped, ok bool) {
	s.i++ // "
	from = s.i
	for s.i < len(s.b) {
		switch c := s.b[s.i]; {
		case c == '"':
			s.i++
			return from, s.i - 1, escaped, true
		case c < 0x20:
			return 0, 0, false, false
		case c == '\\':
			escaped = true
			if s.i+1 >= len(s.b) {
				return 0, 0, false, false
			}
			switch s.b[s.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.i += 2
			case 'u':
				if len(s.b)-s.i < 6 {
					return 0, 0, false, false
				}
				for _, h := range s.b[s.i+2 : s.i+6] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return 0, 0, false, false
					}
				}
				s.i += 6
			default:
				return 0, 0, false, false
			}
		default:
			s.i++
		}
	}
	return 0, 0, false, false
}

// number reads a number as RFC 8259 spells one.
func (s *jsonScan) number() bool {
	start := s.i
	if s.i < len(s.b) && s.b[s.i] == '-' {
		s.i++
	}
	switch {
	case s.i < len(s.b) && s.b[s.i] == '0':
		s.i++
	case s.digits() == 0:
		return false
	}
	if s.i < len(s.b) && s.b[s.i] == '.' {
		s.i++
		if s.digits() == 0 {
			return false
		}
	}
	if s.i < len(s.b) && (s.b[s.i] == 'e' || s.b[s.i] == 'E') {
		s.i++
		if s.i < len(s.b) && (s.b[s.i] == '+' || s.b[s.i] == '-') {
			s.i++
		}
		if s.digits() == 0 {
			return false
		}
	}
	return s.i > start
}

// digits skips decimal digits, reporting how many.
func (s *jsonScan) digits() int {
	n := 0
	for s.i < len(s.b) && '0' <= s.b[s.i] && s.b[s.i] <= '9' {
		s.i++
		n++
	}
	return n
}

// zeroAt reports whether the value ahead may be a zero as isJSONZero
// judges: "", false, or a number that may parse as 0. A number is
// surely not 0 when it has a digit other than 0, no exponent and fewer
// than 300 digits (beyond, 0.000...1 rounds to 0).
func (s *jsonScan) zeroAt() bool {
	switch {
	case s.at(`""`), s.at("false"):
		return true
	case s.i >= len(s.b) || s.b[s.i] != '-' && (s.b[s.i] < '0' || s.b[s.i] > '9'):
		return false
	}
	nonzero := false
	for n, c := range s.b[s.i:] {
		switch {
		case n >= 300 || c == 'e' || c == 'E':
			return true
		case '1' <= c && c <= '9':
			nonzero = true
		case c == '0' || c == '-' || c == '.':
		default:
			return !nonzero // the number's end
		}
	}
	return !nonzero
}

// rfc3339HourBytes is rfc3339Hour over bytes.
func rfc3339HourBytes(s []byte) bool {
	return len(s) > 13 && s[10] == 'T' && '0' <= s[11] && s[11] <= '9' && '0' <= s[12] && s[12] <= '9' && s[13] == ':'
}
