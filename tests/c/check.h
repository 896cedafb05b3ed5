/* check.h: what the C test programs share: the CHECK macros, the command line, clients for
 * the sandbox, and a raw POST to the sandbox's /sandbox/complete (the H5 page's form, for
 * automation). Include it first: it sets the POSIX level the socket code needs.
 *
 * Every program is run as `<program> <sandbox base URL> <expected library version>`;
 * ADVANCEAI_C_TEST_SLOW=1 (set under valgrind) stretches timeouts and cuts iterations.
 * Programs print which check failed (file:line and expression) and the library's error
 * message, which by contract never holds a key, a token or a person's data; they never
 * print a token or a person field themselves. */
#ifndef ADVANCEAI_TEST_CHECK_H
#define ADVANCEAI_TEST_CHECK_H

#define _POSIX_C_SOURCE 200809L

#include "advanceai.h"

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

/* The sandbox's credentials (not secrets: the sandbox's documented defaults). */
#define SANDBOX_ACCESS_KEY "sandbox-access-key"
#define SANDBOX_SECRET_KEY "sandbox-secret-key"

/* Failed checks so far; the threads program updates it under its own lock. */
static int check_failures = 0;

#define CHECK(cond)                                                                       \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);      \
            check_failures++;                                                             \
        }                                                                                 \
    } while (0)

/* Checks that `call` returns `expected`; on a mismatch also prints the status and the
 * message of the error object `err` (the variable the call filled in, may be NULL). */
#define CHECK_STATUS(call, expected, err)                                                 \
    do {                                                                                  \
        advanceai_status check_got_ = (call);                                             \
        if (check_got_ != (advanceai_status)(expected)) {                                 \
            fprintf(stderr, "%s:%d: check failed: %s == %s (got %u: %s; error: %s)\n",    \
                    __FILE__, __LINE__, #call, #expected, (unsigned)check_got_,           \
                    advanceai_status_message(check_got_), error_text(err));               \
            check_failures++;                                                             \
        }                                                                                 \
    } while (0)

/* The command line every program takes. */
typedef struct {
    const char *base_url;
    const char *version;
    int slow;
} test_args;

static inline const char *error_text(const advanceai_error *err) {
    const char *message = advanceai_error_message(err);
    return message != NULL ? message : "(no error object)";
}

