package advanceai

/*
#include <stdlib.h>
#include "advanceai.h"

// Everything an error object holds, read in one cgo call.
typedef struct {
	const char *code;
	const char *message;
	const char *transaction_id;
	uint16_t http_status;
	bool retryable;
	bool may_have_been_processed;
	bool refuses_account;
	bool safe_to_resend;
	bool faults_the_request;
} aai_error_view;

static void aai_read_error(const advanceai_error *e, aai_error_view *v) {
	v->code = advanceai_error_code(e);
	v->message = advanceai_error_message(e);
	v->transaction_id = advanceai_error_transaction_id(e);
	v->http_status = advanceai_error_http_status(e);
	v->retryable = advanceai_error_retryable(e);
	v->may_have_been_processed = advanceai_error_may_have_been_processed(e);
	v->refuses_account = advanceai_error_refuses_account(e);
	v->safe_to_resend = advanceai_error_safe_to_resend(e);
	v->faults_the_request = advanceai_error_faults_the_request(e);
}
*/
import "C"

import (
	"errors"
	"strings"
	"unsafe"
)

// Error is the failure of a call. Its strings never hold a key, a token or person data.
//
// The flags (Retryable, MayHaveBeenProcessed, RefusesAccount, SafeToResend,
// FaultsTheRequest) are the C library's one verdict on the failure, for the call that
// failed. An error this package makes itself, before calling C (StatusInvalidInput for a
// NUL byte in a string or a WaitOptions.Timeout that is not positive, StatusConfigError
// for a Config it refuses), answers as the C library answers its own refusals: nothing
// was sent, so SafeToResend is true; FaultsTheRequest is true for a refused argument, not
// for a refused configuration; the other flags are false.
type Error struct {
	// Kind is what went wrong (the status the C call returned).
	Kind Status
	// Code is the API's code ("PARAMETER_ERROR", "SIGNATURE_NOT_EXIST"...) for API errors
	// and local refusals; "" otherwise.
	Code string
	// Message says what happened; for API errors and local refusals it contains the
	// server's own message.
	Message string
	// TransactionID is the vendor's id of the failed call (quote it to support), or "".
	TransactionID string
	// HTTPStatus is the HTTP status of a StatusUnexpectedResponse (502 from a proxy...);
	// 0 for every other kind.
	HTTPStatus int
	// Retryable says whether sending the same request again later may succeed and cannot
	// bill twice: the failure is transient (network, HTTP 5xx/429, SERVICE_BUSY, a pending
	// result) and the call is idempotent or provably not processed. A billable call
	// (VerifyIDNumber, GenerateURL) that may have been processed is never retryable (see
	// MayHaveBeenProcessed), nor is a TLS failure.
	Retryable bool
	// MayHaveBeenProcessed is false only when the request provably never left (local
	// refusal, connection refused...): resending a billable request may bill twice.
	MayHaveBeenProcessed bool
	// RefusesAccount says whether the failure refuses the whole account (wrong keys, no
	// balance, quota, disabled account): no other request can succeed until someone acts,
	// so a batch should stop.
	RefusesAccount bool
	// SafeToResend says whether sending the same request again cannot bill twice: the
	// call is idempotent (GetResult, Token), or the request was provably not processed. It
	// says nothing of whether the resend can succeed (see Retryable).
	SafeToResend bool
	// FaultsTheRequest says whether the request itself is wrong (a local refusal,
	// PARAMETER_ERROR, an unknown signatureId): sending it unchanged can never succeed.
	FaultsTheRequest bool
}

// Error is "advanceai: KIND: message (code CODE) (transaction ID)", the code and the
// transaction id added only when the message does not already say them.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("advanceai: ")
	b.WriteString(e.Kind.String())
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.Code != "" && !strings.Contains(e.Message, e.Code) {
		b.WriteString(" (code ")
		b.WriteString(e.Code)
		b.WriteString(")")
	}
	if e.TransactionID != "" && !strings.Contains(e.Message, e.TransactionID) {
		b.WriteString(" (transaction ")
		b.WriteString(e.TransactionID)
		b.WriteString(")")
	}
	return b.String()
}

// Is makes errors.Is(err, target) true when target is an *Error of the same Kind and,
// if target.Code is set, the same Code: errors.Is(err, ErrTimeout), or
// errors.Is(err, &Error{Kind: StatusAPIError, Code: "SIGNATURE_NOT_EXIST"}).
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok || t == nil {
		return false
	}
	return t.Kind == e.Kind && (t.Code == "" || t.Code == e.Code)
}

// Sentinels for errors.Is, one per kind a caller usually branches on.
var (
	ErrInvalidInput       error = &Error{Kind: StatusInvalidInput}
	ErrAPI                error = &Error{Kind: StatusAPIError}
	ErrTransport          error = &Error{Kind: StatusTransportError}
	ErrTimeout            error = &Error{Kind: StatusTimeout}
	ErrUnexpectedResponse error = &Error{Kind: StatusUnexpectedResponse}
	ErrParse              error = &Error{Kind: StatusParseError}
	ErrResponseTooLarge   error = &Error{Kind: StatusResponseTooLarge}
	ErrConfig             error = &Error{Kind: StatusConfigError}
	ErrResultPending      error = &Error{Kind: StatusResultPending}
	ErrMissingData        error = &Error{Kind: StatusMissingData}
)

// ErrClosed is returned by every call on a closed (or nil) Client.
var ErrClosed = errors.New("advanceai: the client is closed")

// takeError copies the C error object into Go memory and frees it. A failing call that
// wrote no error object (the configuration setters give none) gets one made by C, so that
// its answers are the library's too.
func takeError(status C.advanceai_status, cerr *C.advanceai_error) *Error {
	if cerr == nil {
		return localError(Status(status), Status(status).Description())
	}
	defer C.advanceai_error_free(cerr)
	e := &Error{Kind: Status(status)}
	var v C.aai_error_view
	C.aai_read_error(cerr, &v)
	e.Code = goString(v.code)
	e.Message = goString(v.message)
	e.TransactionID = goString(v.transaction_id)
	e.HTTPStatus = int(v.http_status)
	e.Retryable = bool(v.retryable)
	e.MayHaveBeenProcessed = bool(v.may_have_been_processed)
	e.RefusesAccount = bool(v.refuses_account)
	e.SafeToResend = bool(v.safe_to_resend)
	e.FaultsTheRequest = bool(v.faults_the_request)
	return e
}

// localError is a refusal made by this package before calling C (nothing was sent). C
// makes its error object (advanceai_error_new), so its verdict is the library's own answer
// for such a refusal, not a rule written again here.
func localError(kind Status, message string) *Error {
	cmessage := C.CString(strings.ReplaceAll(message, "\x00", ""))
	defer C.free(unsafe.Pointer(cmessage))
	var cerr *C.advanceai_error
	if C.advanceai_error_new(C.uint32_t(kind), cmessage, &cerr) != C.ADVANCEAI_STATUS_OK {
		// Only refusals have a verdict made before sending; any other kind has none to give.
		return &Error{Kind: kind, Message: message}
	}
	return takeError(C.advanceai_status(kind), cerr)
}

// goString copies a C string into Go memory; NULL is "".
func goString(s *C.char) string {
	if s == nil {
		return ""
	}
	return C.GoString(s)
}
