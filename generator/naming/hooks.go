package naming

// The names of the webhooks' handler and sender, and of their
// constructors.
const (
	WebhookHandler    = "WebhookHandler"
	NewWebhookHandler = "NewWebhookHandler"
	WebhookSender     = "WebhookSender"
	NewWebhookSender  = "NewWebhookSender"
	// WebhookPrefix starts the Go name of every webhook operation, which
	// names its types ("newPet" → WebhookNewPetBody, WebhookNewPetInput).
	WebhookPrefix = "Webhook"
)

// CallbackGroup names the handler interface, its constructor, the sender
// and its constructor of the callbacks of an operation ("CreateStream" →
// CreateStreamCallbackHandler, NewCreateStreamCallbackHandler,
// CreateStreamCallbackSender, NewCreateStreamCallbackSender).
func CallbackGroup(op string) (handler, newHandler, sender, newSender string) {
	return op + "CallbackHandler", "New" + op + "CallbackHandler", op + "CallbackSender", "New" + op + "CallbackSender"
}

// HookMethod is the Go method of a webhook's or a callback's operation in
// its handler interface and sender: its operationId when it has one, else
// the webhook's or callback's name, after the HTTP method when its path
// item has several ("newPet" → NewPet; "post", "onData" with a put beside
// it → PostOnData).
func HookMethod(operationID, name, method string, severalMethods bool) string {
	if operationID != "" {
		return Exported(operationID)
	}
	if severalMethods {
		return Exported(method + " " + name)
	}
	return Exported(name)
}
