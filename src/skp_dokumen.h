/* skp_dokumen.h: fills a struct skp_doc (skp_doc.h) from the database for printing. */
#ifndef KINERJA_SKP_DOKUMEN_H
#define KINERJA_SKP_DOKUMEN_H
#include <jansson.h>
#include "db/db.h"
#include "skp_doc.h"

/* Owns everything the filled document points at; release with skp_doc_buf_free(). */
struct skp_doc_buf {
  json_t *skp;               /* the SKP as JSON (strings point into it) */
  json_t *strings;           /* formatted strings kept alive */
  struct skp_doc_rhk *rhk;
  struct skp_doc_iki *iki;
  char *instansi;
};

/* 0 ok, 1 absent, -1 error. */
int skp_doc_load(struct db *db, int64_t skp_id, struct skp_doc *d, struct skp_doc_buf *b);
void skp_doc_buf_free(struct skp_doc_buf *b);
/* A file name for downloads: "SKP-<nip>-<tahun>[-r<revisi>].<ext>" into out. */
void skp_doc_filename(const struct skp_doc *d, const char *ext, char *out, size_t n);
#endif
