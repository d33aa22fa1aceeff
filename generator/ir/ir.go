// Package ir is the generator's intermediate representation: plain Go data
// that records every decision about the code to print (Go names, types,
// struct tags, validation rules, order). The builder fills it from an OpenAPI
// document; emitters print it and never look at the document themselves.
//
// Slices are in output order. Emitters must not reorder them.
package ir

import "strconv"

// API is one generated package.
type API struct {
	// Package is the Go package name of the output.
	Package string
	// Title and Description come from the document's info object.
	Title       string
	Description string
	// Version is info.version.
	Version string
	// BaseURL is the first server URL, its variables at their defaults;
	// the client's default.
	BaseURL string
	// ServerURL is the first server URL as written, with its variables in
	// braces ("https://{region}.example.com"); ServerVariables are those
	// variables, in name order.
	ServerURL       string
	ServerVariables []*ServerVariable
	// UserAgent is the client's default User-Agent header.
	UserAgent string
	// Schemes are the document's security schemes, in name order; Index
	// is each one's position.
	Schemes []*Scheme
	// Requirements are the distinct security requirements of the
	// operations, each at its Index.
	Requirements []*Requirement
	// ClientPair, when not nil, is the only credential the API declares, a
	// Basic scheme: NewClient takes its user and password.
	ClientPair *Scheme
	// BodyStatus, when not nil, says how a body reports failure under a 2xx.
	BodyStatus *BodyStatus
	// RequestIDHeaders are response headers worth keeping on errors.
	RequestIDHeaders []string
	// ErrorClasses say which statuses make each class of failure.
	ErrorClasses ErrorClasses

	// Patterns are the regular expressions compiled once at package level.
	Patterns []*Pattern
	// Enums are named types with constants, in name order.
	Enums []*Enum
	// Structs are the model, parameter and body types, in name order.
	Structs []*Struct
	// Operations are in the order of the document.
	Operations []*Operation
	// Routes are the server's path templates, in the router's precedence
	// order.
	Routes []*Route
	// Hooks are the requests the API sends: the webhooks first, then
	// the callbacks of each operation, in the operations' order.
	Hooks []*HookGroup

	// ServerErrorRoot is the XML root element of the error envelopes the
	// server writes for a request no operation matched (404, 405).
	ServerErrorRoot string
	// Envelope names the fields of the error envelopes the server writes
	// itself.
	Envelope Envelope
	// XML is true when some body of the API (a request's, a response's,
	// a hook's) travels as XML. When it is false the models carry no xml
	// tags, no XMLName and no MarshalXML.
	XML bool
	// MediaTypes are the declared media types that are not the runtime's
	// own (text/xml, application/vnd.x+json), in name order: the server
	// declares a variable for each.
	MediaTypes []*MediaType
}

// ServerVariable is a variable of the server URL, which the client can set.
type ServerVariable struct {
	Name    string
	Default string
	// Enum, when not empty, lists the only values it takes.
	Enum []string
	Doc  string
}

// Envelope is the error body the server writes itself: its status code and
// label fields' wire names (JSON key and XML element).
type Envelope struct {
	Code  string
	Label string
}

// BodyStatus describes a status code carried in response bodies
// (x-nexmogen-body-status): a body whose Code field holds a value outside
// Success is a failure even under HTTP 200.
type BodyStatus struct {
	// Code and Label are the wire names (JSON key and XML element).
	Code  string
	Label string
	// Success lists the codes that mean success.
	Success []string
}

// Pos is a position in the spec.
type Pos struct {
	File string
	Line int
	Col  int
}

// Kind is the shape of a value.
type Kind int

