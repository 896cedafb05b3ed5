package advanceai

// #include "advanceai.h"
import "C"

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Config configures a Client. The zero value of every field means "the library's
// default"; only the credentials are required.
type Config struct {
	// BaseURL sends to this URL ("https://...", "http://" only for loopback hosts, e.g. a
	// local sandbox). Set BaseURL or Host, not both; neither: https://sg-api.advance.ai.
	BaseURL string
	// Host sends to a documented vendor host, by name ("sg-api.advance.ai",
	// "api.advance.ai", "ph-api.advance.ai"...).
	Host string
	// AccessKey and SecretKey are the account's credentials (never printed).
	AccessKey string
	SecretKey string
	// Timeout bounds one attempt: a whole request, connect, send, wait, read (default
	// 30s). It is cut to the time Deadline leaves.
	Timeout time.Duration
	// Deadline bounds a whole call (default 60s): all its attempts, the pauses between
	// them, Retry-After waits and the token fetch it starts. A pause that would cross it
	// ends the call with the last attempt's error (its message says the deadline was
	// reached), or StatusTimeout when nothing was sent.
	Deadline time.Duration
	// ConnectTimeout bounds connecting (default 5s).
	ConnectTimeout time.Duration
	// Proxy sends through this proxy ("http://user:pass@host:port", "socks5://..."; never
	// printed). "" uses the environment's: the first of ALL_PROXY, HTTPS_PROXY, HTTP_PROXY
	// (each also in lowercase) that is set, NO_PROXY honoured, read by NewClient (README,
	// Configuration, has the rules).
	Proxy string
	// NoProxy uses no proxy at all, whatever the environment says (Proxy must be "").
	NoProxy bool
	// CABundlePath trusts the certificates of this PEM file in addition to the built-in
	// roots.
	CABundlePath string
	// MaxResponseBytes is the largest response body read (default 1 MiB); a larger one
	// fails with StatusResponseTooLarge.
	MaxResponseBytes int64
	// MaxAttempts is the most attempts per call, retries included (default 3; 1 turns
	// retries off). Billable calls are only retried when the request provably never left.
	MaxAttempts int
	// RetryBackoff and MaxRetryBackoff are the pause before the first retry and the
	// longest pause (defaults 200ms and 5s; pauses double, with jitter).
	RetryBackoff    time.Duration
	MaxRetryBackoff time.Duration
	// MaxRetryAfter is the longest Retry-After honoured (default 10s).
	MaxRetryAfter time.Duration
	// RetryBudget is the capacity, in tokens, of the retry budget the client's calls share
	// from every goroutine (default 500): a retry costs 10 after a transport failure and 5
	// after any other, a successful call puts 1 back, and when the bucket cannot pay the
	// call returns its error without retrying.
	RetryBudget int
	// NoRetryBudget turns the retry budget off (RetryBudget must be 0).
	NoRetryBudget bool
	// TokenPeriod is the token lifetime asked for, 1m to 24h in whole seconds (default:
	// the server's, 1h).
	TokenPeriod time.Duration
	// TokenRefreshMargin is how long before its expiry a token is replaced (default 1m;
	// shorter than the token lifetime).
	TokenRefreshMargin time.Duration
}

// The C library's retry backoff defaults, needed when only one of the pair is set (the C
// setter takes both).
const (
	defaultRetryBackoff    = 200 * time.Millisecond
	defaultMaxRetryBackoff = 5 * time.Second
)

