/* pindah_instansi.c: `kinerja migrate-data --instansi ID --from sqlite:... --to postgres://...`
 * (issue 12, item 7): one instansi out of a SQLite database into a PostgreSQL database that may
 * already hold other instansi.
 *
 * Which rows belong to the instansi is derived from the schema, so a new migration needs no
 * change here: the instansi row itself; a table with an `instansi_id` column by that column;
 * any other table through its first NOT NULL foreign key whose parent belongs to an instansi
 * (then a nullable one), recursively (rhk -> skp -> instansi_id).  Rollup tables without
 * foreign keys are listed in `TERIKAT` below; tables with no path (schema_version,
 * audit_kepala, versi_data, global configuration) are not copied and are listed in the log.
 *
 * Ids are kept.  A row whose id (or another unique key: NIP, username, instansi kode) is already
 * used in the target stops the move with the table named: nothing is remapped (remapping every
 * foreign key of ~80 tables is larger and riskier; shards get disjoint id ranges instead,
 * docs/produksi/kapasitas.md).
 *
 * The audit chain: the source chain is verified first.  On the target one record
 * `instansi.pindah` is appended (source chain head id and hash, the source audit id range, the
 * number of records), then the instansi's source audit records in their order, each with its
 * content unchanged (time, actor, action, before/after, request id) but a new id and new
 * hash_prev/hash continuing the target chain, so the whole target chain verifies.  Then the
 * per-table counts of the instansi are compared between source and target and the target chain
 * is verified; any difference rolls everything back.
 */
#include "pindah_data.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "db/migrate.h"
#include "partisi.h"

#define MAKS_TABEL 512
#define SARING 2048

struct tabel {
  char nama[64];
  char saring[SARING];   /* WHERE of the instansi's rows; "" = not bound to an instansi */
  int keadaan;           /* 0 not yet, 1 being derived (cycle guard), 2 derived */
};

struct peta {
  struct tabel *t;
  int n;
  int64_t instansi;
};

/* Rollup tables kept by triggers, without foreign keys. */
static const struct {
  const char *tabel, *kolom, *induk;
} TERIKAT[] = {
  {"aktivitas_bulan", "pegawai_id", "pegawai"},
  {"aktivitas_unit_bulan", "unit_kerja_id", "unit_kerja"},
};

static int cari(struct peta *p, const char *nama)
{
  for (int i = 0; i < p->n; i++)
    if (!strcmp(p->t[i].nama, nama)) return i;
  return -1;
}

static bool ada_kolom(struct db *src, const char *tabel, const char *kolom)
{
  int64_t n = 0;
  struct db_stmt *st = db_prepare(src, "SELECT COUNT(*) FROM pragma_table_info(?1) WHERE name = ?2");
  if (!st) return false;
  db_bind_text(st, 1, tabel);
  db_bind_text(st, 2, kolom);
  if (db_step(st) == DB_ROW) n = db_col_int64(st, 0);
  db_done(st);
  return n > 0;
}

static const char *saring(struct db *src, struct peta *p, int i);

/* "col IN (SELECT key FROM parent WHERE <parent's filter>)" through the first foreign key (only
 * NOT NULL ones when wajib) whose parent is bound to the instansi; else nothing. */
static void lewat_induk(struct db *src, struct peta *p, int i, bool wajib)
{
  struct tabel *t = &p->t[i];
  struct { char kol[64], induk[64], ke[64]; } fk[32];
  int nfk = 0;
  struct db_stmt *st = db_prepare(src,
    "SELECT f.\"from\", f.\"table\", COALESCE(f.\"to\", ''), c.\"notnull\""
    "  FROM pragma_foreign_key_list(?1) f JOIN pragma_table_info(?1) c ON c.name = f.\"from\""
    " ORDER BY f.id DESC");   /* declaration order */
  if (!st) return;
  db_bind_text(st, 1, t->nama);
  while (db_step(st) == DB_ROW && nfk < 32) {
    if (wajib && db_col_int64(st, 3) == 0) continue;
    snprintf(fk[nfk].kol, sizeof fk[0].kol, "%s", db_col_text(st, 0));
    snprintf(fk[nfk].induk, sizeof fk[0].induk, "%s", db_col_text(st, 1));
    const char *ke = db_col_text(st, 2);
    snprintf(fk[nfk].ke, sizeof fk[0].ke, "%s", ke && ke[0] ? ke : "id");
    nfk++;
  }
  db_done(st);   /* before the recursion, which prepares statements of its own */
  for (int k = 0; k < nfk && !t->saring[0]; k++) {
    if (!strcmp(fk[k].induk, t->nama)) continue;
    int j = cari(p, fk[k].induk);
    if (j < 0) continue;
    const char *w = saring(src, p, j);
    if (!w[0]) continue;
    int m = snprintf(t->saring, SARING, "\"%s\" IN (SELECT \"%s\" FROM \"%s\" WHERE %s)", fk[k].kol, fk[k].ke, fk[k].induk, w);
    if (m < 0 || m >= SARING) t->saring[0] = 0;   /* too deep: try another key */
  }
}

