/* Verifies a Nigerian BVN with the ADVANCE.AI C API.
 * Build: cc -std=c99 example.c -I include target/release/libadvanceai.a -lpthread -ldl -lm
 * Run:   ADVANCEAI_ACCESS_KEY=... ADVANCEAI_SECRET_KEY=... ./a.out [base URL] */
#include "advanceai.h"

#include <stdio.h>
#include <stdlib.h>

/* Getters return NULL for absent values; printf must not get one. */
static const char *or_dash(const char *text) { return text != NULL ? text : "-"; }

int main(int argc, char **argv) {
    const char *access_key = getenv("ADVANCEAI_ACCESS_KEY");
    const char *secret_key = getenv("ADVANCEAI_SECRET_KEY");
    advanceai_config *config = NULL;
    advanceai_client *client = NULL;
    advanceai_verification_result *result = NULL;
    advanceai_error *err = NULL;
    advanceai_status status;
    int exit_code = 1;

    if (access_key == NULL || secret_key == NULL) {
        fprintf(stderr, "set ADVANCEAI_ACCESS_KEY and ADVANCEAI_SECRET_KEY\n");
        return 2;
    }

    /* 1. Configure once, build a client (thread-safe: share it), free the configuration. */
    if (advanceai_config_new(&config) != ADVANCEAI_STATUS_OK) {
        return 1;
    }
    advanceai_config_set_credentials(config, access_key, secret_key);
    advanceai_config_set_timeout_ms(config, 15000);
    if (argc > 1) {
        advanceai_config_set_base_url(config, argv[1]); /* default: https://sg-api.advance.ai */
    }
    status = advanceai_client_new(config, &client, &err);
    advanceai_config_free(config);
    if (status != ADVANCEAI_STATUS_OK) {
        fprintf(stderr, "configuration: %s\n", advanceai_error_message(err));
        advanceai_error_free(err);
        return 1;
    }

    /* 2. Verify. Outputs are written only on success; errors come as an object. */
    status = advanceai_client_verify_id_number(client, "order-1001", "user-42", "NGA", "BVN",
                                               "22222222222", &result, &err);
    if (status == ADVANCEAI_STATUS_OK) {
        /* Log the verdict, never the person fields. */
        printf("overallResult %s, errorCode %s: %s\n",
               or_dash(advanceai_verification_result_overall_result(result)),
               or_dash(advanceai_verification_result_error_code(result)),
               or_dash(advanceai_verification_result_category(result)));
        exit_code = advanceai_verification_result_passed(result) ? 0 : 3;
    } else {
        fprintf(stderr, "verification failed (%s): %s [code %s, transactionId %s]\n",
                advanceai_status_message(status), or_dash(advanceai_error_message(err)),
                or_dash(advanceai_error_code(err)),
                or_dash(advanceai_error_transaction_id(err)));
        /* A billable call that may have reached the server may have been charged. */
        if (advanceai_error_may_have_been_processed(err)) {
            fprintf(stderr, "the request may have been processed: check before resending\n");
        } else if (advanceai_error_retryable(err)) {
            fprintf(stderr, "nothing was sent: safe to retry later\n");
        }
    }

    /* 3. Free what the library handed out (every _free accepts NULL). */
    advanceai_verification_result_free(result);
    advanceai_error_free(err);
    advanceai_client_free(client);
    return exit_code;
}
