/* health_clear.c: advanceai_client_health and advanceai_client_clear_data: the C contract
 * of each (NULL arguments, UTF-8, outputs untouched on failure, NULL getters), then both
 * against the sandbox: a healthy type, an unlisted one, the Clear Data refusals while
 * pending, the clear once final, and REQUEST_IN_PROCESSING as a retryable answer. */
#include "check.h"

static const char BAD[] = "bad-\xff-utf8";

/* Checks that `err` is an error of kind `kind` whose message names `name`; frees it. */
#define CHECK_BOUNDARY(err, kind, name)                                                   \
    do {                                                                                  \
        CHECK((err) != NULL);                                                             \
        CHECK(advanceai_error_kind(err) == (kind));                                       \
        CHECK(contains(advanceai_error_message(err), name));                              \
        CHECK(!advanceai_error_may_have_been_processed(err));                             \
        CHECK(!advanceai_error_retryable(err));                                           \
        CHECK(advanceai_error_safe_to_resend(err));                                       \
        drop_error(&(err));                                                               \
    } while (0)

static void contract(advanceai_client *client) {
    advanceai_health_result *health = SENTINEL;
    advanceai_error *err = NULL;

    CHECK_STATUS(advanceai_client_health(NULL, "NG_BVN", &health, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_BOUNDARY(err, ADVANCEAI_STATUS_NULL_PARAMETER, "client");
    CHECK_STATUS(advanceai_client_health(client, NULL, &health, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_BOUNDARY(err, ADVANCEAI_STATUS_NULL_PARAMETER, "number_type");
    CHECK_STATUS(advanceai_client_health(client, "NG_BVN", NULL, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_BOUNDARY(err, ADVANCEAI_STATUS_NULL_PARAMETER, "out");
    CHECK_STATUS(advanceai_client_health(client, BAD, &health, &err),
                 ADVANCEAI_STATUS_INVALID_UTF8, err);
    CHECK_BOUNDARY(err, ADVANCEAI_STATUS_INVALID_UTF8, "number_type");
    CHECK(health == SENTINEL);
    /* No error slot: the status alone. */
    CHECK(advanceai_client_health(client, NULL, &health, NULL) ==
          ADVANCEAI_STATUS_NULL_PARAMETER);

    CHECK_STATUS(advanceai_client_clear_data(NULL, "0123456789abcdef", &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_BOUNDARY(err, ADVANCEAI_STATUS_NULL_PARAMETER, "client");
    CHECK_STATUS(advanceai_client_clear_data(client, NULL, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK_BOUNDARY(err, ADVANCEAI_STATUS_NULL_PARAMETER, "signature_id");
    CHECK_STATUS(advanceai_client_clear_data(client, BAD, &err), ADVANCEAI_STATUS_INVALID_UTF8,
                 err);
    CHECK_BOUNDARY(err, ADVANCEAI_STATUS_INVALID_UTF8, "signature_id");

    advanceai_health_result_free(NULL);
    CHECK(advanceai_health_result_number_type(NULL) == NULL);
    CHECK(advanceai_health_result_status(NULL) == NULL);
    CHECK(!advanceai_health_result_can_start(NULL));
}

static void health_against_the_sandbox(advanceai_client *client) {
    advanceai_health_result *health = NULL;
    advanceai_error *err = NULL;

    CHECK_STATUS(advanceai_client_health(client, "ng_bvn", &health, &err), ADVANCEAI_STATUS_OK,
                 err);
    CHECK(err == NULL);
    CHECK(streq(advanceai_health_result_number_type(health), "NG_BVN"));
    CHECK(streq(advanceai_health_result_status(health), "health"));
    CHECK(advanceai_health_result_can_start(health));
    /* The same string on every call: owned by the result. */
    CHECK(advanceai_health_result_status(health) == advanceai_health_result_status(health));
    advanceai_health_result_free(health);

    health = SENTINEL;
    CHECK_STATUS(advanceai_client_health(client, "BVN", &health, &err),
                 ADVANCEAI_STATUS_API_ERROR, err);
    CHECK(health == SENTINEL);
    CHECK(streq(advanceai_error_code(err), "PARAMETER_ERROR"));
    CHECK(advanceai_error_faults_the_request(err));
    drop_error(&err);
    CHECK_STATUS(advanceai_client_health(client, "", &health, &err),
                 ADVANCEAI_STATUS_INVALID_INPUT, err);
    CHECK(contains(advanceai_error_message(err), "numberType is empty"));
    drop_error(&err);
}

static void clear_against_the_sandbox(const test_args *args, advanceai_client *client) {
    advanceai_url_request *request = NULL;
    advanceai_url_result *url = NULL;
    advanceai_error *err = NULL;
    const char *signature_id;

    CHECK_STATUS(advanceai_url_request_new("order-clear", "user-1", "NGA", "BVN",
                                           "https://example.com/ok", "https://example.com/fail",
                                           &request, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_generate_url(client, request, &url, &err),
                 ADVANCEAI_STATUS_OK, err);
    advanceai_url_request_free(request);
    signature_id = advanceai_url_result_signature_id(url);
    CHECK(signature_id != NULL);
    if (signature_id == NULL) {
        advanceai_url_result_free(url);
        drop_error(&err);
        return;
    }

    CHECK_STATUS(advanceai_client_clear_data(client, signature_id, &err),
                 ADVANCEAI_STATUS_API_ERROR, err);
    CHECK(streq(advanceai_error_code(err), "PARAMETER_ERROR"));
    CHECK(contains(advanceai_error_message(err), "Transaction is not finished"));
    drop_error(&err);

    CHECK(sandbox_complete(args->base_url, signature_id, "PASS"));
    CHECK_STATUS(advanceai_client_clear_data(client, signature_id, &err), ADVANCEAI_STATUS_OK,
                 err);
    CHECK(err == NULL);
    /* Clearing twice clears once. */
    CHECK_STATUS(advanceai_client_clear_data(client, signature_id, &err), ADVANCEAI_STATUS_OK,
                 err);
    advanceai_url_result_free(url);

    CHECK_STATUS(advanceai_client_clear_data(client, "", &err), ADVANCEAI_STATUS_INVALID_INPUT,
                 err);
    CHECK(contains(advanceai_error_message(err), "SignatureId is empty"));
    drop_error(&err);
    CHECK_STATUS(advanceai_client_clear_data(client, "0123456789abcdef", &err),
                 ADVANCEAI_STATUS_API_ERROR, err);
    CHECK(contains(advanceai_error_message(err), "SignatureId is not exist"));
    drop_error(&err);

    /* A clear already in processing: retry later, never a failed deletion. */
    CHECK_STATUS(advanceai_client_clear_data(client, "fault-in-processing-c", &err),
                 ADVANCEAI_STATUS_API_ERROR, err);
    CHECK(streq(advanceai_error_code(err), "REQUEST_IN_PROCESSING"));
    CHECK(advanceai_error_retryable(err));
    CHECK(advanceai_error_safe_to_resend(err));
    CHECK(!advanceai_error_may_have_been_processed(err));
    CHECK(!advanceai_error_faults_the_request(err));
    CHECK(!advanceai_error_refuses_account(err));
    drop_error(&err);
}

int main(int argc, char **argv) {
    test_args args = test_start(argc, argv);
    advanceai_client *client = sandbox_client(&args, scaled_ms(&args, 10000), 2);
    contract(client);
    health_against_the_sandbox(client);
    clear_against_the_sandbox(&args, client);
    advanceai_client_free(client);
    return test_finish("health_clear");
}
