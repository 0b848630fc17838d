/* report_skp_xlsx.c: the Dokumen SKP as an XLSX workbook, for those who keep SKP in
 * spreadsheets (many regional TPP systems import them).  Same content as report_skp_pdf.c:
 * sheet "SKP" (title, the pegawai and pejabat penilai blocks, the hasil kerja table with the
 * JA/JF or JPT columns of PermenPANRB 6/2022, signatures), sheet "Perilaku" (the seven
 * BerAKHLAK values with panduan and ekspektasi khusus pimpinan) and sheet "Lampiran".
 *
 * libxlsxwriter writes only to a named file, so the workbook goes to a private mkstemp file in
 * $TMPDIR (or /tmp), is read back into memory and unlinked on every path.  Text stays UTF-8.
 */
#include "report_font.h"
#include "skp_doc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define MAX_RHK    300
#define MAX_IKI    30
#define MAX_TEXT   20000                 /* bytes of one text field (Excel's cell limit is 32767) */
#define MAX_OUTPUT ((size_t)64 << 20)    /* a workbook bigger than this is refused */
#define LINE_PT    15.0                  /* row height of one line of 11 pt Calibri */
#define MAX_ROW_PT 409.0                 /* Excel's maximum row height */

struct xl {
  lxw_workbook *wb;
  lxw_error e;                /* first libxlsxwriter error */
  lxw_format *title, *sub, *center, *note, *head, *cell, *cell_c, *sect, *bold, *wrap,
             *sign, *sign_name;
  char *err;
  size_t errlen;
};

static int fail(struct xl *X, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct xl *X, const char *fmt, ...)
{
  va_list ap;
  if (X->err && X->errlen > 0 && X->err[0] == '\0') {
    va_start(ap, fmt);
    vsnprintf(X->err, X->errlen, fmt, ap);
    va_end(ap);
  }
  return -1;
}

static bool is(const char *s, const char *v) { return s && strcmp(s, v) == 0; }
static const char *dash(const char *s) { return s && s[0] ? s : "-"; }

static void note_err(struct xl *X, lxw_error e)
{
  if (X->e == LXW_NO_ERROR) X->e = e;
}

/* Writes text into columns c1..c2 of row r (merged when c2 > c1). */
static void put(struct xl *X, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c1, lxw_col_t c2,
                const char *text, lxw_format *f)
{
  if (c2 > c1) note_err(X, worksheet_merge_range(ws, r, c1, r, c2, text, f));
  else note_err(X, worksheet_write_string(ws, r, c1, text, f));
}

/* Estimated wrapped lines of UTF-8 text in a column `width` characters wide. */
static double est_lines(const char *s, double width)
{
  double lines = 0, cpl = width > 2 ? width * 1.1 - 1 : 1;
  size_t chars = 0;
  if (!s || !s[0]) return 1;
  for (;; s++) {
    if (*s == '\n' || *s == '\0') {
      double l = (double)chars / cpl;
      lines += l < 1 ? 1 : (double)(size_t)(l + 0.999);
      chars = 0;
      if (*s == '\0') break;
    } else if (((unsigned char)*s & 0xC0) != 0x80) {
      chars++;
    }
  }
  return lines;
}

static void row_height(struct xl *X, lxw_worksheet *ws, lxw_row_t r, double lines)
{
  double h = lines * LINE_PT;
  if (h > MAX_ROW_PT) h = MAX_ROW_PT;
  note_err(X, worksheet_set_row(ws, r, h, NULL));
}

