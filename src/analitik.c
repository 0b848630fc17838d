/* analitik.c: leniency, evidence gaps and the talent view (see analitik.h). */
#include "analitik.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dasbor_internal.h"
#include "rules/analitik.h"
#include "rules/predikat.h"
#include "util/buf.h"
#include "util/errs.h"
#include "util/util.h"

static void tahun_rentang(int tahun, char y1[24], char y2[24])
{
  snprintf(y1, 24, "%04d-01-01", tahun);
  snprintf(y2, 24, "%04d-12-31", tahun);
}

static double bulat2(double x) { return round(x * 100.0) / 100.0; }

/* A number for Indonesian text: decimal comma ("4,00"). */
static const char *id2(double v, char *buf, size_t n)
{
  snprintf(buf, n, "%.2f", v);
  for (char *c = buf; *c; c++)
    if (*c == '.') *c = ',';
  return buf;
}

static json_t *jumlah_json(const int64_t j[PREDIKAT_JUMLAH])
{
  json_t *o = json_object();
  for (int i = 0; i < PREDIKAT_JUMLAH; i++) json_object_set_new(o, predikat_kode((enum predikat)i), json_integer(j[i]));
  return o;
}

/* ---- leniency ---- */

struct penilai_baris { int64_t id; int64_t j[PREDIKAT_JUMLAH]; };

