package advanceai

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
)

// setHealth makes the sandbox's Health Status answer status for numberType, through POST
// {base}/sandbox/health.
func setHealth(t *testing.T, numberType, status string) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"numberType": numberType, "status": status})
	resp, err := http.Post(sandboxURL(t)+"/sandbox/health", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST /sandbox/health: %v", err)
	}
	defer resp.Body.Close()
	var envelope struct{ Code string }
	if err := json.NewDecoder(resp.Body).Decode(&envelope); err != nil || resp.StatusCode != http.StatusOK || envelope.Code != "SUCCESS" {
		t.Fatalf("POST /sandbox/health: HTTP %d, code %q, %v", resp.StatusCode, envelope.Code, err)
	}
}

func TestHealthDefaultAndUnstable(t *testing.T) {
	c := newSandboxClient(t)
	h, err := c.Health("ng_bvn")
	if err != nil {
		t.Fatal(err)
	}
	if *h != (Health{NumberType: "NG_BVN", Status: "health", CanStart: true}) {
		t.Fatalf("default health: %+v", *h)
	}

	// A type no other test asks about, set back afterwards.
	setHealth(t, "GB_GB", "unstable")
	defer setHealth(t, "GB_GB", "health")
	h, err = c.Health("GB_GB")
	if err != nil {
		t.Fatal(err)
	}
	if *h != (Health{NumberType: "GB_GB", Status: "unstable", CanStart: false}) {
		t.Fatalf("after setting unstable: %+v", *h)
	}
	// An undocumented status is kept as sent, and is no go-ahead.
	setHealth(t, "GB_GB", "maintenance")
	if h, err = c.Health("GB_GB"); err != nil || h.Status != "maintenance" || h.CanStart {
		t.Fatalf("an undocumented status: %+v, %v", h, err)
	}
}

func TestHealthRefusals(t *testing.T) {
	c := newSandboxClient(t)
	_, err := c.Health("")
	if e := asError(t, err); e.Kind != StatusInvalidInput || !strings.Contains(e.Message, "numberType is empty") || e.MayHaveBeenProcessed {
		t.Fatalf("an empty numberType: %+v", e)
	}
	// The request vocabulary is not the Health one.
	_, err = c.Health("BVN")
	if e := asError(t, err); e.Kind != StatusAPIError || e.Code != "PARAMETER_ERROR" || !e.FaultsTheRequest {
		t.Fatalf("BVN: %+v", e)
	}
	if _, err := c.Health("NG\x00BVN"); !errors.Is(err, ErrInvalidInput) {
		t.Fatalf("a NUL byte: %v", err)
	}
}

func TestClearData(t *testing.T) {
	c := newSandboxClient(t)
	sig := generate(t, c, uniqueID("clear"))
	err := c.ClearData(sig)
	if e := asError(t, err); e.Kind != StatusAPIError || e.Code != "PARAMETER_ERROR" ||
		!strings.Contains(e.Message, "Transaction is not finished") {
		t.Fatalf("clearing a pending transaction: %+v", e)
	}
	complete(t, sig, "PASS")
	if err := c.ClearData(sig); err != nil {
		t.Fatalf("clearing a finished transaction: %v", err)
	}
	if err := c.ClearData(sig); err != nil {
		t.Fatalf("clearing twice: %v", err)
	}

	err = c.ClearData("0123456789abcdef")
	if e := asError(t, err); e.Kind != StatusAPIError || !strings.Contains(e.Message, "SignatureId is not exist") {
		t.Fatalf("an unknown id: %+v", e)
	}
	err = c.ClearData("")
	if e := asError(t, err); e.Kind != StatusInvalidInput || !strings.Contains(e.Message, "SignatureId is empty") {
		t.Fatalf("an empty id: %+v", e)
	}
}

func TestClearDataInProcessingIsRetryLater(t *testing.T) {
	c := newSandboxClient(t)
	err := c.ClearData("fault-in-processing-go")
	e := asError(t, err)
	if e.Kind != StatusAPIError || e.Code != "REQUEST_IN_PROCESSING" || !e.Retryable || !e.SafeToResend ||
		e.MayHaveBeenProcessed || e.FaultsTheRequest || e.RefusesAccount {
		t.Fatalf("REQUEST_IN_PROCESSING: %+v", e)
	}
}