static lxw_format *fmt(struct xl *X, bool bold, bool wrap, bool border, uint8_t align)
{
  lxw_format *f = workbook_add_format(X->wb);
  if (!f) return NULL;
  if (bold) format_set_bold(f);
  if (wrap) format_set_text_wrap(f);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  if (align) format_set_align(f, align);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

static int formats(struct xl *X)
{
  X->title = fmt(X, true, false, false, LXW_ALIGN_CENTER);
  X->sub = fmt(X, true, true, false, LXW_ALIGN_CENTER);
  X->center = fmt(X, false, false, false, LXW_ALIGN_CENTER);
  X->note = fmt(X, true, false, false, LXW_ALIGN_CENTER);
  X->head = fmt(X, true, true, true, LXW_ALIGN_CENTER);
  X->cell = fmt(X, false, true, true, 0);
  X->cell_c = fmt(X, false, true, true, LXW_ALIGN_CENTER);
  X->sect = fmt(X, true, true, true, 0);
  X->bold = fmt(X, true, false, false, 0);
  X->wrap = fmt(X, false, true, false, 0);
  X->sign = fmt(X, false, true, false, LXW_ALIGN_CENTER);
  X->sign_name = fmt(X, true, true, false, LXW_ALIGN_CENTER);
  if (!X->title || !X->sub || !X->center || !X->note || !X->head || !X->cell || !X->cell_c ||
      !X->sect || !X->bold || !X->wrap || !X->sign || !X->sign_name)
    return fail(X, "gagal membuat format XLSX");
  format_set_font_size(X->title, 14);
  format_set_font_color(X->note, LXW_COLOR_RED);
  format_set_bg_color(X->head, 0xE0E0E0);
  format_set_underline(X->sign_name, LXW_UNDERLINE_SINGLE);
  return 0;
}

static int check_doc(struct xl *X, const struct skp_doc *d)
{
  char tmp[64];
  size_t i, j;
  if (!is(d->jenis, "ja_jf") && !is(d->jenis, "jpt"))
    return fail(X, "jenis SKP tidak dikenal (ja_jf atau jpt)");
  if (!is(d->pendekatan, "kuantitatif") && !is(d->pendekatan, "kualitatif"))
    return fail(X, "pendekatan SKP tidak dikenal (kuantitatif atau kualitatif)");
  if (!is(d->status, "draft") && !is(d->status, "diajukan") && !is(d->status, "disetujui") &&
      !is(d->status, "dikembalikan"))
    return fail(X, "status SKP tidak dikenal");
  if (report_font_tanggal(d->periode_mulai, tmp, sizeof tmp) < 0 ||
      report_font_tanggal(d->periode_selesai, tmp, sizeof tmp) < 0)
    return fail(X, "periode SKP tidak valid (YYYY-MM-DD)");
  if (report_font_tanggal(d->tanggal, tmp, sizeof tmp) < 0)
    return fail(X, "tanggal penandatanganan tidak valid (YYYY-MM-DD)");
  if (d->revisi < 0) return fail(X, "nomor revisi tidak valid");
  if (d->nrhk > MAX_RHK) return fail(X, "terlalu banyak RHK (maks. %d)", MAX_RHK);
  if (d->nrhk > 0 && !d->rhk) return fail(X, "daftar RHK kosong padahal nrhk = %zu", d->nrhk);
  for (i = 0; i < d->nrhk; i++) {
    const struct skp_doc_rhk *r = &d->rhk[i];
    if (!is(r->kelompok, "utama") && !is(r->kelompok, "tambahan"))
      return fail(X, "RHK ke-%zu: kelompok harus utama atau tambahan", i + 1);
    if (r->niki < 1 || r->niki > MAX_IKI || !r->iki)
      return fail(X, "RHK ke-%zu: harus ada 1 sampai %d IKI", i + 1, MAX_IKI);
    if (r->bobot < -1 || r->bobot > 100)
      return fail(X, "RHK ke-%zu: bobot harus 0 sampai 100", i + 1);
    if ((r->rhk && strlen(r->rhk) > MAX_TEXT) || (r->rhk_atasan && strlen(r->rhk_atasan) > MAX_TEXT))
      return fail(X, "RHK ke-%zu: teks terlalu panjang (maks. %d karakter)", i + 1, MAX_TEXT);
    for (j = 0; j < r->niki; j++)
      if ((r->iki[j].indikator && strlen(r->iki[j].indikator) > MAX_TEXT) ||
          (r->iki[j].target && strlen(r->iki[j].target) > MAX_TEXT))
        return fail(X, "RHK ke-%zu: teks IKI terlalu panjang (maks. %d karakter)", i + 1, MAX_TEXT);
  }
  if ((d->lampiran_sumber_daya && strlen(d->lampiran_sumber_daya) > MAX_TEXT) ||
      (d->lampiran_skema && strlen(d->lampiran_skema) > MAX_TEXT) ||
      (d->lampiran_konsekuensi && strlen(d->lampiran_konsekuensi) > MAX_TEXT))
    return fail(X, "teks lampiran terlalu panjang (maks. %d karakter)", MAX_TEXT);
  return 0;
}

/* Columns of the hasil kerja table, as in the PDF. */
enum { K_NO, K_ATASAN, K_RHK, K_ASPEK, K_IKI, K_TARGET, K_PERSPEKTIF, K_BOBOT };
static const double kind_w[] = { 5, 34, 36, 12, 38, 22, 20, 9 };
static const char *const kind_label[] = {
  "NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA", "ASPEK",
  "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF", "BOBOT (%)",
};

static size_t hasil_kinds(const struct skp_doc *d, int *kind)
{
  size_t n = 0, i;
  bool bobot = false;
  for (i = 0; i < d->nrhk; i++)
    if (d->rhk[i].bobot >= 0) bobot = true;
  kind[n++] = K_NO;
  if (is(d->jenis, "jpt")) {
    kind[n++] = K_RHK;
    kind[n++] = K_IKI;
    kind[n++] = K_TARGET;
    kind[n++] = K_PERSPEKTIF;
  } else {
    kind[n++] = K_ATASAN;
    kind[n++] = K_RHK;
    if (is(d->pendekatan, "kuantitatif")) kind[n++] = K_ASPEK;
    kind[n++] = K_IKI;
    kind[n++] = K_TARGET;
  }
  if (bobot) kind[n++] = K_BOBOT;
  return n;
}

static bool spans(int kind)
{
  return kind == K_NO || kind == K_ATASAN || kind == K_RHK || kind == K_PERSPEKTIF ||
         kind == K_BOBOT;
}

/* One RHK from row r: spanned cells merged over its IKI rows.  Returns the next row. */
static lxw_row_t rhk_rows(struct xl *X, lxw_worksheet *ws, lxw_row_t r, const int *kind,
                          size_t ncol, const struct skp_doc_rhk *h, size_t no)
{
  char num[24], bobot[24];
  double span_lines = 1, sum = 0;
  size_t col, j;
  snprintf(num, sizeof num, "%zu", no);
  if (h->bobot >= 0) snprintf(bobot, sizeof bobot, "%d", h->bobot);
  else snprintf(bobot, sizeof bobot, "-");
  for (col = 0; col < ncol; col++) {
    const char *v;
    lxw_format *f = X->cell;
    double l;
    if (!spans(kind[col])) continue;
    switch (kind[col]) {
    case K_NO: v = num; f = X->cell_c; break;
    case K_ATASAN: v = dash(h->rhk_atasan); break;
    case K_RHK: v = dash(h->rhk); break;
    case K_PERSPEKTIF: v = dash(h->perspektif); break;
    default: v = bobot; f = X->cell_c; break;
    }
    if (h->niki > 1)
      note_err(X, worksheet_merge_range(ws, r, (lxw_col_t)col, r + (lxw_row_t)h->niki - 1,
                                        (lxw_col_t)col, v, f));
    else
      note_err(X, worksheet_write_string(ws, r, (lxw_col_t)col, v, f));
    l = est_lines(v, kind_w[kind[col]]);
    if (l > span_lines) span_lines = l;
  }
  for (j = 0; j < h->niki; j++) {
    const struct skp_doc_iki *k = &h->iki[j];
    double lines = 1;
    for (col = 0; col < ncol; col++) {
      const char *v;
      double l;
      if (spans(kind[col])) continue;
      v = dash(kind[col] == K_ASPEK ? k->aspek : kind[col] == K_IKI ? k->indikator : k->target);
      note_err(X, worksheet_write_string(ws, r + (lxw_row_t)j, (lxw_col_t)col, v, X->cell));
      l = est_lines(v, kind_w[kind[col]]);
      if (l > lines) lines = l;
    }
    sum += lines;
    /* the merged RHK text needs its height spread over the IKI rows; the last takes the rest */
    if (j + 1 == h->niki && span_lines > sum) lines += span_lines - sum;
    row_height(X, ws, r + (lxw_row_t)j, lines);
  }
  return r + (lxw_row_t)h->niki;
}

static int sheet_skp(struct xl *X, const struct skp_doc *d)
{
  lxw_worksheet *ws = workbook_add_worksheet(X->wb, "SKP");
  int kind[8];
  size_t ncol = hasil_kinds(d, kind), col, i, g;
  lxw_col_t last, mid;
  lxw_row_t r = 0, head_row;
  char a[48], b[48], buf[256];
  static const char *const label[5] = { "NAMA", "NIP", "PANGKAT/GOL. RUANG", "JABATAN",
                                        "UNIT KERJA" };
  static const char *const kel[2] = { "utama", "tambahan" };
  static const char *const judul[2] = { "A. Utama", "B. Tambahan" };
  if (!ws) return fail(X, "gagal membuat sheet SKP");
  last = (lxw_col_t)(ncol - 1);
  for (col = 0; col < ncol; col++)
    note_err(X, worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col, kind_w[kind[col]], NULL));
  worksheet_set_paper(ws, 9);   /* A4 */
  if (ncol > 5) worksheet_set_landscape(ws);
  else worksheet_set_portrait(ws);
  worksheet_set_margins(ws, 0.6, 0.6, 0.6, 0.6);
  worksheet_fit_to_pages(ws, 1, 0);

  put(X, ws, r++, 0, last, "SASARAN KINERJA PEGAWAI", X->title);
  put(X, ws, r++, 0, last, is(d->pendekatan, "kualitatif") ? "PENDEKATAN HASIL KERJA KUALITATIF"
                                                           : "PENDEKATAN HASIL KERJA KUANTITATIF",
      X->sub);
  put(X, ws, r++, 0, last, dash(d->instansi), X->sub);
  if (report_font_tanggal(d->periode_mulai, a, sizeof a) < 0 ||
      report_font_tanggal(d->periode_selesai, b, sizeof b) < 0)
    return fail(X, "periode SKP tidak valid");
  snprintf(buf, sizeof buf, "PERIODE: %s s.d. %s", a, b);
  put(X, ws, r++, 0, last, buf, X->center);
  if (!is(d->status, "disetujui"))
    put(X, ws, r++, 0, last,
        is(d->status, "diajukan") ? "DIAJUKAN \xe2\x80\x94 belum disetujui"
        : is(d->status, "dikembalikan") ? "DIKEMBALIKAN \xe2\x80\x94 perlu perbaikan"
        : "DRAFT \xe2\x80\x94 belum disetujui", X->note);
  if (d->revisi > 0) {
    snprintf(buf, sizeof buf, "Revisi ke-%d", d->revisi);
    put(X, ws, r++, 0, last, buf, X->center);
  }
  r++;

  /* identity blocks, one above the other: No | label | value across the other columns */
  for (g = 0; g < 2; g++) {
    const struct skp_doc_orang *o = g ? &d->penilai : &d->pegawai;
    bool ada = g == 0 || d->penilai.nama != NULL;
    put(X, ws, r++, 0, last, g ? "PEJABAT PENILAI KINERJA" : "PEGAWAI YANG DINILAI", X->head);
    for (i = 0; i < 5; i++) {
      const char *v[5] = { o->nama, o->nip, o->pangkat, o->jabatan, o->unit };
      char no[24];
      snprintf(no, sizeof no, "%zu", i + 1);
      note_err(X, worksheet_write_string(ws, r, 0, no, X->cell_c));
      note_err(X, worksheet_write_string(ws, r, 1, label[i], X->cell));
      put(X, ws, r, 2, last, ada ? dash(v[i]) : "-", X->cell);
      r++;
    }
    r++;
  }

  put(X, ws, r++, 0, last, "HASIL KERJA", X->bold);
  head_row = r;
  for (col = 0; col < ncol; col++)
    note_err(X, worksheet_write_string(ws, r, (lxw_col_t)col, kind_label[kind[col]], X->head));
  row_height(X, ws, r, 3);
  r++;
  note_err(X, worksheet_repeat_rows(ws, head_row, head_row));
  for (g = 0; g < 2; g++) {
    size_t no = 0;
    put(X, ws, r++, 0, last, judul[g], X->sect);
    for (i = 0; i < d->nrhk; i++)
      if (is(d->rhk[i].kelompok, kel[g])) r = rhk_rows(X, ws, r, kind, ncol, &d->rhk[i], ++no);
    if (no == 0) put(X, ws, r++, 0, last, "-", X->cell);
  }

  /* signatures: left half pegawai, right half pejabat penilai */
  r++;
  mid = (lxw_col_t)(ncol / 2);
  if (report_font_tanggal(d->tanggal, a, sizeof a) < 0) return fail(X, "tanggal tidak valid");
  if (d->tempat && d->tempat[0]) snprintf(buf, sizeof buf, "%s, %s", d->tempat, a);
  else snprintf(buf, sizeof buf, "%s", a);
  put(X, ws, r++, mid, last, buf, X->sign);
  put(X, ws, r, 0, mid - 1, "Pegawai yang Dinilai", X->sign);
  put(X, ws, r++, mid, last, "Pejabat Penilai Kinerja", X->sign);
  r += 3;
  put(X, ws, r, 0, mid - 1, dash(d->pegawai.nama), X->sign_name);
  put(X, ws, r++, mid, last, dash(d->penilai.nama), X->sign_name);
  snprintf(buf, sizeof buf, "NIP. %s", dash(d->pegawai.nip));
  put(X, ws, r, 0, mid - 1, buf, X->sign);
  snprintf(buf, sizeof buf, "NIP. %s", d->penilai.nama ? dash(d->penilai.nip) : "-");
  put(X, ws, r++, mid, last, buf, X->sign);
  return 0;
}