// The kinds of value a field can hold.
const (
	KindString Kind = iota
	KindInt
	KindFloat
	KindBool
	KindStruct
	KindEnum
	KindArray
	// KindTime is a date-time (time.Time, RFC 3339 on the wire).
	KindTime
	// KindDate is a civil date (the runtime's Date, YYYY-MM-DD).
	KindDate
	// KindBytes is base64 text on the wire ([]byte): format byte, and
	// format binary inside a JSON document.
	KindBytes
	// KindAny is a free-form value (a schema without a type, {}): the
	// JSON text as sent (json.RawMessage), decoded by the caller. nil is
	// absent; JSON null is the four bytes null.
	KindAny
	// KindMap is an object of arbitrary keys (additionalProperties, or
	// an object without properties): map[string]Elem; nil is absent.
	KindMap
	// KindGo is a Go type of the user's (x-go-type, or the configuration's
	// type for a format): TypeRef.Go names it.
	KindGo
	// KindUnion is a oneOf or anyOf: a Struct whose Union is set, one
	// pointer field per variant, exactly one set.
	KindUnion
	// KindStream is a whole body of bytes (MediaStream): an io.Reader,
	// never a field of a model.
	KindStream
	// NumKinds counts the kinds above; it is none itself. Every kind has
	// an entry in emit's codec table (TestCodecTable).
	NumKinds
)

// TypeRef names the Go type of a value.
type TypeRef struct {
	Kind Kind
	// Name is the GoName of the struct, union or enum (KindStruct,
	// KindUnion, KindEnum).
	Name string
	// Struct is the struct of KindStruct and KindUnion (a Struct whose
	// Union is set), Enum the enum of KindEnum; nil for other kinds. The
	// builder links them once every type is named, so emitters follow
	// these pointers and never look a type up by its Name. The body of a
	// response with Parts names a struct of its own, not one of
	// API.Structs, and has none.
	Struct *Struct
	Enum   *Enum
	// Elem is the element type (KindArray) or the values' type (KindMap).
	Elem *TypeRef
	// Secret marks a credential string (format: password), printed as the
	// runtime's redacting Secret type.
	Secret bool
	// Go is the user's type of KindGo.
	Go *GoType
	// Nullable marks a value that may also be null (nullable: true, or
	// "null" in a 3.1 type list): the runtime's Nullable of the type the
	// other fields describe. Only values inside JSON and XML documents are
	// nullable (model fields and array items).
	Nullable bool
}

// Base is t without its Nullable flag: the type of the value a Nullable
// holds.
func (t TypeRef) Base() TypeRef {
	t.Nullable = false
	return t
}

// Pattern is a regular expression compiled once, at package level.
type Pattern struct {
	// GoName is the package-level variable holding the compiled expression.
	GoName string
	// Expr is the RE2 source.
	Expr string
	// Pos is where the pattern was first written.
	Pos Pos
	// Run, when set, says the expression is simple enough to check with a
	// byte loop instead of the regexp engine (same answers, 10-30 times
	// faster); nil means: call the compiled regexp.
	Run *PatternRun
}

// PatternRun is a pattern made of one ASCII character class: either the
// whole value is Min to Max bytes of the class ("^[A-Z]{2}$"), or the value
// contains one byte of it ("[0-9]", unanchored).
type PatternRun struct {
	// Ranges are the class's inclusive byte ranges, two bytes each: "AZaz09".
	Ranges string
	// Whole is true for a run over the whole value, false for "contains".
	Whole bool
	// Min and Max bound the run's length when Whole; Max is -1 for no bound.
	Min, Max int
}

// Enum is a named type with one constant per value.
type Enum struct {
	Name   string
	GoName string
	Doc    string
	Pos    Pos
	// Base is KindString, KindInt, KindFloat or KindBool.
	Base   Kind
	Values []*EnumValue
}

// EnumValue is one constant of an Enum.
type EnumValue struct {
	GoName string
	// Value is the constant's value, of the family of the Enum's Base
	// (LitString, LitInt, LitFloat or LitBool).
	Value Literal
}

// Role says what a struct is for.
type Role int

// The roles of a generated struct.
const (
	// RoleModel is a schema of the document: a response or JSON body.
	RoleModel Role = iota
	// RoleParams holds an operation's path, query and header parameters.
	RoleParams
	// RoleForm is an application/x-www-form-urlencoded request body.
	RoleForm
)

