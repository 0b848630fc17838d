/* analitik_rekomendasi.c: development recommendations for one pegawai (see analitik.h and the
 * rules in rules/analitik.h): weak BerAKHLAK values in the 360, IKI below target year to date,
 * and keywords in the feedback received, matched against the instansi's training catalogue. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analitik.h"
#include "dasbor_internal.h"
#include "rules/analitik.h"
#include "rules/berakhlak.h"
#include "util/util.h"

#define SKOR_BATAS 3.5      /* 360 average (1-5) below which a value is weak */
#define CAPAIAN_BATAS 80.0  /* year-to-date capaian (pro rata, %) below which an IKI is unmet */
#define MAKS_TEKS 400

struct teks_umpan { int n; char *t[MAKS_TEKS]; };

static void teks_tambah(struct teks_umpan *u, const char *s)
{
  if (s && *s && u->n < MAKS_TEKS && (u->t[u->n] = strdup(s))) u->n++;
}

static int kumpul_teks(struct db *db, int64_t pegawai_id, int tahun, struct teks_umpan *u)
{
  static const char *const SQL[] = {
    "SELECT u.isi FROM umpan_balik u JOIN skp s ON s.id = u.skp_id JOIN periode p ON p.id = s.periode_id"
    " WHERE s.pegawai_id = ?1 AND p.tahun = ?2 AND u.penulis_id <> ?1 ORDER BY u.id DESC LIMIT 200",
    "SELECT r.umpan_balik FROM penilaian_rhk r JOIN penilaian n ON n.id = r.penilaian_id JOIN skp s ON s.id = n.skp_id"
    " JOIN periode p ON p.id = s.periode_id WHERE n.pegawai_id = ?1 AND p.tahun = ?2 AND n.status = 'final'",
    "SELECT r.umpan_balik FROM penilaian_perilaku r JOIN penilaian n ON n.id = r.penilaian_id JOIN skp s ON s.id = n.skp_id"
    " JOIN periode p ON p.id = s.periode_id WHERE n.pegawai_id = ?1 AND p.tahun = ?2 AND n.status = 'final'",
    "SELECT n.catatan FROM penilaian n JOIN skp s ON s.id = n.skp_id JOIN periode p ON p.id = s.periode_id"
    " WHERE n.pegawai_id = ?1 AND p.tahun = ?2 AND n.status = 'final' AND n.catatan IS NOT NULL",
  };
  for (size_t i = 0; i < sizeof SQL / sizeof SQL[0]; i++) {
    struct db_stmt *st = db_prepare(db, SQL[i]);
    if (!st) return -1;
    db_bind_int64(st, 1, pegawai_id);
    db_bind_int64(st, 2, tahun);
    int s;
    while ((s = db_step(st)) == DB_ROW) teks_tambah(u, db_col_text(st, 0));
    db_done(st);
    if (s != DB_DONE) return -1;
  }
  return 0;
}

/* 360 averages per value over the year's rounds; *responden = answers given by distinct respondents. */
static int skor_360(struct db *db, int64_t pegawai_id, int tahun, double rata[8], int64_t jumlah[8], int64_t *responden)
{
  memset(rata, 0, sizeof(double) * 8);
  memset(jumlah, 0, sizeof(int64_t) * 8);
  *responden = 0;
  struct db_stmt *st = db_prepare(db,
    "SELECT COUNT(*) FROM responden_360 r JOIN putaran_360 p ON p.id = r.putaran_id WHERE p.pegawai_id = ?1 AND p.tahun = ?2 AND r.sudah = 1");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_int64(st, 2, tahun);
  if (db_step(st) == DB_ROW) *responden = db_col_int64(st, 0);
  db_done(st);
  st = db_prepare(db,
    "SELECT j.nilai, SUM(j.skor), COUNT(*) FROM jawaban_360 j JOIN putaran_360 p ON p.id = j.putaran_id"
    " WHERE p.pegawai_id = ?1 AND p.tahun = ?2 GROUP BY j.nilai");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_int64(st, 2, tahun);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    int v = (int)db_col_int64(st, 0);
    if (v < 1 || v > 7) continue;
    jumlah[v] = db_col_int64(st, 2);
    rata[v] = jumlah[v] ? (double)db_col_int64(st, 1) / (double)jumlah[v] : 0;
  }
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

/* A decimal for Indonesian text: "36.36" -> "36,36". */
static const char *koma(const char *s, char *buf, size_t n)
{
  snprintf(buf, n, "%s", s);
  for (char *c = buf; *c; c++)
    if (*c == '.') *c = ',';
  return buf;
}