static int sheet_perilaku(struct xl *X, const struct skp_doc *d)
{
  lxw_worksheet *ws = workbook_add_worksheet(X->wb, "Perilaku");
  lxw_row_t r = 0;
  size_t i, no = 0;
  if (!ws) return fail(X, "gagal membuat sheet Perilaku");
  note_err(X, worksheet_set_column(ws, 0, 0, 5, NULL));
  note_err(X, worksheet_set_column(ws, 1, 1, 70, NULL));
  note_err(X, worksheet_set_column(ws, 2, 2, 45, NULL));
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);
  put(X, ws, r++, 0, 2, "PERILAKU KERJA", X->title);
  r++;
  note_err(X, worksheet_write_string(ws, r, 0, "NO", X->head));
  note_err(X, worksheet_write_string(ws, r, 1, "PERILAKU KERJA", X->head));
  note_err(X, worksheet_write_string(ws, r, 2, "EKSPEKTASI KHUSUS PIMPINAN", X->head));
  r++;
  for (i = 0; i < 7; i++) {
    const struct skp_doc_perilaku *p = &d->perilaku[i];
    char num[24], *text;
    size_t cap, k = 0;
    const char *q;
    double l1, l2;
    if (!p->nama) continue;
    /* nama, then one "• item" line per panduan item ("; " separated) */
    cap = strlen(p->nama) + (p->panduan ? strlen(p->panduan) * 2 + 8 : 0) + 8;
    text = malloc(cap);
    if (!text) return fail(X, "memori tidak cukup");
    k = (size_t)snprintf(text, cap, "%s", p->nama);
    for (q = p->panduan; q && *q && k < cap;) {
      const char *e = strstr(q, "; ");
      size_t l = e ? (size_t)(e - q) : strlen(q);
      while (l > 0 && q[l - 1] == ';') l--;
      if (l > 0 && k + l + 6 < cap) {
        memcpy(text + k, "\n\xe2\x80\xa2 ", 5);
        memcpy(text + k + 5, q, l);
        k += 5 + l;
        text[k] = '\0';
      }
      if (!e) break;
      q = e + 2;
    }
    snprintf(num, sizeof num, "%zu", ++no);
    note_err(X, worksheet_write_string(ws, r, 0, num, X->cell_c));
    note_err(X, worksheet_write_string(ws, r, 1, text, X->cell));
    note_err(X, worksheet_write_string(ws, r, 2, dash(p->ekspektasi), X->cell));
    l1 = est_lines(text, 70);
    l2 = est_lines(dash(p->ekspektasi), 45);
    row_height(X, ws, r, l1 > l2 ? l1 : l2);
    free(text);
    r++;
  }
  return 0;
}