json_t *analitik_kelonggaran_json(struct db *db, int64_t instansi_id, int tahun)
{
  char y1[24], y2[24];
  tahun_rentang(tahun, y1, y2);
  struct db_stmt *st = db_prepare(db,
    "SELECT penilai_id, predikat, COUNT(*) FROM penilaian WHERE instansi_id = ?1 AND status = 'final'"
    " AND predikat IS NOT NULL AND mulai BETWEEN ?2 AND ?3 GROUP BY 1, 2 ORDER BY 1");
  if (!st) return NULL;
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, y1);
  db_bind_text(st, 3, y2);
  struct penilai_baris *rows = NULL;
  int n = 0, cap = 0, s;
  int64_t total[PREDIKAT_JUMLAH] = {0};
  while ((s = db_step(st)) == DB_ROW) {
    int64_t id = db_col_int64(st, 0);
    if (!n || rows[n - 1].id != id) {
      if (n == cap) {
        cap = cap ? cap * 2 : 64;
        void *p = realloc(rows, (size_t)cap * sizeof *rows);
        if (!p) { s = DB_ERROR; break; }
        rows = p;
      }
      memset(&rows[n], 0, sizeof rows[n]);
      rows[n++].id = id;
    }
    enum predikat p;
    if (predikat_dari_kode(db_col_text(st, 1), &p) == 0) {
      rows[n - 1].j[p] += db_col_int64(st, 2);
      total[p] += db_col_int64(st, 2);
    }
  }
  db_done(st);
  if (s != DB_DONE) { free(rows); return NULL; }
  struct kelonggaran_aturan a = KELONGGARAN_BAKU;
  json_t *items = json_array();
  struct kelonggaran k0;
  analitik_kelonggaran(total, total, &a, &k0);
  st = db_prepare(db, "SELECT p.nama, COALESCE(u.nama, '') FROM pegawai p LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id WHERE p.id = ?1");
  for (int i = 0; i < n && st; i++) {
    struct kelonggaran k;
    analitik_kelonggaran(rows[i].j, total, &a, &k);
    db_bind_int64(st, 1, rows[i].id);
    const char *nama = "", *unit = "";
    char nb[256] = "", ub[256] = "";
    if (db_step(st) == DB_ROW) { str_copy(nb, sizeof nb, db_col_text(st, 0)); str_copy(ub, sizeof ub, db_col_text(st, 1)); nama = nb; unit = ub; }
    db_done(st);
    st = db_prepare(db, "SELECT p.nama, COALESCE(u.nama, '') FROM pegawai p LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id WHERE p.id = ?1");
    char pj[512];
    if (!k.dinilai)
      snprintf(pj, sizeof pj, "%lld predikat diberikan: terlalu sedikit untuk dinilai (minimal %lld)", (long long)k.n, (long long)a.n_min);
    else
    {
      char b1[32], b2[32], b3[32], b4[32];
      snprintf(pj, sizeof pj, "rata-rata %s dari %lld predikat, rata-rata instansi %s (simpangan baku %s); z = %s%s",
               id2(k.rata, b1, sizeof b1), (long long)k.n, id2(k.rata_instansi, b2, sizeof b2), id2(k.sd_instansi, b3, sizeof b3),
               id2(k.z, b4, sizeof b4),
               k.arah > 0 ? ": jauh lebih longgar dari instansi" : k.arah < 0 ? ": jauh lebih ketat dari instansi" : ": dalam batas wajar");
    }
    json_array_append_new(items, json_pack("{s:{s:I,s:s,s:s},s:I,s:o,s:f,s:o,s:b,s:o,s:s}",
      "penilai", "id", (json_int_t)rows[i].id, "nama", nama, "unit_kerja", unit, "n", (json_int_t)k.n, "jumlah", jumlah_json(rows[i].j),
      "rata", bulat2(k.rata), "z", k.dinilai ? json_real(bulat2(k.z)) : json_null(), "dinilai", k.dinilai,
      "arah", k.arah > 0 ? json_string("longgar") : k.arah < 0 ? json_string("ketat") : json_null(), "penjelasan", pj));
  }
  db_done(st);
  free(rows);
  /* the flagged first, the strongest deviation first */
  size_t m = json_array_size(items);
  json_t **v = malloc((m + 1) * sizeof *v);
  if (v) {
    for (size_t i = 0; i < m; i++) v[i] = json_incref(json_array_get(items, i));
    for (size_t i = 1; i < m; i++)
      for (size_t j = i; j > 0; j--) {
        json_t *za = json_object_get(v[j - 1], "z"), *zb = json_object_get(v[j], "z");
        double fa = json_is_real(za) ? fabs(json_real_value(za)) : -1, fb = json_is_real(zb) ? fabs(json_real_value(zb)) : -1;
        if (fb <= fa) break;
        json_t *t = v[j]; v[j] = v[j - 1]; v[j - 1] = t;
      }
    json_array_clear(items);
    for (size_t i = 0; i < m; i++) json_array_append_new(items, v[i]);
    free(v);
  }
  return json_pack("{s:i,s:{s:I,s:o,s:f,s:f},s:{s:f,s:I,s:s},s:o}", "tahun", tahun,
    "instansi", "n", (json_int_t)k0.n, "jumlah", jumlah_json(total), "rata", bulat2(k0.rata_instansi), "simpangan_baku", bulat2(k0.sd_instansi),
    "aturan", "z_batas", a.z_batas, "n_min", (json_int_t)a.n_min,
    "cara", "Skor predikat: Sangat Baik 5, Baik 4, Butuh Perbaikan 3, Kurang 2, Sangat Kurang 1. z = (rata-rata penilai - rata-rata "
            "instansi) / (simpangan baku instansi / akar n). Ditandai bila |z| >= 2 dan n >= 10; semua penilaian final tahun ini.",
    "penilai", items);
}

/* ---- evidence gaps ---- */

#define SUBTREE_UNIT " AND p.unit_kerja_id IN (WITH RECURSIVE sub(id) AS (SELECT ?2 UNION ALL" \
                     " SELECT u2.id FROM unit_kerja u2 JOIN sub ON u2.induk_id = sub.id) SELECT id FROM sub)"

