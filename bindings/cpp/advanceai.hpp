// advanceai.hpp: a header-only C++17 wrapper of the advanceai C API (include/advanceai.h).
//
// Rules of this wrapper:
// * Every owning type (Config, Client, UrlRequest, Token and the results) frees its C object
//   itself. They are move-only; a moved-from object is empty, safe to destroy or assign to,
//   and any call on it throws Error with Status::NullParameter (accessors of a moved-from
//   result return an empty optional / false instead).
// * Every failing call throws advanceai::Error (never returns a status). what() is the
//   library's message: it never contains a key, a token or a person's data.
// * Accessors return copies (std::optional<std::string>, empty when the server sent no
//   value), so nothing they return dangles. The one exception is Token::value(), a view
//   valid while the Token lives, so that the secret is not copied around.
// * String arguments are std::string_view; they are copied (NUL-terminated) for the C call
//   and the copy is wiped afterwards (it may be a key or an ID number). A string with an
//   embedded NUL character is refused with Status::InvalidInput, never cut silently.
// * Client is thread-safe like the C client: its const methods may be called from many
//   threads at once on one Client. Moving or destroying it while calls run is not.
#ifndef ADVANCEAI_HPP
#define ADVANCEAI_HPP

#include "advanceai.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace advanceai {

/// The status of a failed call; same numeric values as advanceai_status.
enum class Status : std::uint32_t {
    Ok = ADVANCEAI_STATUS_OK,
    NullParameter = ADVANCEAI_STATUS_NULL_PARAMETER,
    InvalidUtf8 = ADVANCEAI_STATUS_INVALID_UTF8,
    InvalidInput = ADVANCEAI_STATUS_INVALID_INPUT,
    ApiError = ADVANCEAI_STATUS_API_ERROR,
    TransportError = ADVANCEAI_STATUS_TRANSPORT_ERROR,
    Timeout = ADVANCEAI_STATUS_TIMEOUT,
    UnexpectedResponse = ADVANCEAI_STATUS_UNEXPECTED_RESPONSE,
    ParseError = ADVANCEAI_STATUS_PARSE_ERROR,
    ResponseTooLarge = ADVANCEAI_STATUS_RESPONSE_TOO_LARGE,
    ConfigError = ADVANCEAI_STATUS_CONFIG_ERROR,
    ResultPending = ADVANCEAI_STATUS_RESULT_PENDING,
    Panic = ADVANCEAI_STATUS_PANIC,
    MissingData = ADVANCEAI_STATUS_MISSING_DATA,
};

/// A person field of a result; same numeric values as advanceai_person_field.
enum class PersonField : std::uint32_t {
    FirstName = ADVANCEAI_PERSON_FIRST_NAME,
    MiddleName = ADVANCEAI_PERSON_MIDDLE_NAME,
    LastName = ADVANCEAI_PERSON_LAST_NAME,
    Gender = ADVANCEAI_PERSON_GENDER,
    Birthday = ADVANCEAI_PERSON_BIRTHDAY,
    PhoneNumber = ADVANCEAI_PERSON_PHONE_NUMBER,
    Bvn = ADVANCEAI_PERSON_BVN,
    NumberValue = ADVANCEAI_PERSON_NUMBER_VALUE,
};

/// The library version ("0.1.0").
inline std::string_view version() noexcept {
    const char* text = advanceai_version();
    return text != nullptr ? std::string_view(text) : std::string_view();
}

/// A short English description of a status ("unknown status" for a value this library
/// does not know).
inline std::string_view status_message(Status status) noexcept {
    const char* text = advanceai_status_message(static_cast<std::uint32_t>(status));
    return text != nullptr ? std::string_view(text) : std::string_view("unknown status");
}

/// The exception every failing call throws. Copying it is cheap and never throws (the
/// details are shared), as an exception type should be.
class Error : public std::runtime_error {
public:
    /// An error with all its details; the wrapper builds them from the C error object.
    Error(Status status, std::string message, std::optional<std::string> code = std::nullopt,
          std::optional<std::string> transaction_id = std::nullopt,
          std::uint16_t http_status = 0, bool retryable = false,
          bool may_have_been_processed = false)
        : std::runtime_error(message),
          details_(std::make_shared<const Details>(Details{
              status, std::move(message), std::move(code), std::move(transaction_id),
              http_status, retryable, may_have_been_processed})) {}

