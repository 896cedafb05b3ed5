// advanceai/client.hpp: advanceai::Client, which sends the calls. Part of advanceai.hpp
// (include that).
#ifndef ADVANCEAI_CLIENT_HPP
#define ADVANCEAI_CLIENT_HPP

#include "config.hpp"
#include "requests.hpp"
#include "results.hpp"

#include <chrono>
#include <cstdint>
#include <string_view>

namespace advanceai {

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

    /// get_result for a request with options (such as return_image_type).
    GetResult get_result(const GetResultRequest& request) const {
        advanceai_get_result* out = nullptr;
        advanceai_error* err = nullptr;
        const advanceai_status status =
            advanceai_client_get_result_with(handle_.get(), request.native(), &out, &err);
        return GetResult(detail::take<advanceai_get_result, advanceai_get_result_free>(
            status, out, err, "Client::get_result"));
    }

    /// wait_for_result for a request with options: every poll sends it, options included.
    GetResult wait_for_result(
        const GetResultRequest& request, std::chrono::milliseconds timeout,
        std::chrono::milliseconds initial_interval = std::chrono::milliseconds(1000),
        std::chrono::milliseconds max_interval = std::chrono::milliseconds(10000)) const {
        const std::uint64_t timeout_ms = detail::milliseconds(timeout, "timeout");
        const std::uint64_t initial_ms = detail::milliseconds(initial_interval, "initial_interval");
        const std::uint64_t max_ms = detail::milliseconds(max_interval, "max_interval");
        advanceai_get_result* out = nullptr;
        advanceai_error* err = nullptr;
        const advanceai_status status = advanceai_client_wait_for_result_with(
            handle_.get(), request.native(), timeout_ms, initial_ms, max_ms, &out, &err);
        return GetResult(detail::take<advanceai_get_result, advanceai_get_result_free>(
            status, out, err, "Client::wait_for_result"));
    }

    /// Non-Doc Health Status of `number_type`, in the Health vocabulary ("NG_BVN", not
    /// "BVN"; case is ignored; retried on transient failures). An empty type is
    /// Status::InvalidInput (nothing sent); a type the vendor does not list is
    /// Status::ApiError with code PARAMETER_ERROR.
    HealthResult health(std::string_view number_type) const {
        const detail::Arg type(number_type, "number_type");
        advanceai_health_result* out = nullptr;
        advanceai_error* err = nullptr;
        const advanceai_status status =
            advanceai_client_health(handle_.get(), type.c_str(), &out, &err);
        return HealthResult(detail::take<advanceai_health_result, advanceai_health_result_free>(
            status, out, err, "Client::health"));
    }

    /// Clear Data: deletes the personal data of the finished transaction `signature_id` at
    /// the vendor (retried on transient failures; clearing twice is not an error). An empty
    /// id is Status::InvalidInput ("SignatureId is empty", nothing sent); a pending
    /// transaction is Status::ApiError with code PARAMETER_ERROR ("Transaction is not
    /// finished"); REQUEST_IN_PROCESSING (a clear already being processed) is retryable,
    /// never a failed deletion: retry later.
    void clear_data(std::string_view signature_id) const {
        const detail::Arg id(signature_id, "signature_id");
        advanceai_error* err = nullptr;
        const advanceai_status status =
            advanceai_client_clear_data(handle_.get(), id.c_str(), &err);
        detail::check(status, err, "Client::clear_data");
    }

    /// The C object, for calls this wrapper does not cover (NULL when moved from).
    const advanceai_client* native() const noexcept { return handle_.get(); }

private:
    detail::Owned<advanceai_client, advanceai_client_free> handle_;
};

}  // namespace advanceai

#endif  // ADVANCEAI_CLIENT_HPP
