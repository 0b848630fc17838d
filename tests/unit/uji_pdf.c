/* uji_pdf.c: reading a rendered PDF back in the report tests (uji_pdf.h). */
#include "uji_pdf.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *uji_tulis(const unsigned char *buf, size_t len, const char *nama, const char *suffix)
{
  char *path = malloc(96);
  int fd;
  assert_non_null(path);
  snprintf(path, 96, "/tmp/test_%s_XXXXXX%s", nama, suffix);
  fd = mkstemps(path, (int)strlen(suffix));
  assert_true(fd >= 0);
  assert_int_equal(write(fd, buf, len), (ssize_t)len);
  close(fd);
  return path;
}

char *uji_jalankan(const char *cmd)
{
  FILE *p = popen(cmd, "r");
  char *out = NULL;
  size_t len = 0, cap = 0, n;
  char chunk[4096];
  int st;
  if (!p) return NULL;
  while ((n = fread(chunk, 1, sizeof chunk, p)) > 0) {
    if (len + n + 1 > cap) {
      char *bigger;
      cap = (len + n + 1) * 2;
      bigger = realloc(out, cap);
      assert_non_null(bigger);
      out = bigger;
    }
    memcpy(out + len, chunk, n);
    len += n;
  }
  st = pclose(p);
  if (st != 0) {
    free(out);
    return NULL;
  }
  if (!out) out = calloc(1, 1);
  else out[len] = '\0';
  return out;
}

bool uji_ada(const char *tool)
{
  char cmd[128];
  snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
  return system(cmd) == 0;
}

char *uji_pdf_teks(const char *path)
{
  char cmd[256];
  char *t;
  snprintf(cmd, sizeof cmd, "pdftotext -layout %s - 2>/dev/null", path);
  t = uji_jalankan(cmd);
  assert_non_null(t);
  return t;
}

long uji_pdf_halaman(const char *path)
{
  char cmd[256], *info, *p;
  long pages;
  snprintf(cmd, sizeof cmd, "pdfinfo %s 2>/dev/null", path);
  info = uji_jalankan(cmd);
  assert_non_null(info);
  p = strstr(info, "Pages:");
  assert_non_null(p);
  pages = strtol(p + 6, NULL, 10);
  free(info);
  return pages;
}

size_t uji_pdf_kata(const char *path, int page, struct uji_kata *w, size_t max)
{
  char cmd[256], *html, *p;
  size_t n = 0;
  snprintf(cmd, sizeof cmd, "pdftotext -bbox -f %d -l %d %s - 2>/dev/null", page, page, path);
  html = uji_jalankan(cmd);
  assert_non_null(html);
  for (p = html; (p = strstr(p, "<word xMin=\"")) != NULL && n < max; n++) {
    char *e;
    size_t k = 0;
    p += 12;
    w[n].xmin = strtod(p, &e);
    p = strstr(e, "yMin=\"") + 6;
    w[n].ymin = strtod(p, &e);
    p = strstr(e, "xMax=\"") + 6;
    w[n].xmax = strtod(p, &e);
    p = strstr(e, "yMax=\"") + 6;
    w[n].ymax = strtod(p, &e);
    p = strchr(e, '>') + 1;
    while (*p && *p != '<' && k + 1 < sizeof w[n].text) w[n].text[k++] = *p++;
    w[n].text[k] = '\0';
  }
  free(html);
  return n;
}

size_t uji_pdf_kata_di_dalam(const char *path)
{
  static struct uji_kata w[6000];
  long pages = uji_pdf_halaman(path);
  size_t total = 0;
  int pg;
  for (pg = 1; pg <= pages; pg++) {
    size_t n = uji_pdf_kata(path, pg, w, sizeof w / sizeof w[0]), i;
    for (i = 0; i < n; i++) {
      bool body = w[i].ymax <= 841.9 - 50.5 + 1.0;
      bool footer = w[i].ymin >= 841.9 - 42.5 + 5.0 && w[i].ymax <= 841.9 - 20.0;
      if (w[i].xmin < 42.0 || w[i].xmax > 595.3 - 42.0 || w[i].ymin < 42.0 || !(body || footer)) {
        print_error("page %d: \"%s\" outside the page area at %.1f,%.1f-%.1f,%.1f\n", pg,
                    w[i].text, w[i].xmin, w[i].ymin, w[i].xmax, w[i].ymax);
        fail();
      }
    }
    total += n;
  }
  return total;
}

void uji_pdf_memuat(const char *text, const char *needle)
{
  if (!strstr(text, needle)) {
    print_error("missing in PDF text: \"%s\"\n", needle);
    fail();
  }
}
