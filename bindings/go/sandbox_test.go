package advanceai

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// The sandbox's credentials (advanceai-sandbox defaults).
const (
	sandboxAccessKey = "sandbox-access-key"
	sandboxSecretKey = "sandbox-secret-key"
)

// sandboxURL is the base URL of a running sandbox, from ADVANCEAI_SANDBOX_URL; the test is
// skipped without it.
func sandboxURL(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv("ADVANCEAI_SANDBOX_URL")
	if base == "" {
		tb.Skip("ADVANCEAI_SANDBOX_URL is not set: run `cargo run -p advanceai-sandbox -- --port 0` " +
			"and set it to the URL it prints (or run `cargo test -p advanceai-ffi --test go_binding`)")
	}
	return strings.TrimRight(base, "/")
}

// sandboxConfig is a configuration for the sandbox with short timeouts and backoffs, so
// that fault tests stay fast.
func sandboxConfig(tb testing.TB) Config {
	return Config{
		BaseURL:         sandboxURL(tb),
		AccessKey:       sandboxAccessKey,
		SecretKey:       sandboxSecretKey,
		Timeout:         5 * time.Second,
		ConnectTimeout:  2 * time.Second,
		NoProxy:         true,
		RetryBackoff:    10 * time.Millisecond,
		MaxRetryBackoff: 50 * time.Millisecond,
		MaxRetryAfter:   50 * time.Millisecond,
	}
}

// newSandboxClient builds a client for the sandbox (after edit changes the
// configuration), closed when the test ends.
func newSandboxClient(tb testing.TB, edit ...func(*Config)) *Client {
	tb.Helper()
	cfg := sandboxConfig(tb)
	for _, e := range edit {
		e(&cfg)
	}
	c, err := NewClient(cfg)
	if err != nil {
		tb.Fatalf("NewClient: %v", err)
	}
	tb.Cleanup(func() { _ = c.Close() })
	return c
}

var idCounter int64

// uniqueID is prefix followed by a number unique in this process and run.
func uniqueID(prefix string) string {
	return fmt.Sprintf("%s-%d-%d", prefix, time.Now().UnixNano()%1e9, atomic.AddInt64(&idCounter, 1))
}

// urlRequest is a valid Generate URL request with this bizId.
func urlRequest(bizID string) URLRequest {
	return URLRequest{
		BizID:         bizID,
		UserID:        "user-go",
		Region:        "NGA",
		NumberType:    "BVN",
		ReturnURL:     "https://example.com/ok",
		FailReturnURL: "https://example.com/fail",
	}
}

// generate creates an H5 transaction and returns its signature id.
func generate(tb testing.TB, c *Client, bizID string) string {
	tb.Helper()
	res, err := c.GenerateURL(urlRequest(bizID))
	if err != nil {
		tb.Fatalf("GenerateURL(%s): %v", bizID, err)
	}
	if res.SignatureID == "" {
		tb.Fatalf("GenerateURL(%s): empty signature id", bizID)
	}
	return res.SignatureID
}

// complete finishes an H5 transaction as the user would, through POST
// {base}/sandbox/complete.
func complete(tb testing.TB, signatureID, outcome string) {
	tb.Helper()
	if err := completeErr(sandboxURL(tb), signatureID, outcome); err != nil {
		tb.Fatal(err)
	}
}

// completeErr is complete for goroutines other than the test's.
func completeErr(base, signatureID, outcome string) error {
	body, _ := json.Marshal(map[string]string{"signatureId": signatureID, "outcome": outcome})
	resp, err := http.Post(base+"/sandbox/complete", "application/json", bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("POST /sandbox/complete: %w", err)
	}
	defer resp.Body.Close()
	var envelope struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&envelope); err != nil {
		return fmt.Errorf("POST /sandbox/complete: %w", err)
	}
	if resp.StatusCode != http.StatusOK || envelope.Code != "SUCCESS" {
		return fmt.Errorf("POST /sandbox/complete: HTTP %d, %s: %s", resp.StatusCode, envelope.Code, envelope.Message)
	}
	return nil
}

// asError is the *Error err must be, failing the test otherwise.
func asError(tb testing.TB, err error) *Error {
	tb.Helper()
	if err == nil {
		tb.Fatal("expected an error, got nil")
	}
	var e *Error
	if !errors.As(err, &e) {
		tb.Fatalf("expected an *advanceai.Error, got %T: %v", err, err)
	}
	return e
}
