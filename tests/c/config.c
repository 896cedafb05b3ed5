/* config.c: the configuration builder and the client it makes: every setter, every
 * refusal of advanceai_client_new (with its message), wrong credentials, an unreachable
 * server, token caching and refresh. */
#include "check.h"

/* A public root certificate (ISRG Root X2, valid until 2040), to prove that a PEM bundle
 * is accepted; any certificate would do. */
static const char ROOT_PEM[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIICGzCCAaGgAwIBAgIQQdKd0XLq7qeAwSxs6S+HUjAKBggqhkjOPQQDAzBPMQsw\n"
    "CQYDVQQGEwJVUzEpMCcGA1UEChMgSW50ZXJuZXQgU2VjdXJpdHkgUmVzZWFyY2gg\n"
    "R3JvdXAxFTATBgNVBAMTDElTUkcgUm9vdCBYMjAeFw0yMDA5MDQwMDAwMDBaFw00\n"
    "MDA5MTcxNjAwMDBaME8xCzAJBgNVBAYTAlVTMSkwJwYDVQQKEyBJbnRlcm5ldCBT\n"
    "ZWN1cml0eSBSZXNlYXJjaCBHcm91cDEVMBMGA1UEAxMMSVNSRyBSb290IFgyMHYw\n"
    "EAYHKoZIzj0CAQYFK4EEACIDYgAEzZvVn4CDCuwJSvMWSj5cz3es3mcFDR0HttwW\n"
    "+1qLFNvicWDEukWVEYmO6gbf9yoWHKS5xcUy4APgHoIYOIvXRdgKam7mAHf7AlF9\n"
    "ItgKbppbd9/w+kHsOdx1ymgHDB/qo0IwQDAOBgNVHQ8BAf8EBAMCAQYwDwYDVR0T\n"
    "AQH/BAUwAwEB/zAdBgNVHQ4EFgQUfEKWrt5LSDv6kviejM9ti6lyN5UwCgYIKoZI\n"
    "zj0EAwMDaAAwZQIwe3lORlCEwkSHRhtFcP9Ymd70/aTSVaYgLXTWNLxBo1BfASdW\n"
    "tL4ndQavEi51mI38AjEAi/V3bNTIZargCyzuFJ0nN6T5U6VR5CmD1/iQMVtCnwr1\n"
    "/q4AaOeMSQ+2b1tbFfLn\n"
    "-----END CERTIFICATE-----\n";

/* Writes `text` to a new temporary file; its path goes to `path` (size >= 32). */
static int write_temp_file(char *path, size_t size, const char *text) {
    int fd;
    size_t len = strlen(text);
    snprintf(path, size, "/tmp/advanceai-c-test-XXXXXX");
    fd = mkstemp(path);
    if (fd < 0) {
        return 0;
    }
    if (write(fd, text, len) != (ssize_t)len) {
        close(fd);
        return 0;
    }
    close(fd);
    return 1;
}

/* Expects advanceai_client_new to refuse `config` with CONFIG_ERROR and a message holding
 * `expected`; the output stays untouched. Frees the configuration. */
#define CHECK_REFUSED(config, expected)                                                   \
    do {                                                                                  \
        advanceai_client *refused_ = NULL;                                                \
        advanceai_error *refused_err_ = NULL;                                             \
        CHECK_STATUS(advanceai_client_new((config), &refused_, &refused_err_),            \
                     ADVANCEAI_STATUS_CONFIG_ERROR, refused_err_);                        \
        CHECK(refused_ == NULL);                                                          \
        CHECK(advanceai_error_kind(refused_err_) == ADVANCEAI_STATUS_CONFIG_ERROR);       \
        CHECK(contains(advanceai_error_message(refused_err_), (expected)));               \
        CHECK(advanceai_error_code(refused_err_) == NULL);                                \
        CHECK(!advanceai_error_retryable(refused_err_));                                  \
        CHECK(!advanceai_error_may_have_been_processed(refused_err_));                    \
        advanceai_client_free(refused_);                                                  \
        advanceai_error_free(refused_err_);                                               \
        advanceai_config_free(config);                                                    \
    } while (0)

static void refusals(const test_args *args) {
    advanceai_config *config;

    config = sandbox_config(args, 5000, 3);
    CHECK_STATUS(advanceai_config_set_base_url(config, "http://api.example.com"),
                 ADVANCEAI_STATUS_OK, NULL);
    CHECK_REFUSED(config, "refusing plain http:// to api.example.com");

    config = sandbox_config(args, 5000, 3);
    CHECK_STATUS(advanceai_config_set_base_url(config, "not a url"), ADVANCEAI_STATUS_OK, NULL);
    CHECK_REFUSED(config, "invalid base URL");

    config = sandbox_config(args, 0, 3);
    CHECK_REFUSED(config, "timeout must be greater than zero");

    config = sandbox_config(args, 5000, 3);
    CHECK_STATUS(advanceai_config_set_connect_timeout_ms(config, 0), ADVANCEAI_STATUS_OK, NULL);
    CHECK_REFUSED(config, "timeout must be greater than zero");

    config = sandbox_config(args, 5000, 0);
    CHECK_REFUSED(config, "at least one attempt");

    config = sandbox_config(args, 5000, 3);
    CHECK_STATUS(advanceai_config_set_max_response_bytes(config, 0), ADVANCEAI_STATUS_OK, NULL);
    CHECK_REFUSED(config, "maximum response size");

    config = sandbox_config(args, 5000, 3);
    CHECK_STATUS(advanceai_config_set_token_period_seconds(config, 59), ADVANCEAI_STATUS_OK,
                 NULL);
    CHECK_REFUSED(config, "token lifetime must be between 60 and 86400");

    config = sandbox_config(args, 5000, 3);
    CHECK_STATUS(advanceai_config_set_token_period_seconds(config, 86401), ADVANCEAI_STATUS_OK,
                 NULL);
    CHECK_REFUSED(config, "token lifetime must be between 60 and 86400");

    config = sandbox_config(args, 5000, 3);
    CHECK_STATUS(advanceai_config_set_token_period_seconds(config, 60), ADVANCEAI_STATUS_OK,
                 NULL);
    CHECK_STATUS(advanceai_config_set_token_refresh_margin_ms(config, 60000),
                 ADVANCEAI_STATUS_OK, NULL);
    CHECK_REFUSED(config, "refresh margin");

    /* No credentials at all, then empty ones. */
    CHECK_STATUS(advanceai_config_new(&config), ADVANCEAI_STATUS_OK, NULL);
    CHECK_STATUS(advanceai_config_set_base_url(config, args->base_url), ADVANCEAI_STATUS_OK,
                 NULL);
    CHECK_REFUSED(config, "access key and the secret key are required");
    config = sandbox_config(args, 5000, 3);
    CHECK_STATUS(advanceai_config_set_credentials(config, "", ""), ADVANCEAI_STATUS_OK, NULL);
    CHECK_REFUSED(config, "access key and the secret key are required");

    /* A proxy URL may hold a password: the message must not repeat it. */
    config = sandbox_config(args, 5000, 3);
    CHECK_STATUS(advanceai_config_set_proxy(config, "ftp://user:hunter2@proxy.example:21"),
                 ADVANCEAI_STATUS_OK, NULL);
    {
        advanceai_client *never = NULL;
        advanceai_error *err = NULL;
        CHECK_STATUS(advanceai_client_new(config, &never, &err), ADVANCEAI_STATUS_CONFIG_ERROR,
                     err);
        CHECK(contains(advanceai_error_message(err), "invalid proxy URL"));
        CHECK(!contains(advanceai_error_message(err), "hunter2"));
        CHECK(never == NULL);
        advanceai_error_free(err);
        advanceai_config_free(config);
    }

    /* CA bundles: unreadable (refused by the setter), not PEM (refused by client_new), a
     * real certificate (accepted). */
    {
        char path[64];
        config = sandbox_config(args, 5000, 3);
        CHECK(advanceai_config_set_ca_bundle_path(config, "/nonexistent/advanceai/ca.pem") ==
              ADVANCEAI_STATUS_CONFIG_ERROR);
        CHECK(write_temp_file(path, sizeof path, "this is not a certificate\n"));
        CHECK_STATUS(advanceai_config_set_ca_bundle_path(config, path), ADVANCEAI_STATUS_OK,
                     NULL);
        unlink(path);
        CHECK_REFUSED(config, "invalid CA bundle");

        config = sandbox_config(args, 5000, 3);
        CHECK(write_temp_file(path, sizeof path, ROOT_PEM));
        CHECK_STATUS(advanceai_config_set_ca_bundle_path(config, path), ADVANCEAI_STATUS_OK,
                     NULL);
        unlink(path);
        advanceai_client_free(build_client(config));
    }
}

/* Every documented host name is accepted in any case; an unknown one is refused and
 * leaves the configuration as it was (still pointing at the sandbox). */
static void hosts(const test_args *args) {
    static const char *const names[] = {"sg-api.advance.ai", "api.advance.ai",
                                        "ph-api.advance.ai", "SG-API.Advance.AI"};
    advanceai_config *config = NULL;
    advanceai_client *client;
    advanceai_token *token = NULL;
    advanceai_error *err = NULL;
    size_t i;

    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        CHECK_STATUS(advanceai_config_new(&config), ADVANCEAI_STATUS_OK, NULL);
        CHECK_STATUS(advanceai_config_set_host(config, names[i]), ADVANCEAI_STATUS_OK, NULL);
        CHECK_STATUS(advanceai_config_set_credentials(config, "a", "b"), ADVANCEAI_STATUS_OK,
                     NULL);
        advanceai_client_free(build_client(config));
    }

    config = sandbox_config(args, 5000, 1);
    CHECK(advanceai_config_set_host(config, "nowhere.example") == ADVANCEAI_STATUS_CONFIG_ERROR);
    CHECK(advanceai_config_set_host(config, "") == ADVANCEAI_STATUS_CONFIG_ERROR);
    client = build_client(config);
    CHECK_STATUS(advanceai_client_token(client, &token, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(token != NULL && advanceai_token_value(token) != NULL &&
          strlen(advanceai_token_value(token)) > 0);
    advanceai_token_free(token);
    advanceai_error_free(err);
    advanceai_client_free(client);
}

/* The sandbox answers a wrong secret key, and an unknown access key, as the vendor does:
 * PARAMETER_ERROR / "Signature error", for the token and for every call that needs one. */
static void wrong_credentials(const test_args *args) {
    static const char *const keys[2][2] = {{SANDBOX_ACCESS_KEY, "wrong-secret"},
                                           {"wrong-access-key", SANDBOX_SECRET_KEY}};
    int i;
    for (i = 0; i < 2; i++) {
        advanceai_config *config = sandbox_config(args, 5000, 3);
        advanceai_client *client;
        advanceai_token *token = NULL;
        advanceai_verification_result *result = NULL;
        advanceai_error *err = NULL;
        CHECK_STATUS(advanceai_config_set_credentials(config, keys[i][0], keys[i][1]),
                     ADVANCEAI_STATUS_OK, NULL);
        client = build_client(config);

        CHECK_STATUS(advanceai_client_token(client, &token, &err), ADVANCEAI_STATUS_API_ERROR,
                     err);
        CHECK(token == NULL);
        CHECK(advanceai_error_kind(err) == ADVANCEAI_STATUS_API_ERROR);
        CHECK(streq(advanceai_error_code(err), "PARAMETER_ERROR"));
        CHECK(contains(advanceai_error_message(err), "Signature error"));
        CHECK(!contains(advanceai_error_message(err), keys[i][1]));
        CHECK(!contains(advanceai_error_message(err), SANDBOX_SECRET_KEY));
        CHECK(advanceai_error_transaction_id(err) != NULL &&
              strlen(advanceai_error_transaction_id(err)) > 0);
        CHECK(advanceai_error_http_status(err) == 0);
        CHECK(!advanceai_error_retryable(err));
        CHECK(!advanceai_error_may_have_been_processed(err));
        drop_error(&err);

        CHECK_STATUS(advanceai_client_verify_id_number(client, "order-wrong-keys", "user-1",
                                                       "NGA", "BVN", "22222222222", &result,
                                                       &err),
                     ADVANCEAI_STATUS_API_ERROR, err);
        CHECK(result == NULL);
        CHECK(streq(advanceai_error_code(err), "PARAMETER_ERROR"));
        CHECK(contains(advanceai_error_message(err), "Signature error"));
        /* The token was refused, so the verification itself never left. */
        CHECK(!advanceai_error_may_have_been_processed(err));
        drop_error(&err);
        advanceai_client_free(client);
    }
}

/* Nothing listens on port 1: the request provably never left, so it is safe to resend. A
 * proxy that cannot be reached fails the same way, which proves the proxy is used. */
static void unreachable(const test_args *args) {
    advanceai_config *config = sandbox_config(args, 5000, 1);
    advanceai_client *client;
    advanceai_verification_result *result = NULL;
    advanceai_token *token = NULL;
    advanceai_error *err = NULL;

    CHECK_STATUS(advanceai_config_set_base_url(config, "http://127.0.0.1:1"),
                 ADVANCEAI_STATUS_OK, NULL);
    CHECK_STATUS(advanceai_config_set_connect_timeout_ms(config, 2000), ADVANCEAI_STATUS_OK,
                 NULL);
    client = build_client(config);
    CHECK_STATUS(advanceai_client_verify_id_number(client, "order-unreachable", "user-1",
                                                   "NGA", "BVN", "22222222222", &result, &err),
                 ADVANCEAI_STATUS_TRANSPORT_ERROR, err);
    CHECK(result == NULL);
    CHECK(advanceai_error_kind(err) == ADVANCEAI_STATUS_TRANSPORT_ERROR);
    CHECK(advanceai_error_code(err) == NULL);
    CHECK(advanceai_error_transaction_id(err) == NULL);
    CHECK(advanceai_error_http_status(err) == 0);
    CHECK(advanceai_error_retryable(err));
    CHECK(!advanceai_error_may_have_been_processed(err));
    /* Provably never left: safe to resend although billable; not the account's fault. */
    CHECK(advanceai_error_safe_to_resend(err));
    CHECK(!advanceai_error_refuses_account(err));
    CHECK(!advanceai_error_faults_the_request(err));
    CHECK(contains(advanceai_error_message(err), "not sent"));
    drop_error(&err);
    advanceai_client_free(client);

    config = sandbox_config(args, 5000, 1);
    CHECK_STATUS(advanceai_config_set_proxy(config, "http://127.0.0.1:1"), ADVANCEAI_STATUS_OK,
                 NULL);
    client = build_client(config);
    CHECK_STATUS(advanceai_client_token(client, &token, &err), ADVANCEAI_STATUS_TRANSPORT_ERROR,
                 err);
    CHECK(token == NULL);
    drop_error(&err);
    advanceai_client_free(client);
}

/* The response limit applies to every answer, the token's included. */
static void response_limit(const test_args *args) {
    advanceai_config *config = sandbox_config(args, 5000, 1);
    advanceai_client *client;
    advanceai_token *token = NULL;
    advanceai_error *err = NULL;
    CHECK_STATUS(advanceai_config_set_max_response_bytes(config, 16), ADVANCEAI_STATUS_OK, NULL);
    client = build_client(config);
    CHECK_STATUS(advanceai_client_token(client, &token, &err),
                 ADVANCEAI_STATUS_RESPONSE_TOO_LARGE, err);
    CHECK(token == NULL);
    CHECK(contains(advanceai_error_message(err), "16-byte limit"));
    drop_error(&err);
    advanceai_client_free(client);
}

/* A token is cached; with a refresh margin just under its lifetime it is replaced at once.
 * One configuration builds several clients and may be freed before they are used. */
static void token_cache(const test_args *args) {
    advanceai_config *config = sandbox_config(args, scaled_ms(args, 5000), 1);
    advanceai_client *cached;
    advanceai_client *refreshed;
    advanceai_error *err = NULL;
    advanceai_token *first = NULL;
    advanceai_token *second = NULL;
    advanceai_client *other = NULL;

    CHECK_STATUS(advanceai_config_set_connect_timeout_ms(config, 3000), ADVANCEAI_STATUS_OK,
                 NULL);
    CHECK_STATUS(advanceai_client_new(config, &other, &err), ADVANCEAI_STATUS_OK, err);
    cached = build_client(config);

    CHECK_STATUS(advanceai_client_token(cached, &first, &err), ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_token(cached, &second, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(streq(advanceai_token_value(first), advanceai_token_value(second)));
    advanceai_token_free(second);
    second = NULL;
    /* Another client has its own cache. */
    CHECK_STATUS(advanceai_client_token(other, &second, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(advanceai_token_value(second) != NULL &&
          !streq(advanceai_token_value(first), advanceai_token_value(second)));
    advanceai_token_free(first);
    advanceai_token_free(second);
    first = NULL;
    second = NULL;

    config = sandbox_config(args, scaled_ms(args, 5000), 1);
    CHECK_STATUS(advanceai_config_set_token_period_seconds(config, 60), ADVANCEAI_STATUS_OK,
                 NULL);
    CHECK_STATUS(advanceai_config_set_token_refresh_margin_ms(config, 59990),
                 ADVANCEAI_STATUS_OK, NULL);
    refreshed = build_client(config);
    CHECK_STATUS(advanceai_client_token(refreshed, &first, &err), ADVANCEAI_STATUS_OK, err);
    sleep_ms(30);
    CHECK_STATUS(advanceai_client_token(refreshed, &second, &err), ADVANCEAI_STATUS_OK, err);
    CHECK(advanceai_token_value(first) != NULL && advanceai_token_value(second) != NULL &&
          !streq(advanceai_token_value(first), advanceai_token_value(second)));
    advanceai_token_free(first);
    advanceai_token_free(second);

    advanceai_error_free(err);
    advanceai_client_free(refreshed);
    advanceai_client_free(cached);
    advanceai_client_free(other);
}

int main(int argc, char **argv) {
    test_args args = test_start(argc, argv);
    refusals(&args);
    hosts(&args);
    wrong_credentials(&args);
    unreachable(&args);
    response_limit(&args);
    token_cache(&args);
    return test_finish("config");
}
