// test_errors.cpp: status names and the verdict advanceai::Error carries, against the
// sandbox: every row of tests/fixtures/fault_dispositions.tsv (the table every layer's
// tests read; the driver passes its path in ADVANCEAI_FAULT_DISPOSITIONS), then the flags
// of failures the table does not hold, and of the wrapper's own refusals. Usage:
// test_errors <sandbox base URL>.
#include "support.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using advanceai::Client;
using advanceai::Error;
using advanceai::Status;
using advanceai::UrlRequest;
using namespace std::chrono_literals;
using namespace test_support;

void test_status_names() {
    // The C library's names: upper-case identifiers without the prefix, one per status.
    std::set<std::string_view> names;
    for (std::uint32_t value = 0; value <= ADVANCEAI_STATUS_MISSING_DATA; ++value) {
        const std::string_view name = advanceai::status_name(static_cast<Status>(value));
        CHECK(!name.empty() && name != "UNKNOWN" && name.find("ADVANCEAI_") == std::string_view::npos);
        CHECK(name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string_view::npos);
        CHECK(names.insert(name).second);
        CHECK(name == advanceai_status_name(value));
    }
    CHECK(advanceai::status_name(Status::Ok) == "OK");
    CHECK(advanceai::status_name(Status::ApiError) == "API_ERROR");
    CHECK(advanceai::status_name(Status::NullParameter) == "NULL_PARAMETER");
    CHECK(advanceai::status_name(Status::ResultPending) == "RESULT_PENDING");
    CHECK(advanceai::status_name(static_cast<Status>(ADVANCEAI_STATUS_MISSING_DATA + 1)) ==
          "UNKNOWN");
    CHECK(advanceai::status_name(static_cast<Status>(9999)) == "UNKNOWN");
}

void test_constructors() {
    // The constructor with the first two flags leaves the other three false.
    const Error old(Status::Timeout, "late", std::nullopt, std::nullopt, 0, true, true);
    CHECK(old.retryable() && old.may_have_been_processed());
    CHECK(!old.refuses_account() && !old.safe_to_resend() && !old.faults_the_request());
    CHECK(old.message() == "late" && std::string_view(old.what()) == "late");
    // The whole verdict, kept by copies.
    const Error full(Status::ApiError, "no balance", std::string("INSUFFICIENT_BALANCE"),
                     std::string("t-1"), 0, advanceai::Verdict{false, false, true, true, false});
    const Error copy = full;
    CHECK(copy.refuses_account() && copy.safe_to_resend() && !copy.faults_the_request());
    CHECK(!copy.retryable() && !copy.may_have_been_processed());
    CHECK(copy.verdict().refuses_account && copy.code() == "INSUFFICIENT_BALANCE");
}

/// One row of the fault fixture (see the fixture's own comments for its columns).
struct Row {
    std::string call, prefix, kind, code;
    bool retryable, processed, refuses;
};

/// The fixture's rows; none (and a failed check) when it cannot be read or is malformed.
std::vector<Row> read_fixture() {
    const char* path = std::getenv("ADVANCEAI_FAULT_DISPOSITIONS");
    CHECK(path != nullptr);
    std::ifstream file(path != nullptr ? path : "");
    CHECK(file.is_open());
    std::vector<Row> rows;
    std::string line;
    while (std::getline(file, line)) {
        if (line.empty() || line[0] == '#') {
            continue;
        }
        std::vector<std::string> f;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
            f.push_back(line.substr(start, tab - start));
        }
        f.push_back(line.substr(start));
        const auto flag = [](const std::string& s) { return s == "true"; };
        const bool flags_ok = f.size() == 7 && (f[4] == "true" || f[4] == "false") &&
                              (f[5] == "true" || f[5] == "false") && (f[6] == "true" || f[6] == "false");
        CHECK(flags_ok && (f[0] == "verify" || f[0] == "result"));
        if (flags_ok) {
            rows.push_back(Row{f[0], f[1], f[2], f[3] == "-" ? "" : f[3], flag(f[4]), flag(f[5]),
                               flag(f[6])});
        }
    }
    CHECK(!rows.empty());
    return rows;
}

