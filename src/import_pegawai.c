/* import_pegawai.c: the pegawai CSV import (see import_pegawai.h and docs/import-pegawai.md).
 *
 * One write transaction holds the whole file.  Pass 1 streams the rows through libcsv (one
 * physical line at a time, so every record knows the line it starts on), checks each row
 * (import_row.c), resolves unit kerja and jabatan through an in-memory cache (creating them
 * when allowed) and upserts the pegawai.  The atasan is set at once when the atasan's NIP is
 * already stored (earlier in the file or before the import); otherwise it waits for pass 2.
 * Then the atasan tree of the instansi is checked for cycles in memory.  Any bad row (or a dry
 * run) rolls everything back, so a rejected file changes nothing; after the first bad row the
 * import keeps checking but stops writing.  Unchanged rows write nothing, not even audit; the
 * rows written are audited one record per chunk of 1,000 (import_audit.h).
 */
#include "import_pegawai.h"

#include <csv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "import_audit.h"
#include "import_massal.h"
#include "import_row.h"
#include "pegawai.h"
#include "util/nipmap.h"
#include "util/strmap.h"
#include "util/util.h"

#define MAX_FIELDS 128
#define LINE_MAX_BYTES (64 * 1024)
#define PROGRESS_EVERY 50000

struct tunda {                 /* an atasan to resolve in pass 2 */
  int64_t pegawai_id, line;
  char nip_atasan[19];
  bool unchanged;              /* the row was counted unchanged in pass 1 */
};

#define BARU_MAKS 64       /* created pegawai written by one multi-row INSERT */

struct baru {              /* a created pegawai waiting for that INSERT */
  struct pegawai_rec p;
  int64_t line;
  bool tunda;              /* its atasan comes later in the file (pass 2) */
  char nip_atasan[19];
};

struct imp {
  struct db *db;
  const struct import_opts *o;
  struct import_result *res;
  char tanggal[11];
  int64_t now, max_errors;
  /* parsing */
  struct csv_parser csv;
  char *rowbuf;                /* fields of the current record, NUL-separated */
  size_t rowlen, nf, off[MAX_FIELDS];
  bool row_too_wide;
  int64_t line, row_line;      /* physical line being fed; line the current record began on */
  bool have_header;
  struct import_header h;
  /* state */
  struct nipmap *nips;         /* NIP -> NIP_VAL(id once written, line), to catch duplicates in the file */
  struct nipmap *ada;          /* bulk mode: every NIP stored before the import (NULL otherwise) */
  struct strmap *units, *jabs; /* name -> id (-1 = missing), jabs value = id * 8 + jenis code */
  struct tunda *tunda;
  size_t ntunda, captunda;
  bool failed;                 /* a bad row was seen: check only, write nothing more */
  bool atasan_set;             /* some atasan changed: check the tree for cycles */
  struct import_audit *aud, *aud_atasan;   /* one audit record per chunk of rows */
  struct baru *baru;           /* BARU_MAKS slots */
  size_t nbaru;
  char *sql_baru, *sql_riwayat;   /* the multi-row INSERTs of BARU_MAKS rows */
  int dberr;
  /* the row being checked */
  int64_t cur_line;
  bool cur_bad;
};

/* A NIP's value in m->nips: the line it is on and, once its row is stored, its pegawai id (0 when
 * not known: look it up). */
#define NIP_VAL(id, line) ((int64_t)((uint64_t)(id) << 32 | (uint64_t)(line)))
#define NIP_LINE(v) ((int64_t)((uint64_t)(v) & 0xffffffffu))
#define NIP_ID(v) ((int64_t)((uint64_t)(v) >> 32))

static const char *const JENIS[] = {"jpt", "administrator", "pengawas", "pelaksana", "fungsional"};

static int jenis_code(const char *j)
{
  for (int i = 0; i < 5; i++)
    if (strcmp(j, JENIS[i]) == 0) return i;
  return 0;
}

static void row_error(void *ctx, const char *kolom, const char *pesan)
{
  struct imp *m = ctx;
  if (!m->cur_bad) m->res->error_count++;
  m->cur_bad = true;
  m->failed = true;
  if ((int64_t)json_array_size(m->res->errors) >= m->max_errors) return;
  json_t *e = json_pack("{s:I,s:s,s:s}", "baris", (json_int_t)m->cur_line, "kolom", kolom ? kolom : "-", "pesan", pesan);
  if (e) json_array_append_new(m->res->errors, e);
}