// Struct is a generated struct type.
type Struct struct {
	// Name is the spec's name (component name, or the path of an inline schema).
	Name   string
	GoName string
	Doc    string
	Pos    Pos
	Role   Role
	// Multipart marks a form struct (RoleForm) sent as
	// multipart/form-data: its fields are parts.
	Multipart bool
	// XMLName is the root element name; empty when the type has none.
	XMLName string
	Fields  []*Field
	// Validate is true when the struct gets a generated Validate method.
	Validate bool
	// Defaults is true when the struct gets an ApplyDefaults method.
	Defaults bool
	// Union, when not nil, makes the struct a oneOf or anyOf: its Fields
	// are the variants, in the spec's order, each a pointer.
	Union *Union
	// NoProperties marks an object that allows no property (no
	// properties, additionalProperties: false): a struct without fields
	// whose UnmarshalJSON and UnmarshalXML refuse any key, element or
	// attribute; {} (an empty element) and null are its values.
	NoProperties bool
	// Closed marks an object with properties that allows no other
	// (additionalProperties: false): its decoders, JSON and XML, refuse a
	// key, child element or attribute that is none of its fields'.
	Closed bool
	// XMLText marks a struct an XML body reaches that has free-form
	// fields (json.RawMessage): its MarshalXML and UnmarshalXML go
	// through the runtime's twin, where each is its element's text.
	XMLText bool
	// ByMedia, when not nil, makes the struct the body of a response
	// whose media types carry different schemas: its Fields are one
	// pointer per format (JSON, XML), each read and written in the media
	// types at its index, in preference order; the handler sets one or
	// more, the client's decoding exactly one.
	ByMedia [][]*MediaType
	// XMLDecimals marks a model of an API with XML bodies that has a
	// number field (plain, pointer or array of numbers): its MarshalXML
	// writes them as plain decimals (1234567.891, not encoding/xml's
	// 1.234567891e+06), as JSON does.
	XMLDecimals bool
	// Wire, when set, is the name of the struct's twin on the wire: a
	// JSON or XML body (a request's or a response's) holds the struct,
	// and the struct holds a secret at some depth. A Secret prints
	// "[REDACTED]" even through encoding/json and encoding/xml; the twin
	// (same tags) has plain strings instead, and the struct's wire method
	// copies it into its twin, revealing them.
	Wire string
	// Secrets marks a struct a request sends (its body, or its
	// parameters) that holds a secret at some depth: its appendSecrets
	// method gives their values to the call's redactor.
	Secrets bool
	// FormKeys marks a struct that travels in a form body under a key
	// prefix: a model body also declared as
	// application/x-www-form-urlencoded, and the objects it holds. Its
	// scalar fields are keys of their names under the prefix
	// (category[name]), its nested objects prefixes of their own, the
	// items of an array of objects prefixes with their index
	// (tags[0][name]); an array of scalars repeats its key, or joins its
	// items with Delimiter when Explode is false. The client's appendForm
	// and the server's bindForm read and write it.
	FormKeys bool
}

// Union is how a oneOf or anyOf decides which variant a JSON value is.
type Union struct {
	// OneOf is true for oneOf (exactly one variant matches), false for
	// anyOf (the first that matches is taken).
	OneOf bool
	// Discriminator is the property that names the variant; "" when
	// there is none, and the variants are tried in order.
	Discriminator string
	// Values are, per variant (same index as the struct's Fields), the
	// discriminator values that select it.
	Values [][]string
	// XML is true for a union an XML body reaches: it also gets
	// MarshalXML and UnmarshalXML (the variants tried as in JSON; a
	// discriminator read from a child element or attribute). Its
	// struct's XMLName, when set, is the element a scalar variant is
	// written as at the top of a body; object variants there are their
	// own root elements.
	XML bool
}

