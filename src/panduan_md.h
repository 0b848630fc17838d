/* panduan_md.h: the small part of Markdown the user guide (the .md pages in docs/panduan) is written in,
 * read line by line for the printed guide (panduan_pdf.c).  Pure: no I/O, no allocation.
 *
 * Blocks: "# " "## " "### " headings, "- " / "* " items, "1. " numbered items, "> " notes,
 * "| a | b |" table rows (the "|---|" rule is skipped), "![keterangan](gambar/x.png)" pictures
 * on a line of their own, blank lines, and paragraphs (consecutive text lines).  Inline marks
 * (**tebal**, *miring*, `kode`, [tautan](url)) are dropped, keeping their text. */
#ifndef KINERJA_PANDUAN_MD_H
#define KINERJA_PANDUAN_MD_H
#include <stdbool.h>
#include <stddef.h>

enum md_jenis { MD_KOSONG, MD_H1, MD_H2, MD_H3, MD_BUTIR, MD_NOMOR, MD_KUTIP, MD_TABEL, MD_GARIS_TABEL,
                MD_GAMBAR, MD_LANJUT, MD_PARA };

struct md_baris {
  enum md_jenis jenis;
  const char *isi;     /* the text after the marker (heading, item, note, paragraph, alt text) */
  size_t isi_len;
  const char *src;     /* MD_GAMBAR: the picture's path as written */
  size_t src_len;
  int nomor;           /* MD_NOMOR: the item's number */
  int tingkat;         /* MD_BUTIR / MD_NOMOR: 0, or 1 for an item indented under another */
};

/* Classifies one line (len bytes, without the newline).  A line indented by two or more spaces
 * is an item of the second level when it starts with an item marker, else MD_LANJUT (the
 * continuation of the block above). */
void md_baris(const char *line, size_t len, struct md_baris *out);
/* Copies len bytes of inline Markdown to out (size n > 0, NUL-terminated) without the marks;
 * returns the length written (truncated to n - 1). */
size_t md_polos(const char *s, size_t len, char *out, size_t n);
/* True when a picture path is "gambar/<name>.png" with name of [a-z0-9_-], 1..64 bytes. */
bool md_gambar_aman(const char *src, size_t len);
#endif
