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
	// PathParams are the names the router sets the operation's path
	// values under (its parameters' Wildcard), in the order of the path
	// template.
	PathParams []string
	// Media are the media types the server can answer with, in preference
	// order: the union of the responses' media.
	Media []*MediaType
	// ErrorRoot is the XML root element of the error envelopes the server
	// writes for the operation (400, 401, 406, 413, 415, 500).
	ErrorRoot string
	// Bodiless is true when a declared response has no body: a request
	// whose Accept the operation's media types cannot meet is still
	// served (such an answer needs no negotiation; RFC 9110 lets a server
	// disregard Accept rather than answer 406).
	Bodiless bool
	// Gzip is true for an operation with a body that declares a
	// Content-Encoding header parameter: the server decompresses a gzip
	// body (and the client compresses the body it sends under gzip).
	Gzip bool
}

// Route is one path template of the server's router, with the operations
// that serve it, one per method. Templates that differ only in the names
// of their parameters are one route.
type Route struct {
	// Path is the OpenAPI path template of its first operation.
	Path string
	// Segments are the template's segments between slashes, each the
	// literal texts around its parameters: one text for a literal segment,
	// n+1 for a segment of n parameters ("{Sid}.json" is "", ".json").
	Segments [][]string
	// Allow is the Allow header of a 405: the methods of Ops, with HEAD
	// after GET.
	Allow string
	// Ops are the route's operations, by method.
	Ops []*Operation
}