// String shows the configuration with the credentials and the proxy redacted.
func (c Config) String() string {
	var b strings.Builder
	b.WriteString("advanceai.Config{")
	field := func(name, value string) {
		if b.Len() > len("advanceai.Config{") {
			b.WriteString(", ")
		}
		b.WriteString(name)
		b.WriteString(": ")
		b.WriteString(value)
	}
	field("BaseURL", strconv.Quote(c.BaseURL))
	field("Host", strconv.Quote(c.Host))
	field("AccessKey", mask(c.AccessKey))
	field("SecretKey", mask(c.SecretKey))
	field("Timeout", c.Timeout.String())
	field("Deadline", c.Deadline.String())
	field("ConnectTimeout", c.ConnectTimeout.String())
	field("Proxy", mask(c.Proxy))
	field("NoProxy", strconv.FormatBool(c.NoProxy))
	field("CABundlePath", strconv.Quote(c.CABundlePath))
	field("MaxResponseBytes", strconv.FormatInt(c.MaxResponseBytes, 10))
	field("MaxAttempts", strconv.Itoa(c.MaxAttempts))
	field("RetryBackoff", c.RetryBackoff.String())
	field("MaxRetryBackoff", c.MaxRetryBackoff.String())
	field("MaxRetryAfter", c.MaxRetryAfter.String())
	field("RetryBudget", strconv.Itoa(c.RetryBudget))
	field("NoRetryBudget", strconv.FormatBool(c.NoRetryBudget))
	field("TokenPeriod", c.TokenPeriod.String())
	field("TokenRefreshMargin", c.TokenRefreshMargin.String())
	b.WriteString("}")
	return b.String()
}

// GoString is String: the credentials stay redacted under %#v.
func (c Config) GoString() string { return c.String() }

// Format prints String for every verb.
func (c Config) Format(f fmt.State, verb rune) { formatSafe(f, verb, c, c) }

// configError is a Config refused by this package, before the C library sees it.
func configError(message string) error {
	return localError(StatusConfigError, message)
}

// millis converts a duration to whole milliseconds, rounding up so that a positive
// duration never becomes 0 (which the library reads as "refused" or "default").
func millis(field string, d time.Duration) (C.uint64_t, error) {
	if d < 0 {
		return 0, configError(field + " is negative")
	}
	return C.uint64_t((d + time.Millisecond - 1) / time.Millisecond), nil
}

// build turns the configuration into a C configuration; the caller frees it.
func (c Config) build() (*C.advanceai_config, error) {
	if c.BaseURL != "" && c.Host != "" {
		return nil, configError("set BaseURL or Host, not both")
	}
	if c.Proxy != "" && c.NoProxy {
		return nil, configError("set Proxy or NoProxy, not both")
	}
	if c.RetryBudget != 0 && c.NoRetryBudget {
		return nil, configError("set RetryBudget or NoRetryBudget, not both")
	}
	var cfg *C.advanceai_config
	if st := C.advanceai_config_new(&cfg); st != C.ADVANCEAI_STATUS_OK {
		return nil, takeError(st, nil)
	}
	if err := c.apply(cfg); err != nil {
		C.advanceai_config_free(cfg)
		return nil, err
	}
	return cfg, nil
}

