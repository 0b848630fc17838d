/* lembar.c: the A4 sheet of the SKP and evaluasi documents (lembar.h). */
#include "lembar.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_draw.h"
#include "report_font.h"

/* ---- arena ---------------------------------------------------------------------------- */

struct lembar_chunk {
  struct lembar_chunk *next;
  size_t used, cap;
  max_align_t data[];
};

static void *arena_alloc(struct lembar_arena *a, size_t n)
{
  struct lembar_chunk *c = a->head;
  void *p;
  n = (n + 15) & ~(size_t)15;
  if (n == 0) n = 16;
  if (!c || c->cap - c->used < n) {
    size_t cap = n > 65536 ? n : 65536;
    if (cap > a->max - a->total) return NULL;
    c = malloc(sizeof *c + cap);
    if (!c) return NULL;
    c->next = a->head;
    c->used = 0;
    c->cap = cap;
    a->head = c;
    a->total += cap;
  }
  p = (unsigned char *)c->data + c->used;
  c->used += n;
  return p;
}

static void arena_free(struct lembar_arena *a)
{
  struct lembar_chunk *c = a->head;
  while (c) {
    struct lembar_chunk *next = c->next;
    free(c);
    c = next;
  }
  a->head = NULL;
  a->total = 0;
}

void *lembar_alloc(struct lembar *P, size_t n)
{
  void *p = arena_alloc(&P->ar, n);
  if (!p) report_hpdf_fail(&P->e, "%s terlalu besar untuk dicetak", P->nama);
  return p;
}

const char *lembar_cp(struct lembar *P, const char *utf8, const char *dash, size_t *len)
{
  size_t n;
  char *out;
  if (!utf8 || !utf8[0]) utf8 = dash ? dash : "";
  n = strlen(utf8) + 1;
  out = lembar_alloc(P, n);
  if (!out) return NULL;
  *len = report_font_winansi(utf8, out, n);
  return out;
}

/* ---- the document --------------------------------------------------------------------- */

void lembar_mulai(struct lembar *P, const char *nama, char *err, size_t errlen)
{
  memset(P, 0, sizeof *P);
  report_hpdf_begin(&P->e, err, errlen);
  P->ar.max = ARENA_MAX;
  P->nama = nama;
}

int lembar_buka(struct lembar *P, const char *judul)
{
  P->doc = HPDF_New(report_hpdf_on_error, &P->e);
  if (!P->doc) return report_hpdf_fail(&P->e, "gagal membuat PDF (memori)");
  HPDF_SetCompressionMode(P->doc, HPDF_COMP_ALL);
  HPDF_SetInfoAttr(P->doc, HPDF_INFO_TITLE, judul);
  HPDF_SetInfoAttr(P->doc, HPDF_INFO_CREATOR, "kinerja");
  return report_hpdf_helvetica(&P->e, P->doc, &P->reg, &P->bold);
}

int lembar_akhiri(struct lembar *P, int rc)
{
  free(P->pages);
  arena_free(&P->ar);
  return report_hpdf_end(&P->e, P->doc, rc);
}

/* ---- cells ---------------------------------------------------------------------------- */

double lembar_text_w(const struct report_hpdf_font *f, double size, const char *p, size_t len)
{
  return report_font_width(p, len, f->w, size);
}

int lembar_cell_parts(struct lembar *P, struct lembar_cell *c, const struct lembar_part *parts, size_t np,
                      double w, unsigned char align)
{
  size_t total = 0, i, k = 0, tmpmax = 0;
  struct lembar_line *ln;
  struct report_font_line *tmp;
  for (i = 0; i < np; i++) {
    const struct report_hpdf_font *f = parts[i].bold ? &P->bold : &P->reg;
    double inner = w - 2 * HPAD - (parts[i].bullet ? BULLET_IN : 0);
    size_t n = report_font_wrap(parts[i].p, parts[i].len, f->w, FS, inner, NULL, 0);
    total += n;
    if (n > tmpmax) tmpmax = n;
  }
  ln = lembar_alloc(P, (total ? total : 1) * sizeof *ln);
  tmp = lembar_alloc(P, (tmpmax ? tmpmax : 1) * sizeof *tmp);
  if (!ln || !tmp) return -1;
  for (i = 0; i < np; i++) {
    const struct report_hpdf_font *f = parts[i].bold ? &P->bold : &P->reg;
    double inner = w - 2 * HPAD - (parts[i].bullet ? BULLET_IN : 0);
    size_t n = report_font_wrap(parts[i].p, parts[i].len, f->w, FS, inner, tmp, tmpmax), j;
    for (j = 0; j < n && k < total; j++, k++) {
      ln[k].p = parts[i].p + tmp[j].off;
      ln[k].len = tmp[j].len;
      ln[k].bold = parts[i].bold;
      ln[k].bullet = parts[i].bullet && j == 0;
      ln[k].indent = parts[i].bullet ? BULLET_IN : 0;
    }
  }
  c->ln = ln;
  c->n = k;
  c->first = 0;
  c->colspan = 1;
  c->align = align;
  c->fill = false;
  return 0;
}

