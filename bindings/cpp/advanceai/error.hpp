// advanceai/error.hpp: advanceai::Error, the exception every failing call throws, and the
// verdict it carries. Part of advanceai.hpp (include that).
#ifndef ADVANCEAI_ERROR_HPP
#define ADVANCEAI_ERROR_HPP

#include "status.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace advanceai {

/// The C library's verdict on a failure, for the call that failed: what may be done about
/// it. Error's accessors of the same names say what each flag means.
struct Verdict {
    bool retryable = false;
    bool may_have_been_processed = false;
    bool refuses_account = false;
    bool safe_to_resend = false;
    bool faults_the_request = false;
};

/// The exception every failing call throws. Copying it is cheap and never throws (the
/// details are shared), as an exception type should be.
///
/// Its flags are the C library's one verdict on the failure. An error the wrapper makes
/// itself, before calling C (Status::InvalidInput for an embedded NUL or a negative
/// duration, Status::NullParameter for a moved-from object), and one a configuration
/// setter reports without an error object, answer as the C library answers its own
/// refusals: nothing was sent, so safe_to_resend() is true; faults_the_request() is true
/// for a refused argument, not for a refused configuration; the other flags are false.
class Error : public std::runtime_error {
public:
    /// An error with all its details and the whole verdict; the wrapper builds them from
    /// the C error object.
    Error(Status status, std::string message, std::optional<std::string> code,
          std::optional<std::string> transaction_id, std::uint16_t http_status,
          Verdict verdict)
        : std::runtime_error(message),
          details_(std::make_shared<const Details>(Details{
              status, std::move(message), std::move(code), std::move(transaction_id),
              http_status, verdict})) {}

    /// An error with these details; the flags not given (refuses_account(),
    /// safe_to_resend(), faults_the_request()) are false.
    Error(Status status, std::string message, std::optional<std::string> code = std::nullopt,
          std::optional<std::string> transaction_id = std::nullopt,
          std::uint16_t http_status = 0, bool retryable = false,
          bool may_have_been_processed = false)
        : Error(status, std::move(message), std::move(code), std::move(transaction_id),
                http_status, Verdict{retryable, may_have_been_processed, false, false, false}) {}

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
    /// Whether sending the same request again later may succeed *and* cannot bill twice:
    /// the failure is transient (network, HTTP 5xx/429, SERVICE_BUSY, a pending result) and
    /// the call is idempotent or provably not processed. So a billable call that may have
    /// reached the server is never retryable; a TLS failure never is.
    bool retryable() const noexcept { return details_->verdict.retryable; }
    /// Whether the server may have processed (and billed) the request: false only when it
    /// provably never did (local refusal, connection refused, DNS failure, an API code that
    /// proves a refusal before any work). Check it before resending a verification or a
    /// Generate URL.
    bool may_have_been_processed() const noexcept {
        return details_->verdict.may_have_been_processed;
    }
    /// Whether the failure refuses the whole account (wrong keys, no balance, quota,
    /// disabled account): no other request can succeed until someone acts, so a batch
    /// should stop.
    bool refuses_account() const noexcept { return details_->verdict.refuses_account; }
    /// Whether sending the same request again cannot bill twice: the call is idempotent
    /// (Get Result, token), or the request was provably not processed. It says nothing of
    /// whether the resend can succeed (see retryable()).
    bool safe_to_resend() const noexcept { return details_->verdict.safe_to_resend; }
    /// Whether the request itself is wrong (a local refusal, PARAMETER_ERROR, an unknown
    /// signatureId): sending it unchanged can never succeed.
    bool faults_the_request() const noexcept { return details_->verdict.faults_the_request; }
    /// All five flags at once.
    Verdict verdict() const noexcept { return details_->verdict; }

private:
    struct Details {
        Status status;
        std::string message;
        std::optional<std::string> code;
        std::optional<std::string> transaction_id;
        std::uint16_t http_status;
        Verdict verdict;
    };
    std::shared_ptr<const Details> details_;
};

}  // namespace advanceai

#endif  // ADVANCEAI_ERROR_HPP
