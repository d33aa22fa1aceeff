package build

import (
	"fmt"
	"strings"

	"github.com/nexmogen/nexmogen/generator/ir"
)

// describeOperation names an operation in a message: by its operationId, or
// by method and path when it has none.
func describeOperation(e opEntry) string {
	if e.op.OperationID != "" {
		return fmt.Sprintf("operationId %q", e.op.OperationID)
	}
	return fmt.Sprintf("%s %s", strings.ToUpper(e.method), e.path)
}

// nameTaken reports an operation whose Go method name is already taken,
// by the operation described by other ("" when the generated client
// itself declares the name): at its operationId, or, for a name derived
// from method and path, at the operation.
func (b *builder) nameTaken(e opEntry, op *ir.Operation, other string) {
	owner := "the generated client already declares"
	if other != "" {
		owner = other + " already has"
	}
	if e.op.OperationID == "" {
		b.diags.Addf(e.pos, "%s has no operationId and its method and path make the Go name %s, which %s: give it an operationId",
			describeOperation(e), op.GoName, owner)
		return
	}
	b.diags.Addf(b.fieldPos(e.op.Origin, "operationId"), "operationId %q becomes the Go name %s, which %s", op.ID, op.GoName, owner)
}
