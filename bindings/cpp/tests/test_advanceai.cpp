// test_advanceai.cpp: the C++ wrapper (bindings/cpp/advanceai.hpp) against the sandbox:
// configuration, verification, faults, the H5 flow, moves and threads (test_errors.cpp,
// test_get_result.cpp and test_parse.cpp hold the rest). Usage: test_advanceai <sandbox
// base URL>. Exits 0 only if every check passes; a failing check prints its line. Never
// prints keys, tokens or person fields.
#include "support.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using advanceai::Client;
using advanceai::Config;
using advanceai::Error;
using advanceai::GetResult;
using advanceai::PersonField;
using advanceai::Status;
using advanceai::UrlRequest;
using namespace std::chrono_literals;

using namespace test_support;

// Compile-time checks: owning types are move-only, and a Token cannot be streamed.
template <typename T>
constexpr bool move_only = !std::is_copy_constructible_v<T> && !std::is_copy_assignable_v<T> &&
                           std::is_nothrow_move_constructible_v<T> &&
                           std::is_nothrow_move_assignable_v<T>;
static_assert(move_only<Config> && move_only<Client> && move_only<UrlRequest> &&
              move_only<advanceai::Token> && move_only<advanceai::VerificationResult> &&
              move_only<GetResult> && move_only<advanceai::UrlResult>);
static_assert(std::is_nothrow_copy_constructible_v<Error>);
static_assert(std::is_base_of_v<std::runtime_error, Error>);

template <typename T, typename = void>
struct streamable : std::false_type {};
template <typename T>
struct streamable<
    T, std::void_t<decltype(std::declval<std::ostream&>() << std::declval<const T&>())>>
    : std::true_type {};
static_assert(streamable<std::string>::value, "the trait itself works");
static_assert(!streamable<advanceai::Token>::value, "a Token must not be streamable");

// The same numbers as advanceai_status and advanceai_person_field.
static_assert(static_cast<std::uint32_t>(Status::Ok) == 0);
static_assert(static_cast<std::uint32_t>(Status::InvalidInput) == 3);
static_assert(static_cast<std::uint32_t>(Status::ResponseTooLarge) == 9);
static_assert(static_cast<std::uint32_t>(Status::MissingData) == 13);
static_assert(static_cast<std::uint32_t>(PersonField::NumberValue) == 7);
// ---------------------------------------------------------------------------------------

void test_version_and_status() {
    CHECK(!advanceai::version().empty());
    CHECK(advanceai::version() == advanceai_version());
    CHECK(advanceai::status_message(Status::Ok) == "ok");
    CHECK(advanceai::status_message(static_cast<Status>(9999)) == "unknown status");
    CHECK(!advanceai::status_message(Status::ResultPending).empty());
}

void test_config_errors(const std::string& base_url) {
    // An unknown vendor host is refused by the setter.
    auto e = error_of([] { Config().host("nowhere.example.com"); });
    CHECK(e && e->status() == Status::ConfigError);
    CHECK(!error_of([] { Config().host("SG-API.advance.ai"); }));

    // A CA bundle that cannot be read.
    e = error_of([] { Config().ca_bundle_path("/nonexistent/advanceai-ca.pem"); });
    CHECK(e && e->status() == Status::ConfigError);

    // Missing credentials: refused when the client is built, saying what is wrong.
    e = error_of([&] { Client client(Config().base_url(base_url)); });
    CHECK(e && e->status() == Status::ConfigError);
    CHECK(e && contains(e->message(), "access key"));
    CHECK(e && !e->message().empty() && e->message() == e->what());

    // Plain http to a host that is not loopback.
    e = error_of([] {
        Client client(Config().base_url("http://example.com").credentials(kAccessKey, kSecretKey));
    });
    CHECK(e && e->status() == Status::ConfigError);
    CHECK(e && !contains(e->what(), kSecretKey));

    // Zero attempts and an out-of-range token lifetime are refused at build time.
    e = error_of([&] { Client client(sandbox_config(base_url).max_attempts(0)); });
    CHECK(e && e->status() == Status::ConfigError);
    e = error_of([&] { Client client(sandbox_config(base_url).token_period(10s)); });
    CHECK(e && e->status() == Status::ConfigError);
    e = error_of([&] { Client client(sandbox_config(base_url).max_response_bytes(0)); });
    CHECK(e && e->status() == Status::ConfigError);
    CHECK(!error_of([&] {
        Client client(sandbox_config(base_url).token_period(600s).token_refresh_margin(30s));
    }));

    // Refused in the wrapper: negative durations and embedded NUL characters.
    e = error_of([] { Config().timeout(-1ms); });
    CHECK(e && e->status() == Status::InvalidInput);
    e = error_of([] { Config().base_url(std::string_view("http://127.0.0.1\0:1", 20)); });
    CHECK(e && e->status() == Status::InvalidInput && contains(e->message(), "base_url"));
    e = error_of([] {
        Config().credentials(kAccessKey, std::string_view("secret\0tail", 11));
    });
    CHECK(e && e->status() == Status::InvalidInput && contains(e->message(), "secret_key"));
    CHECK(e && !contains(e->what(), "tail"));

    // A proxy that is not a URL is refused when the client is built, without its text.
    e = error_of([&] {
        Client client(sandbox_config(base_url).proxy("not a proxy url with-password"));
    });
    CHECK(e && e->status() == Status::ConfigError && !contains(e->what(), "with-password"));
}

