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

// sharedClientFiles are the client_ files the server's code uses too.
var sharedClientFiles = map[string]bool{
	"client_media.go": true, // flexString, the body-status decoding of runtime_spec.go
}

// PartOf is the part of the package the file named name belongs to: the
// client's files are client*.go, the server's server*.go. A package of
// either part alone compiles (generator's TestGenerateParts).
func PartOf(name string) Part {
	switch {
	case sharedClientFiles[name]:
		return Shared
	case strings.HasPrefix(name, "client"):
		return Client
	case strings.HasPrefix(name, "server"):
		return Server
	}
	return Shared
}
