/* presensi.c: attendance records: CSV import through a saved mapping, records through the API,
 * non-deduction statuses, and a pegawai's month (see presensi.h). */
#include "presensi.h"

#include <csv.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rules/aktivitas_aturan.h"
#include "rules/tpp.h"
#include "util/errs.h"
#include "util/util.h"

#define MAKS_GALAT 100
#define MAKS_BARIS 500000
#define MAKS_KOLOM 64

static const char *const STATUS[] = {"cuti", "dinas_luar", "sakit_dengan_surat", "tugas_belajar", NULL};
static const char *const STATUS_LABEL[] = {"Cuti", "Dinas luar", "Sakit dengan surat", "Tugas belajar", NULL};

/* ---- values ---- */

/* "7:05", "07:05", "07:05:59" -> "07:05"; false when not a time. */
static bool jam_normal(const char *s, char out[6])
{
  while (*s == ' ') s++;
  int h, m, n = 0;
  if (sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || h < 0 || h > 23 || m < 0 || m > 59) return false;
  const char *rest = s + n;
  if (*rest == ':') {
    int sec, k = 0;
    if (sscanf(rest, ":%2d%n", &sec, &k) != 1 || sec < 0 || sec > 59) return false;
    rest += k;
  }
  while (*rest == ' ') rest++;
  if (*rest) return false;
  snprintf(out, 6, "%02d:%02d", h, m);
  return true;
}

/* A date in the source's format: "YYYY-MM-DD" (iso), "DD/MM/YYYY" or "DD-MM-YYYY" (dmy). */
static bool tanggal_normal(const char *s, const char *format, char out[11])
{
  while (*s == ' ') s++;
  int y, m, d, n = 0;
  if (format && !strcmp(format, "dmy")) {
    if ((sscanf(s, "%2d/%2d/%4d%n", &d, &m, &y, &n) != 3 && sscanf(s, "%2d-%2d-%4d%n", &d, &m, &y, &n) != 3) || s[n]) return false;
  } else if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || s[n]) {
    return false;
  }
  if (!ymd_valid(y, m, d)) return false;
  snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
  return true;
}

/* ---- sources ---- */

json_t *presensi_sumber_list(struct db *db, int64_t instansi_id)
{
  struct db_stmt *st = db_prepare(db, "SELECT id, nama, pemetaan, diubah FROM presensi_sumber WHERE instansi_id = ?1 ORDER BY nama");
  if (!st) return NULL;
  db_bind_int64(st, 1, instansi_id);
  json_t *a = json_array();
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    json_t *p = json_loads(db_col_text(st, 2), 0, NULL);
    json_array_append_new(a, json_pack("{s:I,s:s,s:o,s:I}", "id", (json_int_t)db_col_int64(st, 0), "nama", db_col_text(st, 1),
                                       "pemetaan", p ? p : json_object(), "diubah", (json_int_t)db_col_int64(st, 3)));
  }
  db_done(st);
  if (s != DB_DONE) { json_decref(a); return NULL; }
  return json_pack("{s:o}", "items", a);
}

