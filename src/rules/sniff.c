/* sniff.c: the type of an evidence file from its bytes (see sniff.h).
 *
 * Magic numbers: PDF "%PDF-", JPEG FF D8 FF, PNG 89 "PNG" 0D 0A 1A 0A, WebP "RIFF" size
 * "WEBP".  DOCX and XLSX are ZIP archives (ECMA-376 Part 2, Open Packaging Conventions) whose
 * part names include "[Content_Types].xml" and the main part's folder ("word/" or "xl/").  The
 * entry names come from the central directory (APPNOTE.TXT 4.3.12, found through the end of
 * central directory record in the last 64 KiB), or, when there is none, from the local file
 * headers walked from the start.  Every offset is checked against `len` before it is read.
 */
#include "rules/sniff.h"

#include <stdint.h>
#include <string.h>

static const char T_KOSONG[] = "berkas kosong";
static const char T_PROGRAM[] = "berkas program (exe, dll, elf, skrip) tidak diizinkan sebagai bukti dukung";
static const char T_HTML[] = "berkas HTML, SVG atau XML tidak diizinkan sebagai bukti dukung";
static const char T_ZIP[] = "arsip ZIP selain DOCX atau XLSX tidak diizinkan";
static const char T_RAGU[] = "isi arsip tidak dapat dipastikan sebagai DOCX atau XLSX";
static const char T_MAKRO[] = "dokumen Office bermakro (docm, xlsm) tidak diizinkan; simpan sebagai DOCX atau XLSX biasa";
static const char T_OLE[] = "dokumen Office lama (doc, xls) atau terenkripsi tidak didukung; simpan sebagai DOCX, XLSX atau PDF";
static const char T_LAIN[] = "jenis berkas tidak dikenali; yang diterima hanya " SNIFF_DAFTAR;

static const struct { const char *ext, *alt, *mime; } JENIS[] = {
  [SNIFF_TOLAK] = {NULL, NULL, NULL},
  [SNIFF_PDF] = {"pdf", NULL, "application/pdf"},
  [SNIFF_JPEG] = {"jpg", "jpeg", "image/jpeg"},
  [SNIFF_PNG] = {"png", NULL, "image/png"},
  [SNIFF_WEBP] = {"webp", NULL, "image/webp"},
  [SNIFF_DOCX] = {"docx", NULL, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
  [SNIFF_XLSX] = {"xlsx", NULL, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
};

const char *sniff_ext(enum sniff_jenis j) { return (unsigned)j <= SNIFF_XLSX ? JENIS[j].ext : NULL; }
const char *sniff_mime(enum sniff_jenis j) { return (unsigned)j <= SNIFF_XLSX ? JENIS[j].mime : NULL; }

static int same_ci(const char *a, size_t n, const char *lit)
{
  if (!lit || strlen(lit) != n) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c != lit[i]) return 0;
  }
  return 1;
}

int sniff_ext_cocok(enum sniff_jenis j, const char *ext, size_t n)
{
  if (j == SNIFF_TOLAK || (unsigned)j > SNIFF_XLSX) return 0;
  return same_ci(ext, n, JENIS[j].ext) || same_ci(ext, n, JENIS[j].alt);
}

static struct sniff_hasil ok(enum sniff_jenis j)
{
  return (struct sniff_hasil){j, JENIS[j].mime, JENIS[j].ext, NULL};
}

static struct sniff_hasil tolak(const char *alasan)
{
  return (struct sniff_hasil){SNIFF_TOLAK, NULL, NULL, alasan};
}

