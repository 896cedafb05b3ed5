package advanceai

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// requestCount is how many requests reached the sandbox's endpoint (a descriptor name:
// "get_result", "token"...), from GET {base}/sandbox/stats.
func requestCount(t *testing.T, endpoint string) int {
	t.Helper()
	resp, err := http.Get(sandboxURL(t) + "/sandbox/stats")
	if err != nil {
		t.Fatalf("GET /sandbox/stats: %v", err)
	}
	defer resp.Body.Close()
	var stats struct {
		Requests map[string]int `json:"requests"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&stats); err != nil {
		t.Fatalf("GET /sandbox/stats: %v", err)
	}
	count, ok := stats.Requests[endpoint]
	if !ok {
		t.Fatalf("GET /sandbox/stats has no %q: %v", endpoint, stats.Requests)
	}
	return count
}

// Config.Deadline cuts an attempt's timeout to the time it leaves.
func TestDeadlineCutsAnAttempt(t *testing.T) {
	c := newSandboxClient(t, func(cfg *Config) {
		cfg.Timeout = 5 * time.Second
		cfg.Deadline = 300 * time.Millisecond
	})
	if _, err := c.Token(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err := c.GetResult(uniqueID("fault-delay-20000"))
	took := time.Since(start)
	e := asError(t, err)
	if !errors.Is(err, ErrTimeout) || e.Kind != StatusTimeout {
		t.Fatalf("got %v", err)
	}
	if took < 250*time.Millisecond || took > 1500*time.Millisecond {
		t.Fatalf("the call took %v with a 300ms deadline", took)
	}
	if !strings.Contains(e.Message, "deadline of 300ms was reached (the request may have been processed)") ||
		!e.MayHaveBeenProcessed || !e.Retryable {
		t.Fatalf("got %+v", e)
	}
}

// No pause crosses the deadline: with attempts to spare, the deadline ends the call with
// the last answer.
func TestDeadlineEndsTheRetries(t *testing.T) {
	c := newSandboxClient(t, func(cfg *Config) {
		cfg.Deadline = 150 * time.Millisecond
		cfg.MaxAttempts = 1000
		cfg.NoRetryBudget = true
	})
	start := time.Now()
	_, err := c.GetResult(uniqueID("fault-busy"))
	took := time.Since(start)
	e := asError(t, err)
	if e.Kind != StatusAPIError || e.Code != "SERVICE_BUSY" || e.MayHaveBeenProcessed ||
		!strings.Contains(e.Message, "was reached (the request was not processed)") {
		t.Fatalf("got %+v", e)
	}
	if took > 1500*time.Millisecond {
		t.Fatalf("the call took %v with a 150ms deadline", took)
	}
}

// Config.RetryBudget and NoRetryBudget: two Get Result calls during an outage (HTTP 502),
// 3 attempts each, counted on the sandbox's side.
func TestRetryBudget(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Config)
		want int
	}{
		// 10 tokens pay for the first call's two retries (5 each); the second is tried once.
		{"budget of 10", func(cfg *Config) { cfg.RetryBudget = 10 }, 3 + 1},
		{"no budget", func(cfg *Config) { cfg.NoRetryBudget = true }, 3 + 3},
		{"default budget", func(*Config) {}, 3 + 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newSandboxClient(t, func(cfg *Config) { cfg.MaxAttempts = 3 }, tc.edit)
			if _, err := c.Token(); err != nil {
				t.Fatal(err)
			}
			before := requestCount(t, "get_result")
			for i := 0; i < 2; i++ {
				_, err := c.GetResult(uniqueID("fault-502"))
				if e := asError(t, err); e.Kind != StatusUnexpectedResponse || e.HTTPStatus != 502 {
					t.Fatalf("got %+v", e)
				}
			}
			if got := requestCount(t, "get_result") - before; got != tc.want {
				t.Fatalf("%d Get Result requests, want %d", got, tc.want)
			}
		})
	}
}

// The deadline and budget settings a client cannot be built with.
func TestDeadlineAndBudgetRefusals(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"negative deadline", func(cfg *Config) { cfg.Deadline = -time.Second }, "Deadline is negative"},
		{"negative budget", func(cfg *Config) { cfg.RetryBudget = -1 }, "RetryBudget is out of range"},
		{"budget and no budget", func(cfg *Config) { cfg.RetryBudget = 5; cfg.NoRetryBudget = true }, "not both"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := sandboxConfig(t)
			tc.edit(&cfg)
			c, err := NewClient(cfg)
			if c != nil {
				_ = c.Close()
				t.Fatal("built a client")
			}
			if e := asError(t, err); e.Kind != StatusConfigError || !strings.Contains(e.Message, tc.want) {
				t.Fatalf("got %+v", e)
			}
		})
	}
	s := Config{Deadline: 2 * time.Second, RetryBudget: 40}.String()
	if !strings.Contains(s, "Deadline: 2s") || !strings.Contains(s, "RetryBudget: 40") {
		t.Fatalf("String() = %s", s)
	}
}
