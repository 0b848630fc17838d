/* log.h: leveled logging to stderr; one line per event, JSON for access logs. */
#ifndef KINERJA_LOG_H
#define KINERJA_LOG_H
#include <stddef.h>
enum log_level { LOG_ERROR = 0, LOG_WARN = 1, LOG_INFO = 2, LOG_DEBUG = 3 };
/* Set once at start-up, before threads start. */
void log_set_level(enum log_level l);
enum log_level log_get_level(void);
/* Parses "error|warn|info|debug"; returns 0 on success. */
int log_parse_level(const char *s, enum log_level *out);
void log_msg(enum log_level l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Writes one already-formatted line (with newline added) atomically. */
void log_line(const char *line);
/* Writes n bytes that end with a newline (one line) atomically, as they are. */
void log_line_n(const char *line, size_t n);
#endif