    /// What failed.
    Status status() const noexcept { return details_->status; }
    /// The API's code ("PARAMETER_ERROR", "IAM_FAILED"...) for API errors and local
    /// refusals; empty otherwise.
    const std::optional<std::string>& code() const noexcept { return details_->code; }
    /// The message (also what()); for API errors and refusals it holds the server's own.
    const std::string& message() const noexcept { return details_->message; }
    /// The vendor's transaction id of the failed call (quote it to support), if any.
    const std::optional<std::string>& transaction_id() const noexcept {
        return details_->transaction_id;
    }
    /// The HTTP status of a Status::UnexpectedResponse (502 from a proxy...); 0 otherwise.
    std::uint16_t http_status() const noexcept { return details_->http_status; }
    /// Whether sending the same request again later may succeed and cannot bill twice (a
    /// billable call that may have been processed is never retryable).
    bool retryable() const noexcept { return details_->retryable; }
    /// Whether the server may have processed (and billed) the request: check it before
    /// resending a verification or a Generate URL.
    bool may_have_been_processed() const noexcept { return details_->may_have_been_processed; }

private:
    struct Details {
        Status status;
        std::string message;
        std::optional<std::string> code;
        std::optional<std::string> transaction_id;
        std::uint16_t http_status;
        bool retryable;
        bool may_have_been_processed;
    };
    std::shared_ptr<const Details> details_;
};

namespace detail {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* object) const noexcept { Free(object); }
};

/// An owned C object: freed once, by the unique_ptr.
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

using ErrorHandle = Owned<advanceai_error, advanceai_error_free>;

inline std::optional<std::string> optional_string(const char* text) {
    if (text == nullptr) {
        return std::nullopt;
    }
    return std::string(text);
}

/// Throws the C error `raw` (taking it over) for a call that returned `status`; without an
/// error object (the configuration setters give none) the status message is the message.
[[noreturn]] inline void throw_error(advanceai_status status, advanceai_error* raw,
                                     std::string_view context) {
    ErrorHandle error(raw);
    const auto kind = static_cast<Status>(status);
    if (!error) {
        std::string message(context);
        message += ": ";
        message += status_message(kind);
        throw Error(kind, std::move(message));
    }
    std::optional<std::string> message = optional_string(advanceai_error_message(error.get()));
    throw Error(kind, message.value_or(std::string(status_message(kind))),
                optional_string(advanceai_error_code(error.get())),
                optional_string(advanceai_error_transaction_id(error.get())),
                advanceai_error_http_status(error.get()), advanceai_error_retryable(error.get()),
                advanceai_error_may_have_been_processed(error.get()));
}

/// Throws unless `status` is OK; frees `raw` in every case.
inline void check(advanceai_status status, advanceai_error* raw, std::string_view context) {
    if (status != ADVANCEAI_STATUS_OK) {
        throw_error(status, raw, context);
    }
    advanceai_error_free(raw);
}

/// Takes over the output of a call that returned `status`: throws on failure, and also when
/// a successful call gave no object (the C API promises one; a NULL is never dereferenced).
template <typename T, void (*Free)(T*)>
Owned<T, Free> take(advanceai_status status, T* out, advanceai_error* raw,
                    std::string_view context) {
    Owned<T, Free> owned(out);
    check(status, raw, context);
    if (!owned) {
        std::string message(context);
        message += ": the library reported success without a result";
        throw Error(Status::Panic, std::move(message));
    }
    return owned;
}

/// A NUL-terminated copy of a string argument for the C call, wiped when it goes away (it
/// may be a key, a proxy password or an ID number).
class Arg {
public:
    Arg(std::string_view value, std::string_view name) : text_(value) {
        if (text_.find('\0') != std::string::npos) {
            wipe();
            std::string message(name);
            message += " contains a NUL character";
            throw Error(Status::InvalidInput, std::move(message));
        }
    }
    ~Arg() { wipe(); }
    Arg(const Arg&) = delete;
    Arg& operator=(const Arg&) = delete;
    Arg(Arg&&) = delete;
    Arg& operator=(Arg&&) = delete;

    const char* c_str() const noexcept { return text_.c_str(); }

private:
    void wipe() noexcept {
        // volatile: the stores must not be removed as dead before the free.
        volatile char* bytes = text_.data();
        for (std::size_t i = 0; i < text_.size(); ++i) {
            bytes[i] = '\0';
        }
    }
    std::string text_;
};

