package build

import (
	"slices"
	"strings"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// accepts decides the Accept header of every operation (ir.Accept).
func (b *builder) accepts() {
	for _, op := range b.api.AllOperations() {
		op.Accept = b.accept(op)
	}
}

// accept is the Accept header an operation needs whatever the client
// prefers (Fixed): the declared media type of its success body when that
// body comes in one format only. When it comes in JSON and XML, the
// client's preference picks, and JSON and XML are the declared names that
// are not application/json and application/xml.
//
// A body by media type (its JSON and XML schemas differ) is asked for in
// both, the preferred format's media types first and the others at q=0.5,
// so that a server that has only the other one can still answer.
func (b *builder) accept(op *ir.Operation) ir.Accept {
	if op.Success == nil || op.Success.Type == nil || len(op.Success.Media) == 0 {
		return ir.Accept{Fixed: errorAccept(op)}
	}
	if op.Success.Parts != nil {
		return ir.Accept{Fixed: partsAccept(op.Success)}
	}
	if st := b.structByName(op.Success.Type.Name); op.Success.Type.Kind == ir.KindStruct && st != nil && st.ByMedia != nil {
		return ir.Accept{JSON: byMediaAccept(st, ir.MediaJSON), XML: byMediaAccept(st, ir.MediaXML)}
	}
	if c := op.Success.Media[0].Codec; c == ir.MediaStream || c == ir.MediaText {
		names := make([]string, len(op.Success.Media))
		for i, m := range op.Success.Media {
			names[i] = m.Name
		}
		return ir.Accept{Fixed: strings.Join(names, ", ")}
	}
	var json, xml *ir.MediaType
	for _, m := range op.Success.Media {
		if (m.Codec == ir.MediaJSON || m.Codec == ir.MediaProblemJSON) && json == nil {
			json = m
		}
		if m.Codec == ir.MediaXML && xml == nil {
			xml = m
		}
	}
	switch {
	case xml == nil:
		return ir.Accept{Fixed: json.Name}
	case json == nil:
		return ir.Accept{Fixed: xml.Name}
	}
	var a ir.Accept
	if json.Name != "application/json" {
		a.JSON = json.Name
	}
	if xml.Name != "application/xml" {
		a.XML = xml.Name
	}
	return a
}

// errorAccept is the Accept header of an operation whose success has no
// body: the media types of its error bodies, when they come in one format
// (the client's preference picks otherwise), so that a server answering
// only application/problem+json is not asked for application/json.
func errorAccept(op *ir.Operation) string {
	var names []string
	formats := map[bool]bool{}
	for _, r := range op.Responses {
		if r.Type == nil || r == op.Success {
			continue
		}
		for _, m := range r.Media {
			switch m.Codec {
			case ir.MediaJSON, ir.MediaProblemJSON, ir.MediaXML:
				formats[m.Codec == ir.MediaXML] = true
				if !slices.Contains(names, m.Name) {
					names = append(names, m.Name)
				}
			}
		}
	}
	if len(formats) != 1 {
		return ""
	}
	return strings.Join(names, ", ")
}

// byMediaAccept is the Accept header asking for a body by media type in
// the format of codec first: that format's media types, then the others
// at q=0.5.
func byMediaAccept(st *ir.Struct, codec ir.Media) string {
	var first, then []string
	for _, ms := range st.ByMedia {
		for _, m := range ms {
			if (m.Codec == ir.MediaXML) == (codec == ir.MediaXML) {
				first = append(first, m.Name)
			} else {
				then = append(then, m.Name+";q=0.5")
			}
		}
	}
	return strings.Join(append(first, then...), ", ")
}

// partsAccept is the Accept header of a response with parts: every media
// type, in preference order.
func partsAccept(r *ir.Response) string {
	names := make([]string, len(r.Media))
	for i, m := range r.Media {
		names[i] = m.Name
	}
	return strings.Join(names, ", ")
}
