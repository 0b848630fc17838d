/* common.h: what the libFuzzer harnesses share: an in-memory database with every migration and
 * the demo data (created once per process, so a decoder that needs lookups runs as it does in
 * the server), and the body parsing the server does before a handler sees a request.
 *
 * Harnesses that write call the domain function inside db_begin_write() and always roll back,
 * so every input sees the same database and a run stays deterministic.  The set-up runs on the
 * first call, which libFuzzer makes with an empty input and leaves out of its coverage counts,
 * so "cov" in the results measures the decoders, not the demo generator.
 */
#ifndef KINERJA_FUZZ_COMMON_H
#define KINERJA_FUZZ_COMMON_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "audit.h"
#include "db/db.h"

/* The process-wide database (aborts when it cannot be built: a harness bug, not a finding). */
struct db *fuzz_db(void);
/* First column of the first row of `sql` (no parameters); aborts when there is none. */
int64_t fuzz_id(const char *sql);
/* The audit actor the harnesses write as. */
const struct audit_actor *fuzz_actor(void);
/* The body as the server's dispatch() accepts it: JSON with duplicate keys refused, an object.
 * NULL otherwise (the server answers 400 and no decoder runs).  Caller decrefs. */
json_t *fuzz_json_object(const uint8_t *data, size_t size);
/* A NUL-terminated copy of the input (malloc'd; the caller frees). */
char *fuzz_str(const uint8_t *data, size_t size);
#endif