json_t *analitik_bukti_json(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun)
{
  char y1[24], y2[24];
  tahun_rentang(tahun, y1, y2);
  struct buf b;
  buf_init(&b, 8192);
  int gagal = buf_puts(&b,
    "SELECT p.id, p.nip, p.nama, COALESCE(u.nama, ''),"
    "  (SELECT COUNT(*) FROM realisasi x JOIN skp s ON s.id = x.skp_id JOIN periode pr ON pr.id = s.periode_id"
    "    WHERE s.pegawai_id = p.id AND pr.tahun = ?3 AND x.status IN ('diajukan', 'disetujui')),"
    "  (SELECT COUNT(*) FROM realisasi x JOIN skp s ON s.id = x.skp_id JOIN periode pr ON pr.id = s.periode_id"
    "    WHERE s.pegawai_id = p.id AND pr.tahun = ?3 AND x.status IN ('diajukan', 'disetujui')"
    "      AND NOT EXISTS (SELECT 1 FROM bukti k WHERE k.realisasi_id = x.id AND k.dihapus = 0)),"
    "  (SELECT COUNT(*) FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?4 AND ?5),"
    "  (SELECT COUNT(*) FROM aktivitas a WHERE a.pegawai_id = p.id AND a.dihapus = 0 AND a.tanggal BETWEEN ?4 AND ?5 AND a.rhk_id IS NULL)"
    "  FROM pegawai p LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id WHERE p.aktif = 1 AND p.instansi_id = ?1");
  if (unit_id) gagal |= buf_puts(&b, SUBTREE_UNIT);
  struct db_stmt *st = gagal ? NULL : db_prepare(db, b.data);
  buf_free(&b);
  if (!st) return NULL;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, unit_id);
  db_bind_int64(st, 3, tahun);
  db_bind_text(st, 4, y1);
  db_bind_text(st, 5, y2);
  int64_t real = 0, real_kosong = 0, akt = 0, akt_lepas = 0, pegawai = 0;
  json_t *rows = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    pegawai++;
    int64_t r = db_col_int64(st, 4), rk = db_col_int64(st, 5), a = db_col_int64(st, 6), al = db_col_int64(st, 7);
    real += r, real_kosong += rk, akt += a, akt_lepas += al;
    if (rk || al)
      json_array_append_new(rows, json_pack("{s:I,s:s,s:s,s:s,s:I,s:I,s:I,s:I}", "id", (json_int_t)db_col_int64(st, 0),
        "nip", db_col_text(st, 1), "nama", db_col_text(st, 2), "unit_kerja", db_col_text(st, 3), "realisasi", (json_int_t)r,
        "realisasi_tanpa_bukti", (json_int_t)rk, "aktivitas", (json_int_t)a, "aktivitas_tanpa_rhk", (json_int_t)al));
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(rows); return NULL; }
  /* the 100 with the most gaps (realisasi without evidence weigh more than unlinked activities) */
  size_t m = json_array_size(rows);
  json_t **v = malloc((m + 1) * sizeof *v);
  if (!v) { json_decref(rows); return NULL; }
  for (size_t i = 0; i < m; i++) v[i] = json_incref(json_array_get(rows, i));
  json_decref(rows);
  for (size_t i = 1; i < m; i++) {
    json_t *x = v[i];
    json_int_t kx = json_integer_value(json_object_get(x, "realisasi_tanpa_bukti")) * 1000000 + json_integer_value(json_object_get(x, "aktivitas_tanpa_rhk"));
    size_t j = i;
    while (j > 0) {
      json_t *y = v[j - 1];
      json_int_t ky = json_integer_value(json_object_get(y, "realisasi_tanpa_bukti")) * 1000000 + json_integer_value(json_object_get(y, "aktivitas_tanpa_rhk"));
      if (ky >= kx) break;
      v[j] = y;
      j--;
    }
    v[j] = x;
  }
  json_t *top = json_array();
  for (size_t i = 0; i < m; i++) {
    if (i < 100) json_array_append(top, v[i]);
    json_decref(v[i]);
  }
  free(v);
  return json_pack("{s:i,s:{s:I,s:I,s:I,s:I,s:I,s:I},s:o}", "tahun", tahun,
    "ringkasan", "pegawai", (json_int_t)pegawai, "pegawai_dengan_celah", (json_int_t)m, "realisasi_diajukan", (json_int_t)real,
    "realisasi_tanpa_bukti", (json_int_t)real_kosong, "aktivitas", (json_int_t)akt, "aktivitas_tanpa_rhk", (json_int_t)akt_lepas,
    "pegawai", top);
}

