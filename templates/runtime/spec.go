package runtime

import "encoding/xml"

// This file stands in for what a generated package declares itself: the
// spec's values (runtime_spec.go, built by the generator) and the
// spec-shaped code the runtime calls (the server's Handler and routes).
// The generator never copies it. Its values are an example API that
// declares everything the runtime can use: security schemes of every
// kind, status fields in its bodies, request id headers.

// DefaultBaseURL is the server the client calls unless WithBaseURL says
// otherwise: the first server of the API description.
const DefaultBaseURL = "https://api.example.com"

// serverURL is DefaultBaseURL with its variables in braces, which
// WithServerVariable sets.
const serverURL = "https://{region}.example.com"

// serverVariables are the variables of serverURL.
var serverVariables = []serverVariable{{name: "region", value: "api", enum: []string{"api", "eu"}}}

// DefaultUserAgent is the User-Agent header sent unless WithUserAgent says
// otherwise.
const DefaultUserAgent = "nexmogen-example/1.0"

// packageName prefixes the messages of the package's errors.
const packageName = "example"

// secSchemes are the API's security schemes: a key and secret taken as
// HTTP Basic (basicAuth) or as two query parameters paired with it, a
// bearer token, and API keys in a cookie and a header.
var secSchemes = []secScheme{
	{name: "apiKey", kind: secAPIKey, in: secInQuery, param: "api_key", carrier: 2, part: 0},
	{name: "apiSecret", kind: secAPIKey, in: secInQuery, param: "api_secret", carrier: 2, part: 1, secret: true},
	{name: "basicAuth", kind: secBasic, carrier: -1, secret: true, userName: "apiKey", passwordName: "apiSecret"},
	{name: "bearerAuth", kind: secBearer, carrier: -1, secret: true},
	{name: "cookieKey", kind: secAPIKey, in: secInCookie, param: "sid", carrier: -1, secret: true},
	{name: "headerKey", kind: secAPIKey, in: secInHeader, param: "X-API-Key", carrier: -1, secret: true},
}

// secRequirements are the operations' security requirements: each a list
// of alternatives, each a set of schemes (indexes of secSchemes) that must
// all be met. None means no credentials are needed.
var secRequirements = [][][]int{
	{{2}, {0, 1}},
	{},
	{{3}},
	{{5}, {3}},
	{{4, 5}},
}

// bodyStatusDeclared says the API's bodies carry status fields, whose
// codes in bodySuccessCodes mean success.
const bodyStatusDeclared = true

// bodySuccessCodes are the body status codes that mean success.
var bodySuccessCodes = []string{"0"}

// statusBody reads the status fields of any body, whatever its XML root.
type statusBody struct {
	Code     flexString `json:"status" xml:"-"`
	Label    flexString `json:"error-text" xml:"-"`
	XMLCode  string     `json:"-" xml:"status"`
	XMLLabel string     `json:"-" xml:"error-text"`
}

// The statuses of each class of failure, as the API declares them (here
// HTTP's meaning, with 402 Payment Required as a refusal too).
var (
	classAuthentication = []statusRange{{401, 401}, {403, 403}}
	classRateLimited    = []statusRange{{429, 429}}
	classRefused        = []statusRange{{402, 402}, {409, 409}, {422, 422}}
	classServer         = []statusRange{{500, 599}}
	classInvalidInput   = []statusRange{{400, 400}}
)

// requestIDHeaders are the response headers that identify a request.
var requestIDHeaders = []string{"X-Request-Id", "X-Trace-Id"}

// serverErrorRoot is the XML root element of the error envelopes written
// for requests no operation matched.
const serverErrorRoot = "error"

// srvErrorEnvelope is the API's error body, written by the server itself.
type srvErrorEnvelope struct {
	XMLName xml.Name `json:"-"`
	Code    string   `json:"status" xml:"status"`
	Label   string   `json:"error-text" xml:"error-text"`
}

// NewClient returns a client that authenticates with apiKey and apiSecret.
func NewClient(apiKey, apiSecret string, opts ...Option) (*Client, error) {
	return newClient(append([]Option{setBasic(2, apiKey, apiSecret)}, opts...))
}

// Handler stands in for the interface of the operations' handlers.
type Handler interface{}

// serverRoutes stands in for the API's route table, in precedence order.
var serverRoutes = []srvRoute{}