/// A duration in milliseconds for the C API; a negative one is refused.
inline std::uint64_t milliseconds(std::chrono::milliseconds value, std::string_view name) {
    if (value.count() < 0) {
        std::string message(name);
        message += " must not be negative";
        throw Error(Status::InvalidInput, std::move(message));
    }
    return static_cast<std::uint64_t>(value.count());
}

}  // namespace detail

/// The client's configuration. Not thread-safe: set it up from one thread, then build any
/// number of Clients from it (each copies it). Setters store values; Client's constructor
/// checks them together (Status::ConfigError with what is wrong).
class Config {
public:
    /// The defaults: host sg-api.advance.ai, no credentials, 5 s connect timeout, 30 s
    /// request timeout, proxy from the environment, 3 attempts, 1 MiB response limit.
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
    /// The timeout of a whole request (default 30 s; zero is refused by Client).
    Config& timeout(std::chrono::milliseconds value) {
        return set(advanceai_config_set_timeout_ms(handle_.get(),
                                                   detail::milliseconds(value, "timeout")),
                   "Config::timeout");
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

/// An access token. Its value is a secret: read it only to send it (X-ACCESS-TOKEN), never
/// log it. It cannot be streamed; value() is a view valid while the Token lives.
class Token {
public:
    /// The token's text; empty for a moved-from Token.
    std::string_view value() const noexcept {
        const char* text = advanceai_token_value(handle_.get());
        return text != nullptr ? std::string_view(text) : std::string_view();
    }

private:
    friend class Client;
    explicit Token(detail::Owned<advanceai_token, advanceai_token_free> handle)
        : handle_(std::move(handle)) {}
    detail::Owned<advanceai_token, advanceai_token_free> handle_;
};

/// Streaming a Token would print a secret: refused at compile time. Use value() explicitly.
std::ostream& operator<<(std::ostream&, const Token&) = delete;

/// A database verification result. Person fields are the person's data (masked by the
/// server): do not log them.
class VerificationResult {
public:
    /// Whether the ID passed: overallResult PASS and a pass errorCode.
    bool passed() const noexcept { return advanceai_verification_result_passed(handle_.get()); }
    std::optional<std::string> signature_id() const {
        return detail::optional_string(advanceai_verification_result_signature_id(handle_.get()));
    }
    /// "PASS", "FAIL", "INCOMPLETE" or a newer value.
    std::optional<std::string> overall_result() const {
        return detail::optional_string(
            advanceai_verification_result_overall_result(handle_.get()));
    }
    /// errorCode, normalized (a pass is "SUCCESS").
    std::optional<std::string> error_code() const {
        return detail::optional_string(advanceai_verification_result_error_code(handle_.get()));
    }
    /// "passed", "user_can_retry", "needs_review" or "retry_later".
    std::optional<std::string> category() const {
        return detail::optional_string(advanceai_verification_result_category(handle_.get()));
    }
    /// A person field as the server sent it; empty when absent.
    std::optional<std::string> person(PersonField field) const {
        return detail::optional_string(advanceai_verification_result_person_field(
            handle_.get(), static_cast<std::uint32_t>(field)));
    }
    /// The full normalized JSON of the result's data (person fields included).
    std::string to_json() const {
        const char* text = advanceai_verification_result_to_json(handle_.get());
        if (text == nullptr) {
            throw Error(Status::NullParameter,
                        "VerificationResult::to_json: no result (moved from)");
        }
        return text;
    }

private:
    friend class Client;
    friend VerificationResult parse_verification(std::string_view body);
    explicit VerificationResult(
        detail::Owned<advanceai_verification_result, advanceai_verification_result_free> handle)
        : handle_(std::move(handle)) {}
    detail::Owned<advanceai_verification_result, advanceai_verification_result_free> handle_;
};

/// An H5 Get Result answer: pending (is_final() false) until the user finishes. Person
/// fields are the person's data (masked by the server): do not log them.
class GetResult {
public:
    /// Whether the result is final; a pending one should be polled again.
    bool is_final() const noexcept { return advanceai_get_result_is_final(handle_.get()); }
    /// Whether the result is final and a pass.
    bool passed() const noexcept { return advanceai_get_result_passed(handle_.get()); }
    std::optional<std::string> signature_id() const {
        return detail::optional_string(advanceai_get_result_signature_id(handle_.get()));
    }
    /// overallResult (or idvResult when only that was sent).
    std::optional<std::string> overall_result() const {
        return detail::optional_string(advanceai_get_result_overall_result(handle_.get()));
    }
    /// errorCode, normalized (a pass is "SUCCESS"); empty while pending.
    std::optional<std::string> error_code() const {
        return detail::optional_string(advanceai_get_result_error_code(handle_.get()));
    }
    /// "passed", "user_can_retry", "needs_review" or "retry_later"; empty while pending.
    std::optional<std::string> category() const {
        return detail::optional_string(advanceai_get_result_category(handle_.get()));
    }
    /// faceDetail.faceResult.
    std::optional<std::string> face_result() const {
        return detail::optional_string(advanceai_get_result_face_result(handle_.get()));
    }
    /// faceDetail.faceLivenessScore.
    std::optional<double> face_liveness_score() const noexcept {
        double value = 0.0;
        if (!advanceai_get_result_face_liveness_score(handle_.get(), &value)) {
            return std::nullopt;
        }
        return value;
    }
    /// faceDetail.faceSimilarityScore.
    std::optional<double> face_similarity_score() const noexcept {
        double value = 0.0;
        if (!advanceai_get_result_face_similarity_score(handle_.get(), &value)) {
            return std::nullopt;
        }
        return value;
    }
    /// A person field as the server sent it; empty when absent.
    std::optional<std::string> person(PersonField field) const {
        return detail::optional_string(
            advanceai_get_result_person_field(handle_.get(), static_cast<std::uint32_t>(field)));
    }
    /// The full normalized JSON of the result's data (person fields included).
    std::string to_json() const {
        const char* text = advanceai_get_result_to_json(handle_.get());
        if (text == nullptr) {
            throw Error(Status::NullParameter, "GetResult::to_json: no result (moved from)");
        }
        return text;
    }

private:
    friend class Client;
    friend GetResult parse_get_result(std::string_view body);
    explicit GetResult(detail::Owned<advanceai_get_result, advanceai_get_result_free> handle)
        : handle_(std::move(handle)) {}
    detail::Owned<advanceai_get_result, advanceai_get_result_free> handle_;
};

/// A Generate URL answer.
class UrlResult {
public:
    /// Keep it for Get Result.
    std::optional<std::string> signature_id() const {
        return detail::optional_string(advanceai_url_result_signature_id(handle_.get()));
    }
    /// The page to send the user to.
    std::optional<std::string> url() const {
        return detail::optional_string(advanceai_url_result_url(handle_.get()));
    }
    /// When the URL stops working, in milliseconds since the Unix epoch.
    std::optional<std::uint64_t> expired_time_ms() const noexcept {
        std::uint64_t value = 0;
        if (!advanceai_url_result_expired_time_ms(handle_.get(), &value)) {
            return std::nullopt;
        }
        return value;
    }
    /// The full normalized JSON of the answer's data.
    std::string to_json() const {
        const char* text = advanceai_url_result_to_json(handle_.get());
        if (text == nullptr) {
            throw Error(Status::NullParameter, "UrlResult::to_json: no result (moved from)");
        }
        return text;
    }

private:
    friend class Client;
    explicit UrlResult(detail::Owned<advanceai_url_result, advanceai_url_result_free> handle)
        : handle_(std::move(handle)) {}
    detail::Owned<advanceai_url_result, advanceai_url_result_free> handle_;
};

/// A Generate URL request: required fields in the constructor, optional ones by setters
/// (std::nullopt clears one). Values are checked by validate() or when sent.
class UrlRequest {
public:
    UrlRequest(std::string_view biz_id, std::string_view user_id, std::string_view region,
               std::string_view return_url, std::string_view fail_return_url) {
        const detail::Arg biz(biz_id, "biz_id");
        const detail::Arg user(user_id, "user_id");
        const detail::Arg reg(region, "region");
        const detail::Arg ok(return_url, "return_url");
        const detail::Arg fail(fail_return_url, "fail_return_url");
        advanceai_url_request* out = nullptr;
        advanceai_error* err = nullptr;
        const advanceai_status status = advanceai_url_request_new(
            biz.c_str(), user.c_str(), reg.c_str(), ok.c_str(), fail.c_str(), &out, &err);
        handle_ = detail::take<advanceai_url_request, advanceai_url_request_free>(
            status, out, err, "UrlRequest");
    }

    /// numberType: the ID type for flows without a document photo ("BVN").
    UrlRequest& number_type(std::optional<std::string_view> value) {
        return set(advanceai_url_request_set_number_type, value, "number_type");
    }
    /// callbackUrl (http or https). It is unsigned: put an authorization token in its query.
    UrlRequest& callback_url(std::optional<std::string_view> value) {
        return set(advanceai_url_request_set_callback_url, value, "callback_url");
    }
    /// language ("en-US").
    UrlRequest& language(std::optional<std::string_view> value) {
        return set(advanceai_url_request_set_language, value, "language");
    }
    /// prefersColorScheme ("light" or "dark").
    UrlRequest& color_scheme(std::optional<std::string_view> value) {
        return set(advanceai_url_request_set_color_scheme, value, "color_scheme");
    }
    /// productLevel ("STANDARD", "ADVANCED" or "PRO").
    UrlRequest& product_level(std::optional<std::string_view> value) {
        return set(advanceai_url_request_set_product_level, value, "product_level");
    }

    /// The C object, for calls this wrapper does not cover (NULL when moved from).
    const advanceai_url_request* native() const noexcept { return handle_.get(); }

private:
    using Setter = advanceai_status (*)(advanceai_url_request*, const char*, advanceai_error**);
    UrlRequest& set(Setter setter, std::optional<std::string_view> value,
                    std::string_view name) {
        advanceai_error* err = nullptr;
        advanceai_status status = ADVANCEAI_STATUS_OK;
        if (value) {
            const detail::Arg arg(*value, name);
            status = setter(handle_.get(), arg.c_str(), &err);
        } else {
            status = setter(handle_.get(), nullptr, &err);
        }
        detail::check(status, err, name);
        return *this;
    }
    detail::Owned<advanceai_url_request, advanceai_url_request_free> handle_;
};

/// The client. Thread-safe: its methods may be called from many threads at once on one
/// Client (one connection pool, one token cache). Do not move or destroy it while calls
/// run.
class Client {
public:
    /// Builds a client (Status::ConfigError says what is wrong with the configuration).
    explicit Client(const Config& config) {
        advanceai_client* out = nullptr;
        advanceai_error* err = nullptr;
        const advanceai_status status = advanceai_client_new(config.native(), &out, &err);
        handle_ = detail::take<advanceai_client, advanceai_client_free>(status, out, err,
                                                                        "Client");
    }

    /// The current access token, for callers who send some requests themselves; the other
    /// calls fetch it on their own.
    Token token() const {
        advanceai_token* out = nullptr;
        advanceai_error* err = nullptr;
        const advanceai_status status = advanceai_client_token(handle_.get(), &out, &err);
        return Token(detail::take<advanceai_token, advanceai_token_free>(status, out, err,
                                                                         "Client::token"));
    }

    /// Database ID-number verification (billable). Checked locally first
    /// (Status::InvalidInput, nothing sent); never resent once it may have been processed.
    VerificationResult verify_id_number(std::string_view biz_id, std::string_view user_id,
                                        std::string_view region, std::string_view number_type,
                                        std::string_view number_value) const {
        const detail::Arg biz(biz_id, "biz_id");
        const detail::Arg user(user_id, "user_id");
        const detail::Arg reg(region, "region");
        const detail::Arg type(number_type, "number_type");
        const detail::Arg number(number_value, "number_value");
        advanceai_verification_result* out = nullptr;
        advanceai_error* err = nullptr;
        const advanceai_status status = advanceai_client_verify_id_number(
            handle_.get(), biz.c_str(), user.c_str(), reg.c_str(), type.c_str(), number.c_str(),
            &out, &err);
        return VerificationResult(
            detail::take<advanceai_verification_result, advanceai_verification_result_free>(
                status, out, err, "Client::verify_id_number"));
    }

    /// H5 Generate URL (billable).
    UrlResult generate_url(const UrlRequest& request) const {
        advanceai_url_result* out = nullptr;
        advanceai_error* err = nullptr;
        const advanceai_status status =
            advanceai_client_generate_url(handle_.get(), request.native(), &out, &err);
        return UrlResult(detail::take<advanceai_url_result, advanceai_url_result_free>(
            status, out, err, "Client::generate_url"));
    }

    /// H5 Get Result (retried on transient failures). A pending result is not an error:
    /// check is_final().
    GetResult get_result(std::string_view signature_id) const {
        const detail::Arg id(signature_id, "signature_id");
        advanceai_get_result* out = nullptr;
        advanceai_error* err = nullptr;
        const advanceai_status status =
            advanceai_client_get_result(handle_.get(), id.c_str(), &out, &err);
        return GetResult(detail::take<advanceai_get_result, advanceai_get_result_free>(
            status, out, err, "Client::get_result"));
    }

    /// Polls Get Result until the result is final, for at most `timeout`
    /// (Status::ResultPending after that). The pause after the first pending answer is
    /// `initial_interval` and doubles up to `max_interval` (zero for either: the library's
    /// default). Blocks this thread; other threads may use the Client meanwhile.
    GetResult wait_for_result(
        std::string_view signature_id, std::chrono::milliseconds timeout,
        std::chrono::milliseconds initial_interval = std::chrono::milliseconds(1000),
        std::chrono::milliseconds max_interval = std::chrono::milliseconds(10000)) const {
        const detail::Arg id(signature_id, "signature_id");
        const std::uint64_t timeout_ms = detail::milliseconds(timeout, "timeout");
        const std::uint64_t initial_ms = detail::milliseconds(initial_interval, "initial_interval");
        const std::uint64_t max_ms = detail::milliseconds(max_interval, "max_interval");
        advanceai_get_result* out = nullptr;
        advanceai_error* err = nullptr;
        const advanceai_status status = advanceai_client_wait_for_result(
            handle_.get(), id.c_str(), timeout_ms, initial_ms, max_ms, &out, &err);
        return GetResult(detail::take<advanceai_get_result, advanceai_get_result_free>(
            status, out, err, "Client::wait_for_result"));
    }

    /// The C object, for calls this wrapper does not cover (NULL when moved from).
    const advanceai_client* native() const noexcept { return handle_.get(); }

private:
    detail::Owned<advanceai_client, advanceai_client_free> handle_;
};

/// Checks a database verification request exactly as the server would, without sending
/// it: throws Status::InvalidInput with the server's code and message.
inline void validate_verification_request(std::string_view biz_id, std::string_view user_id,
                                          std::string_view region, std::string_view number_type,
                                          std::string_view number_value) {
    const detail::Arg biz(biz_id, "biz_id");
    const detail::Arg user(user_id, "user_id");
    const detail::Arg reg(region, "region");
    const detail::Arg type(number_type, "number_type");
    const detail::Arg number(number_value, "number_value");
    advanceai_error* err = nullptr;
    const advanceai_status status = advanceai_validate_verification_request(
        biz.c_str(), user.c_str(), reg.c_str(), type.c_str(), number.c_str(), &err);
    detail::check(status, err, "validate_verification_request");
}

/// Checks a Generate URL request as Client::generate_url does before sending.
inline void validate(const UrlRequest& request) {
    advanceai_error* err = nullptr;
    const advanceai_status status = advanceai_validate_url_request(request.native(), &err);
    detail::check(status, err, "validate");
}

/// Parses a Get Result response body, for callers with their own HTTP stack: a
/// non-SUCCESS envelope is Status::ApiError, an unreadable body Status::ParseError.
inline GetResult parse_get_result(std::string_view body) {
    advanceai_get_result* out = nullptr;
    advanceai_error* err = nullptr;
    const advanceai_status status = advanceai_parse_get_result(
        reinterpret_cast<const std::uint8_t*>(body.data()), body.size(), &out, &err);
    return GetResult(detail::take<advanceai_get_result, advanceai_get_result_free>(
        status, out, err, "parse_get_result"));
}

/// Parses a database verification response body, as parse_get_result does.
inline VerificationResult parse_verification(std::string_view body) {
    advanceai_verification_result* out = nullptr;
    advanceai_error* err = nullptr;
    const advanceai_status status = advanceai_parse_verification(
        reinterpret_cast<const std::uint8_t*>(body.data()), body.size(), &out, &err);
    return VerificationResult(
        detail::take<advanceai_verification_result, advanceai_verification_result_free>(
            status, out, err, "parse_verification"));
}

}  // namespace advanceai

#endif  // ADVANCEAI_HPP
