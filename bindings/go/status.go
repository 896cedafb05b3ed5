package advanceai

// #include "advanceai.h"
import "C"

import "strconv"

// Status is the kind of a failure: the C library's advanceai_status, same numeric values
// (they are stable; a value is never reused).
type Status uint32

// The statuses, taken from the C header so that they cannot drift.
const (
	StatusOK                 Status = C.ADVANCEAI_STATUS_OK
	StatusNullParameter      Status = C.ADVANCEAI_STATUS_NULL_PARAMETER
	StatusInvalidUTF8        Status = C.ADVANCEAI_STATUS_INVALID_UTF8
	StatusInvalidInput       Status = C.ADVANCEAI_STATUS_INVALID_INPUT
	StatusAPIError           Status = C.ADVANCEAI_STATUS_API_ERROR
	StatusTransportError     Status = C.ADVANCEAI_STATUS_TRANSPORT_ERROR
	StatusTimeout            Status = C.ADVANCEAI_STATUS_TIMEOUT
	StatusUnexpectedResponse Status = C.ADVANCEAI_STATUS_UNEXPECTED_RESPONSE
	StatusParseError         Status = C.ADVANCEAI_STATUS_PARSE_ERROR
	StatusResponseTooLarge   Status = C.ADVANCEAI_STATUS_RESPONSE_TOO_LARGE
	StatusConfigError        Status = C.ADVANCEAI_STATUS_CONFIG_ERROR
	StatusResultPending      Status = C.ADVANCEAI_STATUS_RESULT_PENDING
	StatusPanic              Status = C.ADVANCEAI_STATUS_PANIC
	StatusMissingData        Status = C.ADVANCEAI_STATUS_MISSING_DATA
)

// String is the C library's name of the status, its C identifier without the
// ADVANCEAI_STATUS_ prefix ("API_ERROR": the names the C library, the CLI and every binding
// share), or "Status(N)" for a value this version of the library does not know.
func (s Status) String() string {
	name := C.GoString(C.advanceai_status_name(C.uint32_t(s)))
	if name == "UNKNOWN" {
		return "Status(" + strconv.FormatUint(uint64(s), 10) + ")"
	}
	return name
}

// Description is the C library's English description of the status.
func (s Status) Description() string {
	return C.GoString(C.advanceai_status_message(C.uint32_t(s)))
}
