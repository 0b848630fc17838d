/* fuzz_tanggal.c: the date and time parsers: date_valid / date_add_days / parse_int64
 * (src/util/util.c), SIASN dates (siasn_tanggal), "HH:MM" (jam_menit, tpp_jam_dari_teks) and
 * the Indonesian long date of the reports (report_font_tanggal).
 * Invariants: adding days and taking them away again gives the date back; what one parser
 * accepts, its sibling reads the same way. */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "report_font.h"
#include "rules/aktivitas_aturan.h"
#include "rules/tpp.h"
#include "siasn_ambil.h"
#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  /* the first two bytes pick a day offset (-32768..32767), the rest is the text */
  int days = 0;
  if (size >= 2) { days = (int16_t)(data[0] | data[1] << 8); data += 2; size -= 2; }
  char *s = fuzz_str(data, size);

  if (date_valid(s)) {
    char a[11], b[11];
    if (strlen(s) != 10) abort();
    if (date_add_days(s, days, a) == 0) {
      if (!date_valid(a) && strncmp(a, "19", 2) && strncmp(a, "20", 2) && strncmp(a, "21", 2)) abort();
      if (date_add_days(a, -days, b) == 0 && strcmp(b, s) != 0) abort();
    }
    char lang[64];
    if (report_font_tanggal(s, lang, sizeof lang) != 0) abort();
  } else {
    char out[11];
    (void)date_add_days(s, days, out);
    char lang[64];
    (void)report_font_tanggal(s, lang, sizeof lang);
  }

  char iso[11];
  if (siasn_tanggal(s, iso) == 0 && !date_valid(iso)) abort();

  int m1 = jam_menit(s), m2 = -1;
  int r = tpp_jam_dari_teks(s, &m2);
  if (m1 >= 0 && (m1 > 23 * 60 + 59)) abort();
  if (r == 0 && (m2 < 0 || m2 > 23 * 60 + 59)) abort();
  if (r == 0 && m1 >= 0 && m1 != m2) abort();

  int64_t v;
  if (parse_int64(s, -1000000, 1000000, &v) == 0 && (v < -1000000 || v > 1000000)) abort();
  (void)parse_int64(s, INT64_MIN, INT64_MAX, &v);
  free(s);
  return 0;
}