static int sheet_lampiran(struct xl *X, const struct skp_doc *d)
{
  lxw_worksheet *ws = workbook_add_worksheet(X->wb, "Lampiran");
  static const char *const head[3] = { "DUKUNGAN SUMBER DAYA", "SKEMA PERTANGGUNGJAWABAN",
                                       "KONSEKUENSI" };
  const char *text[3] = { d->lampiran_sumber_daya, d->lampiran_skema, d->lampiran_konsekuensi };
  lxw_row_t r = 0;
  size_t i;
  if (!ws) return fail(X, "gagal membuat sheet Lampiran");
  note_err(X, worksheet_set_column(ws, 0, 0, 100, NULL));
  worksheet_set_paper(ws, 9);
  worksheet_fit_to_pages(ws, 1, 0);
  note_err(X, worksheet_write_string(ws, r++, 0, "LAMPIRAN SASARAN KINERJA PEGAWAI", X->title));
  r++;
  for (i = 0; i < 3; i++) {
    note_err(X, worksheet_write_string(ws, r++, 0, head[i], X->bold));
    note_err(X, worksheet_write_string(ws, r, 0, dash(text[i]), X->wrap));
    row_height(X, ws, r, est_lines(dash(text[i]), 100));
    r += 2;
  }
  return 0;
}