// In is where a field travels on the wire.
type In int

// Where a field travels.
const (
	InBody In = iota // a JSON or XML property
	InQuery
	InPath
	InHeader
	InForm
	InCookie
)

// Field is one field of a Struct.
type Field struct {
	// OtherKeys, for a map parameter of the query or a cookie in style
	// form exploded (its keys are pairs, or cookies, of their own), are
	// the keys of its place that are not its: the other parameters' (and
	// their name[...] when deepObject), the API keys'.
	OtherKeys []string
	// Name is the wire name: JSON key, parameter or form field name.
	Name   string
	GoName string
	Doc    string
	Pos    Pos
	Type   TypeRef
	// Pointer is true for optional fields whose zero value is meaningful:
	// nil means absent.
	Pointer  bool
	Required bool
	// Deprecated marks a field the document deprecates.
	Deprecated bool
	// In is where the field travels; Explode is the OpenAPI explode flag of
	// a query array (false: comma-separated in one value).
	In      In
	Explode bool
	// Delimiter separates the items of an array sent with explode false:
	// "," (style form or simple), " " (spaceDelimited) or "|"
	// (pipeDelimited); empty for other fields. It also separates the
	// names and values of a query object (or map) of style
	// spaceDelimited or pipeDelimited, one value (StyleObjectPairs).
	Delimiter string
	// JSONTag and XMLTag are the struct tag values; empty for no tag.
	JSONTag string
	XMLTag  string
	// Default is the spec's default, or nil: a literal of the family the
	// field's kind takes (LitString, LitInt, LitFloat or LitBool for
	// scalars and enums, of the enum's base; LitTime for a date-time,
	// LitDate for a date, LitBytes for bytes, LitJSON for an array,
	// object, map, union or free-form value).
	Default *Literal
	// Rules check the value; ItemRules check each element of an array,
	// or each value of a map. NestedRules go further down, one level
	// each: NestedRules[0] checks each element of each element (the
	// items of an array of arrays, the values of an array of maps or of a
	// map of arrays), NestedRules[1] the level below, and so on.
	Rules       []*Rule
	ItemRules   []*Rule
	NestedRules [][]*Rule
	// Binary marks a field of format binary (or an array of them): in a
	// multipart body, a file part (KindStream, In InBody), or one per
	// item (an array of KindStream).
	Binary bool
	// PartType is, in a multipart body, the Content-Type of the field's
	// parts: "application/json" (or another JSON type) for a JSON part
	// (Style StyleJSON), the encoding's contentType for a file part; empty
	// for a text part (text/plain) and a file part of
	// application/octet-stream.
	PartType string
	// ReadOnly marks a property only responses carry (readOnly): never
	// required in a request, and refused when a request sets it.
	// WriteOnly marks one only requests carry (writeOnly): never required
	// in a response. AccessTag is the nexmogen struct tag value that
	// tells the runtime's presence checks ("readOnly,required"); empty
	// for none.
	ReadOnly, WriteOnly bool
	AccessTag           string
	// Additional marks the field of a struct that holds its other keys
	// (properties beside additionalProperties): a map, filled and written
	// by the struct's generated UnmarshalJSON and MarshalJSON.
	Additional bool
	// Wildcard is the name the server's router gives the value of a path
	// parameter (a Go identifier, unique in its operation); empty for
	// other fields.
	Wildcard string
	// AllowReserved marks a query parameter whose value the client sends
	// with RFC 3986's reserved characters as they are (allowReserved),
	// but those that would change the query's meaning (&, =, #, +).
	AllowReserved bool
	// PathStyle is the style of a path parameter: "simple" (the
	// default), "label" (.5) or "matrix" (;id=5); empty for other fields.
	PathStyle string
	// Style is how an object parameter, or one of content
	// application/json, travels; StyleValue for every other field.
	Style Style
	// PathReserved is, for a path parameter that another follows in its
	// segment ({name}.{ext}), the byte the client percent-encodes in its
	// value besides url.PathEscape's ("." for name), so that the server's
	// split gives the value back whole; empty for other fields.
	PathReserved string
}