int presensi_sumber_simpan(struct db *db, int64_t instansi_id, json_t *body, const struct audit_actor *who, json_t **errs,
                           int64_t *out_id)
{
  const char *nama = json_string_value(json_object_get(body, "nama"));
  json_t *p = json_object_get(body, "pemetaan");
  if (!nama || strlen(nama) < 2 || strlen(nama) > 100 || !text_clean(nama, false)) errs_add(errs, "nama", "2-100 karakter, satu baris");
  if (!json_is_object(p)) {
    errs_add(errs, "pemetaan", "objek {nip, tanggal, masuk, pulang}: nama kolom di berkas");
  } else {
    static const char *const WAJIB[] = {"nip", "tanggal", "masuk", "pulang", NULL};
    for (int i = 0; WAJIB[i]; i++) {
      const char *c = json_string_value(json_object_get(p, WAJIB[i]));
      if (!c || !*c || strlen(c) > 100) errs_addf(errs, "pemetaan", "kolom %s: nama kolom di baris judul berkas", WAJIB[i]);
    }
    json_t *f = json_object_get(p, "format_tanggal");
    if (f && (!json_is_string(f) || (strcmp(json_string_value(f), "iso") && strcmp(json_string_value(f), "dmy"))))
      errs_add(errs, "pemetaan", "format_tanggal: iso (YYYY-MM-DD) atau dmy (DD/MM/YYYY)");
    const char *k;
    json_t *v;
    json_object_foreach(p, k, v)
      if (strcmp(k, "nip") && strcmp(k, "tanggal") && strcmp(k, "masuk") && strcmp(k, "pulang") && strcmp(k, "format_tanggal"))
        errs_addf(errs, "pemetaan", "%s tidak dikenal", k);
  }
  if (errs_any(*errs)) return 1;
  char *ps = json_dumps(p, JSON_COMPACT | JSON_SORT_KEYS);
  if (!ps) return -1;
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO presensi_sumber (instansi_id, nama, pemetaan, diubah) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (instansi_id, nama) DO UPDATE SET pemetaan = excluded.pemetaan, diubah = excluded.diubah RETURNING id");
  if (!st) { free(ps); return -1; }
  db_bind_int64(st, 1, instansi_id);
  db_bind_text(st, 2, nama);
  db_bind_text(st, 3, ps);
  db_bind_int64(st, 4, now_unix());
  int s = db_step(st);
  *out_id = s == DB_ROW ? db_col_int64(st, 0) : 0;
  if (s == DB_ROW) while (db_step(st) == DB_ROW) {}
  db_done(st);
  free(ps);
  if (!*out_id) return -1;
  return audit_append(db, who, instansi_id, "presensi.sumber", "presensi_sumber", *out_id, NULL, body);
}

/* ---- rows: checked all first, then stored ---- */

struct baris { int64_t pegawai_id; char tanggal[11], masuk[6], pulang[6]; long line; };

struct kumpulan {
  struct db *db;
  int64_t instansi_id;
  struct baris *b;
  size_t n, cap;
  int galat;
  json_t **errs;
};

