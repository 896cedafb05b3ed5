/* callback.c: advanceai_parse_callback, for the body the vendor posts to a callbackUrl:
 * both documented types, a type this version does not know (kept as sent), fields of the
 * wrong type, a field twice, bodies that are empty or not JSON, and NULL arguments.
 * Needs no server. */
#include "check.h"

/* Parses from a heap copy of exactly `text`'s bytes, without a NUL after them, so that
 * valgrind and ASan catch any read past `len`. */
static advanceai_status parse(const char *text, advanceai_callback **out,
                              advanceai_error **err) {
    size_t len = strlen(text);
    uint8_t *bytes = malloc(len > 0 ? len : 1);
    advanceai_status status;
    if (bytes == NULL) {
        return ADVANCEAI_STATUS_PANIC;
    }
    memcpy(bytes, text, len);
    status = advanceai_parse_callback(bytes, len, out, err);
    free(bytes);
    return status;
}

static void valid_bodies(void) {
    static const char *const bodies[][3] = {
        {"{\"signatureId\":\"f302f5d2454a85c2\",\"type\":\"COMPLETED\"}", "f302f5d2454a85c2",
         "COMPLETED"},
        {"{\"type\":\"SUBMIT_COMPLETED\",\"signatureId\":\"sig-2\"}", "sig-2",
         "SUBMIT_COMPLETED"},
        /* A type this version does not know is kept as sent; an unknown field is ignored. */
        {"\xEF\xBB\xBF {\"signatureId\":\"sig-3\",\"type\":\"REVIEW_STARTED\",\"extra\":[1]}",
         "sig-3", "REVIEW_STARTED"},
    };
    size_t i;
    for (i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        advanceai_callback *callback = NULL;
        advanceai_error *err = NULL;
        CHECK_STATUS(parse(bodies[i][0], &callback, &err), ADVANCEAI_STATUS_OK, err);
        CHECK(err == NULL);
        CHECK(streq(advanceai_callback_signature_id(callback), bodies[i][1]));
        CHECK(streq(advanceai_callback_type(callback), bodies[i][2]));
        /* Owned by the callback: the same pointer on every call. */
        CHECK(advanceai_callback_type(callback) == advanceai_callback_type(callback));
        CHECK(advanceai_callback_signature_id(callback) ==
              advanceai_callback_signature_id(callback));
        advanceai_callback_free(callback);
        advanceai_error_free(err);
    }
    /* Fields may be absent or null: the getters say so with NULL. */
    {
        advanceai_callback *callback = NULL;
        advanceai_error *err = NULL;
        CHECK_STATUS(parse("{\"signatureId\":null}", &callback, &err), ADVANCEAI_STATUS_OK,
                     err);
        CHECK(advanceai_callback_signature_id(callback) == NULL);
        CHECK(advanceai_callback_type(callback) == NULL);
        advanceai_callback_free(callback);
        advanceai_error_free(err);
    }
}

static void unreadable_bodies(void) {
    static const char *const bodies[] = {
        "{\"signatureId\":123,\"type\":\"COMPLETED\"}",
        "{\"signatureId\":\"a\",\"type\":[\"COMPLETED\"]}",
        "{\"signatureId\":\"a\",\"type\":\"COMPLETED\",\"type\":\"X\"}",
        "{\"signatureId\":\"SECRETNAME",
        "[]",
        "<html>502</html>",
        "",
        "   ",
    };
    size_t i;
    for (i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        advanceai_callback *callback = SENTINEL;
        advanceai_error *err = NULL;
        CHECK_STATUS(parse(bodies[i], &callback, &err), ADVANCEAI_STATUS_PARSE_ERROR, err);
        CHECK(callback == SENTINEL);
        CHECK(advanceai_error_kind(err) == ADVANCEAI_STATUS_PARSE_ERROR);
        CHECK(streq(advanceai_status_name(advanceai_error_kind(err)), "PARSE_ERROR"));
        CHECK(advanceai_error_message(err) != NULL && strlen(advanceai_error_message(err)) > 0);
        CHECK(!contains(advanceai_error_message(err), "SECRETNAME"));
        CHECK(advanceai_error_code(err) == NULL);
        CHECK(!advanceai_error_retryable(err));
        CHECK(!advanceai_error_refuses_account(err));
        if (advanceai_error_kind(err) != ADVANCEAI_STATUS_PARSE_ERROR) {
            fprintf(stderr, "  (unreadable callback body %u)\n", (unsigned)i);
        }
        advanceai_error_free(err);
    }
    /* An empty body with NULL bytes (allowed when len is 0), and no error slot. */
    {
        advanceai_callback *callback = SENTINEL;
        advanceai_error *err = NULL;
        CHECK_STATUS(advanceai_parse_callback(NULL, 0, &callback, &err),
                     ADVANCEAI_STATUS_PARSE_ERROR, err);
        CHECK(callback == SENTINEL);
        advanceai_error_free(err);
        CHECK(advanceai_parse_callback(NULL, 0, &callback, NULL) ==
              ADVANCEAI_STATUS_PARSE_ERROR);
        CHECK(callback == SENTINEL);
    }
}

static void null_arguments(void) {
    static const uint8_t body[] = "{\"signatureId\":\"s\",\"type\":\"COMPLETED\"}";
    advanceai_callback *callback = SENTINEL;
    advanceai_error *err = NULL;
    CHECK_STATUS(advanceai_parse_callback(NULL, 5, &callback, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK(contains(advanceai_error_message(err), "bytes"));
    CHECK(callback == SENTINEL);
    advanceai_error_free(err);
    err = NULL;
    CHECK_STATUS(advanceai_parse_callback(body, sizeof body - 1, NULL, &err),
                 ADVANCEAI_STATUS_NULL_PARAMETER, err);
    CHECK(contains(advanceai_error_message(err), "out"));
    advanceai_error_free(err);
    CHECK(advanceai_parse_callback(NULL, 5, &callback, NULL) == ADVANCEAI_STATUS_NULL_PARAMETER);
    CHECK(callback == SENTINEL);
    CHECK(advanceai_callback_signature_id(NULL) == NULL);
    CHECK(advanceai_callback_type(NULL) == NULL);
    advanceai_callback_free(NULL);
}

int main(int argc, char **argv) {
    test_start(argc, argv);
    valid_bodies();
    unreadable_bodies();
    null_arguments();
    return test_finish("callback");
}
