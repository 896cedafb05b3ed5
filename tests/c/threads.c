/* threads.c: one client shared by 8 threads, each making a mix of calls (verification,
 * Get Result, token, Generate URL) many times and checking every answer; the client is
 * freed once, after every thread has been joined. */
#include "check.h"

#include <pthread.h>

#define THREADS 8

static pthread_mutex_t failures_lock = PTHREAD_MUTEX_INITIALIZER;

/* CHECK for worker threads: the failure count is shared. */
#define TCHECK(cond)                                                                      \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            pthread_mutex_lock(&failures_lock);                                           \
            fprintf(stderr, "%s:%d: check failed in thread %d: %s\n", __FILE__, __LINE__, \
                    work->index, #cond);                                                  \
            check_failures++;                                                             \
            pthread_mutex_unlock(&failures_lock);                                         \
        }                                                                                 \
    } while (0)

typedef struct {
    int index;
    int iterations;
    const advanceai_client *client;
    const char *passed_signature_id;
    const char *pending_signature_id;
    int calls;
} thread_work;

static void report(thread_work *work, const char *what, advanceai_status status,
                   const advanceai_error *err) {
    pthread_mutex_lock(&failures_lock);
    fprintf(stderr, "thread %d: %s failed (%u: %s)\n", work->index, what, (unsigned)status,
            error_text(err));
    check_failures++;
    pthread_mutex_unlock(&failures_lock);
}

static void one_verification(thread_work *work, int i) {
    /* Alternates a pass and a failure so that threads cannot mix up each other's answers. */
    int pass = (work->index + i) % 2 == 0;
    advanceai_verification_result *result = NULL;
    advanceai_error *err = NULL;
    char biz_id[64];
    advanceai_status status;
    snprintf(biz_id, sizeof biz_id, "threads-%d-%d", work->index, i);
    status = advanceai_client_verify_id_number(work->client, biz_id, "user-1", "NGA", "BVN",
                                               pass ? "22222222222" : "11111111111", &result,
                                               &err);
    if (status != ADVANCEAI_STATUS_OK) {
        report(work, "verify", status, err);
    } else {
        TCHECK(advanceai_verification_result_passed(result) == pass);
        TCHECK(streq(advanceai_verification_result_error_code(result),
                     pass ? "SUCCESS" : "BVN_SUSPEND"));
    }
    advanceai_verification_result_free(result);
    advanceai_error_free(err);
}

static void one_get_result(thread_work *work, int i) {
    int final = i % 2 == 0;
    const char *id = final ? work->passed_signature_id : work->pending_signature_id;
    advanceai_get_result *result = NULL;
    advanceai_error *err = NULL;
    advanceai_status status = advanceai_client_get_result(work->client, id, &result, &err);
    if (status != ADVANCEAI_STATUS_OK) {
        report(work, "get_result", status, err);
    } else {
        TCHECK(streq(advanceai_get_result_signature_id(result), id));
        TCHECK(advanceai_get_result_is_final(result) == final);
        TCHECK(advanceai_get_result_passed(result) == final);
    }
    advanceai_get_result_free(result);
    advanceai_error_free(err);
}

static void one_token(thread_work *work) {
    advanceai_token *token = NULL;
    advanceai_error *err = NULL;
    advanceai_status status = advanceai_client_token(work->client, &token, &err);
    if (status != ADVANCEAI_STATUS_OK) {
        report(work, "token", status, err);
    } else {
        TCHECK(advanceai_token_value(token) != NULL && strlen(advanceai_token_value(token)) > 0);
    }
    advanceai_token_free(token);
    advanceai_error_free(err);
}

