/* deadline_budget.c: a call's deadline (advanceai_config_set_deadline_ms) and the retry
 * budget (advanceai_config_set_retry_budget, advanceai_config_set_no_retry_budget), with
 * the requests counted on the sandbox's side (GET /sandbox/stats). */
#include "check.h"

/* Expects advanceai_client_new to refuse `config` with CONFIG_ERROR and a message holding
 * `expected`. Frees the configuration. */
static void check_refused(advanceai_config *config, const char *expected) {
    advanceai_client *client = NULL;
    advanceai_error *err = NULL;
    CHECK_STATUS(advanceai_client_new(config, &client, &err), ADVANCEAI_STATUS_CONFIG_ERROR, err);
    CHECK(client == NULL);
    CHECK(contains(advanceai_error_message(err), expected));
    advanceai_error_free(err);
    advanceai_config_free(config);
}

/* A Get Result whose answer takes far longer than the deadline: the 5 s attempt timeout is
 * cut to the time the deadline leaves. */
static void cut_attempt(const test_args *args) {
    const uint64_t deadline_ms = scaled_ms(args, 300);
    advanceai_config *config = sandbox_config(args, scaled_ms(args, 5000), 3);
    advanceai_client *client;
    advanceai_token *token = NULL;
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    char id[64];
    uint64_t start;
    uint64_t took;

    CHECK_STATUS(advanceai_config_set_deadline_ms(config, deadline_ms), ADVANCEAI_STATUS_OK,
                 NULL);
    client = build_client(config);
    CHECK_STATUS(advanceai_client_token(client, &token, &err), ADVANCEAI_STATUS_OK, err);
    advanceai_token_free(token);
    drop_error(&err);

    unique_id(id, sizeof id, "fault-delay-20000-", 1);
    start = now_ms();
    CHECK_STATUS(advanceai_client_get_result(client, id, &result, &err), ADVANCEAI_STATUS_TIMEOUT,
                 err);
    took = now_ms() - start;
    CHECK(result == NULL);
    CHECK(took + 50 >= deadline_ms);
    CHECK(took < deadline_ms + scaled_ms(args, 1000));
    CHECK(advanceai_error_kind(err) == ADVANCEAI_STATUS_TIMEOUT);
    CHECK(contains(advanceai_error_message(err), "deadline of"));
    CHECK(contains(advanceai_error_message(err), "was reached (the request may have been processed)"));
    CHECK(advanceai_error_may_have_been_processed(err));
    /* Get Result is idempotent: a later resend is safe and may succeed. */
    CHECK(advanceai_error_retryable(err));
    drop_error(&err);
    advanceai_client_free(client);
}

/* SERVICE_BUSY on every answer, with 1000 attempts allowed and pauses capped at 20 ms: the
 * deadline, not the attempts, ends the call, with the last answer's code. */
static void cut_retries(const test_args *args) {
    const uint64_t deadline_ms = scaled_ms(args, 150);
    advanceai_config *config = sandbox_config(args, scaled_ms(args, 5000), 1000);
    advanceai_client *client;
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    char id[64];
    uint64_t start;
    uint64_t took;
    advanceai_token *token = NULL;
    advanceai_status status;

    CHECK_STATUS(advanceai_config_set_deadline_ms(config, deadline_ms), ADVANCEAI_STATUS_OK,
                 NULL);
    CHECK_STATUS(advanceai_config_set_no_retry_budget(config), ADVANCEAI_STATUS_OK, NULL);
    client = build_client(config);
    /* The token first, so that its fetch is not part of the deadline measured here. */
    CHECK_STATUS(advanceai_client_token(client, &token, &err), ADVANCEAI_STATUS_OK, err);
    advanceai_token_free(token);
    unique_id(id, sizeof id, "fault-busy-", 2);
    start = now_ms();
    status = advanceai_client_get_result(client, id, &result, &err);
    took = now_ms() - start;
    CHECK(took < deadline_ms + scaled_ms(args, 1000));
    CHECK(contains(advanceai_error_message(err), "deadline of"));
    if (status == ADVANCEAI_STATUS_TIMEOUT) {
        /* On a loaded machine (valgrind, ASan beside other work) one attempt can outlast
         * the time left: the deadline then cuts that attempt, which may have been
         * processed. */
        CHECK(advanceai_error_may_have_been_processed(err));
    } else {
        CHECK(status == ADVANCEAI_STATUS_API_ERROR);
        CHECK(streq(advanceai_error_code(err), "SERVICE_BUSY"));
        CHECK(contains(advanceai_error_message(err),
                       "was reached (the request was not processed)"));
        CHECK(!advanceai_error_may_have_been_processed(err));
    }
    CHECK(advanceai_error_retryable(err));
    drop_error(&err);
    advanceai_client_free(client);
}

