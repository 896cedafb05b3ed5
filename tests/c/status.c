/* status.c: advanceai_status_name and advanceai_status_message for every status: the names
 * are the C identifiers without their ADVANCEAI_STATUS_ prefix (the same names as the
 * transport's error kinds, the CLI's and the bindings'), static, and "UNKNOWN" for a value
 * that is not a status. Needs no server. */
#include "check.h"

typedef struct {
    advanceai_status status;
    const char *name;
} named_status;

/* Every status, by its header constant. */
static const named_status STATUSES[] = {
    {ADVANCEAI_STATUS_OK, "OK"},
    {ADVANCEAI_STATUS_NULL_PARAMETER, "NULL_PARAMETER"},
    {ADVANCEAI_STATUS_INVALID_UTF8, "INVALID_UTF8"},
    {ADVANCEAI_STATUS_INVALID_INPUT, "INVALID_INPUT"},
    {ADVANCEAI_STATUS_API_ERROR, "API_ERROR"},
    {ADVANCEAI_STATUS_TRANSPORT_ERROR, "TRANSPORT_ERROR"},
    {ADVANCEAI_STATUS_TIMEOUT, "TIMEOUT"},
    {ADVANCEAI_STATUS_UNEXPECTED_RESPONSE, "UNEXPECTED_RESPONSE"},
    {ADVANCEAI_STATUS_PARSE_ERROR, "PARSE_ERROR"},
    {ADVANCEAI_STATUS_RESPONSE_TOO_LARGE, "RESPONSE_TOO_LARGE"},
    {ADVANCEAI_STATUS_CONFIG_ERROR, "CONFIG_ERROR"},
    {ADVANCEAI_STATUS_RESULT_PENDING, "RESULT_PENDING"},
    {ADVANCEAI_STATUS_PANIC, "PANIC"},
    {ADVANCEAI_STATUS_MISSING_DATA, "MISSING_DATA"},
};

#define STATUS_COUNT (sizeof STATUSES / sizeof STATUSES[0])

static void names(void) {
    size_t i;
    size_t j;
    for (i = 0; i < STATUS_COUNT; i++) {
        const char *name = advanceai_status_name(STATUSES[i].status);
        /* The values are 0..13, in order: stable, never renumbered. */
        CHECK((size_t)STATUSES[i].status == i);
        CHECK(streq(name, STATUSES[i].name));
        CHECK(!starts_with(name, "ADVANCEAI_STATUS_"));
        /* Static: the same pointer every time, never freed. */
        CHECK(name == advanceai_status_name(STATUSES[i].status));
        for (j = 0; j < i; j++) {
            CHECK(!streq(name, advanceai_status_name(STATUSES[j].status)));
        }
        if (!streq(name, STATUSES[i].name)) {
            fprintf(stderr, "  (status %u is named %s)\n", (unsigned)i,
                    name != NULL ? name : "NULL");
        }
    }
    CHECK(streq(advanceai_status_name(STATUS_COUNT), "UNKNOWN"));
    CHECK(streq(advanceai_status_name(9999), "UNKNOWN"));
    CHECK(streq(advanceai_status_name(UINT32_MAX), "UNKNOWN"));
    CHECK(advanceai_status_name(UINT32_MAX) == advanceai_status_name(9999));
}

/* The name of a failure's status is the name of its error object's kind. */
static void name_of_an_error(void) {
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    CHECK_STATUS(advanceai_parse_get_result(NULL, 0, &result, &err),
                 ADVANCEAI_STATUS_PARSE_ERROR, err);
    CHECK(streq(advanceai_status_name(advanceai_error_kind(err)), "PARSE_ERROR"));
    CHECK(result == NULL);
    advanceai_error_free(err);
}

static void messages(void) {
    size_t i;
    for (i = 0; i < STATUS_COUNT; i++) {
        const char *message = advanceai_status_message(STATUSES[i].status);
        CHECK(message != NULL && strlen(message) > 0);
        /* A message is English text, not the name again. */
        CHECK(!streq(message, STATUSES[i].name));
        CHECK(message == advanceai_status_message(STATUSES[i].status));
    }
    CHECK(streq(advanceai_status_message(STATUS_COUNT), "unknown status"));
}

/* advanceai_error_new: a wrapper's own refusal carries the library's verdict. */
static void refusal_objects(void) {
    static const advanceai_status refused_arguments[] = {ADVANCEAI_STATUS_INVALID_INPUT,
                                                         ADVANCEAI_STATUS_NULL_PARAMETER,
                                                         ADVANCEAI_STATUS_INVALID_UTF8};
    advanceai_error *err = SENTINEL;
    size_t i;
    for (i = 0; i < sizeof refused_arguments / sizeof refused_arguments[0]; i++) {
        err = NULL;
        CHECK(advanceai_error_new(refused_arguments[i], "userId contains a NUL byte", &err) ==
              ADVANCEAI_STATUS_OK);
        CHECK(advanceai_error_kind(err) == refused_arguments[i]);
        CHECK(streq(advanceai_error_message(err), "userId contains a NUL byte"));
        CHECK(advanceai_error_code(err) == NULL && advanceai_error_transaction_id(err) == NULL);
        CHECK(!advanceai_error_retryable(err) && !advanceai_error_may_have_been_processed(err));
        CHECK(!advanceai_error_refuses_account(err));
        CHECK(advanceai_error_safe_to_resend(err) && advanceai_error_faults_the_request(err));
        advanceai_error_free(err);
    }
    err = NULL;
    CHECK(advanceai_error_new(ADVANCEAI_STATUS_CONFIG_ERROR, NULL, &err) == ADVANCEAI_STATUS_OK);
    CHECK(streq(advanceai_error_message(err),
                advanceai_status_message(ADVANCEAI_STATUS_CONFIG_ERROR)));
    CHECK(!advanceai_error_faults_the_request(err) && advanceai_error_safe_to_resend(err));
    advanceai_error_free(err);

    /* Only refusals can be made; nothing is written otherwise. */
    err = SENTINEL;
    CHECK(advanceai_error_new(ADVANCEAI_STATUS_API_ERROR, "x", &err) ==
          ADVANCEAI_STATUS_INVALID_INPUT);
    CHECK(advanceai_error_new(STATUS_COUNT, "x", &err) == ADVANCEAI_STATUS_INVALID_INPUT);
    CHECK(advanceai_error_new(ADVANCEAI_STATUS_INVALID_INPUT, "\xff", &err) ==
          ADVANCEAI_STATUS_INVALID_UTF8);
    CHECK(err == SENTINEL);
    CHECK(advanceai_error_new(ADVANCEAI_STATUS_INVALID_INPUT, "x", NULL) ==
          ADVANCEAI_STATUS_NULL_PARAMETER);
}

int main(int argc, char **argv) {
    test_start(argc, argv);
    names();
    name_of_an_error();
    messages();
    refusal_objects();
    return test_finish("status");
}