/* ---- talent view ---- */

json_t *analitik_talenta_json(struct db *db, int64_t instansi_id, int64_t unit_id, int tahun)
{
  char y1[24], y2[24];
  tahun_rentang(tahun, y1, y2);
  struct buf b;
  buf_init(&b, 8192);
  int gagal = buf_puts(&b,
    "SELECT p.id, p.nip, p.nama, COALESCE(u.nama, ''),"
    "  (SELECT n.predikat FROM penilaian n WHERE n.pegawai_id = p.id AND n.status = 'final' AND n.mulai BETWEEN ?4 AND ?5"
    "     ORDER BY CASE n.jenis WHEN 'tahunan' THEN 0 ELSE 1 END, n.selesai DESC LIMIT 1),"
    "  (SELECT t.potensi FROM potensi_pegawai t WHERE t.pegawai_id = p.id AND t.tahun = ?3)"
    "  FROM pegawai p LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id WHERE p.aktif = 1 AND p.instansi_id = ?1");
  if (unit_id) gagal |= buf_puts(&b, SUBTREE_UNIT);
  gagal |= buf_puts(&b, " ORDER BY p.nama, p.id");
  struct db_stmt *st = gagal ? NULL : db_prepare(db, b.data);
  buf_free(&b);
  if (!st) return NULL;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, unit_id);
  db_bind_int64(st, 3, tahun);
  db_bind_text(st, 4, y1);
  db_bind_text(st, 5, y2);
  json_t *kotak[10];
  int64_t jumlah[10] = {0}, tanpa_predikat = 0, tanpa_potensi = 0;
  for (int i = 1; i <= 9; i++) kotak[i] = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    enum predikat p;
    enum tingkat pot;
    const char *pk = dasbor_teks(st, 4), *tk = dasbor_teks(st, 5);
    bool ada_p = pk && predikat_dari_kode(pk, &p) == 0, ada_t = tk && tingkat_dari_kode(tk, &pot) == 0;
    if (!ada_p) tanpa_predikat++;
    if (!ada_t) tanpa_potensi++;
    if (!ada_p || !ada_t) continue;
    int k = analitik_kotak(analitik_kinerja_dari_predikat(p), pot);
    jumlah[k]++;
    if (json_array_size(kotak[k]) < 50)
      json_array_append_new(kotak[k], json_pack("{s:I,s:s,s:s,s:s,s:s,s:s}", "id", (json_int_t)db_col_int64(st, 0), "nip",
        db_col_text(st, 1), "nama", db_col_text(st, 2), "unit_kerja", db_col_text(st, 3), "predikat", pk, "potensi", tk));
  }
  db_done(st);
  json_t *boxes = json_array();
  for (int k = 1; k <= 9; k++) {
    enum tingkat kin = (enum tingkat)((k - 1) / 3 + 1), pot = (enum tingkat)((k - 1) % 3 + 1);
    json_array_append_new(boxes, json_pack("{s:i,s:s,s:s,s:s,s:I,s:o}", "kotak", k, "nama", analitik_kotak_nama(k),
      "kinerja", tingkat_kode(kin), "potensi", tingkat_kode(pot), "jumlah", (json_int_t)jumlah[k], "pegawai", kotak[k]));
  }
  if (s != DB_DONE) { json_decref(boxes); return NULL; }
  /* consistent Sangat Baik: the last three final penilaian (any kind, up to the end of the year) */
  buf_init(&b, 8192);
  gagal = buf_puts(&b,
    "SELECT p.id, p.nip, p.nama, COALESCE(u.nama, '') FROM pegawai p LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id"
    " WHERE p.aktif = 1 AND p.instansi_id = ?1 AND 3 = (SELECT SUM(CASE WHEN t.predikat = 'sangat_baik' THEN 1 ELSE 0 END)"
    "   FROM (SELECT n.predikat FROM penilaian n WHERE n.pegawai_id = p.id AND n.status = 'final' AND n.selesai <= ?5"
    "         ORDER BY n.selesai DESC LIMIT 3) t)");
  if (unit_id) gagal |= buf_puts(&b, SUBTREE_UNIT);
  gagal |= buf_puts(&b, " ORDER BY p.nama, p.id LIMIT 200");
  st = gagal ? NULL : db_prepare(db, b.data);
  buf_free(&b);
  if (!st) { json_decref(boxes); return NULL; }
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, unit_id);
  db_bind_int64(st, 3, tahun);
  db_bind_text(st, 4, y1);
  db_bind_text(st, 5, y2);
  json_t *bintang = json_array();
  while ((s = db_step(st)) == DB_ROW)
    json_array_append_new(bintang, json_pack("{s:I,s:s,s:s,s:s}", "id", (json_int_t)db_col_int64(st, 0), "nip", db_col_text(st, 1),
                                             "nama", db_col_text(st, 2), "unit_kerja", db_col_text(st, 3)));
  db_done(st);
  if (s != DB_DONE) { json_decref(boxes); json_decref(bintang); return NULL; }
  return json_pack("{s:i,s:o,s:I,s:I,s:o,s:s}", "tahun", tahun, "kotak", boxes, "tanpa_predikat", (json_int_t)tanpa_predikat,
    "tanpa_potensi", (json_int_t)tanpa_potensi, "konsisten_sangat_baik", bintang,
    "cara", "Kinerja dari predikat tahunan final, atau bila belum ada dari penilaian periodik final terakhir tahun itu (Sangat Baik "
            "tinggi, Baik menengah, lainnya rendah); potensi diisi bagian "
            "kepegawaian. Konsisten Sangat Baik: tiga penilaian final terakhir semuanya Sangat Baik.");
}

