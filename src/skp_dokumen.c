/* skp_dokumen.c: the Dokumen SKP data (skp_doc.h) from the database.  The identity blocks use
 * the snapshot taken at approval (tanda_tangan) when there is one, so a signed document keeps
 * showing who signed it even after later mutasi; drafts show today's data. */
#include "skp_dokumen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/target.h"
#include "skp.h"
#include "util/util.h"

static const char *keep(struct skp_doc_buf *b, const char *s)
{
  json_t *j = json_string(s ? s : "");
  if (!j) return "";
  json_array_append_new(b->strings, j);
  return json_string_value(j);
}

static const char *str(json_t *o, const char *k)
{
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static void orang(struct skp_doc_buf *b, json_t *o, struct skp_doc_orang *out)
{
  memset(out, 0, sizeof *out);
  if (!json_is_object(o)) return;
  out->nama = str(o, "nama_lengkap");
  out->nip = str(o, "nip");
  char p[160];
  const char *pk = str(o, "pangkat"), *g = str(o, "golongan");
  if (pk[0]) snprintf(p, sizeof p, "%s (%s)", pk, g);
  else snprintf(p, sizeof p, "%s", g);
  out->pangkat = keep(b, p);
  out->jabatan = str(json_object_get(o, "jabatan"), "nama");
  out->unit = str(json_object_get(o, "unit_kerja"), "nama");
}

static const char *perspektif_nama(const char *k)
{
  if (!k) return "";
  if (!strcmp(k, "penerima_layanan")) return "Penerima Layanan";
  if (!strcmp(k, "proses_bisnis")) return "Proses Bisnis";
  if (!strcmp(k, "penguatan_internal")) return "Penguatan Internal";
  if (!strcmp(k, "anggaran")) return "Anggaran";
  return k;
}

int skp_doc_load(struct db *db, int64_t skp_id, struct skp_doc *d, struct skp_doc_buf *b)
{
  memset(d, 0, sizeof *d);
  memset(b, 0, sizeof *b);
  b->skp = skp_json(db, skp_id, NULL);
  if (!b->skp) {
    struct skp_head h;
    return skp_head_load(db, skp_id, &h) == 1 ? 1 : -1;
  }
  b->strings = json_array();
  json_t *j = b->skp;
  int64_t inst = json_integer_value(json_object_get(j, "instansi_id"));
  struct db_stmt *st = db_prepare(db, "SELECT nama FROM instansi WHERE id = ?1");
  if (st) {
    db_bind_int64(st, 1, inst);
    if (db_step(st) == DB_ROW) b->instansi = strdup(db_col_text(st, 0));
    db_done(st);
  }
  d->instansi = b->instansi ? b->instansi : "";
  d->jenis = str(j, "jenis");
  d->pendekatan = str(j, "pendekatan");
  d->periode_mulai = str(j, "mulai");
  d->periode_selesai = str(j, "selesai");
  d->status = str(j, "status");
  d->revisi = (int)json_integer_value(json_object_get(j, "revisi"));
  json_t *tt = json_object_get(j, "tanda_tangan");
  bool signed_ = strcmp(d->status, "disetujui") == 0 && json_is_object(tt);
  orang(b, signed_ ? json_object_get(tt, "pegawai") : json_object_get(j, "pegawai"), &d->pegawai);
  orang(b, signed_ ? json_object_get(tt, "penilai") : json_object_get(j, "penilai"), &d->penilai);
  json_t *rows = json_object_get(j, "rhk");
  size_t nrhk = json_array_size(rows), niki = 0, i, k;
  json_t *r, *x;
  json_array_foreach(rows, i, r) niki += json_array_size(json_object_get(r, "iki"));
  b->rhk = calloc(nrhk ? nrhk : 1, sizeof *b->rhk);
  b->iki = calloc(niki ? niki : 1, sizeof *b->iki);
  if (!b->rhk || !b->iki || !b->strings) { skp_doc_buf_free(b); return -1; }
  size_t used = 0;
  json_array_foreach(rows, i, r) {
    struct skp_doc_rhk *dr = &b->rhk[i];
    dr->kelompok = str(r, "kelompok");
    dr->rhk_atasan = str(json_object_get(r, "rhk_atasan"), "rhk");
    dr->rhk = str(r, "rhk");
    dr->perspektif = perspektif_nama(json_string_value(json_object_get(r, "perspektif")));
    json_t *bo = json_object_get(r, "bobot");
    dr->bobot = json_is_integer(bo) ? (int)json_integer_value(bo) : -1;
    dr->catatan = str(r, "catatan");
    dr->iki = &b->iki[used];
    json_array_foreach(json_object_get(r, "iki"), k, x) {
      struct skp_doc_iki *di = &b->iki[used++];
      di->aspek = target_aspek_nama(json_string_value(json_object_get(x, "aspek")));
      di->indikator = str(x, "indikator");
      di->target = str(x, "target");
      dr->niki++;
    }
  }
  d->rhk = b->rhk;
  d->nrhk = nrhk;
  json_t *pl = json_object_get(j, "perilaku");
  for (i = 0; i < 7 && i < json_array_size(pl); i++) {
    json_t *p = json_array_get(pl, i);
    d->perilaku[i].nama = str(p, "nama");
    char panduan[1024] = "";
    size_t off = 0;
    json_array_foreach(json_object_get(p, "panduan"), k, x) {
      int w = snprintf(panduan + off, sizeof panduan - off, "%s%s", k ? "; " : "", json_string_value(x));
      if (w > 0 && (size_t)w < sizeof panduan - off) off += (size_t)w;
    }
    d->perilaku[i].panduan = keep(b, panduan);
    d->perilaku[i].ekspektasi = str(p, "ekspektasi");
  }
  json_t *l = json_object_get(j, "lampiran");
  d->lampiran_sumber_daya = str(l, "sumber_daya");
  d->lampiran_skema = str(l, "skema");
  d->lampiran_konsekuensi = str(l, "konsekuensi");
  /* place: the instansi name without "Pemerintah Kabupaten/Kota/Provinsi" */
  const char *tempat = d->instansi;
  static const char *const pre[] = {"Pemerintah Kabupaten ", "Pemerintah Kota ", "Pemerintah Provinsi ", NULL};
  for (int p = 0; pre[p]; p++)
    if (strncmp(tempat, pre[p], strlen(pre[p])) == 0) tempat += strlen(pre[p]);
  d->tempat = tempat;
  char today[11];
  date_today(7, today);
  d->tanggal = signed_ && json_string_value(json_object_get(tt, "tanggal")) ? str(tt, "tanggal") : keep(b, today);
  return 0;
}

void skp_doc_buf_free(struct skp_doc_buf *b)
{
  json_decref(b->skp);
  json_decref(b->strings);
  free(b->rhk);
  free(b->iki);
  free(b->instansi);
  memset(b, 0, sizeof *b);
}

void skp_doc_filename(const struct skp_doc *d, const char *ext, char *out, size_t n)
{
  char tahun[5] = "0000";
  if (d->periode_mulai && strlen(d->periode_mulai) >= 4) memcpy(tahun, d->periode_mulai, 4);
  if (d->revisi > 0) snprintf(out, n, "SKP-%s-%s-r%d.%s", d->pegawai.nip ? d->pegawai.nip : "x", tahun, d->revisi, ext);
  else snprintf(out, n, "SKP-%s-%s.%s", d->pegawai.nip ? d->pegawai.nip : "x", tahun, ext);
}
