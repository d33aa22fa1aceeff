package build

import (
	"slices"
	"strconv"
	"strings"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// defaultErrorClasses are HTTP's meaning of the statuses: 401 and 403 are
// refused credentials, 429 a rate limit, 409 and 422 a refused action, 5xx
// a server failure, 400 invalid input.
func defaultErrorClasses() ir.ErrorClasses {
	return ir.ErrorClasses{
		Authentication: []ir.StatusRange{{Lo: 401, Hi: 401}, {Lo: 403, Hi: 403}},
		RateLimited:    []ir.StatusRange{{Lo: 429, Hi: 429}},
		Refused:        []ir.StatusRange{{Lo: 409, Hi: 409}, {Lo: 422, Hi: 422}},
		Server:         []ir.StatusRange{{Lo: 500, Hi: 599}},
		InvalidInput:   []ir.StatusRange{{Lo: 400, Hi: 400}},
	}
}

// errorClasses reads x-nexmogen-error-classes: {CLASS: [STATUS, ...]}, a
// class (authentication, rateLimited, refused, server, invalidInput)
// replacing its default statuses with the listed ones ("409", or "5XX" for
// a hundred).
func (b *builder) errorClasses() {
	b.api.ErrorClasses = defaultErrorClasses()
	v, ok := b.doc.T.Extensions[extErrClasses]
	if !ok {
		return
	}
	at := b.fieldPos(b.doc.T.Origin, extErrClasses)
	var classes map[string][]string
	if err := decodeExtension(v, &classes); err != nil {
		b.diags.Addf(at, "%s must be {CLASS: [STATUS, ...]}", extErrClasses)
		return
	}
	c := &b.api.ErrorClasses
	dst := map[string]*[]ir.StatusRange{
		"authentication": &c.Authentication, "rateLimited": &c.RateLimited, "refused": &c.Refused,
		"server": &c.Server, "invalidInput": &c.InvalidInput,
	}
	for _, name := range sortedKeys(classes) {
		d, ok := dst[name]
		if !ok {
			b.diags.Addf(at, "%s: unknown class %q: the classes are authentication, rateLimited, refused, server and invalidInput", extErrClasses, name)
			continue
		}
		*d = nil
		for _, code := range classes[name] {
			r, ok := statusRange(code)
			if !ok {
				b.diags.Addf(at, "%s: %s: %q is not a status (\"409\") or a hundred (\"5XX\")", extErrClasses, name, code)
				continue
			}
			*d = append(*d, r)
		}
		slices.SortFunc(*d, func(x, y ir.StatusRange) int { return x.Lo - y.Lo })
	}
}

// statusRange reads "409" or "5XX".
func statusRange(code string) (ir.StatusRange, bool) {
	if len(code) != 3 || code[0] < '1' || code[0] > '5' {
		return ir.StatusRange{}, false
	}
	if strings.EqualFold(code[1:], "XX") {
		lo := int(code[0]-'0') * 100
		return ir.StatusRange{Lo: lo, Hi: lo + 99}, true
	}
	n, err := strconv.Atoi(code)
	if err != nil {
		return ir.StatusRange{}, false
	}
	return ir.StatusRange{Lo: n, Hi: n}, true
}