static uint32_t le16(const unsigned char *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t le32(const unsigned char *p)
{
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* What the entry names of an archive say. */
struct zip_isi { int entries, content_types, word, xl, makro; };

static void zip_name(struct zip_isi *z, const unsigned char *name, size_t n)
{
  static const char ct[] = "[Content_Types].xml", vba[] = "vbaProject.bin";
  z->entries++;
  if (n == sizeof ct - 1 && memcmp(name, ct, n) == 0) z->content_types = 1;
  if (n > 5 && memcmp(name, "word/", 5) == 0) z->word = 1;
  if (n > 3 && memcmp(name, "xl/", 3) == 0) z->xl = 1;
  if (n >= sizeof vba - 1 && memcmp(name + n - (sizeof vba - 1), vba, sizeof vba - 1) == 0) z->makro = 1;
}

#define ZIP_MAX_ENTRIES 65535

/* Names from the central directory; returns 0 when one was found and walked. */
static int zip_central(const unsigned char *d, size_t len, struct zip_isi *z)
{
  if (len < 22) return -1;
  size_t stop = len - 22 > 65535 ? len - 22 - 65535 : 0;
  for (size_t i = len - 22 + 1; i-- > stop;) {
    const unsigned char *e = d + i;
    if (le32(e) != 0x06054b50u) continue;
    if (i + 22 + le16(e + 20) != len) continue;     /* the comment must end the file */
    uint32_t count = le16(e + 10), size = le32(e + 12), off = le32(e + 16);
    if (count == 0xffffu || size == 0xffffffffu || off == 0xffffffffu) return -1;  /* ZIP64 */
    if ((uint64_t)off + size > i) return -1;
    size_t p = off, end = (size_t)off + size;
    for (uint32_t k = 0; k < count; k++) {
      if (p + 46 > end || le32(d + p) != 0x02014b50u) return -1;
      size_t n = le16(d + p + 28), m = le16(d + p + 30), c = le16(d + p + 32);
      if (p + 46 + n + m + c > end) return -1;
      zip_name(z, d + p + 46, n);
      p += 46 + n + m + c;
    }
    return 0;
  }
  return -1;
}

/* Names from the local headers, walked from the start (a file cut short, or one without a
 * central directory).  Stops at the first header that cannot be skipped reliably. */
static void zip_local(const unsigned char *d, size_t len, struct zip_isi *z)
{
  size_t p = 0;
  while (p + 30 <= len && le32(d + p) == 0x04034b50u && z->entries < ZIP_MAX_ENTRIES) {
    uint32_t flags = le16(d + p + 6), csize = le32(d + p + 18);
    size_t n = le16(d + p + 26), m = le16(d + p + 28);
    if (p + 30 + n > len) break;
    zip_name(z, d + p + 30, n);
    if ((flags & 0x08u) && csize == 0) break;      /* size only in a data descriptor */
    if (csize == 0xffffffffu) break;               /* ZIP64 */
    size_t next = p + 30 + n + m + (size_t)csize;
    if (next <= p || next > len) break;
    p = next;
  }
}

static struct sniff_hasil sniff_zip(const unsigned char *d, size_t len)
{
  struct zip_isi z = {0};
  if (zip_central(d, len, &z) != 0) {
    z = (struct zip_isi){0};
    zip_local(d, len, &z);
  }
  if (!z.content_types || (!z.word && !z.xl)) return tolak(T_ZIP);
  if (z.word && z.xl) return tolak(T_RAGU);
  if (z.makro) return tolak(T_MAKRO);
  return ok(z.word ? SNIFF_DOCX : SNIFF_XLSX);
}

/* Markup that a browser would render: HTML, SVG, XML (after a BOM and white space). */
static int looks_markup(const unsigned char *d, size_t len)
{
  size_t i = 0;
  if (len >= 3 && d[0] == 0xef && d[1] == 0xbb && d[2] == 0xbf) i = 3;
  while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n' || d[i] == '\f')) i++;
  static const char *const tags[] = {"<!doctype", "<html", "<head", "<body", "<script", "<svg",
                                     "<?xml", "<iframe", "<!--", NULL};
  for (const char *const *t = tags; *t; t++) {
    size_t n = strlen(*t);
    if (len - i >= n && same_ci((const char *)d + i, n, *t)) return 1;
  }
  return 0;
}

struct sniff_hasil sniff(const void *data, size_t len)
{
  const unsigned char *d = data;
  if (!d || len == 0) return tolak(T_KOSONG);
  if (len >= 5 && memcmp(d, "%PDF-", 5) == 0) return ok(SNIFF_PDF);
  if (len >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff) return ok(SNIFF_JPEG);
  if (len >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0) return ok(SNIFF_PNG);
  if (len >= 12 && memcmp(d, "RIFF", 4) == 0 && memcmp(d + 8, "WEBP", 4) == 0) return ok(SNIFF_WEBP);
  if (len >= 4 && memcmp(d, "PK\x03\x04", 4) == 0) return sniff_zip(d, len);
  if (len >= 4 && (memcmp(d, "PK\x05\x06", 4) == 0 || memcmp(d, "PK\x07\x08", 4) == 0)) return tolak(T_ZIP);
  if (len >= 2 && (memcmp(d, "MZ", 2) == 0 || memcmp(d, "#!", 2) == 0)) return tolak(T_PROGRAM);
  if (len >= 4 && memcmp(d, "\x7f" "ELF", 4) == 0) return tolak(T_PROGRAM);
  if (len >= 4 && (le32(d) == 0xfeedfaceu || le32(d) == 0xfeedfacfu || le32(d) == 0xcafebabeu ||
                   le32(d) == 0xbebafecau || le32(d) == 0xcefaedfeu || le32(d) == 0xcffaedfeu))
    return tolak(T_PROGRAM);                        /* Mach-O, Java class */
  if (len >= 8 && memcmp(d, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0) return tolak(T_OLE);
  if (looks_markup(d, len)) return tolak(T_HTML);
  return tolak(T_LAIN);
}