/* ---- potensi ---- */

int analitik_potensi_set(struct db *db, int64_t pegawai_id, int64_t instansi_id, json_t *body, const struct audit_actor *who,
                         int64_t pengguna_id, json_t **errs)
{
  json_t *jt = json_object_get(body, "tahun"), *jp = json_object_get(body, "potensi"), *jc = json_object_get(body, "catatan");
  enum tingkat t;
  if (!json_is_integer(jt) || json_integer_value(jt) < 2000 || json_integer_value(jt) > 2100) errs_add(errs, "tahun", "harus tahun 2000-2100");
  if (!json_is_string(jp) || tingkat_dari_kode(json_string_value(jp), &t) != 0) errs_add(errs, "potensi", "harus rendah, menengah atau tinggi");
  if (jc && !json_is_null(jc) && (!json_is_string(jc) || strlen(json_string_value(jc)) > 2000 || !text_clean(json_string_value(jc), true)))
    errs_add(errs, "catatan", "teks paling banyak 2000 karakter");
  const char *known[] = {"tahun", "potensi", "catatan"};
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    bool ok = false;
    for (size_t i = 0; i < 3; i++) ok |= !strcmp(k, known[i]);
    if (!ok) errs_add(errs, k, "tidak dikenal");
  }
  if (errs_any(*errs)) return 1;
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO potensi_pegawai (pegawai_id, tahun, instansi_id, potensi, catatan, diisi_oleh, diubah) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (pegawai_id, tahun) DO UPDATE SET potensi = excluded.potensi, catatan = excluded.catatan,"
    " diisi_oleh = excluded.diisi_oleh, diubah = excluded.diubah");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_int64(st, 2, json_integer_value(jt));
  db_bind_int64(st, 3, instansi_id);
  db_bind_text(st, 4, json_string_value(jp));
  db_bind_text(st, 5, json_is_string(jc) ? json_string_value(jc) : NULL);
  db_bind_id(st, 6, pengguna_id);
  db_bind_int64(st, 7, now_unix());
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  return audit_append(db, who, instansi_id, "potensi.set", "pegawai", pegawai_id, NULL, body);
}
