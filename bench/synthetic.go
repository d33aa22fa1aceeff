// Package bench measures nexmogen against oapi-codegen v2.8.2, ogen v1.24.0
// and kin-openapi's openapi3filter, side by side in one go test -bench run.
// Run gen.sh first: the peers' code is generated into gen/, not committed.
package bench

import (
	"fmt"
	"strings"
)

// SyntheticSpec returns an OpenAPI 3.0.3 document of ops operations, each a
// GET with a required patterned query parameter, a bounded integer and an
// enum, answering its own object schema in JSON and XML: the shape of the
// Nexmo spec's list calls, repeated, so the cost per operation can be read off.
func SyntheticSpec(ops int) []byte {
	var b strings.Builder
	b.WriteString(`openapi: 3.0.3
info:
  title: Synthetic
  version: "1"
  description: A synthetic spec for the generation benchmarks.
servers:
  - url: https://example.com
paths:
`)
	for i := range ops {
		fmt.Fprintf(&b, `  /thing%[1]d/search:
    get:
      operationId: searchThing%[1]d
      summary: Search things of kind %[1]d.
      parameters:
        - name: country
          in: query
          required: true
          description: An ISO 3166-1 alpha-2 code.
          schema: {type: string, pattern: "^[A-Z]{2}$"}
        - name: size
          in: query
          description: The page size.
          schema: {type: integer, minimum: 1, maximum: 100, default: 10}
        - name: kind
          in: query
          description: The kind.
          schema: {type: string, enum: [small, large]}
      responses:
        "200":
          description: A page.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing%[1]dPage"}
            application/xml:
              schema: {$ref: "#/components/schemas/Thing%[1]dPage"}
`, i)
	}
	b.WriteString("components:\n  schemas:\n")
	for i := range ops {
		fmt.Fprintf(&b, `    Thing%[1]dPage:
      type: object
      description: A page of things %[1]d.
      xml: {name: things}
      properties:
        count: {type: integer, description: The total.}
        items:
          type: array
          description: The things.
          items: {$ref: "#/components/schemas/Thing%[1]d"}
    Thing%[1]d:
      type: object
      description: A thing %[1]d.
      required: [id]
      properties:
        id: {type: string, description: The id., pattern: "^[0-9]{6,15}$"}
        name: {type: string, description: The name., maxLength: 40}
        cost: {type: string, description: The cost.}
        tags:
          type: array
          description: The tags.
          xml: {wrapped: true}
          items: {type: string, xml: {name: tag}}
`, i)
	}
	return []byte(b.String())
}