static void row_errorf(struct imp *m, const char *kolom, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void row_errorf(struct imp *m, const char *kolom, const char *fmt, ...)
{
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  row_error(m, kolom, msg);
}

/* ---- lookups and writes ---- */

/* The unit kerja named (or coded) `nama`: its id, 0 when it will be created but writing has
 * stopped, -1 with a row error when missing and creation is not allowed, -2 on db error. */
static int64_t unit_id(struct imp *m, const char *nama)
{
  int64_t id;
  if (strmap_get(m->units, nama, &id)) {
    if (id < 0) row_errorf(m, "unit_kerja", "unit kerja \"%s\" tidak ditemukan; tambahkan dulu atau izinkan pembuatan otomatis (--create-missing, ?buat=1)", nama);
    return id;
  }
  id = 0;
  struct db_stmt *st = db_prepare(m->db,
    "SELECT id FROM unit_kerja"
    " WHERE instansi_id = ?1 AND (kode = ?2 OR nama = ?2)"
    " ORDER BY CASE WHEN kode = ?2 THEN 0 ELSE 1 END, aktif DESC, id LIMIT 1");
  if (!st) return -2;
  db_bind_int64(st, 1, m->o->instansi_id);
  db_bind_text(st, 2, nama);
  int s = db_step(st);
  if (s == DB_ROW) id = db_col_int64(st, 0);
  db_done(st);
  if (s != DB_ROW && s != DB_DONE) return -2;
  if (!id && !m->o->create_missing) {
    if (strmap_put(m->units, nama, -1) != 0) return -2;
    row_errorf(m, "unit_kerja", "unit kerja \"%s\" tidak ditemukan; tambahkan dulu atau izinkan pembuatan otomatis (--create-missing, ?buat=1)", nama);
    return -1;
  }
  if (!id && !m->failed) {
    st = db_prepare(m->db, "INSERT INTO unit_kerja (instansi_id, induk_id, kode, nama, aktif) VALUES (?1, NULL, NULL, ?2, 1) RETURNING id");
    if (!st) return -2;
    db_bind_int64(st, 1, m->o->instansi_id);
    db_bind_text(st, 2, nama);
    if (db_step(st) == DB_ROW) id = db_col_int64(st, 0);
    db_done(st);
    if (!id) return -2;
    m->res->units_created++;
    json_t *after = json_pack("{s:I,s:s,s:s}", "id", (json_int_t)id, "nama", nama, "sumber", "import");
    int a = audit_append(m->db, m->o->actor, m->o->instansi_id, "unit_kerja.import.create", "unit_kerja", id, NULL, after);
    json_decref(after);
    if (a != 0) return -2;
  } else if (!id) {
    return 0;  /* would be created; nothing is written any more */
  }
  if (strmap_put(m->units, nama, id) != 0) return -2;
  return id;
}

/* The jabatan named `nama`; like unit_id().  A jabatan is created with the row's jenis. */
static int64_t jabatan_id(struct imp *m, const struct import_row *r)
{
  int64_t v, id = 0;
  int jenis = -1;
  if (strmap_get(m->jabs, r->jabatan, &v)) {
    if (v < 0) {
      row_errorf(m, "jabatan", "jabatan \"%s\" tidak ditemukan; tambahkan dulu atau izinkan pembuatan otomatis (--create-missing, ?buat=1)", r->jabatan);
      return -1;
    }
    id = v / 8;
    jenis = (int)(v % 8);
  } else {
    struct db_stmt *st = db_prepare(m->db, "SELECT id, jenis FROM jabatan WHERE instansi_id = ?1 AND nama = ?2");
    if (!st) return -2;
    db_bind_int64(st, 1, m->o->instansi_id);
    db_bind_text(st, 2, r->jabatan);
    int s = db_step(st);
    if (s == DB_ROW) { id = db_col_int64(st, 0); jenis = jenis_code(db_col_text(st, 1)); }
    db_done(st);
    if (s != DB_ROW && s != DB_DONE) return -2;
  }
  if (id) {
    if (r->jenis_jabatan[0] && jenis_code(r->jenis_jabatan) != jenis) {
      char msg[400];
      snprintf(msg, sizeof msg, "jabatan \"%.200s\" sudah tercatat sebagai %s, bukan %s", r->jabatan, JENIS[jenis], r->jenis_jabatan);
      row_error(m, "jenis_jabatan", msg);
      return -1;
    }
    if (strmap_put(m->jabs, r->jabatan, id * 8 + jenis) != 0) return -2;
    return id;
  }
  if (jenis >= 0) return 0;  /* seen before; will be created */
  if (!m->o->create_missing) {
    if (strmap_put(m->jabs, r->jabatan, -1) != 0) return -2;
    row_errorf(m, "jabatan", "jabatan \"%s\" tidak ditemukan; tambahkan dulu atau izinkan pembuatan otomatis (--create-missing, ?buat=1)", r->jabatan);
    return -1;
  }
  if (!r->jenis_jabatan[0]) { row_error(m, "jenis_jabatan", "wajib diisi untuk jabatan yang belum ada"); return -1; }
  if (m->failed) return 0;
  const char *jenjang = NULL, *kategori = NULL;
  if (strcmp(r->jenis_jabatan, "fungsional") == 0) import_jenjang(r->jabatan, &jenjang, &kategori);
  struct db_stmt *st = db_prepare(m->db,
    "INSERT INTO jabatan (instansi_id, nama, jenis, kategori, jenjang, kelas_jabatan, aktif)"
    " VALUES (?1, ?2, ?3, ?4, ?5, NULL, 1) RETURNING id");
  if (!st) return -2;
  db_bind_int64(st, 1, m->o->instansi_id);
  db_bind_text(st, 2, r->jabatan);
  db_bind_text(st, 3, r->jenis_jabatan);
  db_bind_text(st, 4, kategori);
  db_bind_text(st, 5, jenjang);
  if (db_step(st) == DB_ROW) id = db_col_int64(st, 0);
  db_done(st);
  if (!id) return -2;
  m->res->jabatan_created++;
  json_t *after = json_pack("{s:I,s:s,s:s,s:s}", "id", (json_int_t)id, "nama", r->jabatan, "jenis", r->jenis_jabatan, "sumber", "import");
  int a = audit_append(m->db, m->o->actor, m->o->instansi_id, "jabatan.import.create", "jabatan", id, NULL, after);
  json_decref(after);
  if (a != 0) return -2;
  if (strmap_put(m->jabs, r->jabatan, id * 8 + jenis_code(r->jenis_jabatan)) != 0) return -2;
  return id;
}

#define PCOLS "id, instansi_id, nama, COALESCE(gelar_depan, ''), COALESCE(gelar_belakang, ''), jenis_kelamin," \
              " tanggal_lahir, jenis_asn, COALESCE(golongan, ''), COALESCE(email, ''), COALESCE(jabatan_id, 0),"  \
              " COALESCE(unit_kerja_id, 0), COALESCE(atasan_id, 0), aktif"

/* Loads the pegawai with this NIP: 0 found, 1 absent, -1 error. */
static int load_by_nip(struct db *db, const char *nip, struct pegawai_rec *p)
{
  struct db_stmt *st = db_prepare(db, "SELECT " PCOLS " FROM pegawai WHERE nip = ?1");
  if (!st) return -1;
  db_bind_text(st, 1, nip);
  int s = db_step(st);
  if (s == DB_ROW) {
    memset(p, 0, sizeof *p);
    p->id = db_col_int64(st, 0);
    p->instansi_id = db_col_int64(st, 1);
    str_copy(p->nip, sizeof p->nip, nip);
    str_copy(p->nama, sizeof p->nama, db_col_text(st, 2));
    str_copy(p->gelar_depan, sizeof p->gelar_depan, db_col_text(st, 3));
    str_copy(p->gelar_belakang, sizeof p->gelar_belakang, db_col_text(st, 4));
    str_copy(p->jenis_kelamin, sizeof p->jenis_kelamin, db_col_text(st, 5));
    str_copy(p->tanggal_lahir, sizeof p->tanggal_lahir, db_col_text(st, 6));
    str_copy(p->jenis_asn, sizeof p->jenis_asn, db_col_text(st, 7));
    str_copy(p->golongan, sizeof p->golongan, db_col_text(st, 8));
    str_copy(p->email, sizeof p->email, db_col_text(st, 9));
    p->jabatan_id = db_col_int64(st, 10);
    p->unit_kerja_id = db_col_int64(st, 11);
    p->atasan_id = db_col_int64(st, 12);
    p->aktif = (int)db_col_int64(st, 13);
  }
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

/* Puts the placement (jabatan, unit, atasan, golongan) in effect from `tanggal` into the
 * riwayat: the open row is updated in place when it starts that day, closed otherwise.
 * A pegawai created by this import (`baru`) has no riwayat yet: its first row is inserted
 * without looking.  Returns 0, 1 when the open row starts after `tanggal` (row error), -1 on
 * db error. */
static int riwayat_apply(struct imp *m, const struct pegawai_rec *p, bool baru)
{
  int64_t open_id = 0;
  char mulai[11] = "";
  struct db_stmt *st;
  int s;
  if (!baru) {
    st = db_prepare(m->db,
      "SELECT id, mulai FROM pegawai_riwayat WHERE pegawai_id = ?1 AND selesai IS NULL ORDER BY mulai DESC, id DESC LIMIT 1");
    if (!st) return -1;
    db_bind_int64(st, 1, p->id);
    s = db_step(st);
    if (s == DB_ROW) { open_id = db_col_int64(st, 0); str_copy(mulai, sizeof mulai, db_col_text(st, 1)); }
    db_done(st);
    if (s != DB_ROW && s != DB_DONE) return -1;
  }
  if (open_id && strcmp(mulai, m->tanggal) > 0) return 1;
  if (open_id && strcmp(mulai, m->tanggal) == 0) {
    st = db_prepare(m->db, "UPDATE pegawai_riwayat SET jabatan_id = ?2, unit_kerja_id = ?3, atasan_id = ?4, golongan = ?5 WHERE id = ?1");
    if (!st) return -1;
    db_bind_int64(st, 1, open_id);
  } else {
    if (open_id) {
      st = db_prepare(m->db, "UPDATE pegawai_riwayat SET selesai = ?2 WHERE id = ?1");
      if (!st) return -1;
      db_bind_int64(st, 1, open_id);
      db_bind_text(st, 2, m->tanggal);
      s = db_step(st);
      db_done(st);
      if (s != DB_DONE) return -1;
    }
    st = db_prepare(m->db,
      "INSERT INTO pegawai_riwayat (pegawai_id, jabatan_id, unit_kerja_id, atasan_id, golongan, mulai, selesai, sumber, dibuat)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, 'import', ?7)");
    if (!st) return -1;
    db_bind_int64(st, 1, p->id);
    db_bind_text(st, 6, m->tanggal);
    db_bind_int64(st, 7, m->now);
  }
  db_bind_id(st, 2, p->jabatan_id);
  db_bind_id(st, 3, p->unit_kerja_id);
  db_bind_id(st, 4, p->atasan_id);
  db_bind_text(st, 5, p->golongan[0] ? p->golongan : NULL);
  s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

static void bind_pegawai(struct db_stmt *st, const struct pegawai_rec *p, int f, int64_t now)
{
  db_bind_int64(st, f, p->instansi_id);
  db_bind_text(st, f + 1, p->nip);
  db_bind_text(st, f + 2, p->nama);
  db_bind_text(st, f + 3, p->gelar_depan[0] ? p->gelar_depan : NULL);
  db_bind_text(st, f + 4, p->gelar_belakang[0] ? p->gelar_belakang : NULL);
  db_bind_text(st, f + 5, p->jenis_kelamin);
  db_bind_text(st, f + 6, p->tanggal_lahir);
  db_bind_text(st, f + 7, p->jenis_asn);
  db_bind_text(st, f + 8, p->golongan[0] ? p->golongan : NULL);
  db_bind_id(st, f + 9, p->jabatan_id);
  db_bind_id(st, f + 10, p->unit_kerja_id);
  db_bind_id(st, f + 11, p->atasan_id);
  db_bind_text(st, f + 12, p->email[0] ? p->email : NULL);
  db_bind_int64(st, f + 13, p->aktif);
  db_bind_int64(st, f + 14, now);
}

#define PEGAWAI_INSERT \
  "INSERT INTO pegawai (instansi_id, nip, nama, gelar_depan, gelar_belakang, jenis_kelamin," \
  "                     tanggal_lahir, jenis_asn, golongan, jabatan_id, unit_kerja_id," \
  "                     atasan_id, email, aktif, diubah)"
#define RIWAYAT_INSERT \
  "INSERT INTO pegawai_riwayat (pegawai_id, jabatan_id, unit_kerja_id, atasan_id, golongan, mulai, dibuat, selesai, sumber)"

static int pegawai_write(struct imp *m, struct pegawai_rec *p, bool create)
{
  struct db_stmt *st = create
    ? db_prepare(m->db,
        "INSERT INTO pegawai (instansi_id, nip, nama, gelar_depan, gelar_belakang, jenis_kelamin,"
        "                     tanggal_lahir, jenis_asn, golongan, jabatan_id, unit_kerja_id,"
        "                     atasan_id, email, aktif, diubah)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) RETURNING id")
    : db_prepare(m->db,
        "UPDATE pegawai SET instansi_id = ?1, nip = ?2, nama = ?3, gelar_depan = ?4, gelar_belakang = ?5,"
        "       jenis_kelamin = ?6, tanggal_lahir = ?7, jenis_asn = ?8, golongan = ?9, jabatan_id = ?10,"
        "       unit_kerja_id = ?11, atasan_id = ?12, email = ?13, aktif = ?14, diubah = ?15"
        " WHERE id = ?16");
  if (!st) return -1;
  bind_pegawai(st, p, 1, m->now);
  if (!create) db_bind_int64(st, 16, p->id);
  int s = db_step(st);
  if (create && s == DB_ROW) p->id = db_col_int64(st, 0);
  db_done(st);
  return (create ? s == DB_ROW : s == DB_DONE) ? 0 : -1;
}

static bool same_identity(const struct pegawai_rec *a, const struct pegawai_rec *b)
{
  return !strcmp(a->nama, b->nama) && !strcmp(a->gelar_depan, b->gelar_depan) &&
         !strcmp(a->gelar_belakang, b->gelar_belakang) && !strcmp(a->jenis_kelamin, b->jenis_kelamin) &&
         !strcmp(a->tanggal_lahir, b->tanggal_lahir) && !strcmp(a->jenis_asn, b->jenis_asn) &&
         !strcmp(a->golongan, b->golongan) && !strcmp(a->email, b->email) && a->aktif == b->aktif;
}

static int tunda_push(struct imp *m, int64_t id, const char *nip_atasan, bool unchanged)
{
  if (m->ntunda == m->captunda) {
    size_t cap = m->captunda ? m->captunda * 2 : 1024;
    struct tunda *t = realloc(m->tunda, cap * sizeof *t);
    if (!t) return -1;
    m->tunda = t;
    m->captunda = cap;
  }
  struct tunda *t = &m->tunda[m->ntunda++];
  t->pegawai_id = id;
  t->line = m->cur_line;
  t->unchanged = unchanged;
  str_copy(t->nip_atasan, sizeof t->nip_atasan, nip_atasan);
  return 0;
}

/* Remembers the pegawai id of a NIP of the file once its row is stored (atasan_by_nip). */
static int nip_id(struct imp *m, const char *nip, int64_t id)
{
  int64_t *v = id > 0 && id < (int64_t)1 << 31 ? nipmap_ref(m->nips, nip) : NULL;
  if (v) *v = NIP_VAL(id, NIP_LINE(*v));
  return 0;
}

/* The multi-row INSERT texts: "PREFIX VALUES (?1, ..., ?k), (...), ... SUFFIX" for BARU_MAKS rows
 * of k parameters; `tetap` is appended inside each row after its parameters. */
static char *sql_banyak(const char *prefix, int k, const char *tetap, const char *suffix)
{
  size_t cap = strlen(prefix) + strlen(suffix) + (size_t)BARU_MAKS * ((size_t)k * 8 + strlen(tetap) + 8) + 16;
  char *s = malloc(cap);
  if (!s) return NULL;
  size_t n = (size_t)snprintf(s, cap, "%s VALUES ", prefix);
  for (int r = 0; r < BARU_MAKS; r++) {
    n += (size_t)snprintf(s + n, cap - n, "%s(", r ? ", " : "");
    for (int i = 1; i <= k; i++) n += (size_t)snprintf(s + n, cap - n, "%s?%d", i > 1 ? ", " : "", r * k + i);
    n += (size_t)snprintf(s + n, cap - n, "%s)", tetap);
  }
  snprintf(s + n, cap - n, "%s", suffix);
  return s;
}

/* Writes the buffered created pegawai: with their first riwayat row, their audit (import_audit)
 * and their wait for an atasan later in the file, in file order.  A full buffer goes in one
 * INSERT of BARU_MAKS rows whose ids come back by NIP; a partial one row by row.  0 or -1. */
static int baru_tulis(struct imp *m)
{
  size_t n = m->nbaru;
  m->nbaru = 0;
  if (!n) return 0;
  if (n == BARU_MAKS && m->sql_baru && m->sql_riwayat) {
    struct db_stmt *st = db_prepare(m->db, m->sql_baru);
    if (!st) return -1;
    for (size_t i = 0; i < n; i++) bind_pegawai(st, &m->baru[i].p, (int)i * 15 + 1, m->now);
    size_t got = 0;
    int s;
    while ((s = db_step(st)) == DB_ROW) {
      const char *nip = db_col_text(st, 1);
      /* the rows come back in VALUES order in practice: try that slot first */
      size_t i = got < n && !m->baru[got].p.id && strcmp(m->baru[got].p.nip, nip) == 0 ? got : 0;
      for (; i < n; i++)
        if (!m->baru[i].p.id && strcmp(m->baru[i].p.nip, nip) == 0) { m->baru[i].p.id = db_col_int64(st, 0); got++; break; }
    }
    db_done(st);
    if (s != DB_DONE || got != n) return -1;
    st = db_prepare(m->db, m->sql_riwayat);
    if (!st) return -1;
    for (size_t i = 0; i < n; i++) {
      const struct pegawai_rec *p = &m->baru[i].p;
      int f = (int)i * 7 + 1;
      db_bind_int64(st, f, p->id);
      db_bind_id(st, f + 1, p->jabatan_id);
      db_bind_id(st, f + 2, p->unit_kerja_id);
      db_bind_id(st, f + 3, p->atasan_id);
      db_bind_text(st, f + 4, p->golongan[0] ? p->golongan : NULL);
      db_bind_text(st, f + 5, m->tanggal);
      db_bind_int64(st, f + 6, m->now);
    }
    s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  } else {
    for (size_t i = 0; i < n; i++) {
      if (pegawai_write(m, &m->baru[i].p, true) != 0) return -1;
      if (riwayat_apply(m, &m->baru[i].p, true) != 0) return -1;
    }
  }
  for (size_t i = 0; i < n; i++) {
    struct baru *b = &m->baru[i];
    size_t len = 0;
    char *after = pegawai_rec_teks(&b->p, &len);
    int a = after ? import_audit_add_teks(m->aud, m->db, b->p.id, b->line, NULL, after, len) : -1;
    free(after);
    if (a != 0 || nip_id(m, b->p.nip, b->p.id) != 0) return -1;
    if (b->tunda) {
      m->cur_line = b->line;
      if (tunda_push(m, b->p.id, b->nip_atasan, false) != 0) return -1;
    }
  }
  return 0;
}

/* Is this NIP among the buffered created pegawai (not stored yet)? */
static bool baru_ada(const struct imp *m, const char *nip)
{
  for (size_t i = 0; i < m->nbaru; i++)
    if (strcmp(m->baru[i].p.nip, nip) == 0) return true;
  return false;
}

/* The atasan by NIP: 0 found (*id), 1 not stored yet, 2 in another instansi, -1 error. */
static int atasan_by_nip(struct imp *m, const char *nip, int64_t *id)
{
  int64_t v;
  if (nipmap_get(m->nips, nip, &v) && NIP_ID(v)) {  /* stored by this import: in this instansi */
    *id = NIP_ID(v);
    return 0;
  }
  if (m->ada && !nipmap_get(m->ada, nip, NULL) && !nipmap_get(m->nips, nip, NULL)) return 1;
  struct db_stmt *st = db_prepare(m->db, "SELECT id, instansi_id FROM pegawai WHERE nip = ?1");
  if (!st) return -1;
  db_bind_text(st, 1, nip);
  int s = db_step(st), rc = 1;
  if (s == DB_ROW) {
    *id = db_col_int64(st, 0);
    rc = db_col_int64(st, 1) == m->o->instansi_id ? 0 : 2;
  } else if (s != DB_DONE) rc = -1;
  db_done(st);
  return rc;
}

/* One data row: check, resolve, write.  Returns 0, or -1 on a database error. */
static int do_row(struct imp *m, const char *const *fields, size_t n)
{
  struct import_row r;
  m->cur_bad = false;
  m->res->rows++;
  import_row_parse(&m->h, fields, n, &r, row_error, m);
  if (r.nip[0]) {
    int64_t first;
    if (nipmap_get(m->nips, r.nip, &first)) {
      char msg[128];
      snprintf(msg, sizeof msg, "NIP ini sudah ada di baris %lld berkas yang sama", (long long)NIP_LINE(first));
      row_error(m, "nip", msg);
      r.nip[0] = '\0';
    } else if (nipmap_put(m->nips, r.nip, NIP_VAL(0, m->cur_line)) != 0) {
      return -1;
    }
  }
  int64_t unit = r.unit_kerja[0] ? unit_id(m, r.unit_kerja) : 0;
  int64_t jab = r.jabatan[0] ? jabatan_id(m, &r) : 0;
  if (unit == -2 || jab == -2) return -1;

  struct pegawai_rec old, p;
  memset(&old, 0, sizeof old);
  int found = 1;
  if (r.nip[0]) {
    found = m->ada && !nipmap_get(m->ada, r.nip, NULL) ? 1 : load_by_nip(m->db, r.nip, &old);
    if (found < 0) return -1;
    if (found == 0 && old.instansi_id != m->o->instansi_id) {
      row_error(m, "nip", "NIP ini terdaftar di instansi lain; pindahkan lewat instansi asalnya atau superadmin");
      return 0;
    }
  }
  int64_t atasan = 0;
  bool tunda = false;
  if (r.nip_atasan[0]) {
    if (!m->failed && baru_ada(m, r.nip_atasan)) {
      int64_t line = m->cur_line;
      if (baru_tulis(m) != 0) return -1;
      m->cur_line = line;
    }
    int a = atasan_by_nip(m, r.nip_atasan, &atasan);
    if (a < 0) return -1;
    if (a == 2) { row_error(m, "nip_atasan", "atasan terdaftar di instansi lain"); atasan = 0; }
    else if (a == 1) tunda = true;
  }
  if (m->cur_bad || m->failed) return 0;  /* checked; nothing more is written */

  bool create = found == 1;
  if (create) {
    memset(&p, 0, sizeof p);
    p.instansi_id = m->o->instansi_id;
    str_copy(p.nip, sizeof p.nip, r.nip);
  } else {
    p = old;
  }
  str_copy(p.nama, sizeof p.nama, r.nama);
  if (r.has[K_GELAR_DEPAN] || create) str_copy(p.gelar_depan, sizeof p.gelar_depan, r.gelar_depan);
  if (r.has[K_GELAR_BELAKANG] || create) str_copy(p.gelar_belakang, sizeof p.gelar_belakang, r.gelar_belakang);
  str_copy(p.jenis_kelamin, sizeof p.jenis_kelamin, r.jenis_kelamin);
  str_copy(p.tanggal_lahir, sizeof p.tanggal_lahir, r.tanggal_lahir);
  str_copy(p.jenis_asn, sizeof p.jenis_asn, r.jenis_asn);
  if (r.has[K_GOLONGAN] || create) str_copy(p.golongan, sizeof p.golongan, r.golongan);
  if (r.has[K_EMAIL] || create) str_copy(p.email, sizeof p.email, r.email);
  p.aktif = 1;
  p.jabatan_id = jab;
  p.unit_kerja_id = unit;
  if (r.has[K_NIP_ATASAN]) p.atasan_id = tunda ? (create ? 0 : old.atasan_id) : atasan;

  bool placement = create || p.jabatan_id != old.jabatan_id || p.unit_kerja_id != old.unit_kerja_id ||
                   p.atasan_id != old.atasan_id;
  bool changed = create || placement || !same_identity(&p, &old);
  if (create && m->baru) {   /* written with others (baru_tulis) */
    struct baru *b = &m->baru[m->nbaru++];
    b->p = p;
    b->p.id = 0;
    b->line = m->cur_line;
    b->tunda = tunda;
    str_copy(b->nip_atasan, sizeof b->nip_atasan, r.nip_atasan);
    if (p.atasan_id) m->atasan_set = true;
    m->res->created++;
    return m->nbaru == BARU_MAKS ? baru_tulis(m) : 0;
  }
  if (changed) {
    if (pegawai_write(m, &p, create) != 0) return -1;
    if (placement) {
      int rw = riwayat_apply(m, &p, create);
      if (rw < 0) return -1;
      if (rw == 1) { row_error(m, "nip", "riwayat jabatan pegawai ini dimulai setelah tanggal impor; pakai --tanggal/?tanggal= yang lebih baru"); return 0; }
    }
    if (p.atasan_id && (create || p.atasan_id != old.atasan_id)) m->atasan_set = true;
    size_t len = 0;
    char *after = pegawai_rec_teks(&p, &len);
    json_t *before = create ? NULL : pegawai_rec_json(&old);
    int a = after && (create || before) ? import_audit_add_teks(m->aud, m->db, p.id, m->cur_line, before, after, len) : -1;
    free(after);
    json_decref(before);
    if (a != 0) return -1;
    if (create) m->res->created++;
    else m->res->updated++;
  } else {
    m->res->unchanged++;
  }
  if (nip_id(m, p.nip, p.id) != 0) return -1;
  if (tunda && tunda_push(m, p.id, r.nip_atasan, !changed) != 0) return -1;
  return 0;
}

/* Pass 2: atasan that appeared later in the file than their bawahan. */
static int pass_atasan(struct imp *m)
{
  for (size_t i = 0; i < m->ntunda; i++) {
    struct tunda *t = &m->tunda[i];
    m->cur_line = t->line;
    m->cur_bad = false;
    int64_t atasan = 0;
    int a = atasan_by_nip(m, t->nip_atasan, &atasan);
    if (a < 0) return -1;
    if (a == 1 && nipmap_get(m->nips, t->nip_atasan, NULL)) continue;  /* a row not written after an error */
    if (a == 1) {
      row_errorf(m, "nip_atasan", "tidak ada pegawai dengan NIP %s, di berkas ini maupun yang sudah tercatat", t->nip_atasan);
      continue;
    }
    if (a == 2) { row_error(m, "nip_atasan", "atasan terdaftar di instansi lain"); continue; }
    if (m->failed) continue;
    struct pegawai_rec p;
    if (pegawai_load(m->db, t->pegawai_id, &p) != 0) return -1;
    if (p.atasan_id == atasan) continue;
    json_t *before = json_pack("{s:o}", "atasan_id", p.atasan_id ? json_integer(p.atasan_id) : json_null());
    p.atasan_id = atasan;
    struct db_stmt *st = db_prepare(m->db, "UPDATE pegawai SET atasan_id = ?2, diubah = ?3 WHERE id = ?1");
    if (!st) { json_decref(before); return -1; }
    db_bind_int64(st, 1, p.id);
    db_bind_int64(st, 2, atasan);
    db_bind_int64(st, 3, m->now);
    int s = db_step(st);
    db_done(st);
    int rw = s == DB_DONE ? riwayat_apply(m, &p, false) : -1;
    json_t *after = json_pack("{s:I}", "atasan_id", (json_int_t)atasan);
    int au = rw == 0 ? (after ? import_audit_add(m->aud_atasan, m->db, p.id, t->line, before, after) : -1) : 0;
    json_decref(before);
    json_decref(after);
    if (rw < 0 || au != 0) return -1;
    if (rw == 1) { row_error(m, "nip_atasan", "riwayat jabatan pegawai ini dimulai setelah tanggal impor"); continue; }
    m->atasan_set = true;
    if (t->unchanged) { m->res->unchanged--; m->res->updated++; t->unchanged = false; }
    if (m->o->progress && (i + 1) % PROGRESS_EVERY == 0) m->o->progress(m->o->progress_ctx, "atasan", (int64_t)i + 1);
  }
  return m->failed ? 0 : import_audit_flush(m->aud_atasan, m->db);
}

/* The atasan tree of the instansi must stay a tree: walk it in memory (O(n)). */
static int check_cycles(struct imp *m)
{
  int64_t max = 0;
  if (db_query_int64(m->db, "SELECT COALESCE(MAX(id), 0) FROM pegawai", 0, 0, &max) != DB_ROW) return -1;
  int64_t *parent = calloc((size_t)max + 1, sizeof *parent);
  unsigned char *state = calloc((size_t)max + 1, 1);  /* 0 new, 1 on the current path, 2 done */
  int rc = -1, reported = 0;
  if (!parent || !state) goto out;
  struct db_stmt *st = db_prepare(m->db, "SELECT id, atasan_id FROM pegawai WHERE instansi_id = ?1 AND atasan_id IS NOT NULL");
  if (!st) goto out;
  db_bind_int64(st, 1, m->o->instansi_id);
  int s;
  while ((s = db_step(st)) == DB_ROW) {
    int64_t id = db_col_int64(st, 0), a = db_col_int64(st, 1);
    if (id > 0 && id <= max && a > 0 && a <= max) parent[id] = a;
  }
  db_done(st);
  if (s != DB_DONE) goto out;
  for (int64_t i = 1; i <= max; i++) {
    int64_t x = i;
    while (x && state[x] == 0) { state[x] = 1; x = parent[x]; }
    if (x && state[x] == 1 && reported < 10) {
      /* x is on a cycle: report the row of x from the file */
      st = db_prepare(m->db, "SELECT nip FROM pegawai WHERE id = ?1");
      if (!st) goto out;
      db_bind_int64(st, 1, x);
      char nip[19] = "";
      if (db_step(st) == DB_ROW) str_copy(nip, sizeof nip, db_col_text(st, 0));
      db_done(st);
      int64_t line = 0;
      if (nipmap_get(m->nips, nip, &line)) line = NIP_LINE(line);
      m->cur_line = line;
      m->cur_bad = false;
      row_errorf(m, "nip_atasan", "rantai atasan membentuk lingkaran (pegawai %s akhirnya menjadi atasan dirinya sendiri)", nip);
      reported++;
    }
    for (x = i; x && state[x] == 1; x = parent[x]) state[x] = 2;
  }
  rc = 0;
out:
  free(parent);
  free(state);
  return rc;
}

/* Bulk mode: the NIPs stored before the import (fewer than the rows to come, by the rule), so that
 * a row's NIP is looked up in the database only when it is there. */
static int muat_ada(struct imp *m)
{
  if (!(m->ada = nipmap_new())) return -1;
  struct db_stmt *st = db_prepare(m->db, "SELECT nip FROM pegawai");
  if (!st) return -1;
  int s;
  bool semua = true;   /* a stored NIP that is not 18 digits (or no memory): look every NIP up */
  while ((s = db_step(st)) == DB_ROW)
    if (semua && nipmap_put(m->ada, db_col_text(st, 0), 1) != 0) semua = false;
  db_done(st);
  if (!semua) { nipmap_free(m->ada); m->ada = NULL; }
  return s == DB_DONE ? 0 : -1;
}

/* ---- parsing ---- */

static void on_field(void *s, size_t len, void *ctx)
{
  struct imp *m = ctx;
  if (m->nf >= MAX_FIELDS) { m->row_too_wide = true; return; }
  if (len > IMPORT_FIELD_MAX + 1) len = IMPORT_FIELD_MAX + 1;  /* import_row reports "terlalu panjang" */
  m->off[m->nf++] = m->rowlen;
  if (len) memcpy(m->rowbuf + m->rowlen, s, len);
  m->rowlen += len;
  m->rowbuf[m->rowlen++] = '\0';
}

static void on_row(int c, void *ctx)
{
  struct imp *m = ctx;
  const char *fields[MAX_FIELDS];
  for (size_t i = 0; i < m->nf; i++) fields[i] = m->rowbuf + m->off[i];
  m->cur_line = m->row_line;
  bool empty = m->nf == 0 || (m->nf == 1 && fields[0][0] == '\0');
  if (m->dberr || empty) goto done;
  if (!m->have_header) {
    char why[256];
    if (import_header_parse(&m->h, fields, m->nf, why, sizeof why) != 0) {
      snprintf(m->res->fatal, sizeof m->res->fatal, "baris 1: %.200s", why);
      m->cur_bad = false;
      row_error(m, NULL, why);
      m->dberr = 0;
      m->failed = true;
    }
    m->have_header = true;
    goto done;
  }
  if (m->res->fatal[0]) goto done;
  if (m->row_too_wide) { m->cur_bad = false; row_error(m, NULL, "terlalu banyak kolom (maksimal 128)"); m->res->rows++; goto done; }
  if (do_row(m, fields, m->nf) != 0) m->dberr = 1;
  if (m->o->progress && m->res->rows % PROGRESS_EVERY == 0) m->o->progress(m->o->progress_ctx, "memeriksa dan menyimpan", m->res->rows);
done:
  m->nf = 0;
  m->rowlen = 0;
  m->row_too_wide = false;
  (void)c;
}

static unsigned char detect_delim(const char *line)
{
  int semi = 0, comma = 0, tab = 0;
  bool q = false;
  for (const char *p = line; *p && *p != '\n'; p++) {
    if (*p == '"') q = !q;
    else if (!q && *p == ';') semi++;
    else if (!q && *p == ',') comma++;
    else if (!q && *p == '\t') tab++;
  }
  if (semi >= comma && semi >= tab && semi > 0) return ';';
  if (tab > comma) return '\t';
  return ',';
}

/* The import; `bytes` (the file's size, 0 when unknown) decides on bulk mode (import_massal.h). */
static int import_jalan(struct db *db, const struct import_opts *o, FILE *in, int64_t bytes, struct import_result *res)
{
  struct imp m;
  memset(&m, 0, sizeof m);
  memset(res, 0, sizeof *res);
  res->errors = json_array();
  m.db = db;
  m.o = o;
  m.res = res;
  m.now = now_unix();
  m.max_errors = o->max_errors > 0 ? o->max_errors : 1000;
  if (o->tanggal) str_copy(m.tanggal, sizeof m.tanggal, o->tanggal);
  else date_today(7, m.tanggal);
  int rc = -1;
  char *line = NULL;
  size_t cap = 0;
  bool began = false;
  struct import_massal *massal = NULL;

  m.rowbuf = malloc(LINE_MAX_BYTES + MAX_FIELDS * 2 + (IMPORT_FIELD_MAX + 2) * MAX_FIELDS);
  m.nips = nipmap_new();
  m.units = strmap_new();
  m.jabs = strmap_new();
  m.aud = import_audit_new("pegawai.import", o->actor, o->instansi_id);
  m.aud_atasan = import_audit_new("pegawai.import.atasan", o->actor, o->instansi_id);
  m.baru = malloc(BARU_MAKS * sizeof *m.baru);
  m.sql_baru = sql_banyak(PEGAWAI_INSERT, 15, "", " RETURNING id, nip");
  m.sql_riwayat = sql_banyak(RIWAYAT_INSERT, 7, ", NULL, 'import'", "");
  if (!m.aud || !m.aud_atasan || !res->errors || !m.rowbuf || !m.nips || !m.units || !m.jabs || csv_init(&m.csv, CSV_APPEND_NULL) != 0) goto out;

  massal = import_massal_siapkan(db, bytes, o->massal);
  if (db_begin_write(db) != DB_OK) goto out;
  began = true;
  if (massal && (import_massal_mulai(massal) != 0 || muat_ada(&m) != 0)) goto out;
  ssize_t len;
  while ((len = getline(&line, &cap, in)) > 0) {
    m.line++;
    char *p = line;
    if (m.line == 1) {
      if (len >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF) { p += 3; len -= 3; }
      csv_set_delim(&m.csv, detect_delim(p));
    }
    if (len > LINE_MAX_BYTES) {
      snprintf(res->fatal, sizeof res->fatal, "baris %lld lebih panjang dari 64 KiB; apakah ini berkas CSV?", (long long)m.line);
      m.cur_line = m.line;
      m.cur_bad = false;
      row_error(&m, NULL, res->fatal);
      break;
    }
    if (m.csv.pstate == 0) m.row_line = m.line;  /* no record in progress: one starts here */
    if (csv_parse(&m.csv, p, (size_t)len, on_field, on_row, &m) != (size_t)len) {
      snprintf(res->fatal, sizeof res->fatal, "baris %lld: %s", (long long)m.line, csv_strerror(csv_error(&m.csv)));
      break;
    }
    if (m.dberr) break;
    if (m.csv.entry_pos > 16 * LINE_MAX_BYTES) {  /* a quoted field running on over many lines */
      snprintf(res->fatal, sizeof res->fatal, "baris %lld: kutip (\") tidak ditutup", (long long)m.row_line);
      break;
    }
  }
  if (!res->fatal[0] && !m.dberr) csv_fini(&m.csv, on_field, on_row, &m);
  if (m.dberr) goto out;
  if (m.line == 0 && !res->fatal[0]) snprintf(res->fatal, sizeof res->fatal, "berkas kosong: tidak ada baris judul");
  if (!m.have_header && !res->fatal[0]) snprintf(res->fatal, sizeof res->fatal, "baris judul tidak ditemukan");
  if (o->progress) o->progress(o->progress_ctx, "memeriksa dan menyimpan", res->rows);
  if (!res->fatal[0]) {
    if (!m.failed && baru_tulis(&m) != 0) goto out;
    if (!m.failed && import_audit_flush(m.aud, db) != 0) goto out;
    if (pass_atasan(&m) != 0) goto out;
    if (!m.failed && m.atasan_set && check_cycles(&m) != 0) goto out;
  }
  if (res->fatal[0] || m.failed || o->dry_run) {
    db_rollback(db);
    began = false;
    rc = res->fatal[0] || m.failed ? 1 : 0;
    goto out;
  }
  if (massal) {
    int x = import_massal_selesai(massal, res->fatal, sizeof res->fatal);
    if (x < 0) goto out;
    if (x > 0) {
      m.cur_line = 0;
      m.cur_bad = false;
      row_error(&m, NULL, res->fatal);
      db_rollback(db);
      began = false;
      rc = 1;
      goto out;
    }
  }
  if (res->created + res->updated > 0) {
    json_t *sum = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:s}", "baris", (json_int_t)res->rows, "dibuat", (json_int_t)res->created,
                            "diubah", (json_int_t)res->updated, "tidak_berubah", (json_int_t)res->unchanged,
                            "unit_dibuat", (json_int_t)res->units_created, "jabatan_dibuat", (json_int_t)res->jabatan_created,
                            "tanggal", m.tanggal);
    int a = audit_append(db, o->actor, o->instansi_id, "import.pegawai", "instansi", o->instansi_id, NULL, sum);
    json_decref(sum);
    if (a != 0) goto out;
  }
  if (db_commit(db) != DB_OK) goto out;
  began = false;
  rc = 0;
out:
  if (began) db_rollback(db);
  import_massal_tutup(massal);
  if (rc == 1) {  /* rejected: the counts describe nothing stored */
    res->created = res->updated = res->unchanged = res->units_created = res->jabatan_created = 0;
  }
  csv_free(&m.csv);
  free(line);
  free(m.rowbuf);
  free(m.tunda);
  nipmap_free(m.nips);
  nipmap_free(m.ada);
  strmap_free(m.units);
  strmap_free(m.jabs);
  import_audit_free(m.aud);
  free(m.baru);
  free(m.sql_baru);
  free(m.sql_riwayat);
  import_audit_free(m.aud_atasan);
  return rc;
}

int import_pegawai_stream(struct db *db, const struct import_opts *o, FILE *in, struct import_result *res)
{
  struct stat sb;
  int fd = fileno(in);
  int64_t bytes = fd >= 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) ? (int64_t)sb.st_size : 0;
  return import_jalan(db, o, in, bytes, res);
}

int import_pegawai_buffer(struct db *db, const struct import_opts *o, const char *data, size_t len,
                          struct import_result *res)
{
  if (len == 0) {
    memset(res, 0, sizeof *res);
    res->errors = json_array();
    snprintf(res->fatal, sizeof res->fatal, "berkas kosong: tidak ada baris judul");
    return 1;
  }
  FILE *f = fmemopen((void *)data, len, "r");
  if (!f) { memset(res, 0, sizeof *res); return -1; }
  int rc = import_jalan(db, o, f, (int64_t)len, res);
  fclose(f);
  return rc;
}
