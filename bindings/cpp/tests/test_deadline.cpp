// test_deadline.cpp: Config::deadline cuts an attempt to the time it leaves and ends the
// retries; Config::retry_budget and no_retry_budget are passed on (a zero budget and a zero
// deadline are refused by Client).
#include "support.hpp"

#include <string>

using advanceai::Client;
using advanceai::Config;
using advanceai::Status;
using namespace test_support;

namespace {

std::string unique(const std::string& prefix) {
    static int n = 0;
    return prefix + "-" + std::to_string(now_ms()) + "-" + std::to_string(++n);
}

void test_cut_attempt(const std::string& base_url) {
    const Client client(sandbox_config(base_url).timeout(5s).deadline(300ms).max_attempts(3));
    const std::uint64_t start = now_ms();
    const auto error = error_of([&] { client.get_result(unique("fault-delay-20000")); });
    const std::uint64_t took = now_ms() - start;
    CHECK(error.has_value());
    if (error) {
        CHECK(error->status() == Status::Timeout);
        CHECK(contains(error->message(), "deadline of 300ms was reached"));
        CHECK(error->may_have_been_processed());
    }
    CHECK(took < 1500);
}

void test_cut_retries(const std::string& base_url) {
    const Client client(
        sandbox_config(base_url).deadline(150ms).max_attempts(1000).no_retry_budget());
    const auto error = error_of([&] { client.get_result(unique("fault-busy")); });
    CHECK(error.has_value());
    if (error) {
        CHECK(error->status() == Status::ApiError);
        CHECK(error->code() == "SERVICE_BUSY");
        CHECK(contains(error->message(), "was reached (the request was not processed)"));
        CHECK(!error->may_have_been_processed());
    }
}

void test_refusals(const std::string& base_url) {
    const auto zero_budget = error_of([&] { Client client(sandbox_config(base_url).retry_budget(0)); });
    CHECK(zero_budget.has_value() && zero_budget->status() == Status::ConfigError &&
          contains(zero_budget->message(), "retry budget must be greater than zero"));
    const auto zero_deadline = error_of([&] { Client client(sandbox_config(base_url).deadline(0ms)); });
    CHECK(zero_deadline.has_value() && zero_deadline->status() == Status::ConfigError &&
          contains(zero_deadline->message(), "deadline timeout must be greater than zero"));
    const auto negative = error_of([&] { sandbox_config(base_url).deadline(-1ms); });
    CHECK(negative.has_value());
    // A budget that is set is accepted.
    const auto accepted = error_of([&] { Client client(sandbox_config(base_url).retry_budget(40)); });
    CHECK(!accepted.has_value());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: test_deadline <sandbox base URL>\n");
        return 2;
    }
    const std::string base_url = argv[1];
    run("cut_attempt", [&] { test_cut_attempt(base_url); });
    run("cut_retries", [&] { test_cut_retries(base_url); });
    run("refusals", [&] { test_refusals(base_url); });
    return finish("test_deadline");
}
