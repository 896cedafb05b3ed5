package advanceai

import (
	"errors"
	"testing"
	"time"
)

// faultClient is a client for the fixture's rows: one attempt per call (the answers are
// under test, not the retries) and a request timeout shorter than fault-delay-3000's
// delay. Its token is fetched first, so that only the faulty calls meet the short
// deadline.
func faultClient(t *testing.T) *Client {
	t.Helper()
	c := newSandboxClient(t, func(cfg *Config) {
		cfg.MaxAttempts = 1
		cfg.Timeout = time.Second
	})
	if _, err := c.Token(); err != nil {
		t.Fatal(err)
	}
	return c
}

// Every Get Result row of tests/fixtures/fault_dispositions.tsv, as the transaction's
// stored fault (a Generate URL bizId of result-<fault>), answers as the row says. The
// go_binding driver counts these subtests against the fixture's rows.
func TestGetResultFaults(t *testing.T) {
	c := faultClient(t)
	for _, row := range faultRows(t, "result") {
		row := row
		t.Run(row.prefix, func(t *testing.T) {
			sig := generate(t, c, uniqueID("result-"+row.prefix))
			r, err := c.GetResult(sig)
			if r != nil {
				t.Fatalf("a failed call gave a result: %v", r)
			}
			checkFaultAnswer(t, row, err)
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