/* Reads the whole file at path into a malloc'd buffer (at most MAX_OUTPUT bytes). */
static int slurp(struct xl *X, const char *path, unsigned char **out, size_t *len)
{
  FILE *f = fopen(path, "rb");
  struct stat st;
  unsigned char *buf = NULL;
  size_t n;
  if (!f) return fail(X, "gagal membaca XLSX sementara: %s", strerror(errno));
  if (fstat(fileno(f), &st) != 0 || st.st_size <= 0 || (unsigned long long)st.st_size > MAX_OUTPUT) {
    fclose(f);
    return fail(X, "ukuran XLSX tidak wajar");
  }
  n = (size_t)st.st_size;
  buf = malloc(n);
  if (!buf) {
    fclose(f);
    return fail(X, "memori tidak cukup");
  }
  if (fread(buf, 1, n, f) != n) {
    free(buf);
    fclose(f);
    return fail(X, "gagal membaca XLSX sementara");
  }
  fclose(f);
  *out = buf;
  *len = n;
  return 0;
}

int skp_xlsx_render(const struct skp_doc *d, unsigned char **out, size_t *len, char *err,
                    size_t errlen)
{
  struct xl X;
  char path[512], tmpdir[480];
  const char *t = getenv("TMPDIR");
  lxw_workbook_options opt;
  int fd = -1, rc = -1, n;
  bool made = false;
  memset(&X, 0, sizeof X);
  X.err = err;
  X.errlen = errlen;
  if (err && errlen) err[0] = '\0';
  if (!out || !len) return fail(&X, "parameter keluaran kosong");
  *out = NULL;
  *len = 0;
  if (!d) return fail(&X, "dokumen SKP kosong");
  if (check_doc(&X, d) < 0) return -1;

  n = snprintf(tmpdir, sizeof tmpdir, "%s", t && t[0] ? t : "/tmp");
  if (n < 0 || (size_t)n >= sizeof tmpdir) n = snprintf(tmpdir, sizeof tmpdir, "/tmp");
  n = snprintf(path, sizeof path, "%s/kinerja-skp-XXXXXX", tmpdir);
  if (n < 0 || (size_t)n >= sizeof path) return fail(&X, "TMPDIR terlalu panjang");
  fd = mkstemp(path);
  if (fd < 0) return fail(&X, "gagal membuat berkas sementara: %s", strerror(errno));
  made = true;
  close(fd);

  memset(&opt, 0, sizeof opt);
  opt.tmpdir = tmpdir;
  X.wb = workbook_new_opt(path, &opt);
  if (!X.wb) {
    fail(&X, "gagal membuat workbook XLSX");
    goto fail;
  }
  if (formats(&X) < 0 || sheet_skp(&X, d) < 0 || sheet_perilaku(&X, d) < 0 ||
      sheet_lampiran(&X, d) < 0)
    goto fail;
  {
    lxw_error e = workbook_close(X.wb);   /* frees the workbook whatever it returns */
    X.wb = NULL;
    if (X.e == LXW_NO_ERROR) X.e = e;
  }
  if (X.e != LXW_NO_ERROR) {
    fail(&X, "gagal menulis XLSX: %s", lxw_strerror(X.e));
    goto fail;
  }
  if (slurp(&X, path, out, len) < 0) goto fail;
  rc = 0;

fail:
  if (X.wb) lxw_workbook_free(X.wb);   /* nothing written on the error path */
  if (made) unlink(path);
  if (rc != 0 && err && errlen && !err[0]) snprintf(err, errlen, "gagal membuat XLSX");
  return rc;
}