static void one_generate_url(thread_work *work, int i) {
    advanceai_url_request *request = NULL;
    advanceai_url_result *url = NULL;
    advanceai_error *err = NULL;
    advanceai_status status;
    char biz_id[64];
    snprintf(biz_id, sizeof biz_id, "threads-url-%d-%d", work->index, i);
    status = advanceai_url_request_new(biz_id, "user-1", "NGA", "BVN", "https://example.com/ok",
                                       "https://example.com/fail", &request, &err);
    if (status == ADVANCEAI_STATUS_OK) {
        status = advanceai_client_generate_url(work->client, request, &url, &err);
    }
    if (status != ADVANCEAI_STATUS_OK) {
        report(work, "generate_url", status, err);
    } else {
        TCHECK(advanceai_url_result_signature_id(url) != NULL);
        TCHECK(contains(advanceai_url_result_url(url), advanceai_url_result_signature_id(url)));
    }
    advanceai_url_result_free(url);
    advanceai_url_request_free(request);
    advanceai_error_free(err);
}

static void *worker(void *arg) {
    thread_work *work = arg;
    int i;
    for (i = 0; i < work->iterations; i++) {
        /* Each thread starts the mix at a different call, so all four run at once. */
        switch ((i + work->index) % 4) {
        case 0:
            one_verification(work, i);
            break;
        case 1:
            one_get_result(work, i);
            break;
        case 2:
            one_token(work);
            break;
        default:
            one_generate_url(work, i);
            break;
        }
        work->calls++;
    }
    return NULL;
}

/* A Generate URL transaction, completed with PASS unless `complete` is 0; its id goes to
 * `out`. */
static void prepare_transaction(const test_args *args, advanceai_client *client,
                                const char *biz_id, int complete, char *out, size_t size) {
    advanceai_url_request *request = NULL;
    advanceai_url_result *url = NULL;
    advanceai_error *err = NULL;
    out[0] = '\0';
    CHECK_STATUS(advanceai_url_request_new(biz_id, "user-1", "NGA", "BVN", "https://example.com/ok",
                                           "https://example.com/fail", &request, &err),
                 ADVANCEAI_STATUS_OK, err);
    CHECK_STATUS(advanceai_client_generate_url(client, request, &url, &err),
                 ADVANCEAI_STATUS_OK, err);
    if (advanceai_url_result_signature_id(url) != NULL) {
        snprintf(out, size, "%s", advanceai_url_result_signature_id(url));
    }
    CHECK(strlen(out) > 0);
    if (complete) {
        CHECK(sandbox_complete(args->base_url, out, "PASS"));
    }
    advanceai_url_result_free(url);
    advanceai_url_request_free(request);
    advanceai_error_free(err);
}

int main(int argc, char **argv) {
    test_args args = test_start(argc, argv);
    /* Under valgrind threads run one at a time, 20 to 50 times slower: fewer rounds. */
    int iterations = args.slow ? 10 : 50;
    advanceai_client *client = sandbox_client(&args, scaled_ms(&args, 10000), 3);
    thread_work work[THREADS];
    pthread_t threads[THREADS];
    char passed_id[128];
    char pending_id[128];
    int started = 0;
    int total = 0;
    int i;

    prepare_transaction(&args, client, "threads-passed", 1, passed_id, sizeof passed_id);
    prepare_transaction(&args, client, "threads-pending", 0, pending_id, sizeof pending_id);
    if (check_failures != 0) {
        advanceai_client_free(client);
        return test_finish("threads");
    }

    for (i = 0; i < THREADS; i++) {
        work[i].index = i;
        work[i].iterations = iterations;
        work[i].client = client;
        work[i].passed_signature_id = passed_id;
        work[i].pending_signature_id = pending_id;
        work[i].calls = 0;
    }
    for (i = 0; i < THREADS; i++) {
        if (pthread_create(&threads[i], NULL, worker, &work[i]) != 0) {
            break;
        }
        started++;
    }
    CHECK(started == THREADS);
    for (i = 0; i < started; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        total += work[i].calls;
    }
    CHECK(total == THREADS * iterations);
    advanceai_client_free(client);
    printf("threads: %d calls from %d threads on one client\n", total, THREADS);
    return test_finish("threads");
}
