package templates

import (
	"strconv"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// The envelope's field names when the document declares no
// x-nexmogen-body-status.
const (
	defaultEnvelopeCode  = "code"
	defaultEnvelopeLabel = "message"
)

// Server is the view of the server runtime templates.
type Server struct {
	// Name is the Go package name of the output.
	Name string
	// Auth is true when the API declares credentials; KeyParam and
	// SecretParam name the query pair (empty when there is none) and Basic
	// says HTTP Basic is declared.
	Auth        bool
	KeyParam    string
	SecretParam string
	Basic       bool
	// CodeTag and LabelTag are the struct tags, as Go string literals, of
	// the error envelope's status code and label fields.
	CodeTag  string
	LabelTag string
	// ErrorRoot is the XML root of envelopes outside any operation.
	ErrorRoot string
}

// NewServer computes the Server view of api.
func NewServer(api *ir.API) any {
	code, label := defaultEnvelopeCode, defaultEnvelopeLabel
	if api.BodyStatus != nil {
		code, label = api.BodyStatus.Code, api.BodyStatus.Label
	}
	return &Server{
		Name:        api.Package,
		Auth:        api.Auth.KeyParam != "" || api.Auth.Basic,
		KeyParam:    api.Auth.KeyParam,
		SecretParam: api.Auth.SecretParam,
		Basic:       api.Auth.Basic,
		CodeTag:     tag(code),
		LabelTag:    tag(label),
		ErrorRoot:   api.ServerErrorRoot,
	}
}

// tag is the Go literal of a struct tag naming a JSON key and an XML
// element.
func tag(name string) string {
	return strconv.Quote(`json:` + strconv.Quote(name) + ` xml:` + strconv.Quote(name))
}
