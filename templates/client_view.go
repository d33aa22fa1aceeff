package templates

import "github.com/nexmogen/nexmogen/generator/ir"

// Client is the view of the client's runtime templates (client.go.tmpl,
// client_errors.go.tmpl, client_transport.go.tmpl): the package, its
// default server, how it authenticates and how bodies report failure.
type Client struct {
	// Name is the Go package name of the output.
	Name string
	// BaseURL is the default server URL.
	BaseURL string
	// UserAgent is the default User-Agent header.
	UserAgent string
	// KeyParam and SecretParam name the query parameters of the key pair;
	// QueryAuth is true when the document declares them.
	KeyParam    string
	SecretParam string
	QueryAuth   bool
	// Basic is true when the document declares HTTP Basic; it is then the
	// default, because it keeps the secret out of URLs.
	Basic bool
	// BodyStatus, when not nil, names the body's status fields.
	BodyStatus *ClientBodyStatus
	// RequestIDHeaders are the response headers kept on errors, in
	// preference order.
	RequestIDHeaders []string
}

// ClientBodyStatus is the view of ir.BodyStatus.
type ClientBodyStatus struct {
	// Code and Label are the wire names of the status fields.
	Code  string
	Label string
	// Success lists the codes that mean success.
	Success []string
}

// NewClient computes the Client view of api.
func NewClient(api *ir.API) any {
	v := &Client{
		Name:             api.Package,
		BaseURL:          api.BaseURL,
		UserAgent:        "nexmogen-" + api.Package + "/" + api.Version,
		KeyParam:         api.Auth.KeyParam,
		SecretParam:      api.Auth.SecretParam,
		QueryAuth:        api.Auth.KeyParam != "" && api.Auth.SecretParam != "",
		Basic:            api.Auth.Basic,
		RequestIDHeaders: api.RequestIDHeaders,
	}
	if bs := api.BodyStatus; bs != nil {
		v.BodyStatus = &ClientBodyStatus{Code: bs.Code, Label: bs.Label, Success: bs.Success}
	}
	return v
}
