// test_get_result.cpp: Get Result with options against the sandbox: GetResultRequest
// (return_image_type set, cleared, a newer value), Client::get_result and
// Client::wait_for_result with a request, the Get Result fields beyond the verdict and the
// person fields of each endpoint's shape, and the refusals (an empty signatureId, embedded
// NUL characters, a moved-from request, a negative timeout). Usage: test_get_result
// <sandbox base URL>. Never prints person fields.
#include "support.hpp"

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

namespace {

using advanceai::Client;
using advanceai::GetResult;
using advanceai::GetResultRequest;
using advanceai::PersonField;
using advanceai::Status;
using advanceai::UrlRequest;
using namespace std::chrono_literals;
using namespace test_support;

static_assert(!std::is_copy_constructible_v<GetResultRequest> &&
              std::is_nothrow_move_constructible_v<GetResultRequest> &&
              std::is_nothrow_move_assignable_v<GetResultRequest>);
// A request is never made from a string by accident (get_result(std::string_view) is the
// plain call).
static_assert(!std::is_convertible_v<std::string_view, GetResultRequest>);

/// A new H5 transaction for a BVN flow; its signatureId (empty on failure).
std::string bvn_transaction(const Client& client, const std::string& biz_id) {
    UrlRequest request(biz_id, "user-1", "NGA", "BVN", "https://example.com/ok",
                       "https://example.com/fail");
    return client.generate_url(request).signature_id().value_or("");
}

/// What a pending answer has: the echo of the request, and nothing decided.
void check_pending(const GetResult& result, const std::string& signature_id) {
    CHECK(!result.is_final() && !result.passed());
    CHECK(result.signature_id() == signature_id);
    CHECK(!result.error_code().has_value());
    CHECK(result.country_code_iso3() == "NGA");
    CHECK(result.input_region() == "NGA");
    CHECK(result.input_number_type() == "BVN");
    CHECK(result.submission_completed() == false);
    CHECK(!result.person(PersonField::NumberTypeInfoRegion).has_value());
}

/// What the PASS answer has beyond the verdict: Get Result's person shape. Person data:
/// compared, never printed.
void check_pass(const GetResult& result) {
    CHECK(result.is_final() && result.passed());
    CHECK(result.submission_completed() == true);
    CHECK(result.country_code_iso3() == "NGA" && result.input_number_type() == "BVN");
    CHECK(result.person(PersonField::NumberTypeInfoNumberType) == "NG_BVN");
    CHECK(result.person(PersonField::NumberTypeInfoRegion) == "NGA");
    const auto phone = result.person(PersonField::PhoneNumber);
    CHECK(phone && contains(*phone, "*"));
    // Get Result's shape: phoneNumber and an empty phoneNumber2, no phoneNumber1.
    CHECK(!result.person(PersonField::PhoneNumber1).has_value());
    CHECK(result.person(PersonField::PhoneNumber2) == "");
    CHECK(result.person(PersonField::NumberValue).has_value());
    CHECK(contains(result.to_json(), "\"numberTypeInfo\""));
}

void test_with_options(const std::string& base_url, const Client& client) {
    const std::string id = bvn_transaction(client, "options-1");
    CHECK(!id.empty());
    GetResultRequest request(id);
    CHECK(request.native() != nullptr);

    request.return_image_type(advanceai::return_image_type::base64);
    check_pending(client.get_result(request), id);
    check_pending(client.get_result(id), id);

    // A wait that runs out, with the options on every poll: waiting longer may help.
    auto e = error_of([&] { (void)client.wait_for_result(request, 60ms, 10ms, 20ms); });
    CHECK(e && e->status() == Status::ResultPending);
    CHECK(e && e->retryable() && e->safe_to_resend() && !e->refuses_account());

    // The user passes during a wait.
    bool completed = false;
    std::thread user([&] {
        std::this_thread::sleep_for(100ms);
        completed = complete(base_url, id, "PASS");
    });
    std::optional<GetResult> waited;
    request.return_image_type(advanceai::return_image_type::url);
    e = error_of([&] { waited = client.wait_for_result(request, 10s, 20ms, 50ms); });
    user.join();
    CHECK(!e && completed && waited);
    if (waited) {
        check_pass(*waited);
    }

    // Cleared (the server's default), BASE64 again, and a newer value sent as given; each
    // through both calls.
    for (const std::optional<std::string_view> image_type :
         {std::optional<std::string_view>(), std::optional<std::string_view>("BASE64"),
          std::optional<std::string_view>("THUMBNAIL")}) {
        request.return_image_type(image_type);
        check_pass(client.get_result(request));
        check_pass(client.wait_for_result(request, 2s, 0ms, 0ms));
    }
    check_pass(client.wait_for_result(id, 2s));
}

void test_refusals(const Client& client) {
    // An empty signatureId: refused by the library with the server's code and message,
    // nothing sent; the same through both calls.
    const GetResultRequest empty("");
    auto e = error_of([&] { (void)client.get_result(empty); });
    CHECK(e && e->status() == Status::InvalidInput && e->code() == "PARAMETER_ERROR");
    CHECK(e && contains(e->message(), "Parameter should not be empty"));
    CHECK(e && !e->may_have_been_processed() && e->safe_to_resend() && e->faults_the_request());
    CHECK(e && !e->retryable() && !e->refuses_account());
    e = error_of([&] { (void)client.wait_for_result(empty, 1s); });
    CHECK(e && e->status() == Status::InvalidInput && e->code() == "PARAMETER_ERROR");

    // An unknown transaction, answered by the server.
    GetResultRequest unknown("no-such-signature");
    unknown.return_image_type(advanceai::return_image_type::base64);
    e = error_of([&] { (void)client.wait_for_result(unknown, 1s); });
    CHECK(e && e->status() == Status::ApiError && e->code() == "SIGNATURE_NOT_EXIST");
    CHECK(e && e->faults_the_request() && !e->retryable() && !e->may_have_been_processed());

    // Embedded NUL characters are refused by the wrapper, naming the argument, never its
    // value; answered as the library answers its own refusals.
    e = error_of([] { GetResultRequest request(std::string_view("sig\0hidden-tail", 15)); });
    CHECK(e && e->status() == Status::InvalidInput && contains(e->message(), "signature_id"));
    CHECK(e && !contains(e->what(), "hidden-tail"));
    CHECK(e && e->safe_to_resend() && e->faults_the_request() && !e->may_have_been_processed());
    GetResultRequest request("sig");
    e = error_of([&] { request.return_image_type(std::string_view("URL\0hidden-tail", 15)); });
    CHECK(e && e->status() == Status::InvalidInput &&
          contains(e->message(), "return_image_type") && !contains(e->what(), "hidden-tail"));

    // A negative duration, checked before anything is sent.
    e = error_of([&] { (void)client.wait_for_result(request, -1ms); });
    CHECK(e && e->status() == Status::InvalidInput && contains(e->message(), "timeout"));
    CHECK(e && e->faults_the_request() && e->safe_to_resend());

    // A moved-from request is empty: calls with it are refused by the library.
    GetResultRequest taken(std::move(request));
    CHECK(request.native() == nullptr);  // NOLINT(bugprone-use-after-move)
    CHECK(taken.native() != nullptr);
    e = error_of([&] { (void)client.get_result(request); });
    CHECK(e && e->status() == Status::NullParameter);
    CHECK(e && e->safe_to_resend() && e->faults_the_request());
    e = error_of([&] { request.return_image_type("URL"); });
    CHECK(e && e->status() == Status::NullParameter);
    e = error_of([&] { (void)client.wait_for_result(request, 1s); });
    CHECK(e && e->status() == Status::NullParameter);
    request = std::move(taken);
    CHECK(request.native() != nullptr);
}

void test_verification_person(const Client& client) {
    // Database verification's shape: phoneNumber1 (masked) and an empty phoneNumber2, no
    // phoneNumber and no numberTypeInfo.
    const auto pass = client.verify_id_number("order-person", "user-1", "NGA", "BVN",
                                              "22222222222");
    CHECK(pass.passed());
    const auto phone = pass.person(PersonField::PhoneNumber1);
    CHECK(phone && contains(*phone, "*"));
    CHECK(pass.person(PersonField::PhoneNumber2) == "");
    CHECK(!pass.person(PersonField::PhoneNumber).has_value());
    CHECK(!pass.person(PersonField::NumberTypeInfoNumberType).has_value());
    CHECK(!pass.person(PersonField::NumberTypeInfoRegion).has_value());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <sandbox base URL>\n", argv[0]);
        return 2;
    }
    const std::string base_url = argv[1];
    std::optional<Client> client;
    run("client", [&] { client.emplace(sandbox_config(base_url).max_attempts(3)); });
    if (client) {
        run("with options", [&] { test_with_options(base_url, *client); });
        run("refusals", [&] { test_refusals(*client); });
        run("verification person", [&] { test_verification_person(*client); });
    }
    return finish("test_get_result");
}