// Style is how a parameter whose value is not a scalar or an array of
// scalars travels (OpenAPI's style and explode, or content).
type Style int

// The styles of a parameter.
const (
	// StyleValue is a scalar, or an array as Explode and Delimiter say.
	StyleValue Style = iota
	// StyleObjectExplode is an object of style form, explode true: each
	// property is a pair of its own (?name=x&age=3).
	StyleObjectExplode
	// StyleObjectPairs is an object of style form, explode false: one
	// value of comma-separated names and values (?obj=name,x,age,3).
	StyleObjectPairs
	// StyleDeepObject is an object of style deepObject: a pair per
	// property, keyed obj[name] (?obj[name]=x&obj[age]=3).
	StyleDeepObject
	// StyleJSON is a value of any type written as its JSON text (a
	// parameter with content application/json, or an array of objects,
	// which no style defines): ?filter={"a":1}.
	StyleJSON
)

// Object reports whether s is one of an object's styles, whose
// properties travel as pairs.
func (s Style) Object() bool {
	return s == StyleObjectExplode || s == StyleObjectPairs || s == StyleDeepObject
}

// RuleKind is the kind of a validation rule.
type RuleKind int

// The validation rules.
const (
	RuleRequired RuleKind = iota
	RulePattern
	RuleEnum
	RuleMinimum
	RuleMaximum
	RuleMinLength
	RuleMaxLength
	RuleMinItems
	RuleMaxItems
	RuleUniqueItems
	// RuleMultipleOf checks that a number is a multiple of Bound (above
	// 0).
	RuleMultipleOf
	// RuleFormat checks a string format (Rule.Format): uuid, email, uri,
	// ipv4, ipv6, time, duration.
	RuleFormat
	// RuleMinProperties and RuleMaxProperties bound the number of keys of
	// a map (Bound, a LitInt).
	RuleMinProperties
	RuleMaxProperties
	// RuleNull checks that a free-form value of a schema of type "null"
	// alone (OpenAPI 3.1) is null when present (keyword "type").
	RuleNull
)

// Rule is one check of a field's value.
type Rule struct {
	Kind RuleKind
	Pos  Pos
	// Pattern is the expression of RulePattern.
	Pattern *Pattern
	// Bound is the limit of RuleMinimum and RuleMaximum (LitInt on an
	// integer, LitFloat on a number), of RuleMultipleOf (LitInt when the
	// validators check it exactly, else LitFloat) and of the length, item
	// and property rules (LitInt); LitNone for the other rules.
	Bound Literal
	// Exclusive marks an exclusive minimum or maximum.
	Exclusive bool
	// Format is the format RuleFormat checks, as the spec spells it.
	Format string
}

// Keyword is the rule's keyword as the spec spells it ("maxItems").
func (r *Rule) Keyword() string {
	if r.Exclusive {
		switch r.Kind {
		case RuleMinimum:
			return "exclusiveMinimum"
		case RuleMaximum:
			return "exclusiveMaximum"
		}
	}
	return map[RuleKind]string{
		RuleRequired: "required", RulePattern: "pattern", RuleEnum: "enum",
		RuleMinimum: "minimum", RuleMaximum: "maximum", RuleMinLength: "minLength",
		RuleMaxLength: "maxLength", RuleMinItems: "minItems", RuleMaxItems: "maxItems",
		RuleUniqueItems: "uniqueItems", RuleFormat: "format", RuleMultipleOf: "multipleOf",
		RuleMinProperties: "minProperties", RuleMaxProperties: "maxProperties",
		RuleNull: "type",
	}[r.Kind]
}

