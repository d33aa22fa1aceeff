package ir

// ServerOperation is what the server stub needs to serve one operation.
type ServerOperation struct {
	// Input is the type name of the request struct handed to the handler.
	Input string
	// Response is the name of the interface every typed response of the
	// operation implements; Marker is its unexported marker method.
	Response string
	Marker   string
	// Serve is the unexported method of the server type that serves the
	// operation, Bind the function that binds its request, and Descriptor
	// the package-level variable describing it to the runtime.
	Serve      string
	Bind       string
	Descriptor string
	// Route is the net/http ServeMux pattern, method and path
	// ("GET /account/get-pricing/outbound/{type}").
	Route string
	// Media are the media types the server can answer with, in preference
	// order: the union of the responses' media.
	Media []*MediaType
	// ErrorRoot is the XML root element of the error envelopes the server
	// writes for the operation (400, 401, 406, 413, 415, 500).
	ErrorRoot string
}