static void alasan(json_t *rek, json_t *item, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void alasan(json_t *rek, json_t *item, const char *fmt, ...)
{
  char key[32], buf[512];
  snprintf(key, sizeof key, "%lld", (long long)json_integer_value(json_object_get(item, "id")));
  json_t *r = json_object_get(rek, key);
  if (!r) {
    r = json_pack("{s:{s:O,s:O,s:O},s:[]}", "katalog", "id", json_object_get(item, "id"), "judul", json_object_get(item, "judul"),
                  "deskripsi", json_object_get(item, "deskripsi"), "alasan");
    json_object_set_new(rek, key, r);
  }
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  json_array_append_new(json_object_get(r, "alasan"), json_string(buf));
}

json_t *analitik_rekomendasi_json(struct db *db, int64_t pegawai_id, int tahun, const char **pesan)
{
  *pesan = NULL;
  int64_t inst = 0;
  if (db_query_int64(db, "SELECT instansi_id FROM pegawai WHERE id = ?1", 1, pegawai_id, &inst) != DB_ROW) { *pesan = "Pegawai"; return NULL; }
  struct dasbor_waktu w;
  if (dasbor_waktu(db, inst, tahun, &w) != 0) return NULL;
  json_t *kat = katalog_list(db, inst, false);
  json_t *cap = dasbor_capaian_json(db, pegawai_id, &w);
  struct teks_umpan u = {0};
  double rata[8];
  int64_t jumlah[8], responden = 0;
  json_t *out = NULL;
  if (!kat || !cap || kumpul_teks(db, pegawai_id, tahun, &u) != 0 || skor_360(db, pegawai_id, tahun, rata, jumlah, &responden) != 0)
    goto done;
  json_t *rek = json_object(), *items = json_object_get(kat, "items");
  /* the evidence looked at */
  json_t *skor = json_array();
  bool cukup_360 = responden >= 3;
  for (int v = 1; v <= 7; v++)
    if (jumlah[v])
      json_array_append_new(skor, json_pack("{s:i,s:s,s:f,s:I}", "nilai", v, "nama", BERAKHLAK[v - 1].nama,
                                            "rata", (double)((int)(rata[v] * 100 + 0.5)) / 100.0, "jawaban", (json_int_t)jumlah[v]));
  json_t *kurang = json_array();
  size_t i;
  json_t *iki;
  json_array_foreach(cap, i, iki) {
    json_t *t = json_object_get(iki, "tahun_berjalan");
    const char *p = t ? json_string_value(json_object_get(t, "capaian_prorata_persen")) : NULL;
    if (p && atof(p) < CAPAIAN_BATAS)
      json_array_append_new(kurang, json_pack("{s:O,s:O,s:s}", "indikator", json_object_get(iki, "indikator"), "rhk",
                                              json_object_get(iki, "rhk"), "capaian_prorata_persen", p));
  }
  json_t *item;
  json_array_foreach(items, i, item) {
    json_t *nv = json_object_get(item, "nilai");
    int v = json_is_integer(nv) ? (int)json_integer_value(nv) : 0;
    if (v && cukup_360 && jumlah[v] && rata[v] < SKOR_BATAS) {
      char r2[32], b2[32];
      snprintf(r2, sizeof r2, "%.2f", rata[v]);
      snprintf(b2, sizeof b2, "%.1f", SKOR_BATAS);
      char r3[32], b3[32];
      alasan(rek, item, "Nilai %s dalam umpan balik 360: rata-rata %s dari %lld jawaban, di bawah %s", BERAKHLAK[v - 1].nama,
             koma(r2, r3, sizeof r3), (long long)jumlah[v], koma(b2, b3, sizeof b3));
    }
    if (json_is_true(json_object_get(item, "hasil_kerja"))) {
      size_t k;
      json_t *x;
      json_array_foreach(kurang, k, x)
      {
        char c2[48];
        alasan(rek, item, "Capaian \"%s\" %s%% (pro rata sampai bulan ke-%d), di bawah %.0f%%",
               json_string_value(json_object_get(x, "indikator")), koma(json_string_value(json_object_get(x, "capaian_prorata_persen")), c2, sizeof c2),
               w.bulan_berjalan, CAPAIAN_BATAS);
      }
    }
    size_t k;
    json_t *kw;
    json_array_foreach(json_object_get(item, "kata_kunci"), k, kw) {
      int hit = 0;
      for (int t = 0; t < u.n; t++) hit += analitik_kata_cocok(u.t[t], json_string_value(kw));
      if (hit) alasan(rek, item, "Kata \"%s\" muncul dalam %d umpan balik yang Anda terima", json_string_value(kw), hit);
    }
  }
  json_t *list = json_array();
  const char *key;
  json_t *val;
  json_object_foreach(rek, key, val) json_array_append(list, val);
  json_decref(rek);
  out = json_pack("{s:I,s:i,s:o,s:{s:o,s:I,s:b,s:o,s:i},s:s}", "pegawai_id", (json_int_t)pegawai_id, "tahun", tahun,
    "rekomendasi", list, "masukan", "skor_360", skor, "responden_360", (json_int_t)responden, "skor_360_cukup", cukup_360,
    "iki_di_bawah_target", kurang, "umpan_balik_dibaca", u.n,
    "cara", "Tema dari katalog pelatihan instansi disarankan bila: nilai BerAKHLAK-nya rata-rata di bawah 3,5 dalam umpan balik 360 "
            "(minimal 3 responden); tema untuk hasil kerja dan ada IKI dengan capaian tahun berjalan (pro rata) di bawah 80%; atau "
            "kata kuncinya muncul dalam umpan balik yang diterima (umpan balik berkelanjutan, penilaian, catatan).");
done:
  for (int t = 0; t < u.n; t++) free(u.t[t]);
  json_decref(kat);
  json_decref(cap);
  return out;
}
