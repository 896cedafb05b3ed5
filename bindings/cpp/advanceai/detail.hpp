// advanceai/detail.hpp: what the wrapper's types share (owned C objects, turning C errors
// into exceptions, string and duration arguments). Not part of the API. Part of
// advanceai.hpp (include that).
#ifndef ADVANCEAI_DETAIL_HPP
#define ADVANCEAI_DETAIL_HPP

#include "error.hpp"

#include <chrono>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace advanceai {

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

/// The Error of a C error object (which it takes over).
inline Error from_c(Status kind, ErrorHandle error) {
    const advanceai_error* e = error.get();
    std::optional<std::string> message = optional_string(advanceai_error_message(e));
    Verdict verdict;
    verdict.retryable = advanceai_error_retryable(e);
    verdict.may_have_been_processed = advanceai_error_may_have_been_processed(e);
    verdict.refuses_account = advanceai_error_refuses_account(e);
    verdict.safe_to_resend = advanceai_error_safe_to_resend(e);
    verdict.faults_the_request = advanceai_error_faults_the_request(e);
    return Error(kind, message.value_or(std::string(status_message(kind))),
                 optional_string(advanceai_error_code(e)),
                 optional_string(advanceai_error_transaction_id(e)), advanceai_error_http_status(e),
                 verdict);
}

/// An error without a C error object: a refusal made before anything was sent (by the
/// wrapper, or by a configuration setter, which gives no error object). C makes its error
/// object (advanceai_error_new), so its verdict is the library's own answer for such a
/// refusal, not a rule written again here.
inline Error local_error(Status kind, std::string message) {
    // A C string ends at a NUL: the message is this wrapper's own text, never a value.
    message.erase(std::remove(message.begin(), message.end(), '\0'), message.end());
    advanceai_error* raw = nullptr;
    if (advanceai_error_new(static_cast<std::uint32_t>(kind), message.c_str(), &raw) !=
        ADVANCEAI_STATUS_OK) {
        // Only refusals have a verdict made before sending; any other kind has none to give.
        return Error(kind, std::move(message));
    }
    return from_c(kind, ErrorHandle(raw));
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
        throw local_error(kind, std::move(message));
    }
    throw from_c(kind, std::move(error));
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
            throw local_error(Status::InvalidInput, std::move(message));
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
        throw local_error(Status::InvalidInput, std::move(message));
    }
    return static_cast<std::uint64_t>(value.count());
}

}  // namespace detail

}  // namespace advanceai

#endif  // ADVANCEAI_DETAIL_HPP
