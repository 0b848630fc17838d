/* penilaian_dokumen.c: the Dokumen Evaluasi Kinerja Pegawai data from a penilaian (see
 * penilaian_dokumen.h): identity blocks of the pegawai, the pejabat penilai and the atasan of the
 * penilai, the unit's predikat organisasi and curve, per RHK the approved realisasi and the
 * feedback, the perilaku feedback, ratings and predikat. */
#include "penilaian_dokumen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "penilaian.h"
#include "rules/berakhlak.h"
#include "rules/kurva.h"
#include "rules/predikat.h"
#include "skp.h"
#include "skp_internal.h"
#include "util/util.h"

static const char *keep(struct evaluasi_doc_buf *b, const char *s)
{
  json_t *j = json_string(s ? s : "");
  if (!j) return "";
  json_array_append_new(b->keep, j);
  return json_string_value(j);
}

static const char *str(json_t *o, const char *k)
{
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}

static void orang(struct evaluasi_doc_buf *b, json_t *o, struct skp_doc_orang *out)
{
  memset(out, 0, sizeof *out);
  if (!json_is_object(o)) return;
  json_array_append(b->keep, o);
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

static const char *rating_teks(const char *kode)
{
  enum rating r;
  return kode && rating_dari_kode(kode, &r) == 0 ? rating_label(r) : "";
}

int evaluasi_doc_load(struct db *db, int64_t id, struct evaluasi_doc *d, struct evaluasi_doc_buf *b)
{
  memset(d, 0, sizeof *d);
  memset(b, 0, sizeof *b);
  json_t *p = penilaian_json(db, id);
  if (!p) return 1;
  b->keep = json_array();
  json_array_append_new(b->keep, p);
  int64_t skp_id = json_integer_value(json_object_get(p, "skp_id"));
  json_t *s = skp_json(db, skp_id, NULL);
  if (!s) { evaluasi_doc_buf_free(b); return -1; }
  json_array_append_new(b->keep, s);
  int64_t inst = json_integer_value(json_object_get(s, "instansi_id"));
  struct db_stmt *st = db_prepare(db, "SELECT nama FROM instansi WHERE id = ?1");
  if (st) {
    db_bind_int64(st, 1, inst);
    if (db_step(st) == DB_ROW) d->instansi = keep(b, db_col_text(st, 0));
    db_done(st);
  }
  if (!d->instansi) d->instansi = "";
  const char *jenis = str(p, "jenis");
  int ke = (int)json_integer_value(json_object_get(p, "periode_ke"));
  const char *siklus = str(json_object_get(s, "periode"), "siklus");
  char label[48];
  static const char *const ROMAWI[] = {"I", "II", "III", "IV"};
  static const char *const BULAN[] = {"JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS", "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER"};
  if (!strcmp(jenis, "tahunan")) snprintf(label, sizeof label, "AKHIR");
  else if (!strcmp(siklus, "bulanan") && ke >= 1 && ke <= 12) snprintf(label, sizeof label, "BULAN %s", BULAN[ke - 1]);
  else if (!strcmp(siklus, "semesteran") && ke >= 1 && ke <= 2) snprintf(label, sizeof label, "SEMESTER %s", ROMAWI[ke - 1]);
  else if (ke >= 1 && ke <= 4) snprintf(label, sizeof label, "TRIWULAN %s", ROMAWI[ke - 1]);
  else snprintf(label, sizeof label, "PERIODE %d", ke);
  d->periode_label = keep(b, label);
  d->periode_mulai = str(p, "mulai");
  d->periode_selesai = str(p, "selesai");
  d->status = str(p, "status");
  orang(b, json_object_get(s, "pegawai"), &d->pegawai);
  orang(b, json_object_get(s, "penilai"), &d->penilai);
  int64_t penilai = json_integer_value(json_object_get(p, "penilai_id")), atasan = 0;
  db_query_int64(db, "SELECT COALESCE(atasan_id, 0) FROM pegawai WHERE id = ?1", 1, penilai, &atasan);
  json_t *ao = atasan ? skp_orang_json(db, atasan) : NULL;
  orang(b, ao, &d->atasan_penilai);
  json_decref(ao);
  /* the unit's predikat organisasi and curve for the year */
  int tahun = (int)json_integer_value(json_object_get(p, "tahun"));
  int64_t unit = 0;
  db_query_int64(db, "SELECT COALESCE(unit_kerja_id, 0) FROM penilaian WHERE id = ?1", 1, id, &unit);
  json_t *k = unit ? penilaian_kurva_unit(db, unit, tahun) : NULL;
  d->predikat_organisasi = "";
  if (k) {
    json_array_append_new(b->keep, k);
    enum predikat_organisasi o;
    const char *ok = json_string_value(json_object_get(k, "predikat_organisasi"));
    if (ok && kurva_organisasi_dari_kode(ok, &o) == 0) d->predikat_organisasi = kurva_organisasi_label(o);
    json_t *j = json_object_get(k, "jumlah");
    static const char *const urut[5] = {"sangat_kurang", "kurang", "butuh_perbaikan", "baik", "sangat_baik"};
    for (int i = 0; i < 5; i++) d->kurva[i] = (int)json_integer_value(json_object_get(j, urut[i]));
  }
  /* hasil kerja: realisasi of the range per RHK and the feedback */
  json_t *rhk = json_object_get(p, "rhk");
  size_t n = json_array_size(rhk), i;
  b->rhk = calloc(n ? n : 1, sizeof *b->rhk);
  if (!b->rhk) { evaluasi_doc_buf_free(b); return -1; }
  json_t *r;
  json_array_foreach(rhk, i, r) {
    char re[200];
    int64_t akt = json_integer_value(json_object_get(json_object_get(r, "aktivitas"), "jumlah"));
    int64_t menit = json_integer_value(json_object_get(json_object_get(r, "aktivitas"), "menit"));
    int64_t rea = json_integer_value(json_object_get(r, "realisasi_disetujui"));
    snprintf(re, sizeof re, "%lld realisasi disetujui; %lld aktivitas (%lld jam %lld menit)", (long long)rea, (long long)akt,
             (long long)(menit / 60), (long long)(menit % 60));
    b->rhk[i].kelompok = str(r, "kelompok");
    b->rhk[i].rhk = str(r, "rhk");
    b->rhk[i].realisasi = keep(b, re);
    b->rhk[i].umpan_balik = str(r, "umpan_balik");
  }
  d->rhk = b->rhk;
  d->nrhk = n;
  json_t *pl = json_object_get(p, "perilaku");
  for (i = 0; i < 7; i++) {
    char pd[1024] = "";
    size_t off = 0;
    for (int q = 0; q < 3; q++) {
      int w = snprintf(pd + off, sizeof pd - off, "%s%s", q ? "; " : "", BERAKHLAK[i].panduan[q]);
      if (w > 0 && (size_t)w < sizeof pd - off) off += (size_t)w;
    }
    d->perilaku[i].nama = BERAKHLAK[i].nama;
    d->perilaku[i].panduan = keep(b, pd);
    d->perilaku[i].umpan_balik = str(json_array_get(pl, i), "umpan_balik");
  }
  d->rating_hasil = rating_teks(json_string_value(json_object_get(p, "rating_hasil")));
  d->rating_perilaku = rating_teks(json_string_value(json_object_get(p, "rating_perilaku")));
  d->predikat = str(p, "predikat_label");
  d->catatan = str(p, "catatan");
  d->hash = str(p, "hash");
  const char *tempat = d->instansi;
  static const char *const pre[] = {"Pemerintah Kabupaten ", "Pemerintah Kota ", "Pemerintah Provinsi ", NULL};
  for (int q = 0; pre[q]; q++)
    if (strncmp(tempat, pre[q], strlen(pre[q])) == 0) tempat += strlen(pre[q]);
  d->tempat = tempat;
  char today[11];
  date_today(7, today);
  d->tanggal = keep(b, today);
  return 0;
}

void evaluasi_doc_buf_free(struct evaluasi_doc_buf *b)
{
  json_decref(b->keep);
  free(b->rhk);
  memset(b, 0, sizeof *b);
}