void test_wrong_credentials(const std::string& base_url) {
    Client client(sandbox_config(base_url).credentials(kAccessKey, "not-the-secret-key"));
    auto e = error_of([&] { (void)client.token(); });
    CHECK(e && e->status() == Status::ApiError);
    CHECK(e && e->code() == "PARAMETER_ERROR");
    CHECK(e && contains(e->message(), "Signature error"));
    CHECK(e && e->transaction_id().has_value());
    CHECK(e && !contains(e->what(), "not-the-secret-key") && !contains(e->what(), kAccessKey));

    // A billable call with bad credentials fails at the token: nothing was billed.
    e = error_of([&] {
        (void)client.verify_id_number("order-1", "user-1", "NGA", "BVN", "22222222222");
    });
    CHECK(e && e->status() == Status::ApiError && e->code() == "PARAMETER_ERROR");
}

void test_verification(const Client& client) {
    const advanceai::Token token = client.token();
    CHECK(token.value().size() > 8);

    auto pass = client.verify_id_number("order-pass", "user-1", "NGA", "BVN", "22222222222");
    CHECK(pass.passed());
    CHECK(pass.overall_result() == "PASS");
    CHECK(pass.error_code() == "SUCCESS");
    CHECK(pass.category() == "passed");
    CHECK(pass.person(PersonField::FirstName).has_value());
    CHECK(pass.person(PersonField::LastName).has_value());
    CHECK(pass.person(PersonField::Birthday).has_value());
    CHECK(pass.person(PersonField::Gender).has_value());
    const std::string json = pass.to_json();
    CHECK(contains(json, "\"overallResult\":\"PASS\""));
    CHECK(!contains(json, token.value()));
    // An unknown field number is "absent", not undefined behaviour.
    CHECK(!pass.person(static_cast<PersonField>(999)).has_value());

    struct Case {
        const char* number;
        const char* overall;
        const char* code;
        const char* category;
    };
    const Case cases[] = {
        {"00000000000", "FAIL", "NUMBER_NOT_EXIST", "user_can_retry"},
        {"11111111111", "FAIL", "BVN_SUSPEND", "needs_review"},
        {"33333333333", "FAIL", "INFO_ABNORMAL", "retry_later"},
        {"55555555555", "FAIL", "INVALID_FORMAT", "user_can_retry"},
        {"44444444444", "INCOMPLETE", "ERROR", "retry_later"},
    };
    for (const Case& c : cases) {
        auto result = client.verify_id_number("order-fail", "user-1", "NGA", "NIN", c.number);
        CHECK(!result.passed());
        CHECK(result.overall_result() == c.overall);
        CHECK(result.error_code() == c.code);
        CHECK(result.category() == c.category);
        // docDatabaseDetail is null: every person field is absent.
        CHECK(!result.person(PersonField::FirstName).has_value());
        CHECK(!result.person(PersonField::PhoneNumber).has_value());
    }

    // An errorCode this version does not know is never a pass.
    auto unknown = client.verify_id_number("fault-unknown-error-code-1", "user-1", "NGA", "BVN",
                                           "22222222222");
    CHECK(!unknown.passed());
    CHECK(unknown.error_code() == "SANDBOX_UNKNOWN_ERROR_CODE");
    CHECK(unknown.category() == "needs_review");

    // Local validation: the server's code and message, nothing sent, nothing billed.
    auto e = error_of(
        [&] { (void)client.verify_id_number("order-2", "user-1", "NGA", "BVN", "123"); });
    CHECK(e && e->status() == Status::InvalidInput);
    CHECK(e && e->code() == "PARAMETER_ERROR");
    CHECK(e && contains(e->message(), "Invalid ID number, please check the format"));
    CHECK(e && !e->may_have_been_processed() && !e->retryable());
    CHECK(e && !contains(e->what(), token.value()));

    using advanceai::validate_verification_request;
    e = error_of([] { validate_verification_request("o", "u", "nga", "BVN", "22222222222"); });
    CHECK(e && e->status() == Status::InvalidInput && e->code() == "PARAMETER_ERROR");
    e = error_of([] { validate_verification_request("o", "", "NGA", "BVN", "22222222222"); });
    CHECK(e && e->status() == Status::InvalidInput && e->code() == "PARAMETER_ERROR");
    CHECK(!error_of([] { validate_verification_request("o", "u", "NGA", "NIN", "22222222222"); }));

    // An unknown envelope code from the server.
    e = error_of([&] {
        (void)client.verify_id_number("fault-unknown-code-1", "user-1", "NGA", "BVN",
                                      "22222222222");
    });
    CHECK(e && e->status() == Status::ApiError && e->code() == "SANDBOX_UNKNOWN_CODE");
    CHECK(e && e->may_have_been_processed());
}

