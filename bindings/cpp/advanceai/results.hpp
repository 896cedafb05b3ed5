// advanceai/results.hpp: what calls return (Token, VerificationResult, GetResult, UrlResult,
// HealthResult, Callback), and the parsers of bodies received by the caller's own HTTP stack. Part of
// advanceai.hpp (include that).
#ifndef ADVANCEAI_RESULTS_HPP
#define ADVANCEAI_RESULTS_HPP

#include "detail.hpp"

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace advanceai {

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
    /// A person field (nested ones too: PersonField::VerificationFace,
    /// PersonField::AddressCity) as the server sent it; empty when absent or null.
    std::optional<std::string> person(PersonField field) const {
        return detail::optional_string(advanceai_verification_result_person_field(
            handle_.get(), static_cast<std::uint32_t>(field)));
    }
    /// The full normalized JSON of the result's data (person fields included).
    std::string to_json() const {
        const char* text = advanceai_verification_result_to_json(handle_.get());
        if (text == nullptr) {
            throw detail::local_error(Status::NullParameter,
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
    /// submissionCompleted: whether the user's page finished submitting its data. Use
    /// is_final(), not this, to decide whether to poll again.
    std::optional<bool> submission_completed() const noexcept {
        bool value = false;
        if (!advanceai_get_result_submission_completed(handle_.get(), &value)) {
            return std::nullopt;
        }
        return value;
    }
    /// countryCodeIso3: the region of the transaction (ISO 3166-1 alpha-3).
    std::optional<std::string> country_code_iso3() const {
        return detail::optional_string(advanceai_get_result_country_code_iso3(handle_.get()));
    }
    /// inputParameters.region: the region Generate URL was asked for. (Other echoed inputs
    /// are in to_json().)
    std::optional<std::string> input_region() const {
        return detail::optional_string(advanceai_get_result_input_region(handle_.get()));
    }
    /// inputParameters.numberType: the ID type Generate URL was asked for.
    std::optional<std::string> input_number_type() const {
        return detail::optional_string(advanceai_get_result_input_number_type(handle_.get()));
    }
    /// A person field (nested ones too: PersonField::VerificationFace,
    /// PersonField::AddressCity) as the server sent it; empty when absent or null.
    std::optional<std::string> person(PersonField field) const {
        return detail::optional_string(
            advanceai_get_result_person_field(handle_.get(), static_cast<std::uint32_t>(field)));
    }
    /// The full normalized JSON of the result's data (person fields included).
    std::string to_json() const {
        const char* text = advanceai_get_result_to_json(handle_.get());
        if (text == nullptr) {
            throw detail::local_error(Status::NullParameter, "GetResult::to_json: no result (moved from)");
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
            throw detail::local_error(Status::NullParameter, "UrlResult::to_json: no result (moved from)");
        }
        return text;
    }

private:
    friend class Client;
    explicit UrlResult(detail::Owned<advanceai_url_result, advanceai_url_result_free> handle)
        : handle_(std::move(handle)) {}
    detail::Owned<advanceai_url_result, advanceai_url_result_free> handle_;
};

/// A Non-Doc Health Status answer (Client::health): whether the vendor's source for a
/// numberType works now. It holds no person data.
class HealthResult {
public:
    /// numberType as the server echoed it ("NG_BVN"); empty when absent.
    std::optional<std::string> number_type() const {
        return detail::optional_string(advanceai_health_result_number_type(handle_.get()));
    }
    /// status as sent: "health", "unstable" or a value the vendor has not documented;
    /// empty when absent.
    std::optional<std::string> status() const {
        return detail::optional_string(advanceai_health_result_status(handle_.get()));
    }
    /// Whether to start a new verification of this numberType now: true only for the
    /// status "health" (false for a moved-from result).
    bool can_start() const noexcept { return advanceai_health_result_can_start(handle_.get()); }

private:
    friend class Client;
    explicit HealthResult(
        detail::Owned<advanceai_health_result, advanceai_health_result_free> handle)
        : handle_(std::move(handle)) {}
    detail::Owned<advanceai_health_result, advanceai_health_result_free> handle_;
};

/// Parses a Get Result response body, for callers with their own HTTP stack: a
/// non-SUCCESS envelope is Status::ApiError, an unreadable body Status::ParseError (the
/// message gives the position, never the body's text).
inline GetResult parse_get_result(std::string_view body) {
    advanceai_get_result* out = nullptr;
    advanceai_error* err = nullptr;
    const advanceai_status status = advanceai_parse_get_result(
        reinterpret_cast<const std::uint8_t*>(body.data()), body.size(), &out, &err);
    return GetResult(detail::take<advanceai_get_result, advanceai_get_result_free>(
        status, out, err, "parse_get_result"));
}

/// Parses a database verification response body, as parse_get_result does (errors are
/// judged as database verification's: billable).
inline VerificationResult parse_verification(std::string_view body) {
    advanceai_verification_result* out = nullptr;
    advanceai_error* err = nullptr;
    const advanceai_status status = advanceai_parse_verification(
        reinterpret_cast<const std::uint8_t*>(body.data()), body.size(), &out, &err);
    return VerificationResult(
        detail::take<advanceai_verification_result, advanceai_verification_result_free>(
            status, out, err, "parse_verification"));
}

/// The documented values of Callback::type (a newer value is kept as sent).
namespace callback_type {
/// The verification has a final result.
inline constexpr std::string_view completed = "COMPLETED";
/// The user's page finished submitting.
inline constexpr std::string_view submit_completed = "SUBMIT_COMPLETED";
}  // namespace callback_type

/// The notification the vendor posts to a UrlRequest's callback_url, read by
/// parse_callback: a plain copyable value. It is unsigned and not guaranteed: authenticate
/// it with a token in the callback URL, treat it as a hint, and fetch the outcome with
/// Client::get_result.
struct Callback {
    /// signatureId: the transaction that changed; empty when absent.
    std::optional<std::string> signature_id;
    /// type: callback_type::completed, callback_type::submit_completed or a newer value
    /// kept as sent; empty when absent.
    std::optional<std::string> type;
};

/// Parses the body the vendor posts to a callback URL ({"signatureId":...,"type":...}, not
/// an envelope). A body that cannot be read (empty, not JSON, a field of the wrong type, a
/// field twice) is Status::ParseError, whose message never shows the body.
inline Callback parse_callback(std::string_view body) {
    advanceai_callback* out = nullptr;
    advanceai_error* err = nullptr;
    const advanceai_status status = advanceai_parse_callback(
        reinterpret_cast<const std::uint8_t*>(body.data()), body.size(), &out, &err);
    const auto callback = detail::take<advanceai_callback, advanceai_callback_free>(
        status, out, err, "parse_callback");
    return Callback{detail::optional_string(advanceai_callback_signature_id(callback.get())),
                    detail::optional_string(advanceai_callback_type(callback.get()))};
}

}  // namespace advanceai

#endif  // ADVANCEAI_RESULTS_HPP
