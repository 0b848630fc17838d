/* penilaian_dokumen.h: fills a struct evaluasi_doc (evaluasi_doc.h) from the database. */
#ifndef KINERJA_PENILAIAN_DOKUMEN_H
#define KINERJA_PENILAIAN_DOKUMEN_H
#include <jansson.h>
#include "db/db.h"
#include "evaluasi_doc.h"

struct evaluasi_doc_buf {
  json_t *keep;                     /* strings the document points into */
  struct evaluasi_doc_rhk *rhk;
};
/* 0 ok, 1 absent, -1 error.  Release with evaluasi_doc_buf_free(). */
int evaluasi_doc_load(struct db *db, int64_t penilaian_id, struct evaluasi_doc *d, struct evaluasi_doc_buf *b);
void evaluasi_doc_buf_free(struct evaluasi_doc_buf *b);
#endif
