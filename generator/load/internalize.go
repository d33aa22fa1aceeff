package load

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// internalize copies the components that $refs reached in other files
// into the document's own components and points the $refs at them, so that
// the builder sees one document (kin-openapi's InternalizeRefs). The
// values keep their origins, in the files they are written in. A copied
// component is named after what the $ref points at: the last element of
// its fragment ("models.yaml#/components/schemas/Pet" → Pet), or the file's
// base name for a file that is one schema ("pet.yaml" → pet). When that
// name is already a component's, kin-openapi's longer name, made of the
// file's path and the fragment, is used instead (models_Pet), and a
// number is added after it if even that is taken.
func (d *Doc) internalize() {
	n := &componentNamer{byRef: make(map[string]string), taken: make(map[string]bool)}
	n.seed(d.T.Components)
	d.T.InternalizeRefs(context.Background(), n.name)
}

// componentNamer hands out the names of internalized components; it is
// injective, as InternalizeRefs requires.
type componentNamer struct {
	// byRef maps a collection and the absolute $ref target to its name.
	byRef map[string]string
	// taken holds "collection name" pairs in use.
	taken map[string]bool
}

// seed marks the document's own component names as taken.
func (n *componentNamer) seed(c *openapi3.Components) {
	if c == nil {
		return
	}
	mark := func(collection string, names []string) {
		for _, name := range names {
			n.taken[collection+" "+name] = true
		}
	}
	mark("schemas", sortedKeys(c.Schemas))
	mark("parameters", sortedKeys(c.Parameters))
	mark("headers", sortedKeys(c.Headers))
	mark("requestBodies", sortedKeys(c.RequestBodies))
	mark("responses", sortedKeys(c.Responses))
	mark("securitySchemes", sortedKeys(c.SecuritySchemes))
	mark("examples", sortedKeys(c.Examples))
	mark("links", sortedKeys(c.Links))
	mark("callbacks", sortedKeys(c.Callbacks))
}

// name is the RefNameResolver of internalize.
func (n *componentNamer) name(doc *openapi3.T, ref openapi3.ComponentRef) string {
	if inRoot, ok := openapi3.ReferencesComponentInRootDocument(doc, ref); ok {
		return path.Base(inRoot)
	}
	collection := ref.CollectionName()
	key := collection + " " + ref.RefPath().String()
	if name, ok := n.byRef[key]; ok {
		return name
	}
	name := shortName(ref)
	if name == "" || n.taken[collection+" "+name] {
		name = openapi3.DefaultRefNameResolver(doc, ref)
	}
	for i, base := 2, name; n.taken[collection+" "+name]; i++ {
		name = fmt.Sprintf("%s_%d", base, i)
	}
	n.taken[collection+" "+name] = true
	n.byRef[key] = name
	return name
}

// shortName is the last element of a $ref's fragment, or the base name of
// its file without the extension; "" when it is not a valid component
// name.
func shortName(ref openapi3.ComponentRef) string {
	u := ref.RefPath()
	name := path.Base(u.Fragment)
	if u.Fragment == "" || name == "/" || name == "." {
		name = strings.TrimSuffix(path.Base(u.Path), path.Ext(u.Path))
	}
	if !openapi3.IdentifierRegExp.MatchString(name) {
		return ""
	}
	return name
}
