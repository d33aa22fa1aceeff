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

// PartOf is the part of the package the file named name belongs to: the
// client's files (its runtime and its spec-shaped code, and the example
// that calls it) are named client*.go, the server's server*.go; the others
// (models, enums, validators, defaults, wire twins, runtime_spec.go and
// the types of its values, spec_types.go, Secret, the validators' runtime)
// are shared. A package of either part alone compiles and holds no code of
// the other (generator's TestGoldenConfigCompiles, TestOneSideOnly).
func PartOf(name string) Part {
	switch {
	case strings.HasPrefix(name, "client"), name == ExampleFile:
		return Client
	case strings.HasPrefix(name, "server"):
		return Server
	}
	return Shared
}