int lembar_cell_text(struct lembar *P, struct lembar_cell *c, const char *utf8, bool bold, double w,
                     unsigned char align)
{
  struct lembar_part pt = { NULL, 0, bold, false };
  pt.p = lembar_cp(P, utf8, "-", &pt.len);
  if (!pt.p) return -1;
  return lembar_cell_parts(P, c, &pt, 1, w, align);
}

int lembar_cell_perilaku(struct lembar *P, struct lembar_cell *c, const char *nama, const char *panduan, double w)
{
  struct lembar_part *parts;
  size_t np = 1, k, plen = 0;
  const char *pan, *q;
  pan = lembar_cp(P, panduan, NULL, &plen);
  if (!pan) return -1;
  for (q = pan; (q = strstr(q, "; ")) != NULL; q += 2) np++;
  parts = lembar_alloc(P, (np + 1) * sizeof *parts);
  if (!parts) return -1;
  parts[0].p = lembar_cp(P, nama, "-", &parts[0].len);
  if (!parts[0].p) return -1;
  parts[0].bold = true;
  parts[0].bullet = false;
  k = 1;
  for (q = pan; plen > 0 && q < pan + plen;) {
    const char *e = strstr(q, "; ");
    size_t l = e ? (size_t)(e - q) : strlen(q);
    while (l > 0 && q[l - 1] == ';') l--;   /* a trailing ';' on the last item */
    if (l > 0) {
      parts[k].p = q;
      parts[k].len = l;
      parts[k].bold = false;
      parts[k].bullet = true;
      k++;
    }
    if (!e) break;
    q = e + 2;
  }
  return lembar_cell_parts(P, c, parts, k, w, ALIGN_LEFT);
}

size_t lembar_cell_rem(const struct lembar_cell *c)
{
  return c->colspan ? c->n - c->first : 0;
}

void lembar_cell_draw(struct lembar *P, struct lembar_cell *c, double x, double w, double top, size_t max)
{
  size_t n = lembar_cell_rem(c), j;
  if (n > max) n = max;
  for (j = 0; j < n; j++) {
    const struct lembar_line *l = &c->ln[c->first + j];
    const struct report_hpdf_font *f = l->bold ? &P->bold : &P->reg;
    double base = top - PAD - (double)(j + 1) * LEAD + 0.25 * FS;
    double lw = lembar_text_w(f, FS, l->p, l->len), tx;
    if (c->align == ALIGN_CENTER) tx = x + (w - lw) / 2;
    else if (c->align == ALIGN_RIGHT) tx = x + w - HPAD - lw;
    else tx = x + HPAD + l->indent;
    if (l->bullet) report_draw_text(P->page, &P->reg, FS, x + HPAD, base, "\x95", 1);
    report_draw_text(P->page, f, FS, tx, base, l->p, l->len);
  }
  c->first += n;
}

/* ---- free text ------------------------------------------------------------------------ */

int lembar_para(struct lembar *P, const char *p, size_t len, const struct report_hpdf_font *f, double size,
                unsigned char align, double x, double w, double lead)
{
  size_t n = report_font_wrap(p, len, f->w, size, w, NULL, 0), i;
  struct report_font_line *ln;
  if (n == 0) return 0;
  ln = lembar_alloc(P, n * sizeof *ln);
  if (!ln) return -1;
  report_font_wrap(p, len, f->w, size, w, ln, n);
  for (i = 0; i < n; i++) {
    double lw = lembar_text_w(f, size, p + ln[i].off, ln[i].len), tx = x;
    if (P->y - lead < Y_BOTTOM && lembar_page_new(P) < 0) return -1;
    if (align == ALIGN_CENTER) tx = x + (w - lw) / 2;
    else if (align == ALIGN_RIGHT) tx = x + w - lw;
    report_draw_text(P->page, f, size, tx, P->y - lead + 0.25 * size, p + ln[i].off, ln[i].len);
    P->y -= lead;
    P->fresh = false;
  }
  return report_hpdf_check(&P->e);
}

