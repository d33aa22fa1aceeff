package ir

import (
	"errors"
	"go/token"
	"strings"
)

// GoType is a Go type of the user's, named by its import path and type
// name: "example.com/money.Decimal" is {Path: "example.com/money", Name:
// "Decimal"}.
type GoType struct {
	Path, Name string
}

// String is the type as written: path.Name.
func (t GoType) String() string { return t.Path + "." + t.Name }

// ParseGoType reads "import/path.TypeName". The path is what an import
// declaration takes (letters, digits and -._~+/), the name an exported
// identifier.
func ParseGoType(s string) (*GoType, error) {
	dot := strings.LastIndexByte(s, '.')
	if dot <= strings.LastIndexByte(s, '/') || dot == 0 {
		return nil, errors.New("a Go type is written import/path.TypeName, for example example.com/money.Decimal")
	}
	t := &GoType{Path: s[:dot], Name: s[dot+1:]}
	if !token.IsIdentifier(t.Name) || !token.IsExported(t.Name) {
		return nil, errors.New("the type name " + quote(t.Name) + " is not an exported Go identifier")
	}
	for _, r := range t.Path {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~+/", r)) {
			return nil, errors.New("the import path " + quote(t.Path) + " holds " + quote(string(r)) + ", which an import path cannot")
		}
	}
	if strings.HasPrefix(t.Path, "/") || strings.HasSuffix(t.Path, "/") || strings.Contains(t.Path, "//") {
		return nil, errors.New("the import path " + quote(t.Path) + " is not a Go import path")
	}
	return t, nil
}

// quote is s in double quotes.
func quote(s string) string { return `"` + s + `"` }
