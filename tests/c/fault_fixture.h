/* fault_fixture.h: reading tests/fixtures/fault_dispositions.tsv, the answers every
 * layer gives for each sandbox fault (see the fixture's own comments for its columns), for
 * faults.c. The driver passes the fixture's path in ADVANCEAI_FAULT_DISPOSITIONS.
 * Include check.h first. */
#ifndef ADVANCEAI_TEST_FAULT_FIXTURE_H
#define ADVANCEAI_TEST_FAULT_FIXTURE_H

#define MAX_ROWS 64
#define FIELD_SIZE 64

/* One row of the fixture. */
typedef struct {
    char call[FIELD_SIZE];   /* "verify" (billable) or "result" (Get Result, idempotent) */
    char prefix[FIELD_SIZE]; /* the fault, such as "fault-502" */
    char kind[FIELD_SIZE];   /* the status name, such as "UNEXPECTED_RESPONSE" */
    char code[FIELD_SIZE];   /* the API code, or "-" for none */
    int retryable;
    int may_have_been_processed;
    int refuses_account;
} fault_row;

static fault_row rows[MAX_ROWS];
static size_t row_count = 0;

/* "true" or "false"; anything else is a malformed fixture. */
static int parse_flag(const char *text, int *out) {
    if (strcmp(text, "true") == 0) {
        *out = 1;
        return 1;
    }
    if (strcmp(text, "false") == 0) {
        *out = 0;
        return 1;
    }
    return 0;
}

/* Splits `line` at tabs into exactly `n` fields (written in place); 0 if the count differs. */
static int split_tabs(char *line, char **fields, int n) {
    int i = 0;
    char *start = line;
    for (;;) {
        char *tab = strchr(start, '\t');
        if (i == n) {
            return 0;
        }
        fields[i++] = start;
        if (tab == NULL) {
            break;
        }
        *tab = '\0';
        start = tab + 1;
    }
    return i == n;
}

static int copy_field(char *out, const char *text) {
    size_t len = strlen(text);
    if (len == 0 || len >= FIELD_SIZE) {
        return 0;
    }
    memcpy(out, text, len + 1);
    return 1;
}

/* Reads the fixture; exits when it cannot be read (nothing below could be checked). */
static void read_fixture(void) {
    const char *path = getenv("ADVANCEAI_FAULT_DISPOSITIONS");
    char line[512];
    FILE *file;
    if (path == NULL) {
        fprintf(stderr, "faults: ADVANCEAI_FAULT_DISPOSITIONS is not set\n");
        exit(1);
    }
    file = fopen(path, "r");
    if (file == NULL) {
        fprintf(stderr, "faults: cannot open %s\n", path);
        exit(1);
    }
    while (fgets(line, sizeof line, file) != NULL) {
        char *fields[7];
        fault_row *row = &rows[row_count];
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '\0' || line[0] == '#') {
            continue;
        }
        if (row_count == MAX_ROWS || !split_tabs(line, fields, 7) ||
            !copy_field(row->call, fields[0]) || !copy_field(row->prefix, fields[1]) ||
            !copy_field(row->kind, fields[2]) || !copy_field(row->code, fields[3]) ||
            !parse_flag(fields[4], &row->retryable) ||
            !parse_flag(fields[5], &row->may_have_been_processed) ||
            !parse_flag(fields[6], &row->refuses_account) ||
            (!streq(row->call, "verify") && !streq(row->call, "result"))) {
            fprintf(stderr, "faults: malformed row %u of %s\n", (unsigned)row_count + 1, path);
            exit(1);
        }
        row_count++;
    }
    fclose(file);
}

/* The fixture's row for `call` and `prefix`; exits when there is none. */
static const fault_row *row_of(const char *call, const char *prefix) {
    size_t i;
    for (i = 0; i < row_count; i++) {
        if (streq(rows[i].call, call) && streq(rows[i].prefix, prefix)) {
            return &rows[i];
        }
    }
    fprintf(stderr, "faults: the fixture has no row %s %s\n", call, prefix);
    exit(1);
}

#endif /* ADVANCEAI_TEST_FAULT_FIXTURE_H */
