/* tls_proxy.c: the client over real TLS and through an HTTP CONNECT proxy, from C.
 *
 * The driver (crates/ffi/tests/c_programs.rs) starts sandboxes serving HTTPS and two
 * proxies, and passes them in the environment: ADVANCEAI_TLS_URL and _CA_BUNDLE (trusted
 * once the CA file is given), ADVANCEAI_TLS_WRONG_HOST_URL / _CA_BUNDLE (a certificate for
 * example.test only), ADVANCEAI_TLS_EXPIRED_URL / _CA_BUNDLE (an expired certificate),
 * ADVANCEAI_CONNECT_PROXY_URL (tunnels) and ADVANCEAI_REFUSING_PROXY_URL (answers 403).
 * After the run it checks the proxies' counters: the tunnel was used, the refusing proxy
 * was asked. */
#include "check.h"

static const char *need(const char *name) {
    const char *value = getenv(name);
    if (value == NULL || value[0] == '\0') {
        fprintf(stderr, "tls_proxy: %s is not set (the driver c_programs.rs sets it)\n", name);
        exit(2);
    }
    return value;
}

/* A configuration for the sandbox at `base_url` (the proxy left to the environment), its
 * CA trusted when `ca_path` is not NULL. */
static advanceai_config *tls_config(const test_args *args, const char *base_url,
                                    const char *ca_path) {
    advanceai_config *config = NULL;
    CHECK_STATUS(advanceai_config_new(&config), ADVANCEAI_STATUS_OK, NULL);
    CHECK_STATUS(advanceai_config_set_base_url(config, base_url), ADVANCEAI_STATUS_OK, NULL);
    CHECK_STATUS(advanceai_config_set_credentials(config, SANDBOX_ACCESS_KEY,
                                                  SANDBOX_SECRET_KEY),
                 ADVANCEAI_STATUS_OK, NULL);
    CHECK_STATUS(advanceai_config_set_timeout_ms(config, scaled_ms(args, 10000)),
                 ADVANCEAI_STATUS_OK, NULL);
    CHECK_STATUS(advanceai_config_set_retry_backoff_ms(config, 5, 20), ADVANCEAI_STATUS_OK,
                 NULL);
    if (ca_path != NULL) {
        CHECK_STATUS(advanceai_config_set_ca_bundle_path(config, ca_path), ADVANCEAI_STATUS_OK,
                     NULL);
    }
    return config;
}

