// advanceai/requests.hpp: the request builders (UrlRequest, GetResultRequest) and the
// checks that need no client. Part of advanceai.hpp (include that).
#ifndef ADVANCEAI_REQUESTS_HPP
#define ADVANCEAI_REQUESTS_HPP

#include "detail.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace advanceai {

/// A Generate URL request: required fields in the constructor, optional ones by setters
/// (std::nullopt clears one). Values are checked by validate() or when sent.
class UrlRequest {
public:
    /// number_type is the market's ID type, paired with the region ("BVN", "NIN", "NIK",
    /// "CPF", "DNI", "SAID"; not Get Result's "NG_BVN").
    UrlRequest(std::string_view biz_id, std::string_view user_id, std::string_view region,
               std::string_view number_type, std::string_view return_url,
               std::string_view fail_return_url) {
        const detail::Arg biz(biz_id, "biz_id");
        const detail::Arg user(user_id, "user_id");
        const detail::Arg reg(region, "region");
        const detail::Arg type(number_type, "number_type");
        const detail::Arg ok(return_url, "return_url");
        const detail::Arg fail(fail_return_url, "fail_return_url");
        advanceai_url_request* out = nullptr;
        advanceai_error* err = nullptr;
        const advanceai_status status = advanceai_url_request_new(
            biz.c_str(), user.c_str(), reg.c_str(), type.c_str(), ok.c_str(), fail.c_str(), &out,
            &err);
        handle_ = detail::take<advanceai_url_request, advanceai_url_request_free>(
            status, out, err, "UrlRequest");
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

    /// numberValue: the ID number (personal data, never in messages), checked for the
    /// market's length; SAID requires it.
    UrlRequest& number_value(std::optional<std::string_view> value) {
        return set(advanceai_url_request_set_number_value, value, "number_value");
    }
    /// fullName: the person's full name (personal data); NIK requires it.
    UrlRequest& full_name(std::optional<std::string_view> value) {
        return set(advanceai_url_request_set_full_name, value, "full_name");
    }
    /// gender: required for DNI with a number value; sent as given.
    UrlRequest& gender(std::optional<std::string_view> value) {
        return set(advanceai_url_request_set_gender, value, "gender");
    }
    /// bizCode: your business type for the user ("WhiteCard"), sent as given.
    UrlRequest& biz_code(std::optional<std::string_view> value) {
        return set(advanceai_url_request_set_biz_code, value, "biz_code");
    }
    /// ignoreFailWhenJump (std::nullopt: not sent).
    UrlRequest& ignore_fail_when_jump(std::optional<bool> value) {
        return set_flag(advanceai_url_request_set_ignore_fail_when_jump, value,
                        "ignore_fail_when_jump");
    }
    /// iframeEnabled: whether the page may be embedded in an iframe (false redirects to the
    /// return URLs instead; std::nullopt: not sent).
    UrlRequest& iframe_enabled(std::optional<bool> value) {
        return set_flag(advanceai_url_request_set_iframe_enabled, value, "iframe_enabled");
    }

    /// The C object, for calls this wrapper does not cover (NULL when moved from).
    const advanceai_url_request* native() const noexcept { return handle_.get(); }

private:
    using FlagSetter = advanceai_status (*)(advanceai_url_request*, std::int32_t,
                                            advanceai_error**);
    UrlRequest& set_flag(FlagSetter setter, std::optional<bool> value, std::string_view name) {
        advanceai_error* err = nullptr;
        const std::int32_t flag = value ? (*value ? 1 : 0) : -1;
        const advanceai_status status = setter(handle_.get(), flag, &err);
        detail::check(status, err, name);
        return *this;
    }
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

/// The documented values of GetResultRequest::return_image_type (a newer value is sent as
/// given).
namespace return_image_type {
/// Images as URLs (the server's default).
inline constexpr std::string_view url = "URL";
/// Images inline, base64-encoded.
inline constexpr std::string_view base64 = "BASE64";
}  // namespace return_image_type

/// A Get Result request: the signatureId in the constructor, options by setters
/// (std::nullopt clears one), for Client::get_result and Client::wait_for_result. A
/// finished request may be sent from any thread, any number of times. An empty
/// signatureId is refused when the request is sent, as the server would
/// (Status::InvalidInput, PARAMETER_ERROR, nothing sent).
class GetResultRequest {
public:
    explicit GetResultRequest(std::string_view signature_id) {
        const detail::Arg id(signature_id, "signature_id");
        advanceai_get_result_request* out = nullptr;
        advanceai_error* err = nullptr;
        const advanceai_status status = advanceai_get_result_request_new(id.c_str(), &out, &err);
        handle_ = detail::take<advanceai_get_result_request, advanceai_get_result_request_free>(
            status, out, err, "GetResultRequest");
    }

    /// returnImageType: how images come back, return_image_type::url (the server's default)
    /// or return_image_type::base64.
    GetResultRequest& return_image_type(std::optional<std::string_view> value) {
        advanceai_error* err = nullptr;
        advanceai_status status = ADVANCEAI_STATUS_OK;
        if (value) {
            const detail::Arg arg(*value, "return_image_type");
            status = advanceai_get_result_request_set_return_image_type(handle_.get(), arg.c_str(),
                                                                        &err);
        } else {
            status = advanceai_get_result_request_set_return_image_type(handle_.get(), nullptr,
                                                                        &err);
        }
        detail::check(status, err, "return_image_type");
        return *this;
    }

    /// The C object, for calls this wrapper does not cover (NULL when moved from).
    const advanceai_get_result_request* native() const noexcept { return handle_.get(); }

private:
    detail::Owned<advanceai_get_result_request, advanceai_get_result_request_free> handle_;
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

}  // namespace advanceai

#endif  // ADVANCEAI_REQUESTS_HPP
