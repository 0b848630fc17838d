/* report_font.h: text helpers for the printed reports.
 *
 * libharu's base-14 fonts (Helvetica ...) take single-byte text in WinAnsiEncoding (CP1252),
 * while everything in kinerja is UTF-8: report_font_winansi converts, report_font_wrap breaks
 * converted text into lines that fit a width.  Widths come from a 256-entry table the caller
 * fills from the font metrics (HPDF_Font_TextWidth), so this file has no libharu dependency and
 * can be tested alone.  report_font_tanggal formats a date the Indonesian way for the reports.
 */
#ifndef KINERJA_REPORT_FONT_H
#define KINERJA_REPORT_FONT_H
#include <stddef.h>

/* Converts UTF-8 s to CP1252 into out (size n > 0, always NUL-terminated).  Characters outside
 * CP1252 and invalid sequences become '?', tab becomes a space, CR is dropped, other control
 * characters become spaces; '\n' is kept.  Returns the length of the full conversion (like
 * snprintf): the output was truncated when the result is >= n.  strlen(s) + 1 bytes always
 * suffice, since every UTF-8 character maps to one byte. */
size_t report_font_winansi(const char *s, char *out, size_t n);

/* Upper-cases CP1252 text in place (ASCII and the Latin-1 letters, Š Œ Ž Ÿ). */
void report_font_upper(char *s);

/* Width in points of len bytes of CP1252 text; w holds the advance widths of the 256 codes in
 * 1/1000 em (the unit of the font metrics), size is the font size. */
double report_font_width(const char *s, size_t len, const unsigned short w[256], double size);

struct report_font_line {
  size_t off;   /* first byte of the line in the wrapped text */
  size_t len;   /* bytes, without the trailing spaces or the newline */
};

/* Breaks len bytes of CP1252 text into lines no wider than maxw points: at '\n', else at the last
 * space that fits, else inside a word that alone is wider than maxw (never fewer than one byte
 * per line, so it always progresses).  Spaces at a soft break are dropped; a final '\n' does
 * not start an empty line.  Stores up to max lines (lines may be NULL when max is 0) and
 * returns how many there are in all, so a caller can count first and then fill.  Empty text
 * has 0 lines. */
size_t report_font_wrap(const char *s, size_t len, const unsigned short w[256], double size,
                        double maxw, struct report_font_line *lines, size_t max);

/* Formats 'YYYY-MM-DD' as "2 Januari 2026" into out (size n).  Returns 0, or -1 when ymd is not
 * a real calendar date or out is too small (out is then ""). */
int report_font_tanggal(const char *ymd, char *out, size_t n);
#endif
