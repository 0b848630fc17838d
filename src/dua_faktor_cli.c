/* dua_faktor_cli.c: the `kinerja 2fa` command (see dua_faktor_cli.h). */
#include "dua_faktor_cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth/dua_faktor.h"
#include "auth/session.h"
#include "db/db.h"
#include "db/migrate.h"

int dua_faktor_main(int argc, char **argv)
{
  const char *path = getenv("KINERJA_DB"), *user = NULL;
  if (!path || !*path) path = "data/kinerja.db";
  if (argc < 1 || strcmp(argv[0], "reset") != 0) { fprintf(stderr, "kinerja 2fa: gunakan `kinerja 2fa reset --db PATH --user U`\n"); return 2; }
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--db") && i + 1 < argc) { path = argv[++i]; continue; }
    if (!strcmp(argv[i], "--user") && i + 1 < argc) { user = argv[++i]; continue; }
    fprintf(stderr, "kinerja 2fa reset: opsi tidak dikenal: %s\n", argv[i]);
    return 2;
  }
  if (!user) { fprintf(stderr, "kinerja 2fa reset: --user wajib (nama pengguna atau NIP)\n"); return 2; }
  char err[512];
  struct db *db = db_open(path, err, sizeof err);
  if (!db || migrate_run(db, NULL, err, sizeof err) != 0) {
    fprintf(stderr, "kinerja 2fa reset: %s\n", err);
    db_close(db);
    return 1;
  }
  int rc = 1;
  int64_t uid = 0, inst = 0;
  struct db_stmt *st = db_prepare(db,
    "SELECT u.id, COALESCE(u.instansi_id, 0) FROM pengguna u WHERE u.username = ?1"
    "    OR u.pegawai_id = (SELECT p.id FROM pegawai p WHERE p.nip = ?1)"
    " ORDER BY u.username = ?1 DESC LIMIT 1");
  if (st) {
    db_bind_text(st, 1, user);
    if (db_step(st) == DB_ROW) { uid = db_col_int64(st, 0); inst = db_col_int64(st, 1); }
    db_done(st);
  }
  if (!uid) { fprintf(stderr, "kinerja 2fa reset: pengguna %s tidak ditemukan\n", user); goto out; }
  struct audit_actor actor = {0, NULL};
  if (db_begin_write(db) != DB_OK) goto out;
  int r = df_hapus(db, uid, "dua_faktor.reset", &actor, inst);
  if (r == 3) {
    db_rollback(db);
    fprintf(stderr, "kinerja 2fa reset: %s belum mengaktifkan 2FA\n", user);
    goto out;
  }
  if (r != 0 || session_delete_user(db, uid, 0) != 0 || db_commit(db) != DB_OK) {
    db_rollback(db);
    fprintf(stderr, "kinerja 2fa reset: %s\n", db_errmsg(db));
    goto out;
  }
  printf("2FA %s direset; akun ini harus mendaftar ulang saat masuk berikutnya.\n", user);
  rc = 0;
out:
  db_close(db);
  return rc;
}
