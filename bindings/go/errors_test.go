package advanceai

import (
	"testing"
	"time"
)

// flags are the verdict's answers on one failure, in a form a table can hold.
type flags struct {
	retryable, processed, refuses, safe, faults bool
}

func flagsOf(e *Error) flags {
	return flags{e.Retryable, e.MayHaveBeenProcessed, e.RefusesAccount, e.SafeToResend, e.FaultsTheRequest}
}

// Each flag of *Error is copied from its own C getter (the fault fixture covers
// RefusesAccount; these cover the other two new flags and this package's own refusals).
func TestErrorFlags(t *testing.T) {
	c := newSandboxClient(t)
	unreachable, err := NewClient(Config{BaseURL: "http://127.0.0.1:1", AccessKey: "a", SecretKey: "s", NoProxy: true, MaxAttempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer unreachable.Close()
	sig := generate(t, c, uniqueID("flags"))
	cases := []struct {
		name string
		kind Status
		want flags
		call func() error
	}{
		// Refused by the C library before sending: the request is at fault, resending it
		// cannot bill (nothing was sent), but it can never succeed either.
		{"local refusal", StatusInvalidInput, flags{safe: true, faults: true}, func() error {
			return ValidateVerificationRequest(verification("biz", "123"))
		}},
		{"empty signatureId", StatusInvalidInput, flags{safe: true, faults: true}, func() error {
			_, err := c.GetResult("")
			return err
		}},
		// Answered by the server: an unknown transaction is the request's fault; Get
		// Result is idempotent, so it is always safe to resend.
		{"unknown signatureId", StatusAPIError, flags{safe: true, faults: true}, func() error {
			_, err := c.GetResult("no-such-signature")
			return err
		}},
		// A pending result at the deadline: waiting longer may help.
		{"pending", StatusResultPending, flags{retryable: true, processed: true, safe: true}, func() error {
			_, err := c.WaitForResult(sig, WaitOptions{Timeout: 50 * time.Millisecond, InitialInterval: 10 * time.Millisecond})
			return err
		}},
		// Connection refused: the billable request provably never left.
		{"connection refused", StatusTransportError, flags{retryable: true, safe: true}, func() error {
			_, err := unreachable.VerifyIDNumber(verification("biz", "22222222222"))
			return err
		}},
		// Made by this package before calling C: as the C library answers its own
		// refusals (an argument: the request's fault; the configuration: not).
		{"NUL byte", StatusInvalidInput, flags{safe: true, faults: true}, func() error {
			_, err := c.GetResultWith(GetResultRequest{SignatureID: "a\x00b"})
			return err
		}},
		{"zero wait timeout", StatusInvalidInput, flags{safe: true, faults: true}, func() error {
			_, err := c.WaitForResultWith(GetResultRequest{SignatureID: sig}, WaitOptions{})
			return err
		}},
		{"configuration refused here", StatusConfigError, flags{safe: true}, func() error {
			_, err := NewClient(Config{BaseURL: "https://example.com", Host: "sg-api.advance.ai", AccessKey: "a", SecretKey: "s"})
			return err
		}},
		{"configuration refused by C", StatusConfigError, flags{safe: true}, func() error {
			_, err := NewClient(Config{BaseURL: "https://example.com"})
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			e := asError(t, err)
			if e.Kind != tc.kind || flagsOf(e) != tc.want {
				t.Fatalf("got %v %+v, want %v %+v (%v)", e.Kind, flagsOf(e), tc.kind, tc.want, err)
			}
		})
	}
}