static inline int streq(const char *a, const char *b) {
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static inline int contains(const char *haystack, const char *needle) {
    return haystack != NULL && needle != NULL && strstr(haystack, needle) != NULL;
}

static inline int starts_with(const char *text, const char *prefix) {
    return text != NULL && prefix != NULL && strncmp(text, prefix, strlen(prefix)) == 0;
}

/* Reads the command line; exits with 2 on a usage error. */
static inline test_args test_start(int argc, char **argv) {
    test_args args;
    const char *slow = getenv("ADVANCEAI_C_TEST_SLOW");
    if (argc != 3) {
        fprintf(stderr, "usage: %s <sandbox base URL> <expected library version>\n",
                argc > 0 ? argv[0] : "test");
        exit(2);
    }
    args.base_url = argv[1];
    args.version = argv[2];
    args.slow = slow != NULL && strcmp(slow, "1") == 0;
    return args;
}

/* The exit code: 0 only when every check passed. */
static inline int test_finish(const char *name) {
    if (check_failures != 0) {
        fprintf(stderr, "%s: %d check(s) failed\n", name, check_failures);
        return 1;
    }
    printf("%s: all checks passed\n", name);
    return 0;
}

/* Frees *err and clears it, so that the next call starts from NULL. */
static inline void drop_error(advanceai_error **err) {
    advanceai_error_free(*err);
    *err = NULL;
}

/* Milliseconds: `ms`, stretched under valgrind (which runs the library 20 to 50 times
 * slower) so that a deadline meant to be met still is. */
static inline uint64_t scaled_ms(const test_args *args, uint64_t ms) {
    return args->slow ? ms * 20 : ms;
}

/* An id unique to this process run: the sandbox keeps "once" faults per id, and one sandbox
 * serves the plain, valgrind and ASan runs. */
static inline void unique_id(char *out, size_t size, const char *prefix, int n) {
    snprintf(out, size, "%s%ld-%d", prefix, (long)getpid(), n);
}

/* Monotonic milliseconds, for elapsed-time checks. */
static inline uint64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static inline void sleep_ms(unsigned ms) {
    struct timespec ts;
    ts.tv_sec = (time_t)(ms / 1000u);
    ts.tv_nsec = (long)(ms % 1000u) * 1000000L;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* A configuration for the sandbox: its credentials, no proxy whatever the environment
 * says, the given timeout and attempts, and short retry pauses (Retry-After capped at
 * 20 ms) so that fault tests stay fast. */
static inline advanceai_config *sandbox_config(const test_args *args, uint64_t timeout_ms,
                                               uint32_t max_attempts) {
    advanceai_config *config = NULL;
    CHECK_STATUS(advanceai_config_new(&config), ADVANCEAI_STATUS_OK, NULL);
    CHECK_STATUS(advanceai_config_set_base_url(config, args->base_url), ADVANCEAI_STATUS_OK,
                 NULL);
    CHECK_STATUS(advanceai_config_set_credentials(config, SANDBOX_ACCESS_KEY,
                                                  SANDBOX_SECRET_KEY),
                 ADVANCEAI_STATUS_OK, NULL);
    CHECK_STATUS(advanceai_config_set_proxy(config, NULL), ADVANCEAI_STATUS_OK, NULL);
    CHECK_STATUS(advanceai_config_set_timeout_ms(config, timeout_ms), ADVANCEAI_STATUS_OK,
                 NULL);
    CHECK_STATUS(advanceai_config_set_max_attempts(config, max_attempts), ADVANCEAI_STATUS_OK,
                 NULL);
    CHECK_STATUS(advanceai_config_set_retry_backoff_ms(config, 5, 20), ADVANCEAI_STATUS_OK,
                 NULL);
    CHECK_STATUS(advanceai_config_set_max_retry_after_ms(config, 20), ADVANCEAI_STATUS_OK,
                 NULL);
    return config;
}

/* Builds a client from `config` and frees the configuration; exits when it fails, as
 * nothing after it could run. */
static inline advanceai_client *build_client(advanceai_config *config) {
    advanceai_client *client = NULL;
    advanceai_error *err = NULL;
    advanceai_status status = advanceai_client_new(config, &client, &err);
    advanceai_config_free(config);
    if (status != ADVANCEAI_STATUS_OK || client == NULL) {
        fprintf(stderr, "%s:%d: cannot build a client (%u: %s)\n", __FILE__, __LINE__,
                (unsigned)status, error_text(err));
        advanceai_error_free(err);
        exit(1);
    }
    CHECK(err == NULL);
    return client;
}

/* A client for the sandbox (see sandbox_config). */
static inline advanceai_client *sandbox_client(const test_args *args, uint64_t timeout_ms,
                                               uint32_t max_attempts) {
    return build_client(sandbox_config(args, timeout_ms, max_attempts));
}

/* Splits "http://host:port[/...]" into host and port; 0 when the URL is not that shape
 * (the sandbox serves plain http on loopback). */
static inline int split_http_url(const char *url, char *host, size_t host_size, char *port,
                                 size_t port_size) {
    const char *start;
    const char *colon;
    const char *end;
    if (!starts_with(url, "http://")) {
        return 0;
    }
    start = url + strlen("http://");
    colon = strchr(start, ':');
    if (colon == NULL) {
        return 0;
    }
    end = strchr(colon, '/');
    if (end == NULL) {
        end = colon + strlen(colon);
    }
    if ((size_t)(colon - start) >= host_size || (size_t)(end - colon - 1) >= port_size ||
        end == colon + 1) {
        return 0;
    }
    memcpy(host, start, (size_t)(colon - start));
    host[colon - start] = '\0';
    memcpy(port, colon + 1, (size_t)(end - colon - 1));
    port[end - colon - 1] = '\0';
    return 1;
}

/* Sends one HTTP/1.1 request (`method` `path`, with `body` as JSON when not NULL) to the
 * sandbox at `base_url` over a plain socket, and reads the whole answer into `response`
 * (NUL-terminated, cut to `size`). Returns 1 when the sandbox answered HTTP 200. */
static inline int sandbox_http(const char *base_url, const char *method, const char *path,
                               const char *body, char *response, size_t size) {
    char host[256];
    char port[16];
    char request[1024];
    size_t received = 0;
    int request_len;
    int fd = -1;
    int ok = 0;
    struct addrinfo hints;
    struct addrinfo *addresses = NULL;
    struct timeval timeout;

    response[0] = '\0';
    if (!split_http_url(base_url, host, sizeof host, port, sizeof port)) {
        fprintf(stderr, "sandbox_http: unusable base URL\n");
        return 0;
    }
    if (body != NULL) {
        request_len = snprintf(request, sizeof request,
                               "%s %s HTTP/1.1\r\nHost: %s:%s\r\n"
                               "Content-Type: application/json\r\nContent-Length: %u\r\n"
                               "Connection: close\r\n\r\n%s",
                               method, path, host, port, (unsigned)strlen(body), body);
    } else {
        request_len = snprintf(request, sizeof request,
                               "%s %s HTTP/1.1\r\nHost: %s:%s\r\nConnection: close\r\n\r\n",
                               method, path, host, port);
    }
    if (request_len <= 0 || (size_t)request_len >= sizeof request) {
        return 0;
    }
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(host, port, &hints, &addresses) != 0 || addresses == NULL) {
        fprintf(stderr, "sandbox_http: cannot resolve %s\n", host);
        return 0;
    }
    fd = socket(addresses->ai_family, addresses->ai_socktype, addresses->ai_protocol);
    timeout.tv_sec = 30;
    timeout.tv_usec = 0;
    if (fd >= 0) {
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    }
    if (fd >= 0 && connect(fd, addresses->ai_addr, addresses->ai_addrlen) == 0) {
        size_t sent = 0;
        while (sent < (size_t)request_len) {
            ssize_t n = send(fd, request + sent, (size_t)request_len - sent, 0);
            if (n <= 0) {
                break;
            }
            sent += (size_t)n;
        }
        /* Connection: close: the answer ends when the sandbox closes the socket. */
        while (sent == (size_t)request_len && received < size - 1) {
            ssize_t n = recv(fd, response + received, size - 1 - received, 0);
            if (n <= 0) {
                break;
            }
            received += (size_t)n;
        }
        response[received] = '\0';
        ok = starts_with(response, "HTTP/1.1 200");
    } else {
        fprintf(stderr, "sandbox_http: cannot connect to %s:%s\n", host, port);
    }
    if (fd >= 0) {
        close(fd);
    }
    freeaddrinfo(addresses);
    return ok;
}

/* POSTs {"signatureId": ..., "outcome": ...} to {base}/sandbox/complete, as the sandbox's
 * H5 page does; returns 1 when the sandbox answered HTTP 200 with code SUCCESS. Ids and
 * outcomes are the sandbox's own (no quote or backslash). */
static inline int sandbox_complete(const char *base_url, const char *signature_id,
                                   const char *outcome) {
    char body[512];
    char response[4096];
    int body_len;
    int ok;
    if (strpbrk(signature_id, "\"\\") != NULL || strpbrk(outcome, "\"\\") != NULL) {
        fprintf(stderr, "sandbox_complete: unusable id\n");
        return 0;
    }
    body_len = snprintf(body, sizeof body, "{\"signatureId\":\"%s\",\"outcome\":\"%s\"}",
                        signature_id, outcome);
    if (body_len <= 0 || (size_t)body_len >= sizeof body) {
        return 0;
    }
    ok = sandbox_http(base_url, "POST", "/sandbox/complete", body, response, sizeof response) &&
         contains(response, "\"code\":\"SUCCESS\"");
    if (!ok) {
        fprintf(stderr, "sandbox_complete: the sandbox did not accept the outcome\n");
    }
    return ok;
}

/* How many requests reached the sandbox's `endpoint` (a descriptor name: "get_result",
 * "token"...), from GET {base}/sandbox/stats; -1 when it cannot be read. */
static inline long sandbox_request_count(const char *base_url, const char *endpoint) {
    char response[4096];
    char key[64];
    const char *at;
    char *end;
    long count;
    if (!sandbox_http(base_url, "GET", "/sandbox/stats", NULL, response, sizeof response)) {
        return -1;
    }
    snprintf(key, sizeof key, "\"%s\":", endpoint);
    at = strstr(response, key);
    if (at == NULL) {
        return -1;
    }
    count = strtol(at + strlen(key), &end, 10);
    return end == at + strlen(key) ? -1 : count;
}

/* A pointer no call may write over: checked after each failing call. */
static inline void *sentinel(void) {
    static double storage;
    return &storage;
}
#define SENTINEL (sentinel())

#endif /* ADVANCEAI_TEST_CHECK_H */
