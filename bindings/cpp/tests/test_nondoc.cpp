// test_nondoc.cpp: the Non-Doc calls and fields beyond Nigeria's flow, against the sandbox:
// UrlRequest's market fields (an Indonesian NIK flow, its refusal without a full name and
// with a number of the wrong length, the flags set and cleared; a color scheme the vendor
// does not list refused, then cleared), Client::health (the default, a status set through
// POST /sandbox/health, an undocumented one, the refusals) and Client::clear_data (refused
// while pending, cleared once final, an unknown id, REQUEST_IN_PROCESSING as "retry
// later"). Usage: test_nondoc <sandbox base URL>. Never prints person fields.
#include "support.hpp"

#include <cstdio>
#include <optional>
#include <string>
#include <type_traits>

namespace {

using advanceai::Client;
using advanceai::HealthResult;
using advanceai::PersonField;
using advanceai::Status;
using advanceai::UrlRequest;
using namespace test_support;

static_assert(!std::is_copy_constructible_v<HealthResult> &&
              std::is_nothrow_move_constructible_v<HealthResult>);

const char* const kNik = "3174012345678901";

UrlRequest nik_request(const std::string& biz_id) {
    UrlRequest request(biz_id, "user-cpp", "IDN", "NIK", "https://example.com/ok",
                       "https://example.com/fail");
    request.number_value(kNik);
    return request;
}

void test_nik_flow(const std::string& base_url, const Client& client) {
    UrlRequest request = nik_request("nondoc-nik-" + std::to_string(now_ms()));
    // NIK needs a full name: refused before sending, with the server's message.
    const auto refused = error_of([&] { validate(request); });
    CHECK(refused && refused->status() == Status::InvalidInput);
    CHECK(refused && refused->code() == "PARAMETER_ERROR");
    CHECK(refused && contains(refused->message(), "Parameter should not be empty"));
    const auto sent = error_of([&] { client.generate_url(request); });
    CHECK(sent && sent->status() == Status::InvalidInput && !sent->may_have_been_processed());

    request.full_name("Rina Wijaya");
    request.number_value("317401234567890");
    const auto wrong_length = error_of([&] { validate(request); });
    CHECK(wrong_length && contains(wrong_length->message(), "Number is invalid format"));
    CHECK(wrong_length && !contains(wrong_length->what(), "317401234567890"));

    request.number_value(kNik)
        .gender("FEMALE")
        .biz_code("WhiteCard")
        .ignore_fail_when_jump(false)
        .iframe_enabled(true)
        .iframe_enabled(std::nullopt);
    validate(request);
    const auto url = client.generate_url(request);
    const std::string id = url.signature_id().value_or("");
    CHECK(!id.empty());
    CHECK(complete(base_url, id, "PASS"));
    const auto result = client.get_result(id);
    CHECK(result.is_final() && result.passed());
    CHECK(result.input_region() == "IDN" && result.input_number_type() == "NIK");
    CHECK(result.person(PersonField::NumberTypeInfoNumberType) == "ID_NIK");
    CHECK(result.person(PersonField::NumberTypeInfoRegion) == "IDN");

    // Clearing a market field takes the requirement back: NIK without its name again.
    request.full_name(std::nullopt);
    CHECK(error_of([&] { validate(request); }).has_value());
}

void test_color_scheme(const Client& client) {
    // prefersColorScheme reaches the request: a value the vendor does not list is refused
    // with the server's message before anything is sent; "light" or cleared, it is valid.
    UrlRequest request("nondoc-scheme-" + std::to_string(now_ms()), "user-cpp", "NGA", "BVN",
                       "https://example.com/ok", "https://example.com/fail");
    request.color_scheme("blue");
    const auto refused = error_of([&] { validate(request); });
    CHECK(refused && refused->status() == Status::InvalidInput);
    CHECK(refused && refused->code() == "PARAMETER_ERROR");
    CHECK(refused && contains(refused->message(), "Prefers color scheme is wrong"));
    const auto sent = error_of([&] { client.generate_url(request); });
    CHECK(sent && sent->status() == Status::InvalidInput && !sent->may_have_been_processed());
    request.color_scheme("light");
    CHECK(!error_of([&] { validate(request); }).has_value());
    request.color_scheme("blue").color_scheme(std::nullopt);
    CHECK(!error_of([&] { validate(request); }).has_value());
}

/// Sets the status the sandbox's Health Status answers for `number_type`.
bool set_health(const std::string& base_url, const std::string& number_type,
                const std::string& status) {
    const auto reply = http_post(base_url, "/sandbox/health",
                                 "{\"numberType\":\"" + number_type + "\",\"status\":\"" +
                                     status + "\"}");
    return reply && reply->first == 200 && contains(reply->second, "\"code\":\"SUCCESS\"");
}

void test_health(const std::string& base_url, const Client& client) {
    const HealthResult bvn = client.health("ng_bvn");
    CHECK(bvn.number_type() == "NG_BVN");
    CHECK(bvn.status() == "health");
    CHECK(bvn.can_start());

    // A type no other program asks about, set back afterwards.
    CHECK(set_health(base_url, "US_NATIONALID", "unstable"));
    const HealthResult unstable = client.health("US_NATIONALID");
    CHECK(unstable.number_type() == "US_NATIONALID");
    CHECK(unstable.status() == "unstable");
    CHECK(!unstable.can_start());
    CHECK(set_health(base_url, "US_NATIONALID", "maintenance"));
    const HealthResult odd = client.health("US_NATIONALID");
    CHECK(odd.status() == "maintenance" && !odd.can_start());
    CHECK(set_health(base_url, "US_NATIONALID", "health"));
    CHECK(client.health("US_NATIONALID").can_start());

    const auto empty = error_of([&] { client.health(""); });
    CHECK(empty && empty->status() == Status::InvalidInput);
    CHECK(empty && contains(empty->message(), "numberType is empty"));
    const auto request_vocabulary = error_of([&] { client.health("BVN"); });
    CHECK(request_vocabulary && request_vocabulary->status() == Status::ApiError);
    CHECK(request_vocabulary && request_vocabulary->code() == "PARAMETER_ERROR");
    CHECK(request_vocabulary && request_vocabulary->faults_the_request());
    const auto nul = error_of([&] { client.health(std::string("NG\0BVN", 6)); });
    CHECK(nul && nul->status() == Status::InvalidInput);
}

void test_clear_data(const std::string& base_url, const Client& client) {
    UrlRequest request("nondoc-clear-" + std::to_string(now_ms()), "user-cpp", "NGA", "BVN",
                       "https://example.com/ok", "https://example.com/fail");
    const std::string id = client.generate_url(request).signature_id().value_or("");
    CHECK(!id.empty());
    const auto pending = error_of([&] { client.clear_data(id); });
    CHECK(pending && pending->status() == Status::ApiError);
    CHECK(pending && pending->code() == "PARAMETER_ERROR");
    CHECK(pending && contains(pending->message(), "Transaction is not finished"));

    CHECK(complete(base_url, id, "PASS"));
    CHECK(!error_of([&] { client.clear_data(id); }).has_value());
    CHECK(!error_of([&] { client.clear_data(id); }).has_value());

    const auto unknown = error_of([&] { client.clear_data("0123456789abcdef"); });
    CHECK(unknown && unknown->status() == Status::ApiError);
    CHECK(unknown && contains(unknown->message(), "SignatureId is not exist"));
    const auto empty = error_of([&] { client.clear_data(""); });
    CHECK(empty && empty->status() == Status::InvalidInput);
    CHECK(empty && contains(empty->message(), "SignatureId is empty"));

    // A clear already in processing: retry later, never a failed deletion.
    const auto busy = error_of([&] { client.clear_data("fault-in-processing-cpp"); });
    CHECK(busy && busy->status() == Status::ApiError);
    CHECK(busy && busy->code() == "REQUEST_IN_PROCESSING");
    CHECK(busy && busy->retryable() && busy->safe_to_resend());
    CHECK(busy && !busy->may_have_been_processed() && !busy->faults_the_request() &&
          !busy->refuses_account());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: test_nondoc <sandbox base URL>\n");
        return 2;
    }
    const std::string base_url = argv[1];
    std::optional<Client> client;
    run("client", [&] { client.emplace(sandbox_config(base_url)); });
    if (client) {
        run("nik_flow", [&] { test_nik_flow(base_url, *client); });
        run("color_scheme", [&] { test_color_scheme(*client); });
        run("health", [&] { test_health(base_url, *client); });
        run("clear_data", [&] { test_clear_data(base_url, *client); });
    }
    return finish("test_nondoc");
}