int lembar_para_utf8(struct lembar *P, const char *utf8, const char *dash, const struct report_hpdf_font *f,
                     double size, unsigned char align, double x, double w, double lead)
{
  size_t len;
  const char *s = lembar_cp(P, utf8, dash, &len);
  if (!s) return -1;
  return lembar_para(P, s, len, f, size, align, x, w, lead);
}

/* ---- pages ---------------------------------------------------------------------------- */

int lembar_page_new(struct lembar *P)
{
  HPDF_Page page;
  if (P->npage >= MAX_PAGES) return report_hpdf_fail(&P->e, "%s melebihi %d halaman", P->nama, MAX_PAGES);
  if (P->npage == P->cap) {
    size_t cap = P->cap ? P->cap * 2 : 8;
    HPDF_Page *np = realloc(P->pages, cap * sizeof *np);
    if (!np) return report_hpdf_fail(&P->e, "memori tidak cukup");
    P->pages = np;
    P->cap = cap;
  }
  page = report_draw_page(&P->e, P->doc, HPDF_PAGE_PORTRAIT);
  if (!page) return -1;
  P->pages[P->npage++] = page;
  P->page = page;
  P->y = Y_TOP;
  P->fresh = true;
  if (P->tab && P->kepala) P->kepala(P);
  return report_hpdf_check(&P->e);
}

int lembar_ensure(struct lembar *P, double need)
{
  if (P->fresh || P->y - need >= Y_BOTTOM) return 0;
  return lembar_page_new(P);
}

int lembar_footers(struct lembar *P)
{
  size_t i, klen = P->kode ? strlen(P->kode) : 0;
  for (i = 0; i < P->npage; i++) {
    char s[64];
    int r = snprintf(s, sizeof s, "Halaman %zu dari %zu", i + 1, P->npage);
    if (r < 0 || (size_t)r >= sizeof s) return report_hpdf_fail(&P->e, "nomor halaman");
    P->page = P->pages[i];
    report_draw_text_right(P->page, &P->reg, 8, X1, FOOTER_Y, s, (size_t)r);
    if (P->note) {
      if (P->note_merah) HPDF_Page_SetRGBFill(P->page, 0.75f, 0.0f, 0.0f);
      report_draw_text(P->page, &P->bold, 8, X0, FOOTER_Y, P->note, strlen(P->note));
      if (P->note_merah) HPDF_Page_SetRGBFill(P->page, 0.0f, 0.0f, 0.0f);
    }
    if (klen) report_draw_text_centre(P->page, &P->reg, 7, X0, TEXT_W, FOOTER_Y, P->kode, klen);
  }
  return report_hpdf_check(&P->e);
}

int lembar_take(struct lembar *P, unsigned char **out, size_t *len)
{
  HPDF_UINT32 size, got;
  HPDF_STATUS st;
  unsigned char *buf;
  if (HPDF_SaveToStream(P->doc) != HPDF_OK)
    return report_hpdf_check(&P->e) < 0 ? -1 : report_hpdf_fail(&P->e, "gagal menyimpan PDF");
  size = HPDF_GetStreamSize(P->doc);
  if (size == 0 || report_hpdf_check(&P->e) < 0) return report_hpdf_fail(&P->e, "PDF kosong");
  buf = malloc(size);
  if (!buf) return report_hpdf_fail(&P->e, "memori tidak cukup");
  if (HPDF_ResetStream(P->doc) != HPDF_OK) {
    free(buf);
    return report_hpdf_check(&P->e) < 0 ? -1 : report_hpdf_fail(&P->e, "gagal membaca PDF");
  }
  got = size;
  st = HPDF_ReadFromStream(P->doc, buf, &got);
  /* reading up to the end may report end-of-stream; only the byte count matters */
  if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || got != size) {
    free(buf);
    return report_hpdf_fail(&P->e, "gagal membaca PDF (%u dari %u byte)", (unsigned)got, (unsigned)size);
  }
  *out = buf;
  *len = size;
  return 0;
}