/* The WHERE clause of table i's rows of the instansi ("" = not bound). */
static const char *saring(struct db *src, struct peta *p, int i)
{
  struct tabel *t = &p->t[i];
  if (t->keadaan) return t->saring;   /* derived, or being derived (a cycle: not through here) */
  t->keadaan = 1;
  const int64_t x = p->instansi;
  if (!strcmp(t->nama, "instansi")) {
    snprintf(t->saring, SARING, "id = %" PRId64, x);
  } else if (!strcmp(t->nama, "audit_log") || !strcmp(t->nama, "audit_kepala") ||
             !strcmp(t->nama, "schema_version") || !strcmp(t->nama, "versi_data")) {
    /* the chain is re-linked separately; the others are the target's own */
  } else if (ada_kolom(src, t->nama, "instansi_id")) {
    snprintf(t->saring, SARING, "instansi_id = %" PRId64, x);
  } else {
    for (size_t k = 0; k < sizeof TERIKAT / sizeof TERIKAT[0]; k++)
      if (!strcmp(t->nama, TERIKAT[k].tabel))
        snprintf(t->saring, SARING, "\"%s\" IN (SELECT id FROM \"%s\" WHERE instansi_id = %" PRId64 ")",
                 TERIKAT[k].kolom, TERIKAT[k].induk, x);
    if (!t->saring[0]) lewat_induk(src, p, i, true);
    if (!t->saring[0]) lewat_induk(src, p, i, false);
  }
  t->keadaan = 2;
  return t->saring;
}

static int hitung(struct db *db, const char *tabel, const char *w, int64_t *n)
{
  char q[SARING + 128];
  snprintf(q, sizeof q, "SELECT COUNT(*) FROM \"%s\" WHERE %s", tabel, w);
  return db_query_int64(db, q, 0, 0, n) == DB_ROW ? 0 : -1;
}

/* The instansi's audit records of the source, appended to the target chain after a record
 * `instansi.pindah`.  *n receives the number copied. */