void test_faults(const std::string& base_url, const Client& client) {
    // An HTML 502 from a proxy: the HTTP status, and it may have been billed, so resending
    // this billable call is not "retryable" (tests/fixtures/fault_dispositions.tsv).
    auto e = error_of([&] {
        (void)client.verify_id_number("fault-502-1", "user-1", "NGA", "BVN", "22222222222");
    });
    CHECK(e && e->status() == Status::UnexpectedResponse);
    CHECK(e && e->http_status() == 502);
    CHECK(e && !e->retryable() && e->may_have_been_processed());
    CHECK(e && !e->code().has_value());

    // More than the 1 MiB limit.
    e = error_of([&] {
        (void)client.verify_id_number("fault-huge-1", "user-1", "NGA", "BVN", "22222222222");
    });
    CHECK(e && e->status() == Status::ResponseTooLarge);
    CHECK(e && e->http_status() == 0);

    // Half a JSON body, and a connection cut mid-body.
    e = error_of([&] {
        (void)client.verify_id_number("fault-truncated-1", "user-1", "NGA", "BVN", "22222222222");
    });
    CHECK(e && e->status() == Status::ParseError);
    e = error_of([&] {
        (void)client.verify_id_number("fault-cut-1", "user-1", "NGA", "BVN", "22222222222");
    });
    CHECK(e && e->status() == Status::TransportError && e->may_have_been_processed());

    // An answer slower than the timeout.
    Client quick(sandbox_config(base_url).timeout(200ms));
    const auto started = std::chrono::steady_clock::now();
    e = error_of([&] {
        (void)quick.verify_id_number("fault-delay-1500-1", "user-1", "NGA", "BVN", "22222222222");
    });
    const auto waited = std::chrono::steady_clock::now() - started;
    CHECK(e && e->status() == Status::Timeout);
    // Billable and it may have been processed: not retryable (the fixture's answer).
    CHECK(e && !e->retryable() && e->may_have_been_processed());
    CHECK(waited < 1400ms);

    // SERVICE_BUSY on a Get Result: retryable, and a retry indeed succeeds.
    UrlRequest busy_request("result-fault-busy-once-1", "user-1", "NGA", "BVN", "https://example.com/ok",
                            "https://example.com/fail");
    const auto busy_page = client.generate_url(busy_request);
    const std::string busy_id = busy_page.signature_id().value_or("");
    CHECK(!busy_id.empty());
    e = error_of([&] { (void)client.get_result(busy_id); });
    CHECK(e && e->status() == Status::ApiError && e->code() == "SERVICE_BUSY");
    CHECK(e && e->retryable());
    const auto again = client.get_result(busy_id);
    CHECK(!again.is_final());
}