// Operation is one HTTP operation.
type Operation struct {
	// ID is the operationId; GoName the method name derived from it.
	ID          string
	GoName      string
	Summary     string
	Description string
	Tag         string
	Deprecated  bool
	Pos         Pos
	Method      string
	Path        string
	// ServerURL is the URL of the operation's own server (of the
	// operation or its path item), with the document's server variables
	// in braces; "" when it is the document's.
	ServerURL string
	// Params holds the path, query and header parameters; nil when none.
	Params *Struct
	// Body is the request body; nil when none.
	Body *Body
	// Responses are in status order, "default" last.
	Responses []*Response
	// Success is the 2xx response the client method returns.
	Success *Response
	// Idempotent operations may be resent on a retryable failure.
	Idempotent bool
	// Pagination, when not nil, makes an iterator over all pages.
	Pagination *Pagination
	// Security is what the operation requires: the document's, or its own.
	Security *Requirement
	// Server holds the server stub's decisions for the operation.
	Server *ServerOperation
	// Accept is the Accept header of the operation's requests.
	Accept Accept
	// Hook, when not nil, makes the operation one the API sends (a
	// webhook or a callback), of a HookGroup; nil for the operations it
	// serves.
	Hook *Hook
}

// Accept is the Accept header a client sends for an operation. Fixed,
// when set, is sent whatever format the client prefers (the success body
// comes in one format, or the operation's errors do when it has no
// success body). Otherwise the client's preference (JSON or XML) picks,
// and JSON and XML are the declared media types to ask for in that
// format, when they are not application/json and application/xml; a
// body by media type (Struct.ByMedia) asks for both formats, the
// preferred one first and the other at q=0.5.
type Accept struct {
	Fixed     string
	JSON, XML string
}

// Media is the codec of a body: how its bytes are read and written.
type Media int

// The codecs.
const (
	MediaJSON Media = iota
	MediaXML
	MediaForm
	MediaProblemJSON
	// MediaStream is bytes as they come (application/octet-stream,
	// image/*, a media type without a schema): an io.Reader, never read
	// into memory by the generated code.
	MediaStream
	// MediaText is a text/* body whose schema is a string: a Go string.
	MediaText
	// MediaMultipart is multipart/form-data: a form struct whose binary
	// properties are file parts (io.Reader), streamed.
	MediaMultipart
)

// MediaType is a media type as the document declares it, and the codec
// that reads and writes it: text/xml and application/vnd.x+xml are XML,
// application/vnd.x+json and application/json-patch+json JSON.
type MediaType struct {
	// Name is the media type without parameters, in lower case.
	Name  string
	Codec Media
	// GoName is the server's variable describing the media type to the
	// runtime; "" for the runtime's own (the codec's standard name).
	GoName string
	// Range marks a media range (image/*, */*): the actual type travels
	// with the body, and the caller says it.
	Range bool
}

// HasCodec reports whether one of ms has codec c.
func HasCodec(ms []*MediaType, c Media) bool {
	for _, m := range ms {
		if m.Codec == c {
			return true
		}
	}
	return false
}

// Body is a request body.
type Body struct {
	// Media is the media type the client sends: JSON when the body
	// offers it, else the first declared.
	Media *MediaType
	// Alternatives, when not empty, are every media type of a JSON or XML
	// body (the same schema), in preference order, Media first: the
	// client encodes the body at run time in the one it is told to
	// prefer, and the server reads each. Empty for one JSON, form, text
	// or stream body.
	Alternatives []*MediaType
	Type         TypeRef
	Required     bool
}