static void galat(struct kumpulan *k, long line, const char *kolom, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void galat(struct kumpulan *k, long line, const char *kolom, const char *fmt, ...)
{
  if (++k->galat > MAKS_GALAT) return;
  char f[64], m[300];
  snprintf(f, sizeof f, "baris[%ld].%s", line, kolom);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(m, sizeof m, fmt, ap);
  va_end(ap);
  errs_add(k->errs, f, m);
}

/* A check-out before the check-in is the next morning's only on a night shift of the pegawai's
 * roster for that date (22:00-06:00); read through tpp_menit_shift as the TPP engine does. */
static bool shift_malam_cocok(struct db *db, const struct baris *r)
{
  struct db_stmt *st = db_prepare(db, "SELECT masuk, pulang FROM jadwal_shift WHERE pegawai_id = ?1 AND tanggal = ?2 AND libur = 0");
  if (!st) return false;
  db_bind_int64(st, 1, r->pegawai_id);
  db_bind_text(st, 2, r->tanggal);
  bool ok = false;
  if (db_step(st) == DB_ROW) {
    int jm = jam_menit(db_col_text(st, 0)), jp = jam_menit(db_col_text(st, 1));
    ok = jm >= 0 && jp >= 0 && tpp_shift_malam(jm, jp) &&
         tpp_menit_shift(jm, jp, jam_menit(r->pulang)) >= tpp_menit_shift(jm, jp, jam_menit(r->masuk));
  }
  db_done(st);
  return ok;
}

/* One record: looks the NIP up and checks the values.  line is the file's line (1 = header). */
static void periksa(struct kumpulan *k, long line, const char *nip, const char *tgl, const char *masuk, const char *pulang,
                    const char *format)
{
  struct baris r = {.line = line};
  bool ok = true;
  if (!nip || !*nip) { galat(k, line, "nip", "NIP kosong"); ok = false; }
  else {
    struct db_stmt *st = db_prepare(k->db, "SELECT id, instansi_id FROM pegawai WHERE nip = ?1");
    if (!st) { k->galat = MAKS_GALAT + 1; return; }
    db_bind_text(st, 1, nip);
    int s = db_step(st);
    if (s == DB_ROW && db_col_int64(st, 1) == k->instansi_id) r.pegawai_id = db_col_int64(st, 0);
    db_done(st);
    if (!r.pegawai_id) { galat(k, line, "nip", "NIP %.18s tidak dikenal di instansi ini", nip); ok = false; }
  }
  if (!tgl || !tanggal_normal(tgl, format, r.tanggal)) {
    galat(k, line, "tanggal", "tanggal \"%.20s\" tidak valid (%s)", tgl ? tgl : "", format && !strcmp(format, "dmy") ? "DD/MM/YYYY" : "YYYY-MM-DD");
    ok = false;
  }
  if (masuk && *masuk && !jam_normal(masuk, r.masuk)) { galat(k, line, "masuk", "jam masuk \"%.10s\" tidak valid (JJ:MM)", masuk); ok = false; }
  if (pulang && *pulang && !jam_normal(pulang, r.pulang)) { galat(k, line, "pulang", "jam pulang \"%.10s\" tidak valid (JJ:MM)", pulang); ok = false; }
  if (ok && r.masuk[0] && r.pulang[0] && jam_menit(r.pulang) < jam_menit(r.masuk) && !shift_malam_cocok(k->db, &r)) {
    galat(k, line, "pulang", "jam pulang %s sebelum jam masuk %s (hanya boleh pada shift malam yang sudah ada di jadwal shift tanggal itu)",
          r.pulang, r.masuk);
    ok = false;
  }
  if (!ok) return;
  for (size_t i = 0; i < k->n; i++)
    if (k->b[i].pegawai_id == r.pegawai_id && !strcmp(k->b[i].tanggal, r.tanggal)) {
      galat(k, line, "tanggal", "NIP %.18s tanggal %s sudah ada di baris %ld", nip, r.tanggal, k->b[i].line);
      return;
    }
  if (k->n == k->cap) {
    size_t cap = k->cap ? k->cap * 2 : 256;
    void *p = realloc(k->b, cap * sizeof *k->b);
    if (!p) { k->galat = MAKS_GALAT + 1; return; }
    k->b = p;
    k->cap = cap;
  }
  k->b[k->n++] = r;
}

static int simpan(struct kumpulan *k, const char *sumber, const struct audit_actor *who, json_t **hasil)
{
  int64_t now = now_unix();
  char dari[11] = "9999-12-31", sampai[11] = "0000-01-01";
  for (size_t i = 0; i < k->n; i++) {
    struct db_stmt *st = db_prepare(k->db,
      "INSERT INTO presensi (pegawai_id, tanggal, instansi_id, masuk, pulang, sumber, baris, diubah) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
      " ON CONFLICT (pegawai_id, tanggal) DO UPDATE SET masuk = excluded.masuk, pulang = excluded.pulang, sumber = excluded.sumber,"
      " baris = excluded.baris, diubah = excluded.diubah");
    if (!st) return -1;
    const struct baris *r = &k->b[i];
    db_bind_int64(st, 1, r->pegawai_id);
    db_bind_text(st, 2, r->tanggal);
    db_bind_int64(st, 3, k->instansi_id);
    db_bind_text(st, 4, r->masuk[0] ? r->masuk : NULL);
    db_bind_text(st, 5, r->pulang[0] ? r->pulang : NULL);
    db_bind_text(st, 6, sumber);
    db_bind_int64(st, 7, r->line);
    db_bind_int64(st, 8, now);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
    if (strcmp(r->tanggal, dari) < 0) memcpy(dari, r->tanggal, 11);
    if (strcmp(r->tanggal, sampai) > 0) memcpy(sampai, r->tanggal, 11);
  }
  int64_t peg = 0;
  for (size_t i = 0; i < k->n; i++) {   /* distinct pegawai (rows are few per pegawai; n is bounded) */
    bool baru = true;
    for (size_t j = 0; j < i && baru; j++) baru = k->b[j].pegawai_id != k->b[i].pegawai_id;
    if (baru) peg++;
    if (i > 20000) { peg = -1; break; }   /* not worth counting exactly */
  }
  *hasil = json_pack("{s:I,s:I,s:o,s:o,s:o}", "baris", (json_int_t)k->n, "disimpan", (json_int_t)k->n,
                     "pegawai", peg >= 0 ? json_integer(peg) : json_null(), "dari", k->n ? json_string(dari) : json_null(),
                     "sampai", k->n ? json_string(sampai) : json_null());
  json_t *ring = json_pack("{s:s,s:I}", "sumber", sumber, "baris", (json_int_t)k->n);
  int rc = audit_append(k->db, who, k->instansi_id, "presensi.impor", "presensi", 0, NULL, ring);
  json_decref(ring);
  return rc;
}

/* ---- CSV ---- */

struct csvctx {
  struct kumpulan *k;
  const char *format;
  char *kol[MAKS_KOLOM];
  int nkol;
  long line;
  int ix[4];                 /* columns of nip, tanggal, masuk, pulang */
  const char *nama[4];       /* header names from the mapping */
  bool header_done, header_bad;
};

static void on_field(void *s, size_t len, void *ctx)
{
  struct csvctx *c = ctx;
  if (c->nkol >= MAKS_KOLOM) return;
  char *v = malloc(len + 1);
  if (!v) return;
  memcpy(v, s, len);
  v[len] = '\0';
  c->kol[c->nkol++] = v;
}

static void on_row(int term, void *ctx)
{
  (void)term;
  struct csvctx *c = ctx;
  c->line++;
  if (!c->header_done) {
    c->header_done = true;
    for (int f = 0; f < 4; f++) {
      c->ix[f] = -1;
      for (int i = 0; i < c->nkol; i++) {
        char *h = c->kol[i];
        if (i == 0 && (unsigned char)h[0] == 0xEF && (unsigned char)h[1] == 0xBB && (unsigned char)h[2] == 0xBF) h += 3;   /* BOM */
        while (*h == ' ') h++;
        if (!strcasecmp(h, c->nama[f])) c->ix[f] = i;
      }
      if (c->ix[f] < 0) {
        galat(c->k, 1, (const char *[]){"nip", "tanggal", "masuk", "pulang"}[f], "kolom \"%s\" tidak ada di baris judul", c->nama[f]);
        c->header_bad = true;
      }
    }
  } else if (!c->header_bad && c->nkol > 0 && !(c->nkol == 1 && !c->kol[0][0])) {
    if ((size_t)c->line > MAKS_BARIS) {
      if (c->line == MAKS_BARIS + 1) galat(c->k, c->line, "nip", "lebih dari %d baris; bagi berkas per bulan", MAKS_BARIS);
    } else {
      const char *v[4];
      for (int f = 0; f < 4; f++) v[f] = c->ix[f] < c->nkol ? c->kol[c->ix[f]] : NULL;
      periksa(c->k, c->line, v[0], v[1], v[2], v[3], c->format);
    }
  }
  for (int i = 0; i < c->nkol; i++) free(c->kol[i]);
  c->nkol = 0;
}

static unsigned char pemisah(const char *data, size_t len)
{
  int semi = 0, comma = 0, tab = 0;
  bool q = false;
  for (size_t i = 0; i < len && data[i] != '\n'; i++) {
    if (data[i] == '"') q = !q;
    else if (!q && data[i] == ';') semi++;
    else if (!q && data[i] == ',') comma++;
    else if (!q && data[i] == '\t') tab++;
  }
  if (semi >= comma && semi >= tab && semi > 0) return ';';
  if (tab > comma) return '\t';
  return ',';
}

int presensi_impor_csv(struct db *db, int64_t instansi_id, int64_t sumber_id, const char *data, size_t len, bool uji,
                       const struct audit_actor *who, json_t **errs, json_t **hasil)
{
  *hasil = NULL;
  char nama_sumber[128] = "";
  json_t *map = NULL;
  struct db_stmt *st = db_prepare(db, "SELECT nama, pemetaan FROM presensi_sumber WHERE id = ?1 AND instansi_id = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, sumber_id);
  db_bind_int64(st, 2, instansi_id);
  if (db_step(st) == DB_ROW) {
    str_copy(nama_sumber, sizeof nama_sumber, db_col_text(st, 0));
    map = json_loads(db_col_text(st, 1), 0, NULL);
  }
  db_done(st);
  if (!map) return 2;
  struct kumpulan k = {.db = db, .instansi_id = instansi_id, .errs = errs};
  struct csvctx c = {.k = &k, .format = json_string_value(json_object_get(map, "format_tanggal"))};
  c.nama[0] = json_string_value(json_object_get(map, "nip"));
  c.nama[1] = json_string_value(json_object_get(map, "tanggal"));
  c.nama[2] = json_string_value(json_object_get(map, "masuk"));
  c.nama[3] = json_string_value(json_object_get(map, "pulang"));
  struct csv_parser p;
  int rc = -1;
  if (csv_init(&p, CSV_APPEND_NULL) != 0) goto done;
  csv_set_delim(&p, pemisah(data, len));
  if (csv_parse(&p, data, len, on_field, on_row, &c) != len) {
    galat(&k, c.line + 1, "nip", "berkas CSV rusak: %s", csv_strerror(csv_error(&p)));
  }
  csv_fini(&p, on_field, on_row, &c);
  csv_free(&p);
  for (int i = 0; i < c.nkol; i++) free(c.kol[i]);
  if (k.galat > MAKS_GALAT) errs_addf(errs, "berkas", "%d kesalahan; hanya %d yang pertama ditampilkan", k.galat, MAKS_GALAT);
  if (!c.line) errs_add(errs, "berkas", "berkas kosong");
  else if (!k.galat && !k.n) errs_add(errs, "berkas", "tidak ada baris data setelah baris judul");
  if (k.galat || errs_any(*errs)) { rc = 1; goto done; }
  if (uji) {   /* a dry run: every line checked, nothing stored */
    *hasil = json_pack("{s:I,s:I,s:b}", "baris", (json_int_t)k.n, "disimpan", (json_int_t)0, "uji", 1);
    rc = 0;
    goto done;
  }
  rc = simpan(&k, nama_sumber, who, hasil);
done:
  free(k.b);
  json_decref(map);
  return rc;
}

int presensi_simpan_json(struct db *db, int64_t instansi_id, json_t *body, const struct audit_actor *who, json_t **errs,
                         json_t **hasil)
{
  *hasil = NULL;
  json_t *items = json_object_get(body, "items");
  if (!json_is_array(items) || !json_array_size(items) || json_array_size(items) > 1000) {
    errs_add(errs, "items", "daftar 1-1000 catatan presensi {nip, tanggal, masuk, pulang}");
    return 1;
  }
  struct kumpulan k = {.db = db, .instansi_id = instansi_id, .errs = errs};
  size_t i;
  json_t *it;
  json_array_foreach(items, i, it) {
    /* line numbers here are item indexes from 1 */
    periksa(&k, (long)i + 1, json_string_value(json_object_get(it, "nip")), json_string_value(json_object_get(it, "tanggal")),
            json_string_value(json_object_get(it, "masuk")), json_string_value(json_object_get(it, "pulang")), "iso");
  }
  int rc = k.galat ? 1 : simpan(&k, "api", who, hasil);
  free(k.b);
  return rc;
}

/* ---- statuses ---- */

int presensi_status_tambah(struct db *db, int64_t instansi_id, int64_t pegawai_id, json_t *body, const struct audit_actor *who,
                           int64_t pengguna_id, json_t **errs, int64_t *out_id)
{
  const char *status = json_string_value(json_object_get(body, "status"));
  const char *dari = json_string_value(json_object_get(body, "dari")), *sampai = json_string_value(json_object_get(body, "sampai"));
  json_t *ket = json_object_get(body, "keterangan");
  bool ok = false;
  for (int i = 0; status && STATUS[i]; i++) ok |= !strcmp(status, STATUS[i]);
  if (!ok) errs_add(errs, "status", "cuti, dinas_luar, sakit_dengan_surat atau tugas_belajar");
  if (!dari || !date_valid(dari)) errs_add(errs, "dari", "harus tanggal YYYY-MM-DD");
  if (!sampai || !date_valid(sampai)) errs_add(errs, "sampai", "harus tanggal YYYY-MM-DD");
  else if (dari && date_valid(dari) && strcmp(dari, sampai) > 0) errs_add(errs, "sampai", "tanggal sampai sebelum tanggal dari");
  else if (dari && date_valid(dari) && selisih_hari(dari, sampai) > 366) errs_add(errs, "sampai", "paling lama satu tahun per catatan");
  if (ket && !json_is_null(ket) && (!json_is_string(ket) || strlen(json_string_value(ket)) > 500 || !text_clean(json_string_value(ket), true)))
    errs_add(errs, "keterangan", "paling banyak 500 karakter");
  if (errs_any(*errs)) return 1;
  struct db_stmt *st = db_prepare(db,
    "SELECT id, status, dari, sampai FROM presensi_status WHERE pegawai_id = ?1 AND dari <= ?3 AND sampai >= ?2 LIMIT 1");
  if (!st) return -1;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_text(st, 2, dari);
  db_bind_text(st, 3, sampai);
  if (db_step(st) == DB_ROW)
    errs_addf(errs, "dari", "bertumpang tindih dengan %s %s s.d. %s", db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3));
  db_done(st);
  if (errs_any(*errs)) return 1;
  st = db_prepare(db,
    "INSERT INTO presensi_status (instansi_id, pegawai_id, status, dari, sampai, keterangan, dibuat_oleh, dibuat)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, instansi_id);
  db_bind_int64(st, 2, pegawai_id);
  db_bind_text(st, 3, status);
  db_bind_text(st, 4, dari);
  db_bind_text(st, 5, sampai);
  db_bind_text(st, 6, json_is_string(ket) ? json_string_value(ket) : NULL);
  db_bind_id(st, 7, pengguna_id);
  db_bind_int64(st, 8, now_unix());
  int s = db_step(st);
  *out_id = s == DB_ROW ? db_col_int64(st, 0) : 0;
  if (s == DB_ROW) while (db_step(st) == DB_ROW) {}
  db_done(st);
  if (!*out_id) return -1;
  return audit_append(db, who, instansi_id, "presensi.status", "presensi_status", *out_id, NULL, body);
}

int presensi_status_hapus(struct db *db, int64_t id, int64_t *instansi_id, const struct audit_actor *who)
{
  struct db_stmt *st = db_prepare(db, "SELECT instansi_id, pegawai_id, status, dari, sampai FROM presensi_status WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  json_t *lama = NULL;
  if (db_step(st) == DB_ROW) {
    *instansi_id = db_col_int64(st, 0);
    lama = json_pack("{s:I,s:s,s:s,s:s}", "pegawai_id", (json_int_t)db_col_int64(st, 1), "status", db_col_text(st, 2),
                     "dari", db_col_text(st, 3), "sampai", db_col_text(st, 4));
  }
  db_done(st);
  if (!lama) return 2;
  st = db_prepare(db, "DELETE FROM presensi_status WHERE id = ?1");
  if (!st) { json_decref(lama); return -1; }
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  db_done(st);
  int rc = s == DB_DONE ? audit_append(db, who, *instansi_id, "presensi.status_hapus", "presensi_status", id, lama, NULL) : -1;
  json_decref(lama);
  return rc;
}

/* ---- a month ---- */

json_t *presensi_bulan_json(struct db *db, int64_t pegawai_id, int tahun, int bulan)
{
  if (tahun < 2000 || tahun > 2100 || bulan < 1 || bulan > 12) return NULL;
  static const char *const HARI[] = {"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"};
  static const int PANJANG[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int n = PANJANG[bulan - 1] + (bulan == 2 && ((tahun % 4 == 0 && tahun % 100) || tahun % 400 == 0));
  int64_t inst = 0, unit = 0;
  struct db_stmt *pq = db_prepare(db, "SELECT instansi_id, COALESCE(unit_kerja_id, 0) FROM pegawai WHERE id = ?1");
  if (!pq) return NULL;
  db_bind_int64(pq, 1, pegawai_id);
  int ps = db_step(pq);
  if (ps == DB_ROW) { inst = db_col_int64(pq, 0); unit = db_col_int64(pq, 1); }
  db_done(pq);
  struct jadwal_hari jadwal[31];
  int nj = 0;
  if (ps != DB_ROW || presensi_jadwal_bulan(db, inst, unit, tahun, bulan, jadwal, &nj) != 0 ||
      presensi_shift_terapkan(db, pegawai_id, tahun, bulan, jadwal, nj) != 0)
    return NULL;
  json_t *hari = json_array();
  int64_t telat = 0, cepat = 0, kerja = 0, hadir = 0, tanpa = 0;
  for (int d = 1; d <= n; d++) {
    char t[40];
    snprintf(t, sizeof t, "%04d-%02d-%02d", tahun, bulan, d);
    const struct jadwal_hari j = jadwal[d - 1];
    char masuk[6] = "", pulang[6] = "", status[32] = "";
    struct db_stmt *st = db_prepare(db, "SELECT masuk, pulang FROM presensi WHERE pegawai_id = ?1 AND tanggal = ?2");
    if (!st) { json_decref(hari); return NULL; }
    db_bind_int64(st, 1, pegawai_id);
    db_bind_text(st, 2, t);
    if (db_step(st) == DB_ROW) {
      if (!db_col_is_null(st, 0)) str_copy(masuk, sizeof masuk, db_col_text(st, 0));
      if (!db_col_is_null(st, 1)) str_copy(pulang, sizeof pulang, db_col_text(st, 1));
    }
    db_done(st);
    int64_t status_id = 0;
    st = db_prepare(db, "SELECT status, id FROM presensi_status WHERE pegawai_id = ?1 AND dari <= ?2 AND sampai >= ?2 LIMIT 1");
    if (!st) { json_decref(hari); return NULL; }
    db_bind_int64(st, 1, pegawai_id);
    db_bind_text(st, 2, t);
    if (db_step(st) == DB_ROW) { str_copy(status, sizeof status, db_col_text(st, 0)); status_id = db_col_int64(st, 1); }
    db_done(st);
    int mt = 0, mc = 0;
    const char *ket = "";
    if (j.kerja) {
      kerja++;
      if (status[0]) {
        for (int i = 0; STATUS[i]; i++) if (!strcmp(status, STATUS[i])) ket = STATUS_LABEL[i];
      } else if (!masuk[0] && !pulang[0]) {
        ket = "Tidak ada catatan presensi";
        tanpa++;
      } else {
        hadir++;
        /* a night shift's times after midnight count from the next day, as in the TPP engine */
        int jm = jam_menit(j.masuk), jp0 = jam_menit(j.pulang), jp = tpp_menit_shift(jm, jp0, jp0);
        int tm = masuk[0] ? tpp_menit_shift(jm, jp0, jam_menit(masuk)) : 0;
        int tp = pulang[0] ? tpp_menit_shift(jm, jp0, jam_menit(pulang)) : 0;
        if (masuk[0] && tm > jm) mt = tm - jm;
        if (pulang[0] && tp < jp) mc = jp - tp;
        ket = !masuk[0] ? "Tidak absen masuk" : !pulang[0] ? "Tidak absen pulang" : mt && mc ? "Terlambat dan pulang cepat"
              : mt ? "Terlambat" : mc ? "Pulang cepat" : "Tepat waktu";
      }
    } else {
      ket = j.libur[0] ? j.libur : "Libur akhir pekan";
    }
    telat += mt;
    cepat += mc;
    json_array_append_new(hari, json_pack("{s:s,s:s,s:b,s:o,s:o,s:o,s:o,s:o,s:i,s:i,s:s}", "tanggal", t, "hari", HARI[hari_minggu(t)],
      "hari_kerja", j.kerja, "jadwal_masuk", j.kerja ? json_string(j.masuk) : json_null(),
      "jadwal_pulang", j.kerja ? json_string(j.pulang) : json_null(), "masuk", masuk[0] ? json_string(masuk) : json_null(),
      "pulang", pulang[0] ? json_string(pulang) : json_null(), "status", status[0] ? json_string(status) : json_null(),
      "menit_terlambat", mt, "menit_pulang_cepat", mc, "keterangan", ket));
    json_object_set_new(json_array_get(hari, json_array_size(hari) - 1), "status_id", status_id ? json_integer(status_id) : json_null());
  }
  return json_pack("{s:I,s:i,s:i,s:{s:I,s:I,s:I,s:I,s:I},s:o}", "pegawai_id", (json_int_t)pegawai_id, "tahun", tahun, "bulan", bulan,
    "ringkasan", "hari_kerja", (json_int_t)kerja, "hadir", (json_int_t)hadir, "tanpa_catatan", (json_int_t)tanpa,
    "menit_terlambat", (json_int_t)telat, "menit_pulang_cepat", (json_int_t)cepat, "hari", hari);
}