void test_h5(const std::string& base_url, const Client& client) {
    // Optional fields set and cleared; validation mirrors the server.
    UrlRequest request("order-h5-1", "user-1", "NGA", "BVN", "https://example.com/ok?session=1",
                       "https://example.com/fail");
    request.language("en-US").color_scheme("dark");
    request.callback_url("ftp://example.com/callback");
    auto e = error_of([&] { advanceai::validate(request); });
    CHECK(e && e->status() == Status::InvalidInput && e->code() == "PARAMETER_ERROR");
    e = error_of([&] { (void)client.generate_url(request); });
    CHECK(e && e->status() == Status::InvalidInput && !e->may_have_been_processed());
    request.callback_url(std::nullopt);
    CHECK(!error_of([&] { advanceai::validate(request); }));

    UrlRequest bad_region("order-h5-2", "user-1", "ng", "BVN", "https://example.com/ok",
                          "https://example.com/fail");
    e = error_of([&] { advanceai::validate(bad_region); });
    CHECK(e && e->status() == Status::InvalidInput && e->code() == "PARAMETER_ERROR");

    const std::uint64_t before = now_ms();
    const auto page = client.generate_url(request);
    const std::string id = page.signature_id().value_or("");
    CHECK(!id.empty());
    CHECK(starts_with(page.url().value_or(""), base_url + "/h5/"));
    const auto expires = page.expired_time_ms();
    CHECK(expires.has_value() && *expires > before && *expires < before + 2 * 3600 * 1000);
    CHECK(contains(page.to_json(), id));

    // Pending: not final, and every outcome field is absent.
    const auto pending = client.get_result(id);
    CHECK(!pending.is_final());
    CHECK(!pending.passed());
    CHECK(pending.signature_id() == id);
    CHECK(!pending.error_code().has_value());
    CHECK(!pending.category().has_value());
    CHECK(!pending.overall_result().has_value());
    CHECK(!pending.face_liveness_score().has_value());
    CHECK(!pending.face_similarity_score().has_value());
    CHECK(!pending.person(PersonField::FirstName).has_value());

    // A pending result at the deadline is Status::ResultPending.
    e = error_of([&] { (void)client.wait_for_result(id, 300ms, 50ms, 100ms); });
    CHECK(e && e->status() == Status::ResultPending && e->retryable());
    e = error_of([&] { (void)client.wait_for_result(id, -1ms); });
    CHECK(e && e->status() == Status::InvalidInput);

    // The user passes.
    CHECK(complete(base_url, id, "PASS"));
    const auto done = client.get_result(id);
    CHECK(done.is_final());
    CHECK(done.passed());
    CHECK(done.error_code() == "SUCCESS");
    CHECK(done.category() == "passed");
    CHECK(done.overall_result() == "PASS");
    CHECK(done.face_result() == "PASS");
    const auto liveness = done.face_liveness_score();
    const auto similarity = done.face_similarity_score();
    CHECK(liveness && *liveness >= 0.0 && *liveness <= 100.0);
    CHECK(similarity && *similarity >= 0.0 && *similarity <= 100.0);
    CHECK(done.person(PersonField::FirstName).has_value());
    CHECK(done.person(PersonField::Bvn).has_value());
    CHECK(contains(done.to_json(), id));

    // wait_for_result returns once another party finishes the transaction.
    UrlRequest second("order-h5-3", "user-1", "NGA", "BVN", "https://example.com/ok",
                      "https://example.com/fail");
    const std::string second_id = client.generate_url(second).signature_id().value_or("");
    CHECK(!second_id.empty());
    bool completed = false;
    std::thread user([&] {
        std::this_thread::sleep_for(300ms);
        completed = complete(base_url, second_id, "LIVENESS_ATTACK");
    });
    std::optional<GetResult> waited;
    e = error_of([&] { waited = client.wait_for_result(second_id, 10s, 50ms, 200ms); });
    user.join();
    CHECK(!e && completed);
    CHECK(waited && waited->is_final() && !waited->passed());
    CHECK(waited && waited->error_code() == "LIVENESS_ATTACK");
    CHECK(waited && waited->category() == "user_can_retry");

    // An unknown transaction: the API's code, message and transaction id.
    e = error_of([&] { (void)client.get_result("no-such-signature"); });
    CHECK(e && e->status() == Status::ApiError);
    CHECK(e && e->code() == "SIGNATURE_NOT_EXIST");
    CHECK(e && contains(e->message(), "This signatureId is not exist"));
    CHECK(e && e->transaction_id().has_value());
}

