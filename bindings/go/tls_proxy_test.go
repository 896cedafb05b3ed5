package advanceai

import (
	"os"
	"strings"
	"testing"
	"time"
)

// The TLS sandboxes and proxies come from crates/ffi/tests/go_binding.rs, in the
// environment: ADVANCEAI_TLS_URL and _CA_BUNDLE (trusted once the CA file is given),
// ADVANCEAI_TLS_WRONG_HOST_URL / _CA_BUNDLE (a certificate for example.test only),
// ADVANCEAI_TLS_EXPIRED_URL / _CA_BUNDLE (an expired certificate),
// ADVANCEAI_CONNECT_PROXY_URL (tunnels) and ADVANCEAI_REFUSING_PROXY_URL (answers 403).
// The driver checks the proxies' counters after the run.

// tlsEnv is the variable name, the test skipped without it (the driver sets them all).
func tlsEnv(tb testing.TB, name string) string {
	tb.Helper()
	value := os.Getenv(name)
	if value == "" {
		tb.Skipf("%s is not set: run `cargo test -p advanceai-ffi --test go_binding`", name)
	}
	return value
}

// tlsConfig is a configuration for the sandbox at the URL in urlVar, its CA trusted from
// the file in caVar ("" for none), the proxy left to the environment.
func tlsConfig(tb testing.TB, urlVar, caVar string) Config {
	cfg := Config{
		BaseURL:         tlsEnv(tb, urlVar),
		AccessKey:       sandboxAccessKey,
		SecretKey:       sandboxSecretKey,
		Timeout:         10 * time.Second,
		RetryBackoff:    5 * time.Millisecond,
		MaxRetryBackoff: 20 * time.Millisecond,
	}
	if caVar != "" {
		cfg.CABundlePath = tlsEnv(tb, caVar)
	}
	return cfg
}

func tlsClient(tb testing.TB, cfg Config) *Client {
	tb.Helper()
	c, err := NewClient(cfg)
	if err != nil {
		tb.Fatalf("NewClient: %v", err)
	}
	tb.Cleanup(func() { _ = c.Close() })
	return c
}

func mustVerify(t *testing.T, c *Client, bizID string) {
	t.Helper()
	res, err := c.VerifyIDNumber(VerificationRequest{bizID, "user-go", "NGA", "BVN", "22222222222"})
	if err != nil {
		t.Fatalf("VerifyIDNumber: %v", err)
	}
	if !res.Passed {
		t.Fatalf("VerifyIDNumber did not pass: %v", res)
	}
}

// checkNotSent: the token call and a billable call fail with StatusTransportError, not
// processed, safe to resend, the message naming why; Retryable as given.
func checkNotSent(t *testing.T, c *Client, why string, retryable bool) {
	t.Helper()
	_, tokenErr := c.Token()
	_, verifyErr := c.VerifyIDNumber(VerificationRequest{"go-refused", "user-go", "NGA", "BVN", "22222222222"})
	for _, err := range []error{tokenErr, verifyErr} {
		e := asError(t, err)
		if e.Kind != StatusTransportError {
			t.Errorf("Kind = %v, want TRANSPORT_ERROR: %v", e.Kind, err)
		}
		if e.MayHaveBeenProcessed || !e.SafeToResend || e.Retryable != retryable {
			t.Errorf("processed %v, safe to resend %v, retryable %v (want false, true, %v): %v",
				e.MayHaveBeenProcessed, e.SafeToResend, e.Retryable, retryable, err)
		}
		if !strings.Contains(e.Message, "not sent") || !strings.Contains(e.Message, why) {
			t.Errorf("message %q does not say %q and not sent", e.Message, why)
		}
	}
	if e := asError(t, verifyErr); !strings.Contains(e.Message, "no access token") {
		t.Errorf("the verification's message does not say it had no token: %q", e.Message)
	}
}

func TestTLSWithTheCABundle(t *testing.T) {
	cfg := tlsConfig(t, "ADVANCEAI_TLS_URL", "ADVANCEAI_TLS_CA_BUNDLE")
	cfg.NoProxy = true
	mustVerify(t, tlsClient(t, cfg), "go-tls-1")
}

func TestTLSRefusals(t *testing.T) {
	cases := []struct{ name, urlVar, caVar, why string }{
		{"no CA bundle", "ADVANCEAI_TLS_URL", "", "TLS failure"},
		{"certificate for another host", "ADVANCEAI_TLS_WRONG_HOST_URL", "ADVANCEAI_TLS_WRONG_HOST_CA_BUNDLE", "not valid for name"},
		{"expired certificate", "ADVANCEAI_TLS_EXPIRED_URL", "ADVANCEAI_TLS_EXPIRED_CA_BUNDLE", "expired"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tlsConfig(t, tc.urlVar, tc.caVar)
			cfg.NoProxy = true
			checkNotSent(t, tlsClient(t, cfg), tc.why, false)
		})
	}
}

func TestThroughAConnectProxy(t *testing.T) {
	cfg := tlsConfig(t, "ADVANCEAI_TLS_URL", "ADVANCEAI_TLS_CA_BUNDLE")
	cfg.Proxy = tlsEnv(t, "ADVANCEAI_CONNECT_PROXY_URL")
	mustVerify(t, tlsClient(t, cfg), "go-proxied-1")
}

func TestAProxyThatRefusesConnect(t *testing.T) {
	cfg := tlsConfig(t, "ADVANCEAI_TLS_URL", "ADVANCEAI_TLS_CA_BUNDLE")
	cfg.Proxy = tlsEnv(t, "ADVANCEAI_REFUSING_PROXY_URL")
	// A connect failure: nothing sent, and a later try may get through.
	checkNotSent(t, tlsClient(t, cfg), "proxy server responded 403", true)
}

// HTTPS_PROXY is read when a client is built; NoProxy ignores it. t.Setenv restores it
// (and refuses to run in a parallel test).
func TestHTTPSProxyFromTheEnvironmentAndNoProxy(t *testing.T) {
	t.Setenv("HTTPS_PROXY", tlsEnv(t, "ADVANCEAI_REFUSING_PROXY_URL"))
	cfg := tlsConfig(t, "ADVANCEAI_TLS_URL", "ADVANCEAI_TLS_CA_BUNDLE")
	checkNotSent(t, tlsClient(t, cfg), "proxy server responded 403", true)
	cfg.NoProxy = true
	mustVerify(t, tlsClient(t, cfg), "go-no-proxy-1")
}
