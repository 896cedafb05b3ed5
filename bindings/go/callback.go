package advanceai

/*
#include "advanceai.h"

// Both fields of a callback, read in one cgo call.
typedef struct {
	const char *signature_id;
	const char *type; // read as v._type in Go (type is a keyword there)
} aai_callback_view;

static void aai_read_callback(const advanceai_callback *c, aai_callback_view *v) {
	v->signature_id = advanceai_callback_signature_id(c);
	v->type = advanceai_callback_type(c);
}
*/
import "C"

import "runtime"

// The documented values of Callback.Type; a newer value is kept as sent.
const (
	// CallbackCompleted: the verification has a final result.
	CallbackCompleted = "COMPLETED"
	// CallbackSubmitCompleted: the user's page finished submitting.
	CallbackSubmitCompleted = "SUBMIT_COMPLETED"
)

// Callback is the notification the vendor posts to a URLRequest.CallbackURL. It is
// unsigned and not guaranteed: authenticate it with a token in the callback URL, treat it
// as a hint, and fetch the outcome with GetResult.
type Callback struct {
	// SignatureID is the transaction that changed (fetch its result with GetResult), or ""
	// when absent.
	SignatureID string
	// Type is what happened: CallbackCompleted, CallbackSubmitCompleted or a newer value
	// kept as sent; "" when absent.
	Type string
}

// ParseCallback parses the body the vendor posts to a callback URL
// ({"signatureId":...,"type":...}, not an envelope). A body that cannot be read (empty, not
// JSON, a field of the wrong type, a field twice) is an *Error of kind StatusParseError
// whose message gives the position, never the body's text. Needs no client.
func ParseCallback(body []byte) (*Callback, error) {
	var out *C.advanceai_callback
	var cerr *C.advanceai_error
	st := C.advanceai_parse_callback(bytesPtr(body), C.size_t(len(body)), &out, &cerr)
	runtime.KeepAlive(body)
	if st != C.ADVANCEAI_STATUS_OK {
		return nil, takeError(st, cerr)
	}
	defer C.advanceai_callback_free(out)
	var v C.aai_callback_view
	C.aai_read_callback(out, &v)
	return &Callback{SignatureID: goString(v.signature_id), Type: goString(v._type)}, nil
}
