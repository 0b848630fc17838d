/* skp_internal.h: helpers shared by the skp*.c files (not for other modules). */
#ifndef KINERJA_SKP_INTERNAL_H
#define KINERJA_SKP_INTERNAL_H
#include <jansson.h>
#include "skp.h"

/* RHK rows of an SKP with their IKI, as API JSON (array).  NULL on error. */
json_t *skp_rhk_json(struct db *db, int64_t skp_id);
/* Copies RHK, IKI, perilaku and lampiran of src into the (empty, draft) dst.  Intervensi
 * links are kept only when the linked RHK belongs to dst's penilai in dst's period. */
int skp_copy_rows(struct db *db, const struct skp_head *src, const struct skp_head *dst);
/* A pegawai as {id, nip, nama_lengkap, golongan, pangkat, jabatan, unit_kerja} or null. */
json_t *skp_orang_json(struct db *db, int64_t pegawai_id);
/* Formats an IKI target for people: "12 laporan", "99.5 %" or the statement. */
void skp_target_teks(const char *angka, const char *satuan, const char *teks, char *out, size_t n);
#endif
