package advanceai

// #include "advanceai.h"
import "C"

import "runtime"

// Health is a Non-Doc Health Status answer: whether the vendor's source for a numberType
// works now. It holds no person data.
type Health struct {
	// NumberType is the numberType as the server echoed it ("NG_BVN").
	NumberType string
	// Status is "health", "unstable", a value the vendor has not documented, or "" when
	// absent.
	Status string
	// CanStart says whether to start a new verification of this numberType now: true only
	// for the status "health".
	CanStart bool
}

// Health asks the Non-Doc Health Status of numberType, in the Health vocabulary ("NG_BVN",
// not "BVN"; case is ignored). It is idempotent and retried on transient failures. An
// empty numberType is an *Error of kind StatusInvalidInput (nothing sent); a type the
// vendor does not list is StatusAPIError with Code "PARAMETER_ERROR".
func (c *Client) Health(numberType string) (*Health, error) {
	var strs cStrings
	defer strs.free()
	p, err := strs.add("numberType", numberType)
	if err != nil {
		return nil, err
	}
	ptr, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	var out *C.advanceai_health_result
	var cerr *C.advanceai_error
	st := C.advanceai_client_health(ptr, p, &out, &cerr)
	runtime.KeepAlive(c)
	if st != C.ADVANCEAI_STATUS_OK {
		return nil, takeError(st, cerr)
	}
	defer C.advanceai_health_result_free(out)
	return &Health{
		NumberType: goString(C.advanceai_health_result_number_type(out)),
		Status:     goString(C.advanceai_health_result_status(out)),
		CanStart:   bool(C.advanceai_health_result_can_start(out)),
	}, nil
}

// ClearData deletes the personal data of the finished transaction signatureID at the
// vendor, once its result is no longer needed (idempotent: retried on transient failures;
// clearing twice is not an error). Errors are *Error: an empty id is StatusInvalidInput
// ("SignatureId is empty", nothing sent); a pending transaction is StatusAPIError with
// Code "PARAMETER_ERROR" ("Transaction is not finished"); "REQUEST_IN_PROCESSING" (a clear
// already being processed) is Retryable and never a failed deletion: retry later.
func (c *Client) ClearData(signatureID string) error {
	var strs cStrings
	defer strs.free()
	p, err := strs.add("signatureID", signatureID)
	if err != nil {
		return err
	}
	ptr, err := c.acquire()
	if err != nil {
		return err
	}
	defer c.release()
	var cerr *C.advanceai_error
	st := C.advanceai_client_clear_data(ptr, p, &cerr)
	runtime.KeepAlive(c)
	if st != C.ADVANCEAI_STATUS_OK {
		return takeError(st, cerr)
	}
	return nil
}
