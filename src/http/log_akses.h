/* log_akses.h: the access log line of a finished request. */
#ifndef KINERJA_LOG_AKSES_H
#define KINERJA_LOG_AKSES_H
#include <stdbool.h>
#include <stdint.h>

/* Writes one JSON line to the log (util/log.h log_line_n):
 * {"ts":"YYYY-MM-DDTHH:MM:SS.mmmZ","method":…,"path":…,"status":N,"ms":N.NNN,"rid":…,"uid":N}
 * plus ,"aborted":true when the client went away.  The path is JSON-escaped and cut at about
 * 590 bytes; method and rid are written as given (an HTTP token and [A-Za-z0-9._-]). */
void log_akses_tulis(const char *method, const char *path, int status, double detik, const char *rid,
                     int64_t uid, bool aborted);
#endif
