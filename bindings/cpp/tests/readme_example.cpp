// Verify a Nigerian BVN. Usage: readme_example <base URL>, with ADVANCEAI_ACCESS_KEY and
// ADVANCEAI_SECRET_KEY set (the sandbox's: sandbox-access-key / sandbox-secret-key).
#include "advanceai.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    const char* access_key = std::getenv("ADVANCEAI_ACCESS_KEY");
    const char* secret_key = std::getenv("ADVANCEAI_SECRET_KEY");
    if (argc != 2 || access_key == nullptr || secret_key == nullptr) {
        std::fprintf(stderr, "usage: %s <base URL> (ADVANCEAI_ACCESS_KEY, ADVANCEAI_SECRET_KEY)\n",
                     argv[0]);
        return 2;
    }
    try {
        // One Client per process: it is thread-safe and caches the token.
        const advanceai::Client client(advanceai::Config()
                                           .base_url(argv[1])
                                           .credentials(access_key, secret_key)
                                           .timeout(std::chrono::seconds(30)));
        const auto result =
            client.verify_id_number("order-1", "user-1", "NGA", "BVN", "22222222222");
        // errorCode and category are codes, not person data: safe to log.
        std::printf("passed=%d errorCode=%s category=%s\n", result.passed() ? 1 : 0,
                    result.error_code().value_or("none").c_str(),
                    result.category().value_or("none").c_str());
        return result.passed() ? 0 : 1;
    } catch (const advanceai::Error& e) {
        // what() never holds keys, tokens or person data.
        const std::string status(advanceai::status_name(e.status()));  // "API_ERROR"...
        std::fprintf(stderr, "verification failed (%s, code %s): %s\n", status.c_str(),
                     e.code().value_or("none").c_str(), e.what());
        if (e.refuses_account()) {
            std::fprintf(stderr, "the account is refused (keys, balance, quota): stop\n");
        } else if (e.may_have_been_processed()) {
            std::fprintf(stderr, "it may have been billed: check before sending it again\n");
        }
        return 1;
    }
}