void test_moves(const std::string& base_url) {
    Client first(sandbox_config(base_url));
    Client second(std::move(first));
    // The moved-from client is empty: calls throw, never crash.
    auto e = error_of([&] { (void)first.token(); });  // NOLINT(bugprone-use-after-move)
    CHECK(e && e->status() == Status::NullParameter);
    CHECK(first.native() == nullptr);
    CHECK(second.token().value().size() > 8);
    first = std::move(second);
    CHECK(first.token().value().size() > 8);

    auto result = first.verify_id_number("order-move", "user-1", "NGA", "BVN", "22222222222");
    auto taken = std::move(result);
    CHECK(taken.passed());
    CHECK(!result.passed());  // NOLINT(bugprone-use-after-move)
    CHECK(!result.error_code().has_value());
    CHECK(!result.person(PersonField::FirstName).has_value());
    e = error_of([&] { (void)result.to_json(); });
    CHECK(e && e->status() == Status::NullParameter);

    Config config = sandbox_config(base_url);
    Config moved_config(std::move(config));
    e = error_of([&] { config.timeout(1s); });  // NOLINT(bugprone-use-after-move)
    CHECK(e && e->status() == Status::NullParameter);
    e = error_of([&] { Client client(config); });
    CHECK(e && e->status() == Status::NullParameter);
    CHECK(!error_of([&] { Client client(moved_config); }));

    UrlRequest request("order-m", "user-1", "NGA", "BVN", "https://example.com/ok",
                       "https://example.com/fail");
    UrlRequest moved_request(std::move(request));
    e = error_of([&] { (void)first.generate_url(request); });  // NOLINT(bugprone-use-after-move)
    CHECK(e && e->status() == Status::NullParameter);
    e = error_of([&] { request.language("en-US"); });
    CHECK(e && e->status() == Status::NullParameter);
    e = error_of([&] { advanceai::validate(request); });
    CHECK(e && e->status() == Status::NullParameter);
    const auto page = first.generate_url(moved_request);
    const std::optional<std::string> page_id = page.signature_id();
    CHECK(page_id.has_value());

    advanceai::Token token = first.token();
    advanceai::Token token_moved(std::move(token));
    CHECK(token.value().empty());  // NOLINT(bugprone-use-after-move)
    CHECK(!token_moved.value().empty());

    GetResult pending = first.get_result(page_id.value_or(""));
    GetResult holder = std::move(pending);
    CHECK(holder.signature_id() == page_id);
    CHECK(!pending.signature_id().has_value());  // NOLINT(bugprone-use-after-move)
    CHECK(!pending.face_liveness_score().has_value());
    // Every moved-from object above is destroyed at the end of this scope.
}

void test_threads(const std::string& base_url) {
    const Client client(sandbox_config(base_url));
    constexpr int kThreads = 4;
    constexpr int kCalls = 10;
    std::atomic<int> passed{0};
    std::atomic<int> not_found{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            try {
                for (int i = 0; i < kCalls; ++i) {
                    const std::string number = std::to_string(20000000000LL + t * 1000 + i);
                    const auto result = client.verify_id_number(
                        "order-t" + std::to_string(t) + "-" + std::to_string(i), "user-1", "NGA",
                        "BVN", number);
                    if (result.passed() && result.person(PersonField::FirstName).has_value()) {
                        ++passed;
                    }
                    auto e = error_of([&] { (void)client.get_result("no-such-" + number); });
                    if (e && e->code() == "SIGNATURE_NOT_EXIST") {
                        ++not_found;
                    }
                }
            } catch (const std::exception& e) {
                std::fprintf(stderr, "thread %d: unexpected exception: %s\n", t, e.what());
                ++failures;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    CHECK(passed == kThreads * kCalls);
    CHECK(not_found == kThreads * kCalls);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <sandbox base URL>\n", argv[0]);
        return 2;
    }
    const std::string base_url = argv[1];
    run("version", [] { test_version_and_status(); });
    run("config", [&] { test_config_errors(base_url); });
    run("credentials", [&] { test_wrong_credentials(base_url); });
    std::optional<Client> client;
    run("client", [&] { client.emplace(sandbox_config(base_url)); });
    if (client) {
        run("verification", [&] { test_verification(*client); });
        run("faults", [&] { test_faults(base_url, *client); });
        run("h5", [&] { test_h5(base_url, *client); });
    }
    run("moves", [&] { test_moves(base_url); });
    run("threads", [&] { test_threads(base_url); });

    return finish("test_advanceai");
}
