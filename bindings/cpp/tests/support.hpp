// support.hpp: what the C++ test programs share: the CHECK macro and its counters, the
// sandbox's credentials and configuration, and driving the sandbox's H5 page over a plain
// socket. Each test program runs as `<program> <sandbox base URL>`, exits 0 only if every
// check passes, and never prints keys, tokens or person fields.
#ifndef ADVANCEAI_TEST_SUPPORT_HPP
#define ADVANCEAI_TEST_SUPPORT_HPP

#include "advanceai.hpp"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace test_support {

using advanceai::Config;
using advanceai::Error;
using namespace std::chrono_literals;

inline std::atomic<int> checks{0};
inline std::atomic<int> failures{0};

/// Counts a check; a failing one prints its line and expression (never a value).
#define CHECK(cond)                                                                   \
    do {                                                                              \
        ++test_support::checks;                                                       \
        if (!(cond)) {                                                                \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            ++test_support::failures;                                                 \
        }                                                                             \
    } while (0)

inline const char* const kAccessKey = "sandbox-access-key";
inline const char* const kSecretKey = "sandbox-secret-key";

/// The Error `body` throws, or nothing when it throws none (any other exception escapes).
inline std::optional<Error> error_of(const std::function<void()>& body) {
    try {
        body();
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}

inline bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

inline bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

inline Config sandbox_config(const std::string& base_url) {
    Config config;
    config.base_url(base_url)
        .credentials(kAccessKey, kSecretKey)
        .no_proxy()
        .timeout(10s)
        .connect_timeout(2s)
        .max_attempts(1)
        .retry_backoff(10ms, 50ms)
        .max_retry_after(50ms);
    return config;
}

inline std::uint64_t now_ms() {
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count());
}

/// An HTTP/1.1 POST of a JSON body to `base_url` (http://host:port) + `path` over a plain
/// socket: the test drives the sandbox's H5 page without the library under test.
/// Returns the HTTP status and the body, or nothing when the exchange fails.
inline std::optional<std::pair<int, std::string>> http_post(const std::string& base_url,
                                                     const std::string& path,
                                                     const std::string& json) {
    const std::string scheme = "http://";
    if (!starts_with(base_url, scheme)) {
        return std::nullopt;
    }
    const std::string authority = base_url.substr(scheme.size());
    const std::size_t colon = authority.rfind(':');
    if (colon == std::string::npos) {
        return std::nullopt;
    }
    const std::string host = authority.substr(0, colon);
    const std::string port = authority.substr(colon + 1, authority.find('/', colon) - colon - 1);

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), port.c_str(), &hints, &found) != 0 || found == nullptr) {
        return std::nullopt;
    }
    const int fd = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
    const bool connected = fd >= 0 && connect(fd, found->ai_addr, found->ai_addrlen) == 0;
    freeaddrinfo(found);
    if (!connected) {
        if (fd >= 0) {
            close(fd);
        }
        return std::nullopt;
    }
    // A sandbox that never answers fails the check instead of hanging the test.
    timeval limit{};
    limit.tv_sec = 10;
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);

    const std::string request = "POST " + path + " HTTP/1.1\r\nHost: " + authority +
                                "\r\nContent-Type: application/json\r\nContent-Length: " +
                                std::to_string(json.size()) + "\r\nConnection: close\r\n\r\n" +
                                json;
    std::size_t sent = 0;
    while (sent < request.size()) {
        const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            close(fd);
            return std::nullopt;
        }
        sent += static_cast<std::size_t>(n);
    }
    std::string reply;
    char buffer[4096];
    for (;;) {
        const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        if (n < 0) {
            close(fd);
            return std::nullopt;
        }
        if (n == 0) {
            break;
        }
        reply.append(buffer, static_cast<std::size_t>(n));
    }
    close(fd);
    // "HTTP/1.1 200 OK\r\n...\r\n\r\nbody"
    const std::size_t space = reply.find(' ');
    const std::size_t head_end = reply.find("\r\n\r\n");
    if (!starts_with(reply, "HTTP/1.") || space == std::string::npos ||
        head_end == std::string::npos || reply.size() < space + 4) {
        return std::nullopt;
    }
    const int status = std::stoi(reply.substr(space + 1, 3));
    return std::make_pair(status, reply.substr(head_end + 4));
}

/// Finishes an H5 transaction as the user would on the sandbox's page.
inline bool complete(const std::string& base_url, const std::string& signature_id,
              const std::string& outcome) {
    const auto reply = http_post(base_url, "/sandbox/complete",
                                 "{\"signatureId\":\"" + signature_id + "\",\"outcome\":\"" +
                                     outcome + "\"}");
    return reply && reply->first == 200 && contains(reply->second, "\"code\":\"SUCCESS\"");
}


/// Runs one section of a program: an exception it lets escape is a failure, and the
/// program goes on with the next section.
inline void run(const char* name, const std::function<void()>& section) {
    try {
        section();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: unexpected exception: %s\n", name, e.what());
        ++failures;
    }
}

/// Prints "<program>: N checks, M failed" (what the driver looks for) and gives the exit
/// status: 0 only when every check passed and some ran.
inline int finish(const char* program) {
    std::fprintf(stderr, "%s: %d checks, %d failed\n", program, checks.load(), failures.load());
    return failures == 0 && checks > 0 ? 0 : 1;
}

}  // namespace test_support

#endif  // ADVANCEAI_TEST_SUPPORT_HPP