// Response is one declared response of an operation.
type Response struct {
	// Status is the HTTP status; 0 for "default" and for a range.
	Status int
	// Class is the first digit of a range of statuses ("2XX": 2, the
	// statuses 200 to 299); 0 for an exact status and for "default".
	Class int
	// GoName is the server's typed response value for this status: its
	// own struct, or an alias of Shared's TypeName.
	GoName string
	Doc    string
	// Component is the name of the components/responses entry the
	// response refers to; "" for one written in the operation.
	Component string
	// Shared, when set, is the one Go type of the component that every
	// operation referring to it under the same status uses; GoName is
	// then an alias of it.
	Shared *SharedResponse
	// Type is the body type; nil when the response has no body.
	Type *TypeRef
	// Events marks a streamed body whose one media type is
	// text/event-stream: the client reads it as events (SSEStream), the
	// server writes it with an SSEWriter. EventData, when set, is the
	// declared type of each event's data, as JSON (SSEStreamOf).
	Events    bool
	EventData *TypeRef
	// Media lists the body's media types in preference order.
	Media []*MediaType
	// Parts, when not nil, are the alternatives of a response whose media
	// types are of different kinds (a structured body, text, a byte
	// stream, events) or whose JSON (or XML) media types carry different
	// schemas: one per kind and schema, in preference order. Type is then
	// the client's answer (a struct of Type.Name that is not in
	// API.Structs: one pointer per part, the one the answer's
	// Content-Type names set), and the server's response has one field
	// per part, the handler setting one (or several: the request's Accept
	// picks).
	Parts   []*ResponsePart
	Headers []*Header
	// Example is the JSON text of the spec's example of the JSON body (its
	// example, else the first of its examples by name); "" when none.
	Example string
}

// ResponsePart is one kind of body of a response with Parts.
type ResponsePart struct {
	// GoName is the part's field, in the client's answer and the server's
	// response: JSON, XML, Text, Stream, Events, or, for several parts of
	// one format, the media type's name in Go.
	GoName string
	// Media are the part's media types, in preference order.
	Media []*MediaType
	// Type is the part's value: a structured type, KindString for text,
	// KindStream for a byte stream and for events.
	Type TypeRef
	// Events marks text/event-stream; EventData, when set, is the type of
	// each event's data (as Response.Events and EventData say).
	Events    bool
	EventData *TypeRef
}

// Code is the response's key in the document: "200", "2XX", "default".
func (r *Response) Code() string {
	switch {
	case r.Class != 0:
		return strconv.Itoa(r.Class) + "XX"
	case r.Status == 0:
		return "default"
	}
	return strconv.Itoa(r.Status)
}

// Success reports whether the response stands for 2xx statuses only: an
// exact 2xx status or the range 2XX.
func (r *Response) Success() bool {
	return r.Status >= 200 && r.Status < 300 || r.Class == 2
}

// Failure reports whether the response stands for failures the client
// returns as errors: a status of 300 or more, a range from 3XX, or
// "default" (for the statuses no other response declares).
func (r *Response) Failure() bool {
	return r.Status >= 300 || r.Class >= 3 || r.Status == 0 && r.Class == 0
}

// Bounds are the statuses a response without an exact one may answer
// with: its range's, or 100 to 999 for "default".
func (r *Response) Bounds() (lo, hi int) {
	if r.Class != 0 {
		return r.Class * 100, r.Class*100 + 99
	}
	return 100, 999
}

// SharedResponse is a components/responses entry printed as one Go type
// for all the operations that refer to it.
type SharedResponse struct {
	// TypeName is the Go type's name.
	TypeName string
	// Component is the entry's name in the document.
	Component string
	// Users are the operations whose response it is, in the IR's order;
	// Uses their responses, in the same order (the first declares the type).
	Users []*Operation
	Uses  []*Response
}

// Header is a declared response header.
type Header struct {
	Name   string
	GoName string
	Doc    string
	Type   TypeRef
	// Pointer is true when the server's response field for the header is a
	// pointer (nil: not sent); a string header is sent when not empty.
	Pointer bool
}

// Pagination drives an iterator over a paged list operation
// (x-nexmogen-pagination).
type Pagination struct {
	// GoName is the iterator method's name.
	GoName string
	// Page and Size are the params fields of the page index and size.
	Page *Field
	Size *Field
	// FirstPage is the index of the first page.
	FirstPage int64
	// Items and Total are the success body's fields with the page's items
	// and the total over all pages.
	Items *Field
	Total *Field
}