/* Two Get Result calls during an outage (HTTP 502 on every answer), 3 attempts each: the
 * requests the sandbox receives with a budget of 10 (two retries at 5), without a budget,
 * and with the default budget. */
static long outage_requests(const test_args *args, int budget, int n) {
    advanceai_config *config = sandbox_config(args, scaled_ms(args, 5000), 3);
    advanceai_client *client;
    advanceai_token *token = NULL;
    advanceai_error *err = NULL;
    long before;
    long after;
    int i;

    if (budget > 0) {
        CHECK_STATUS(advanceai_config_set_retry_budget(config, (uint32_t)budget),
                     ADVANCEAI_STATUS_OK, NULL);
    } else if (budget == 0) {
        CHECK_STATUS(advanceai_config_set_no_retry_budget(config), ADVANCEAI_STATUS_OK, NULL);
    }
    client = build_client(config);
    CHECK_STATUS(advanceai_client_token(client, &token, &err), ADVANCEAI_STATUS_OK, err);
    advanceai_token_free(token);
    drop_error(&err);
    before = sandbox_request_count(args->base_url, "get_result");
    for (i = 0; i < 2; i++) {
        advanceai_get_result *result = NULL;
        char id[64];
        unique_id(id, sizeof id, "fault-502-", n * 10 + i);
        CHECK_STATUS(advanceai_client_get_result(client, id, &result, &err),
                     ADVANCEAI_STATUS_UNEXPECTED_RESPONSE, err);
        CHECK(advanceai_error_http_status(err) == 502);
        CHECK(result == NULL);
        drop_error(&err);
    }
    after = sandbox_request_count(args->base_url, "get_result");
    advanceai_client_free(client);
    CHECK(before >= 0 && after >= 0);
    return after - before;
}

static void budget(const test_args *args) {
    advanceai_config *config;

    /* 10 tokens pay for the first call's two retries; the second call is tried once. */
    CHECK(outage_requests(args, 10, 1) == 3 + 1);
    /* Off: every call uses its 3 attempts. */
    CHECK(outage_requests(args, 0, 2) == 3 + 3);
    /* The default 500 tokens are far from spent by two calls. */
    CHECK(outage_requests(args, -1, 3) == 3 + 3);

    config = sandbox_config(args, 5000, 3);
    CHECK_STATUS(advanceai_config_set_retry_budget(config, 0), ADVANCEAI_STATUS_OK, NULL);
    check_refused(config, "retry budget must be greater than zero");
}

int main(int argc, char **argv) {
    test_args args = test_start(argc, argv);
    advanceai_config *config = sandbox_config(&args, 5000, 3);
    CHECK_STATUS(advanceai_config_set_deadline_ms(config, 0), ADVANCEAI_STATUS_OK, NULL);
    check_refused(config, "deadline timeout must be greater than zero");
    CHECK(sandbox_request_count(args.base_url, "get_result") >= 0);
    cut_attempt(&args);
    cut_retries(&args);
    budget(&args);
    return test_finish("deadline_budget");
}
