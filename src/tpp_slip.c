/* tpp_slip.c: the Slip TPP data from the database (see tpp_slip.h): the stored result of the
 * pegawai in the month with its rincian (deduction lines, penjelasan, days by status, where the
 * predikat came from), the pegawai's identity, the jabatan in force at the end of the month, the
 * unit the month was computed with, and the month's status and hash. */
#include "tpp_slip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aktivitas.h"
#include "rules/predikat.h"
#include "rules/tpp.h"
#include "util/util.h"
#include "tpp_rincian.h"

#define MAKS_BARIS 512        /* far above TPP_MAKS_RINCIAN: a stored document is not trusted blindly */
#define MAKS_PENJELASAN 128

static const char *keep(struct tpp_slip_buf *b, const char *s)
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

static void tanggal_unix(int64_t t, int offset, char out[11])
{
  time_t tt = (time_t)(t + (int64_t)offset * 3600);
  struct tm tm;
  char s[48];
  gmtime_r(&tt, &tm);
  snprintf(s, sizeof s, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  str_copy(out, 11, s);
}

/* "hadir 20, cuti 2" from rincian.status, in the engine's order. */
static void hari_teks(json_t *status, char *out, size_t n)
{
  size_t off = 0;
  out[0] = '\0';
  for (int i = 0; i < TPP_STATUS_JUMLAH; i++) {
    json_int_t v = json_integer_value(json_object_get(status, tpp_status_kode((enum tpp_status)i)));
    if (v <= 0) continue;
    int w = snprintf(out + off, n - off, "%s%s %lld", off ? ", " : "", tpp_status_label((enum tpp_status)i), (long long)v);
    if (w < 0 || (size_t)w >= n - off) break;
    off += (size_t)w;
  }
}

int tpp_slip_muat(struct db *db, int64_t bulan_id, int64_t pegawai_id, struct tpp_slip *s, struct tpp_slip_buf *b)
{
  memset(s, 0, sizeof *s);
  memset(b, 0, sizeof *b);
  b->keep = json_array();
  if (!b->keep) return -1;
  struct db_stmt *st = db_prepare(db,
    "SELECT p.nip, p.nama, COALESCE(p.gelar_depan, ''), COALESCE(p.gelar_belakang, ''),"
    "       COALESCE((SELECT j2.nama FROM pegawai_riwayat r JOIN jabatan j2 ON j2.id = r.jabatan_id"
    "                  WHERE r.pegawai_id = p.id AND r.mulai <= ?3 AND (r.selesai IS NULL OR r.selesai > ?3)"
    "                  ORDER BY r.mulai DESC LIMIT 1), j.nama, ''),"
    "       COALESCE(u.nama, ''), COALESCE(h.kelas_jabatan, 0), h.predikat, h.dasar, h.kinerja, h.disiplin,"
    "       h.potongan_persen, h.potongan_presensi, h.potongan_sanksi, h.jumlah, h.rincian, COALESCE(h.galat, ''),"
    "       b.tahun, b.bulan, b.status, COALESCE(b.hash, ''), COALESCE(b.disetujui, 0), a.nama, i.nama, i.zona_waktu"
    "  FROM tpp_hasil h JOIN tpp_bulan b ON b.id = h.bulan_id JOIN tpp_aturan a ON a.id = b.aturan_id"
    "  JOIN instansi i ON i.id = b.instansi_id JOIN pegawai p ON p.id = h.pegawai_id"
    "  LEFT JOIN jabatan j ON j.id = p.jabatan_id LEFT JOIN unit_kerja u ON u.id = h.unit_kerja_id"
    " WHERE h.bulan_id = ?1 AND h.pegawai_id = ?2");
  if (!st) return -1;
  /* the month's last day, for the jabatan then in force */
  int tahun = 0, bulan = 0;
  struct db_stmt *q = db_prepare(db, "SELECT tahun, bulan FROM tpp_bulan WHERE id = ?1");
  if (!q) { db_done(st); return -1; }
  db_bind_int64(q, 1, bulan_id);
  int qs = db_step(q);
  if (qs == DB_ROW) { tahun = (int)db_col_int64(q, 0); bulan = (int)db_col_int64(q, 1); }
  db_done(q);
  if (qs != DB_ROW || bulan < 1 || bulan > 12) { db_done(st); return qs == DB_DONE ? 1 : -1; }
  static const int PANJANG[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int nh = PANJANG[bulan - 1] + (bulan == 2 && ((tahun % 4 == 0 && tahun % 100) || tahun % 400 == 0));
  char akhir[48];
  snprintf(akhir, sizeof akhir, "%04d-%02d-%02d", tahun, bulan, nh);
  db_bind_int64(st, 1, bulan_id);
  db_bind_int64(st, 2, pegawai_id);
  db_bind_text(st, 3, akhir);
  int x = db_step(st);
  if (x != DB_ROW) { db_done(st); return x == DB_DONE ? 1 : -1; }
  char nama[400];
  const char *gd = db_col_text(st, 2), *gb = db_col_text(st, 3);
  snprintf(nama, sizeof nama, "%s%s%s%s%s", gd, gd[0] ? " " : "", db_col_text(st, 1), gb[0] ? ", " : "", gb);
  s->nip = keep(b, db_col_text(st, 0));
  s->nama = keep(b, nama);
  s->jabatan = keep(b, db_col_text(st, 4));
  s->unit = keep(b, db_col_text(st, 5));
  s->kelas = (int)db_col_int64(st, 6);
  enum predikat pr;
  const char *pk = db_col_is_null(st, 7) ? NULL : db_col_text(st, 7);
  s->predikat = keep(b, pk ? (predikat_dari_kode(pk, &pr) == 0 ? predikat_label(pr) : pk) : "");
  s->dasar = db_col_int64(st, 8);
  s->kinerja = db_col_int64(st, 9);
  s->disiplin = db_col_int64(st, 10);
  s->potongan_bp = (int32_t)db_col_int64(st, 11);
  s->potongan_presensi = db_col_int64(st, 12);
  s->potongan_sanksi = db_col_int64(st, 13);
  s->jumlah = db_col_int64(st, 14);
  json_t *r = tpp_rincian_muat(db, bulan_id, db_col_text(st, 15), s->kelas, pk, s->jumlah);
  s->galat = keep(b, db_col_text(st, 16));
  s->tahun = (int)db_col_int64(st, 17);
  s->bulan = (int)db_col_int64(st, 18);
  s->status = keep(b, db_col_text(st, 19));
  s->hash = keep(b, db_col_text(st, 20));
  int64_t disetujui = db_col_int64(st, 21);
  s->aturan = keep(b, db_col_text(st, 22));
  s->instansi = keep(b, db_col_text(st, 23));
  const char *z = db_col_text(st, 24);
  int offset = !strcmp(z, "WITA") ? 8 : !strcmp(z, "WIT") ? 9 : 7;
  db_done(st);
  char tgl[11] = "";
  if (disetujui) tanggal_unix(disetujui, offset, tgl);
  s->disetujui = keep(b, tgl);
  date_today(offset, tgl);
  s->dicetak = keep(b, tgl);
  static const char *const pre[] = {"Pemerintah Kabupaten ", "Pemerintah Kota ", "Pemerintah Provinsi ", NULL};
  s->tempat = s->instansi;
  for (int k = 0; pre[k]; k++)
    if (strncmp(s->tempat, pre[k], strlen(pre[k])) == 0) s->tempat += strlen(pre[k]);

  /* the explanation as stored; a result that could not be computed has none */
  if (!json_is_object(r)) { json_decref(r); r = json_object(); }
  if (!r) return -1;
  json_array_append_new(b->keep, r);
  s->asal_predikat = str(r, "asal_predikat");
  char hari[256];
  hari_teks(json_object_get(r, "status"), hari, sizeof hari);
  s->hari = keep(b, hari);
  json_t *baris = json_object_get(r, "baris"), *pj = json_object_get(r, "penjelasan");
  size_t nb = json_array_size(baris), np = json_array_size(pj);
  if (nb > MAKS_BARIS) nb = MAKS_BARIS;
  if (np > MAKS_PENJELASAN) np = MAKS_PENJELASAN;
  b->baris = calloc(nb ? nb : 1, sizeof *b->baris);
  b->penjelasan = calloc(np ? np : 1, sizeof *b->penjelasan);
  if (!b->baris || !b->penjelasan) return -1;
  for (size_t i = 0; i < nb; i++) {
    json_t *l = json_array_get(baris, i);
    b->baris[i].tanggal = str(l, "tanggal");
    b->baris[i].kode = str(l, "kode");
    b->baris[i].menit = (int)json_integer_value(json_object_get(l, "menit"));
    b->baris[i].persen_bp = (int32_t)json_integer_value(json_object_get(l, "persen_bp"));
    b->baris[i].sen = json_integer_value(json_object_get(l, "sen"));
    b->baris[i].teks = str(l, "teks");
  }
  size_t k = 0;
  for (size_t i = 0; i < np; i++)
    if (json_is_string(json_array_get(pj, i))) b->penjelasan[k++] = json_string_value(json_array_get(pj, i));
  s->baris = b->baris;
  s->n_baris = nb;
  s->penjelasan = b->penjelasan;
  s->n_penjelasan = k;
  return 0;
}

void tpp_slip_buf_free(struct tpp_slip_buf *b)
{
  json_decref(b->keep);
  free(b->baris);
  free(b->penjelasan);
  memset(b, 0, sizeof *b);
}

void tpp_slip_nama_berkas(const struct tpp_slip *s, char *out, size_t n)
{
  char nip[32];
  size_t k = 0;
  for (const char *p = s->nip ? s->nip : ""; *p && k + 1 < sizeof nip; p++)
    if (*p >= '0' && *p <= '9') nip[k++] = *p;
  nip[k] = '\0';
  snprintf(out, n, "slip-tpp-%s-%04d-%02d.pdf", k ? nip : "pegawai", s->tahun % 10000, s->bulan % 100);
}