static int salin_audit(struct db *src, struct db *dst, int64_t x, int64_t *n, FILE *log)
{
  int rc = -1;
  int64_t kepala_id = 0, pertama = 0, terakhir = 0, jumlah = 0;
  char kepala_hash[65] = "";
  struct db_stmt *st = db_prepare(src, "SELECT last_id, hash FROM audit_kepala WHERE satu = 1");
  if (!st) return -1;
  if (db_step(st) == DB_ROW) {
    kepala_id = db_col_int64(st, 0);
    snprintf(kepala_hash, sizeof kepala_hash, "%s", db_col_text(st, 1));
  }
  db_done(st);
  st = db_prepare(src, "SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), 0), COUNT(*) FROM audit_log WHERE instansi_id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, x);
  if (db_step(st) == DB_ROW) {
    pertama = db_col_int64(st, 0);
    terakhir = db_col_int64(st, 1);
    jumlah = db_col_int64(st, 2);
  }
  db_done(st);

  json_t *isi = json_pack("{s:I,s:s,s:I,s:I,s:I}", "sumber_kepala_id", (json_int_t)kepala_id,
                          "sumber_kepala_hash", kepala_hash, "audit_sumber_pertama", (json_int_t)pertama,
                          "audit_sumber_terakhir", (json_int_t)terakhir, "jumlah", (json_int_t)jumlah);
  int a = isi ? audit_append(dst, NULL, x, "instansi.pindah", "instansi", x, NULL, isi) : -1;
  json_decref(isi);
  if (a != 0) { fprintf(log, "kinerja migrate-data: catatan instansi.pindah: %s\n", db_errmsg(dst)); return -1; }

  int64_t last = 0;
  char prev[65] = "";
  st = db_prepare(dst, "SELECT last_id, hash FROM audit_kepala WHERE satu = 1");
  if (!st) return -1;
  if (db_step(st) == DB_ROW) {
    last = db_col_int64(st, 0);
    snprintf(prev, sizeof prev, "%s", db_col_text(st, 1));
  }
  db_done(st);

  struct db_stmt *r = db_prepare(src,
    "SELECT waktu, pengguna_id, aksi, entitas, entitas_id, sebelum, sesudah, request_id"
    "  FROM audit_log WHERE instansi_id = ?1 ORDER BY id");
  struct db_stmt *w = db_prepare(dst,
    "INSERT INTO audit_log (id, instansi_id, waktu, pengguna_id, aksi, entitas, entitas_id,"
    "                       sebelum, sesudah, request_id, hash_prev, hash)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  *n = 0;
  if (!r || !w) goto out;
  db_bind_int64(r, 1, x);
  int s;
  while ((s = db_step(r)) == DB_ROW) {
    const int64_t waktu = db_col_int64(r, 0), uid = db_col_int64(r, 1), eid = db_col_int64(r, 4);
    const char *aksi = db_col_text(r, 2), *entitas = db_col_text(r, 3), *sb = db_col_text(r, 5),
               *sa = db_col_text(r, 6), *rid = db_col_text(r, 7);
    char hash[65];
    const int64_t id = ++last;
    audit_hash(prev, id, x, waktu, uid, aksi, entitas, eid, sb, sa, rid, hash);
    db_reset(w);
    db_bind_int64(w, 1, id);
    db_bind_int64(w, 2, x);
    db_bind_int64(w, 3, waktu);
    db_bind_id(w, 4, uid);
    db_bind_text(w, 5, aksi);
    db_bind_text(w, 6, entitas);
    db_bind_id(w, 7, eid);
    db_bind_text(w, 8, sb);
    db_bind_text(w, 9, sa);
    db_bind_text(w, 10, rid);
    db_bind_text(w, 11, prev);
    db_bind_text(w, 12, hash);
    if (db_step(w) != DB_DONE) { fprintf(log, "kinerja migrate-data: audit_log: %s\n", db_errmsg(dst)); goto out; }
    memcpy(prev, hash, sizeof prev);
    (*n)++;
  }
  if (s != DB_DONE) goto out;
  db_done(w);
  w = db_prepare(dst, "UPDATE audit_kepala SET last_id = ?1, hash = ?2 WHERE satu = 1");
  if (!w) goto out;
  db_bind_int64(w, 1, last);
  db_bind_text(w, 2, prev);
  if (db_step(w) != DB_DONE) goto out;
  fprintf(log, "  %-32s %" PRId64 " catatan disambung ke rantai tujuan (sumber: kepala %" PRId64 " %.16s...)\n",
          "audit_log", *n, kepala_id, kepala_hash);
  rc = 0;
out:
  db_done(r);
  db_done(w);
  return rc;
}

int pindah_instansi(const char *from, const char *to, int64_t x, FILE *log)
{
  int rc = -1, tx = 0;
  struct db *src = NULL, *dst = NULL;
  struct peta p = {.instansi = x};
  int buka = pindah_buka(from, to, &src, &dst, log);
  if (buka == 2) return 2;
  if (buka != 0) goto out;
  int64_t ada = 0;
  if (db_begin(src) != DB_OK) goto out;   /* one snapshot of the source */
  int64_t kini = 0;
  if (db_query_int64(src, "SELECT COUNT(*) FROM instansi WHERE id = ?1", 1, x, &kini) != DB_ROW || kini != 1) {
    fprintf(log, "kinerja migrate-data: instansi %" PRId64 " tidak ada di sumber\n", x);
    goto out;
  }
  struct audit_verify_result av;
  if (audit_verify(src, &av) != 0 || !av.ok) {
    fprintf(log, "kinerja migrate-data: rantai audit sumber rusak: %s; tidak ada yang disalin\n", av.reason);
    goto out;
  }

  /* the tables in creation order and the filter of each */
  p.t = calloc(MAKS_TABEL, sizeof *p.t);
  struct db_stmt *st = db_prepare(src, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
                                       " ORDER BY rowid");
  if (!p.t || !st) { db_done(st); goto out; }
  while (db_step(st) == DB_ROW && p.n < MAKS_TABEL) snprintf(p.t[p.n++].nama, sizeof p.t[0].nama, "%s", db_col_text(st, 0));
  db_done(st);
  for (int i = 0; i < p.n; i++) saring(src, &p, i);

  if (db_begin_write(dst) != DB_OK) { fprintf(log, "kinerja migrate-data: %s\n", db_errmsg(dst)); goto out; }
  tx = 1;
  /* the same instansi (id or kode) in the target: refused before anything is written */
  if (db_query_int64(dst, "SELECT COUNT(*) FROM instansi WHERE id = ?1", 1, x, &ada) != DB_ROW || ada) {
    fprintf(log, "kinerja migrate-data: instansi %" PRId64 " sudah ada di tujuan; tidak ada yang disalin\n", x);
    goto out;
  }
  if (db_exec(dst, "SET LOCAL session_replication_role = replica") != DB_OK) {
    fprintf(log, "kinerja migrate-data: %s (perlu hak superuser PostgreSQL)\n", db_errmsg(dst));
    goto out;
  }
  for (int i = 0; i < p.n; i++) {
    if (!p.t[i].saring[0]) continue;
    int64_t n = 0;
    int s = pindah_salin_tabel(src, dst, p.t[i].nama, p.t[i].saring, &n, log);
    if (s == -2) {
      fprintf(log, "kinerja migrate-data: tabel %s: baris dengan id atau kunci unik yang sama sudah ada di tujuan; "
                   "instansi tidak dipindah (id dipertahankan, tidak dipetakan ulang)\n", p.t[i].nama);
      goto out;
    }
    if (s != 0) { fprintf(log, "kinerja migrate-data: tabel %s gagal: %s\n", p.t[i].nama, db_errmsg(dst)); goto out; }
  }
  if (db_exec(dst, "SET LOCAL session_replication_role = origin") != DB_OK) goto out;
  int64_t naudit = 0;
  if (salin_audit(src, dst, x, &naudit, log) != 0 || migrate_pg_sequences(dst) != 0) goto out;
  /* cached answers of the target (dashboards) are keyed by this counter */
  if (db_exec(dst, "UPDATE versi_data SET n = n + 1") != DB_OK) goto out;
  /* copied months of the partitioned tables that had no partition yet went to the default
   * partition: each gets its own now, as after a whole-database copy (pindah_data.c) */
  struct partisi_hasil ph;
  if (partisi_jalankan(dst, time(NULL), PARTISI_MAJU_BAWAAN, &ph) != 0) {
    fprintf(log, "kinerja migrate-data: partisi bulanan: %s\n", db_errmsg(dst));
    goto out;
  }
  if (ph.dipindah) fprintf(log, "  %d partisi bulanan dibuat untuk data yang disalin\n", ph.dipindah);

  /* verification: the instansi's rows per table, its audit records, the whole target chain */
  int beda = 0, ntabel = 0;
  for (int i = 0; i < p.n; i++) {
    if (!p.t[i].saring[0]) {
      if (strcmp(p.t[i].nama, "audit_log") && strcmp(p.t[i].nama, "audit_kepala"))
        fprintf(log, "  %-32s tidak terikat instansi: tidak disalin\n", p.t[i].nama);
      continue;
    }
    int64_t a = -1, b = -2;
    if (hitung(src, p.t[i].nama, p.t[i].saring, &a) != 0 || hitung(dst, p.t[i].nama, p.t[i].saring, &b) != 0 || a != b) {
      fprintf(log, "  %-32s sumber %" PRId64 ", tujuan %" PRId64 "  BEDA\n", p.t[i].nama, a, b);
      beda++;
    } else if (a) {
      fprintf(log, "  %-32s %" PRId64 " baris\n", p.t[i].nama, a);
    }
    ntabel++;
  }
  int64_t as = -1, ad = -2;
  {
    char q[160];
    snprintf(q, sizeof q, "instansi_id = %" PRId64, x);
    if (hitung(src, "audit_log", q, &as) != 0 || hitung(dst, "audit_log", q, &ad) != 0 || as + 1 != ad) {
      fprintf(log, "  %-32s sumber %" PRId64 ", tujuan %" PRId64 " (+1 instansi.pindah)  BEDA\n", "audit_log", as, ad);
      beda++;
    }
  }
  if (pindah_akhiri(dst, beda, &av, log) != 0) goto out;
  tx = 0;
  fprintf(log, "Selesai: instansi %" PRId64 " dipindah (%d tabel), jumlah baris sama, %" PRId64
               " catatan audit disambung, rantai audit tujuan utuh (%" PRId64 " catatan).\n",
          x, ntabel, naudit, (int64_t)av.records);
  rc = 0;
out:
  if (tx) db_rollback(dst);
  if (src) { db_rollback(src); db_close(src); }
  db_close(dst);
  free(p.t);
  return rc == 0 ? 0 : 1;
}