/// Every row of the fixture, with one attempt per call (the answers are under test, not
/// the retries) and a request timeout shorter than fault-delay-3000's delay.
void test_fixture(const std::string& base_url) {
    const Client client(sandbox_config(base_url).timeout(1s).max_attempts(1));
    (void)client.token();  // so that only the faulty calls meet the short deadline
    int checked = 0;
    int n = 0;
    for (const Row& row : read_fixture()) {
        const int before = failures;
        const std::string biz_id = row.prefix + "-" + std::to_string(++n);
        std::optional<Error> e;
        if (row.call == "verify") {
            e = error_of([&] {
                (void)client.verify_id_number(biz_id, "user-1", "NGA", "BVN", "22222222222");
            });
        } else {
            const UrlRequest request("result-" + biz_id, "user-1", "NGA", "BVN", "https://example.com/ok",
                                     "https://example.com/fail");
            const std::string id = client.generate_url(request).signature_id().value_or("");
            CHECK(!id.empty());
            e = error_of([&] { (void)client.get_result(id); });
        }
        CHECK(e.has_value());
        if (!e) {
            continue;
        }
        CHECK(advanceai::status_name(e->status()) == row.kind);
        CHECK(e->code().value_or("") == row.code);
        CHECK(e->retryable() == row.retryable);
        CHECK(e->may_have_been_processed() == row.processed);
        CHECK(e->refuses_account() == row.refuses);
        // A billable call is safe to resend only when it was provably not processed; Get
        // Result always is.
        CHECK(e->safe_to_resend() == (row.call == "result" || !row.processed));
        CHECK(e->http_status() == (row.kind == "UNEXPECTED_RESPONSE" ? 502 : 0));
        CHECK(row.code.empty() || e->transaction_id().has_value());
        if (failures != before) {
            std::fprintf(stderr, "  (fixture row %s %s; got %s: %s)\n", row.call.c_str(),
                         row.prefix.c_str(), std::string(advanceai::status_name(e->status())).c_str(),
                         e->what());
        }
        ++checked;
    }
    // The driver compares this count with the fixture's, so that no row goes unchecked.
    std::printf("test_errors: %d fixture rows checked\n", checked);
}

/// The flags of failures the fixture does not hold, and of the wrapper's own refusals.
void test_flags(const std::string& base_url) {
    const Client client(sandbox_config(base_url));
    const Client unreachable(sandbox_config("http://127.0.0.1:1"));
    struct Case {
        const char* name;
        Status status;
        advanceai::Verdict want;
        std::function<void()> call;
    };
    const Case cases[] = {
        // Refused by the library before sending: the request's fault, nothing sent.
        {"local refusal", Status::InvalidInput, {false, false, false, true, true},
         [] { advanceai::validate_verification_request("b", "u", "NGA", "BVN", "123"); }},
        // An unknown transaction: the request's fault; Get Result is always safe to resend.
        {"unknown signatureId", Status::ApiError, {false, false, false, true, true},
         [&] { (void)client.get_result("no-such-signature"); }},
        // Connection refused: the billable request provably never left.
        {"connection refused", Status::TransportError, {true, false, false, true, false},
         [&] { (void)unreachable.verify_id_number("b", "u", "NGA", "BVN", "22222222222"); }},
        // Made by the wrapper or by a setter without an error object: as the library
        // answers its own refusals (an argument: the request's fault; the configuration:
        // not).
        {"embedded NUL", Status::InvalidInput, {false, false, false, true, true},
         [&] { (void)client.get_result(std::string_view("a\0b", 3)); }},
        {"negative duration", Status::InvalidInput, {false, false, false, true, true},
         [] { advanceai::Config().timeout(-1ms); }},
        {"unknown host", Status::ConfigError, {false, false, false, true, false},
         [] { advanceai::Config().host("nowhere.example.com"); }},
        {"refused configuration", Status::ConfigError, {false, false, false, true, false},
         [] { Client refused(advanceai::Config().base_url("https://example.com")); }},
    };
    for (const Case& c : cases) {
        const auto e = error_of(c.call);
        const bool ok = e && e->status() == c.status && e->retryable() == c.want.retryable &&
                        e->may_have_been_processed() == c.want.may_have_been_processed &&
                        e->refuses_account() == c.want.refuses_account &&
                        e->safe_to_resend() == c.want.safe_to_resend &&
                        e->faults_the_request() == c.want.faults_the_request;
        CHECK(ok);
        if (!ok) {
            std::fprintf(stderr, "  (case %s)\n", c.name);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <sandbox base URL>\n", argv[0]);
        return 2;
    }
    const std::string base_url = argv[1];
    run("status names", [] { test_status_names(); });
    run("constructors", [] { test_constructors(); });
    run("fixture", [&] { test_fixture(base_url); });
    run("flags", [&] { test_flags(base_url); });
    return finish("test_errors");
}
