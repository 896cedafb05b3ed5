/* get_result_loop.c: the C side of the ffi_overhead bench (crates/ffi/benches/ffi_overhead.rs).
 *
 * Usage: get_result_loop <base URL> <signatureId> <calls> <warm-up calls>
 *
 * Builds one client (same settings as the Rust side: the library's default timeouts and
 * retries, no proxy), warms it up (token, connection), then times <calls> calls of
 * advanceai_client_get_result + a few getters + advanceai_get_result_free with
 * CLOCK_MONOTONIC. Every answer is checked (final, a pass, this signatureId, face scores
 * present); the first failure stops the program with exit status 1.
 *
 * Prints one machine-readable line on stdout:
 *   get_result_loop calls=<n> total_ns=<ns> ns_per_call=<ns> liveness=<score> similarity=<score>
 * The scores are printed so the bench can check them against its own parse; no person field
 * is ever printed. */
#define _POSIX_C_SOURCE 199309L

#include "advanceai.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Reports a failed call without any person data: the error object never holds any. */
static void report(const char *what, advanceai_status status, const advanceai_error *err) {
    const char *code = advanceai_error_code(err);
    const char *message = advanceai_error_message(err);
    fprintf(stderr, "get_result_loop: %s failed: %s (status %u, code %s): %s\n", what,
            advanceai_status_message(status), (unsigned)status, code != NULL ? code : "-",
            message != NULL ? message : "-");
}

static int parse_count(const char *text, unsigned long *out) {
    char *end = NULL;
    unsigned long value;
    errno = 0;
    value = strtoul(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || text[0] == '-') {
        return 0;
    }
    *out = value;
    return 1;
}

/* One checked Get Result call. The getters are what a real caller reads; the scores are
 * handed back for the first call's report. Returns 0 on success. */
static int one_call(const advanceai_client *client, const char *signature_id,
                    double *liveness, double *similarity) {
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    const char *sid;
    const char *code;
    int ok;
    advanceai_status status = advanceai_client_get_result(client, signature_id, &result, &err);
    if (status != ADVANCEAI_STATUS_OK) {
        report("advanceai_client_get_result", status, err);
        advanceai_error_free(err);
        return 1;
    }
    sid = advanceai_get_result_signature_id(result);
    code = advanceai_get_result_error_code(result);
    ok = advanceai_get_result_is_final(result) && advanceai_get_result_passed(result) &&
         sid != NULL && strcmp(sid, signature_id) == 0 && code != NULL &&
         strcmp(code, "SUCCESS") == 0 &&
         advanceai_get_result_face_liveness_score(result, liveness) &&
         advanceai_get_result_face_similarity_score(result, similarity);
    advanceai_get_result_free(result);
    if (!ok) {
        fprintf(stderr, "get_result_loop: the answer is not a final pass with face scores "
                        "for this signatureId\n");
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    const char *base_url;
    const char *signature_id;
    unsigned long calls = 0;
    unsigned long warmup = 0;
    unsigned long i;
    advanceai_config *config = NULL;
    advanceai_client *client = NULL;
    advanceai_error *err = NULL;
    advanceai_status status;
    double liveness = 0.0;
    double similarity = 0.0;
    uint64_t start;
    uint64_t total;
    int rc = 1;

    if (argc != 5 || !parse_count(argv[3], &calls) || !parse_count(argv[4], &warmup) ||
        calls == 0) {
        fprintf(stderr, "usage: %s <base URL> <signatureId> <calls >= 1> <warm-up calls>\n",
                argv[0]);
        return 2;
    }
    base_url = argv[1];
    signature_id = argv[2];

    if (advanceai_config_new(&config) != ADVANCEAI_STATUS_OK ||
        advanceai_config_set_base_url(config, base_url) != ADVANCEAI_STATUS_OK ||
        advanceai_config_set_credentials(config, "sandbox-access-key", "sandbox-secret-key") !=
            ADVANCEAI_STATUS_OK ||
        advanceai_config_set_proxy(config, NULL) != ADVANCEAI_STATUS_OK) {
        fprintf(stderr, "get_result_loop: cannot set up the configuration\n");
        advanceai_config_free(config);
        return 1;
    }
    status = advanceai_client_new(config, &client, &err);
    advanceai_config_free(config);
    if (status != ADVANCEAI_STATUS_OK) {
        report("advanceai_client_new", status, err);
        advanceai_error_free(err);
        return 1;
    }

    /* Warm-up: the token, the pooled connection, the allocator. Also the first check. */
    if (one_call(client, signature_id, &liveness, &similarity) != 0) {
        goto done;
    }
    for (i = 0; i < warmup; i++) {
        if (one_call(client, signature_id, &liveness, &similarity) != 0) {
            goto done;
        }
    }

    start = now_ns();
    for (i = 0; i < calls; i++) {
        if (one_call(client, signature_id, &liveness, &similarity) != 0) {
            goto done;
        }
    }
    total = now_ns() - start;

    printf("get_result_loop calls=%lu total_ns=%llu ns_per_call=%.1f liveness=%g similarity=%g\n",
           calls, (unsigned long long)total, (double)total / (double)calls, liveness,
           similarity);
    rc = 0;

done:
    advanceai_client_free(client);
    return rc;
}