/* A verification that must pass. */
static void check_verifies(advanceai_client *client, const char *biz_id) {
    advanceai_verification_result *result = NULL;
    advanceai_error *err = NULL;
    CHECK_STATUS(advanceai_client_verify_id_number(client, biz_id, "user-1", "NGA", "BVN",
                                                   "22222222222", &result, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK(result != NULL && advanceai_verification_result_passed(result));
    advanceai_verification_result_free(result);
    advanceai_error_free(err);
}

/* A failure that proves nothing was sent: TRANSPORT_ERROR, not processed, safe to resend,
 * the message naming `why`; `retryable` as expected. */
static void check_not_sent(const advanceai_error *err, const char *why, int retryable) {
    CHECK(advanceai_error_kind(err) == ADVANCEAI_STATUS_TRANSPORT_ERROR);
    CHECK(!advanceai_error_may_have_been_processed(err));
    CHECK(advanceai_error_safe_to_resend(err));
    CHECK(advanceai_error_retryable(err) == (retryable != 0));
    CHECK(advanceai_error_code(err) == NULL);
    CHECK(contains(advanceai_error_message(err), "not sent"));
    CHECK(contains(advanceai_error_message(err), why));
    if (!contains(advanceai_error_message(err), why)) {
        fprintf(stderr, "  (message: %s)\n", error_text(err));
    }
}

/* The token call and a billable call on `client` both fail, not sent. */
static void check_refused(advanceai_client *client, const char *why, int retryable) {
    advanceai_token *token = NULL;
    advanceai_verification_result *result = NULL;
    advanceai_error *err = NULL;
    CHECK_STATUS(advanceai_client_token(client, &token, &err), ADVANCEAI_STATUS_TRANSPORT_ERROR,
                 err);
    CHECK(token == NULL);
    check_not_sent(err, why, retryable);
    drop_error(&err);
    CHECK_STATUS(advanceai_client_verify_id_number(client, "tls-refused", "user-1", "NGA",
                                                   "BVN", "22222222222", &result, &err),
                 ADVANCEAI_STATUS_TRANSPORT_ERROR, err);
    CHECK(result == NULL);
    check_not_sent(err, why, retryable);
    CHECK(contains(advanceai_error_message(err), "no access token"));
    drop_error(&err);
}

/* Trusted with the CA file; refused, never retryable, without it, for a certificate of
 * another host, for an expired one. */
static void tls(const test_args *args) {
    const char *url = need("ADVANCEAI_TLS_URL");
    const char *ca = need("ADVANCEAI_TLS_CA_BUNDLE");
    advanceai_config *config = tls_config(args, url, ca);
    advanceai_client *client;

    CHECK_STATUS(advanceai_config_set_proxy(config, NULL), ADVANCEAI_STATUS_OK, NULL);
    client = build_client(config);
    check_verifies(client, "c-tls-1");
    advanceai_client_free(client);

    config = tls_config(args, url, NULL);
    CHECK_STATUS(advanceai_config_set_proxy(config, NULL), ADVANCEAI_STATUS_OK, NULL);
    client = build_client(config);
    check_refused(client, "TLS failure", 0);
    advanceai_client_free(client);

    config = tls_config(args, need("ADVANCEAI_TLS_WRONG_HOST_URL"),
                        need("ADVANCEAI_TLS_WRONG_HOST_CA_BUNDLE"));
    CHECK_STATUS(advanceai_config_set_proxy(config, NULL), ADVANCEAI_STATUS_OK, NULL);
    client = build_client(config);
    check_refused(client, "not valid for name", 0);
    advanceai_client_free(client);

    config = tls_config(args, need("ADVANCEAI_TLS_EXPIRED_URL"),
                        need("ADVANCEAI_TLS_EXPIRED_CA_BUNDLE"));
    CHECK_STATUS(advanceai_config_set_proxy(config, NULL), ADVANCEAI_STATUS_OK, NULL);
    client = build_client(config);
    check_refused(client, "expired", 0);
    advanceai_client_free(client);
}

/* Through the tunnelling proxy; a proxy that refuses CONNECT fails the call, not sent
 * (a connect failure: retryable). */
static void proxies(const test_args *args) {
    const char *url = need("ADVANCEAI_TLS_URL");
    const char *ca = need("ADVANCEAI_TLS_CA_BUNDLE");
    advanceai_config *config = tls_config(args, url, ca);
    advanceai_client *client;

    CHECK_STATUS(advanceai_config_set_proxy(config, need("ADVANCEAI_CONNECT_PROXY_URL")),
                 ADVANCEAI_STATUS_OK, NULL);
    client = build_client(config);
    check_verifies(client, "c-proxied-1");
    advanceai_client_free(client);

    config = tls_config(args, url, ca);
    CHECK_STATUS(advanceai_config_set_proxy(config, need("ADVANCEAI_REFUSING_PROXY_URL")),
                 ADVANCEAI_STATUS_OK, NULL);
    client = build_client(config);
    check_refused(client, "proxy server responded 403", 1);
    advanceai_client_free(client);
}

/* HTTPS_PROXY is read when a client is built, unless advanceai_config_set_proxy(NULL) says
 * no proxy. Set before any client exists, and removed after. */
static void environment(const test_args *args) {
    const char *url = need("ADVANCEAI_TLS_URL");
    const char *ca = need("ADVANCEAI_TLS_CA_BUNDLE");
    advanceai_config *config;
    advanceai_client *client;

    CHECK(setenv("HTTPS_PROXY", need("ADVANCEAI_REFUSING_PROXY_URL"), 1) == 0);
    config = tls_config(args, url, ca);
    client = build_client(config);
    check_refused(client, "proxy server responded 403", 1);
    advanceai_client_free(client);

    config = tls_config(args, url, ca);
    CHECK_STATUS(advanceai_config_set_proxy(config, NULL), ADVANCEAI_STATUS_OK, NULL);
    client = build_client(config);
    check_verifies(client, "c-no-proxy-1");
    advanceai_client_free(client);
    CHECK(unsetenv("HTTPS_PROXY") == 0);
}

int main(int argc, char **argv) {
    test_args args = test_start(argc, argv);
    environment(&args);
    tls(&args);
    proxies(&args);
    return test_finish("tls_proxy");
}
