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

}  // namespace advanceai

#endif  // ADVANCEAI_ERROR_HPP
