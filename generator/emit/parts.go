package emit

import "strings"

// Part is the part of a generated package a file belongs to.
type Part int

// The parts: Shared files (models, enums, validators, defaults, the shared
// runtime) are in every package; Client and Server files only when that
// side is generated.
const (
	Shared Part = iota
	Client
	Server
)

// clientFiles are the files only the client uses: its operations and
// their encoders, credentials and pages. The client runtime's core
// (client.go, client_errors.go, client_media.go, client_retry.go,
// client_security.go, client_transport.go) is shared: runtime_spec.go's
// values for both sides are of its types.
var clientFiles = map[string]bool{
	"client_operations.go":  true,
	"client_credentials.go": true,
	"client_encode.go":      true,
	"client_pagination.go":  true,
	"client_pages.go":       true,
	ExampleFile:             true, // a call of the client
}

// PartOf is the part of the package the file named name belongs to. A
// package of either part alone compiles (generator's
// TestGoldenConfigCompiles).
func PartOf(name string) Part {
	switch {
	case clientFiles[name]:
		return Client
	case strings.HasPrefix(name, "server"):
		return Server
	}
	return Shared
}
