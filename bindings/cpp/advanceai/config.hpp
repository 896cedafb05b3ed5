// advanceai/config.hpp: advanceai::Config, the client's configuration. Part of
// advanceai.hpp (include that).
#ifndef ADVANCEAI_CONFIG_HPP
#define ADVANCEAI_CONFIG_HPP

#include "detail.hpp"

#include <chrono>
#include <cstdint>
#include <limits>
#include <string_view>

namespace advanceai {

/// The client's configuration. Not thread-safe: set it up from one thread, then build any
/// number of Clients from it (each copies it). Setters store values; Client's constructor
/// checks them together (Status::ConfigError with what is wrong).
class Config {
public:
    /// The defaults: host sg-api.advance.ai, no credentials, 5 s connect timeout, 30 s
    /// request timeout, 60 s deadline per call, proxy from the environment, 3 attempts, a
    /// retry budget of 500, 1 MiB response limit.
    Config() {
        advanceai_config* out = nullptr;
        const advanceai_status status = advanceai_config_new(&out);
        handle_ = detail::take<advanceai_config, advanceai_config_free>(status, out, nullptr,
                                                                      "Config");
    }

    /// Sends to this base URL (https://...; http:// only for loopback hosts).
    Config& base_url(std::string_view url) {
        const detail::Arg arg(url, "base_url");
        return set(advanceai_config_set_base_url(handle_.get(), arg.c_str()), "Config::base_url");
    }
    /// Sends to a documented vendor host by name ("sg-api.advance.ai"...; any case). An
    /// unknown name is Status::ConfigError and leaves the configuration unchanged.
    Config& host(std::string_view name) {
        const detail::Arg arg(name, "host");
        return set(advanceai_config_set_host(handle_.get(), arg.c_str()),
                   "Config::host (a documented vendor host name)");
    }
    /// The account's access key and secret key (never shown in messages).
    Config& credentials(std::string_view access_key, std::string_view secret_key) {
        const detail::Arg access(access_key, "access_key");
        const detail::Arg secret(secret_key, "secret_key");
        return set(advanceai_config_set_credentials(handle_.get(), access.c_str(), secret.c_str()),
                   "Config::credentials");
    }
    /// The timeout of one attempt, a whole request (default 30 s; zero is refused by
    /// Client). Cut to the time the deadline leaves.
    Config& timeout(std::chrono::milliseconds value) {
        return set(advanceai_config_set_timeout_ms(handle_.get(),
                                                   detail::milliseconds(value, "timeout")),
                   "Config::timeout");
    }
    /// The deadline of each call (default 60 s; zero is refused by Client): all its
    /// attempts, the pauses between them, Retry-After waits and the token fetch it starts.
    /// A pause that would cross it ends the call with the last attempt's error (its message
    /// says the deadline was reached), or Status::Timeout when nothing was sent.
    Config& deadline(std::chrono::milliseconds value) {
        return set(advanceai_config_set_deadline_ms(handle_.get(),
                                                    detail::milliseconds(value, "deadline")),
                   "Config::deadline");
    }
    /// The connect timeout (default 5 s; zero is refused by Client).
    Config& connect_timeout(std::chrono::milliseconds value) {
        return set(advanceai_config_set_connect_timeout_ms(
                       handle_.get(), detail::milliseconds(value, "connect_timeout")),
                   "Config::connect_timeout");
    }
    /// Uses this proxy (http://user:pass@host:port, socks5://...; never shown in messages).
    Config& proxy(std::string_view url) {
        const detail::Arg arg(url, "proxy");
        return set(advanceai_config_set_proxy(handle_.get(), arg.c_str()), "Config::proxy");
    }
    /// Uses no proxy at all, whatever the environment says.
    Config& no_proxy() {
        return set(advanceai_config_set_proxy(handle_.get(), nullptr), "Config::no_proxy");
    }
    /// Trusts the certificates of this PEM file too (read now: Status::ConfigError if it
    /// cannot be read).
    Config& ca_bundle_path(std::string_view path) {
        const detail::Arg arg(path, "ca_bundle_path");
        return set(advanceai_config_set_ca_bundle_path(handle_.get(), arg.c_str()),
                   "Config::ca_bundle_path (the file cannot be read)");
    }
    /// The largest response body read, in bytes (default 1048576).
    Config& max_response_bytes(std::uint64_t bytes) {
        return set(advanceai_config_set_max_response_bytes(handle_.get(), bytes),
                   "Config::max_response_bytes");
    }
    /// The most attempts per call, retries included (default 3; 1 turns retries off).
    Config& max_attempts(std::uint32_t attempts) {
        return set(advanceai_config_set_max_attempts(handle_.get(), attempts),
                   "Config::max_attempts");
    }
    /// The pause before the first retry and the longest pause (defaults 200 ms and 5 s).
    Config& retry_backoff(std::chrono::milliseconds initial, std::chrono::milliseconds max) {
        return set(advanceai_config_set_retry_backoff_ms(
                       handle_.get(), detail::milliseconds(initial, "retry_backoff initial"),
                       detail::milliseconds(max, "retry_backoff max")),
                   "Config::retry_backoff");
    }
    /// The longest Retry-After honoured (default 10 s).
    Config& max_retry_after(std::chrono::milliseconds value) {
        return set(advanceai_config_set_max_retry_after_ms(
                       handle_.get(), detail::milliseconds(value, "max_retry_after")),
                   "Config::max_retry_after");
    }
    /// The capacity, in tokens, of the retry budget the client's calls share from every
    /// thread (default 500; zero is refused by Client). A retry costs 10 after a transport
    /// failure and 5 after any other; a successful call puts 1 back; when the bucket cannot
    /// pay, the call throws its error without retrying.
    Config& retry_budget(std::uint32_t capacity) {
        return set(advanceai_config_set_retry_budget(handle_.get(), capacity),
                   "Config::retry_budget");
    }
    /// Turns the retry budget off: every call may use all its attempts.
    Config& no_retry_budget() {
        return set(advanceai_config_set_no_retry_budget(handle_.get()), "Config::no_retry_budget");
    }
    /// The token lifetime asked for (60 s to 86400 s, checked by Client). Default: the
    /// server's (1 hour).
    Config& token_period(std::chrono::seconds value) {
        // Out of the C type's range: pass a value Client refuses with the range in its message.
        const std::uint32_t seconds =
            value.count() < 0 ? 0U
            : static_cast<std::uint64_t>(value.count()) > std::numeric_limits<std::uint32_t>::max()
                ? std::numeric_limits<std::uint32_t>::max()
                : static_cast<std::uint32_t>(value.count());
        return set(advanceai_config_set_token_period_seconds(handle_.get(), seconds),
                   "Config::token_period");
    }
    /// How long before its expiry a token is replaced (default 60 s).
    Config& token_refresh_margin(std::chrono::milliseconds value) {
        return set(advanceai_config_set_token_refresh_margin_ms(
                       handle_.get(), detail::milliseconds(value, "token_refresh_margin")),
                   "Config::token_refresh_margin");
    }

    /// The C object, for calls this wrapper does not cover (NULL when moved from).
    const advanceai_config* native() const noexcept { return handle_.get(); }

private:
    Config& set(advanceai_status status, std::string_view context) {
        detail::check(status, nullptr, context);
        return *this;
    }
    detail::Owned<advanceai_config, advanceai_config_free> handle_;
};

}  // namespace advanceai

#endif  // ADVANCEAI_CONFIG_HPP