// apply sends every set field to the C configuration. Setters have no error object: the
// messages here say which field was refused (the value may be a secret).
func (c Config) apply(cfg *C.advanceai_config) error {
	var strs cStrings
	defer strs.free()
	check := func(field string, st C.advanceai_status) error {
		if st == C.ADVANCEAI_STATUS_OK {
			return nil
		}
		return &Error{Kind: Status(st), Message: field + " is refused: " + Status(st).Description()}
	}
	if c.BaseURL != "" {
		p, err := strs.add("BaseURL", c.BaseURL)
		if err != nil {
			return err
		}
		if err := check("BaseURL", C.advanceai_config_set_base_url(cfg, p)); err != nil {
			return err
		}
	}
	if c.Host != "" {
		p, err := strs.add("Host", c.Host)
		if err != nil {
			return err
		}
		if st := C.advanceai_config_set_host(cfg, p); st != C.ADVANCEAI_STATUS_OK {
			return &Error{Kind: Status(st), Message: "Host " + strconv.Quote(c.Host) + " is not a documented vendor host"}
		}
	}
	if c.AccessKey != "" || c.SecretKey != "" {
		ak, err := strs.add("AccessKey", c.AccessKey)
		if err != nil {
			return err
		}
		sk, err := strs.add("SecretKey", c.SecretKey)
		if err != nil {
			return err
		}
		if err := check("the credentials", C.advanceai_config_set_credentials(cfg, ak, sk)); err != nil {
			return err
		}
	}
	durations := []struct {
		field string
		value time.Duration
		set   func(C.uint64_t) C.advanceai_status
	}{
		{"Timeout", c.Timeout, func(ms C.uint64_t) C.advanceai_status { return C.advanceai_config_set_timeout_ms(cfg, ms) }},
		{"Deadline", c.Deadline, func(ms C.uint64_t) C.advanceai_status { return C.advanceai_config_set_deadline_ms(cfg, ms) }},
		{"ConnectTimeout", c.ConnectTimeout, func(ms C.uint64_t) C.advanceai_status {
			return C.advanceai_config_set_connect_timeout_ms(cfg, ms)
		}},
		{"MaxRetryAfter", c.MaxRetryAfter, func(ms C.uint64_t) C.advanceai_status {
			return C.advanceai_config_set_max_retry_after_ms(cfg, ms)
		}},
		{"TokenRefreshMargin", c.TokenRefreshMargin, func(ms C.uint64_t) C.advanceai_status {
			return C.advanceai_config_set_token_refresh_margin_ms(cfg, ms)
		}},
	}
	for _, d := range durations {
		if d.value == 0 {
			continue
		}
		ms, err := millis(d.field, d.value)
		if err != nil {
			return err
		}
		if err := check(d.field, d.set(ms)); err != nil {
			return err
		}
	}
	if c.Proxy != "" {
		p, err := strs.add("Proxy", c.Proxy)
		if err != nil {
			return err
		}
		if err := check("Proxy", C.advanceai_config_set_proxy(cfg, p)); err != nil {
			return err
		}
	} else if c.NoProxy {
		if err := check("NoProxy", C.advanceai_config_set_proxy(cfg, nil)); err != nil {
			return err
		}
	}
	if c.CABundlePath != "" {
		p, err := strs.add("CABundlePath", c.CABundlePath)
		if err != nil {
			return err
		}
		if st := C.advanceai_config_set_ca_bundle_path(cfg, p); st != C.ADVANCEAI_STATUS_OK {
			return &Error{Kind: Status(st), Message: "cannot read the CA bundle " + strconv.Quote(c.CABundlePath)}
		}
	}
	if c.MaxResponseBytes < 0 {
		return configError("MaxResponseBytes is negative")
	} else if c.MaxResponseBytes > 0 {
		if err := check("MaxResponseBytes", C.advanceai_config_set_max_response_bytes(cfg, C.uint64_t(c.MaxResponseBytes))); err != nil {
			return err
		}
	}
	if c.MaxAttempts < 0 || int64(c.MaxAttempts) > math.MaxUint32 {
		return configError("MaxAttempts is out of range")
	} else if c.MaxAttempts > 0 {
		if err := check("MaxAttempts", C.advanceai_config_set_max_attempts(cfg, C.uint32_t(c.MaxAttempts))); err != nil {
			return err
		}
	}
	if c.RetryBudget < 0 || int64(c.RetryBudget) > math.MaxUint32 {
		return configError("RetryBudget is out of range")
	} else if c.RetryBudget > 0 {
		if err := check("RetryBudget", C.advanceai_config_set_retry_budget(cfg, C.uint32_t(c.RetryBudget))); err != nil {
			return err
		}
	} else if c.NoRetryBudget {
		if err := check("NoRetryBudget", C.advanceai_config_set_no_retry_budget(cfg)); err != nil {
			return err
		}
	}
	if c.RetryBackoff != 0 || c.MaxRetryBackoff != 0 {
		initial, max := c.RetryBackoff, c.MaxRetryBackoff
		if initial == 0 {
			initial = defaultRetryBackoff
		}
		if max == 0 {
			max = defaultMaxRetryBackoff
		}
		initialMs, err := millis("RetryBackoff", initial)
		if err != nil {
			return err
		}
		maxMs, err := millis("MaxRetryBackoff", max)
		if err != nil {
			return err
		}
		if err := check("RetryBackoff", C.advanceai_config_set_retry_backoff_ms(cfg, initialMs, maxMs)); err != nil {
			return err
		}
	}
	if c.TokenPeriod != 0 {
		seconds := c.TokenPeriod / time.Second
		if c.TokenPeriod%time.Second != 0 || c.TokenPeriod < 0 || seconds > math.MaxUint32 {
			return configError("TokenPeriod must be a positive whole number of seconds")
		}
		if err := check("TokenPeriod", C.advanceai_config_set_token_period_seconds(cfg, C.uint32_t(seconds))); err != nil {
			return err
		}
	}
	return nil
}
