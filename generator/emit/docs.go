package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// untagged is the heading of the operations without a tag.
const untagged = "Other operations"

// operationsDoc adds to the package comment the operations, grouped by
// tag in the order the tags first appear in the document, each with its
// method, path and summary, and points at the package example.
func operationsDoc(api *ir.API, f *jen.File) {
	if len(api.Operations) == 0 {
		return
	}
	var tags []string
	byTag := map[string][]*ir.Operation{}
	for _, op := range api.Operations {
		tag := strings.TrimSpace(op.Tag)
		if tag == "" {
			tag = untagged
		}
		if byTag[tag] == nil {
			tags = append(tags, tag)
		}
		byTag[tag] = append(byTag[tag], op)
	}
	lines := []string{"", "# Operations", "",
		"Each operation is a method of the client (see [NewClient]) and, when the",
		"server stubs are generated, of Handler; by tag:"}
	for _, tag := range tags {
		lines = append(lines, "", singleLineDoc(tag)+":", "")
		for _, op := range byTag[tag] {
			line := "  - " + op.GoName + ": " + op.Method + " " + op.Path
			if s := singleLineDoc(op.Summary); s != "" {
				line += ". " + strings.TrimSuffix(s, ".") + "."
			}
			if op.Deprecated {
				line += " Deprecated."
			}
			lines = append(lines, line)
		}
	}
	for _, l := range lines {
		f.PackageComment(strings.TrimRight(commentSafe(l), " "))
	}
}

// singleLineDoc is text on one line: its line breaks and runs of spaces
// become single spaces.
func singleLineDoc(text string) string {
	return strings.Join(strings.Fields(text), " ")
}
