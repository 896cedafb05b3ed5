package advanceai

import (
	"errors"
	"testing"
	"time"
)

// Every sandbox fault on Get Result, as the transaction's stored fault (a Generate URL
// bizId of result-<fault>), mapped to its Kind.
func TestGetResultFaults(t *testing.T) {
	// One attempt: the mapping of each fault is under test here, not the retries.
	c := newSandboxClient(t, func(cfg *Config) {
		cfg.MaxAttempts = 1
		cfg.Timeout = 400 * time.Millisecond
	})
	cases := []struct {
		fault     string
		kind      Status
		code      string
		http      int
		retryable bool
	}{
		{"fault-502", StatusUnexpectedResponse, "", 502, true},
		{"fault-cut", StatusTransportError, "", 0, true},
		{"fault-truncated", StatusParseError, "", 0, false},
		{"fault-huge", StatusResponseTooLarge, "", 0, false},
		{"fault-busy", StatusAPIError, "SERVICE_BUSY", 0, true},
		{"fault-unknown-code", StatusAPIError, "SANDBOX_UNKNOWN_CODE", 0, false},
		{"fault-delay-3000", StatusTimeout, "", 0, true},
	}
	for _, tc := range cases {
		t.Run(tc.fault, func(t *testing.T) {
			sig := generate(t, c, uniqueID("result-"+tc.fault))
			_, err := c.GetResult(sig)
			e := asError(t, err)
			if e.Kind != tc.kind || e.Code != tc.code || e.HTTPStatus != tc.http || e.Retryable != tc.retryable {
				t.Fatalf("got %+v (%v)", e, err)
			}
			if !errors.Is(err, &Error{Kind: tc.kind}) {
				t.Fatal("errors.Is does not match the kind")
			}
		})
	}
}

// The same faults on the signature id itself (no transaction behind it).
func TestGetResultFaultsBySignatureID(t *testing.T) {
	c := newSandboxClient(t, func(cfg *Config) { cfg.MaxAttempts = 1 })
	_, err := c.GetResult(uniqueID("fault-502"))
	if e := asError(t, err); e.Kind != StatusUnexpectedResponse || e.HTTPStatus != 502 {
		t.Fatalf("got %+v", e)
	}
	_, err = c.GetResult(uniqueID("fault-huge"))
	if !errors.Is(err, ErrResponseTooLarge) {
		t.Fatalf("got %v", err)
	}
}

// A larger response limit lets the huge answer through.
func TestMaxResponseBytesIsApplied(t *testing.T) {
	c := newSandboxClient(t, func(cfg *Config) { cfg.MaxResponseBytes = 8 << 20 })
	sig := generate(t, c, uniqueID("result-fault-huge"))
	r, err := c.GetResult(sig)
	if err != nil {
		t.Fatal(err)
	}
	if r.IsFinal || r.SignatureID != sig {
		t.Fatalf("got %v", r)
	}
}

// Transient faults the library recovers from by itself.
func TestGetResultRecoversFromTransientFaults(t *testing.T) {
	c := newSandboxClient(t)
	for _, fault := range []string{"fault-busy-once", "fault-iam-once"} {
		t.Run(fault, func(t *testing.T) {
			sig := generate(t, c, uniqueID("result-"+fault))
			r, err := c.GetResult(sig)
			if err != nil {
				t.Fatalf("not recovered: %v", err)
			}
			if r.SignatureID != sig || r.IsFinal {
				t.Fatalf("got %v", r)
			}
		})
	}
}

func TestUnknownErrorCodeNeedsReview(t *testing.T) {
	c := newSandboxClient(t)
	sig := generate(t, c, uniqueID("result-fault-unknown-error-code"))
	r, err := c.GetResult(sig)
	if err != nil {
		t.Fatal(err)
	}
	if !r.IsFinal || r.Passed || r.ErrorCode != "SANDBOX_UNKNOWN_ERROR_CODE" || r.Category != "needs_review" {
		t.Fatalf("got %v", r)
	}
}
