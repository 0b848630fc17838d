/* panduan_md.c: line classification and inline marks of the guide's Markdown (see panduan_md.h). */
#include "panduan_md.h"

#include <ctype.h>
#include <string.h>

static bool mulai(const char *s, size_t len, const char *p)
{
  size_t n = strlen(p);
  return len >= n && memcmp(s, p, n) == 0;
}

static void set(struct md_baris *o, enum md_jenis j, const char *isi, size_t n)
{
  while (n && (*isi == ' ' || *isi == '\t')) { isi++; n--; }
  while (n && (isi[n - 1] == ' ' || isi[n - 1] == '\t' || isi[n - 1] == '\r')) n--;
  o->jenis = j;
  o->isi = isi;
  o->isi_len = n;
}

void md_baris(const char *s, size_t len, struct md_baris *o)
{
  memset(o, 0, sizeof *o);
  o->isi = s;
  size_t sp = 0;
  while (sp < len && (s[sp] == ' ' || s[sp] == '\t')) sp++;
  if (sp == len || (sp + 1 == len && s[sp] == '\r')) { o->jenis = MD_KOSONG; return; }
  int tingkat = sp >= 2;
  s += sp;
  len -= sp;
  if (tingkat && !(mulai(s, len, "- ") || mulai(s, len, "* ") || (s[0] >= '0' && s[0] <= '9'))) {
    set(o, MD_LANJUT, s, len);
    return;
  }
  o->tingkat = tingkat;
  if (mulai(s, len, "### ")) { set(o, MD_H3, s + 4, len - 4); return; }
  if (mulai(s, len, "## ")) { set(o, MD_H2, s + 3, len - 3); return; }
  if (mulai(s, len, "# ")) { set(o, MD_H1, s + 2, len - 2); return; }
  if (mulai(s, len, "- ") || mulai(s, len, "* ")) { set(o, MD_BUTIR, s + 2, len - 2); return; }
  if (mulai(s, len, "> ")) { set(o, MD_KUTIP, s + 2, len - 2); return; }
  if (s[0] == '|') {
    bool garis = true;
    for (size_t i = 0; i < len; i++)
      if (!strchr("|-: \r", s[i])) garis = false;
    set(o, garis ? MD_GARIS_TABEL : MD_TABEL, s, len);
    return;
  }
  size_t d = 0;
  int nomor = 0;
  while (d < len && d < 3 && s[d] >= '0' && s[d] <= '9') nomor = nomor * 10 + (s[d++] - '0');
  if (d > 0 && d + 1 < len && s[d] == '.' && s[d + 1] == ' ') {
    set(o, MD_NOMOR, s + d + 2, len - d - 2);
    o->nomor = nomor;
    return;
  }
  if (tingkat) {
    set(o, MD_LANJUT, s, len);
    o->tingkat = 0;
    return;
  }
  if (mulai(s, len, "![")) {
    const char *tutup = memchr(s, ']', len);
    if (tutup && (size_t)(tutup - s) + 1 < len && tutup[1] == '(') {
      const char *src = tutup + 2;
      const char *akhir = memchr(src, ')', len - (size_t)(src - s));
      if (akhir) {
        set(o, MD_GAMBAR, s + 2, (size_t)(tutup - s) - 2);
        o->src = src;
        o->src_len = (size_t)(akhir - src);
        return;
      }
    }
  }
  set(o, MD_PARA, s, len);
}

size_t md_polos(const char *s, size_t len, char *out, size_t n)
{
  size_t k = 0;
  for (size_t i = 0; i < len && k + 1 < n;) {
    char c = s[i];
    if (c == '*' || c == '`' || c == '_') {
      /* '_' only as a mark at a word edge ("_miring_"), not inside names like "web_dir" */
      if (c == '_' && i > 0 && i + 1 < len && isalnum((unsigned char)s[i - 1]) && isalnum((unsigned char)s[i + 1])) {
        out[k++] = c;
        i++;
        continue;
      }
      i++;
      continue;
    }
    if (c == '[') {
      const char *tutup = memchr(s + i, ']', len - i);
      if (tutup && (size_t)(tutup - s) + 1 < len && tutup[1] == '(') {
        const char *akhir = memchr(tutup, ')', len - (size_t)(tutup - s));
        if (akhir) {
          for (const char *p = s + i + 1; p < tutup && k + 1 < n; p++)
            if (*p != '*' && *p != '`') out[k++] = *p;
          i = (size_t)(akhir - s) + 1;
          continue;
        }
      }
    }
    out[k++] = c;
    i++;
  }
  out[k] = '\0';
  return k;
}

bool md_gambar_aman(const char *src, size_t len)
{
  static const char awal[] = "gambar/", akhir[] = ".png";
  size_t a = sizeof awal - 1, b = sizeof akhir - 1;
  if (len <= a + b || len > a + b + 64) return false;
  if (memcmp(src, awal, a) != 0 || memcmp(src + len - b, akhir, b) != 0) return false;
  for (size_t i = a; i < len - b; i++) {
    char c = src[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}
