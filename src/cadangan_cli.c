/* cadangan_cli.c: `kinerja backup` and `kinerja restore` (see cadangan.h for the file format).
 *
 * backup  writes a consistent snapshot (taken while the server keeps running; on PostgreSQL one
 *         REPEATABLE READ snapshot copied into a SQLite file, cadangan_pg.c) into a new file,
 *         optionally encrypted with a key file, optionally with the evidence store of --data-dir.
 * restore reads the whole file into temporary files first; only a file that verifies completely
 *         is loaded (on PostgreSQL into an empty database with pindah_data, one transaction) or
 *         replaces anything, and an existing database only with --timpa.  The restored audit
 *         chain is then verified and reported (exit 3 when it is broken, as `kinerja audit verify`).
 */
#include "cadangan.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "db/db.h"
#include "db/migrate.h"
#include "pindah_data.h"

#define P 4096

struct opsi { const char *db, *out, *in, *kunci, *data_dir, *buat_kunci; bool timpa; };

static int urai(int argc, char **argv, struct opsi *o, const char *cmd)
{
  memset(o, 0, sizeof *o);
  o->db = getenv("KINERJA_DB");
  if (!o->db || !*o->db) o->db = "data/kinerja.db";
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i], **v = NULL;
    if (!strcmp(a, "--timpa")) { o->timpa = true; continue; }
    if (!strcmp(a, "--db")) v = &o->db;
    else if (!strcmp(a, "--out")) v = &o->out;
    else if (!strcmp(a, "--in")) v = &o->in;
    else if (!strcmp(a, "--key-file")) v = &o->kunci;
    else if (!strcmp(a, "--data-dir")) v = &o->data_dir;
    else if (!strcmp(a, "--buat-kunci")) v = &o->buat_kunci;
    if (!v || i + 1 >= argc) {
      fprintf(stderr, "kinerja %s: opsi tidak dikenal atau tanpa nilai: %s\n", cmd, a);
      return -1;
    }
    *v = argv[++i];
  }
  return 0;
}

static void hapus_db_sementara(const char *p)
{
  char x[P + 8];
  unlink(p);
  snprintf(x, sizeof x, "%s-wal", p); unlink(x);
  snprintf(x, sizeof x, "%s-shm", p); unlink(x);
  snprintf(x, sizeof x, "%s-journal", p); unlink(x);
}

int cadangan_backup_main(int argc, char **argv)
{
  struct opsi o;
  char err[3 * P] = "", snap[P], tmp[P];
  unsigned char kunci[CADANGAN_KUNCI];
  if (urai(argc, argv, &o, "backup") != 0) return 2;
  if (o.buat_kunci) {
    if (cadangan_kunci_buat(o.buat_kunci, err, sizeof err) != 0) { fprintf(stderr, "kinerja backup: %s\n", err); return 1; }
    printf("Kunci cadangan dibuat di %s (mode 0600). Simpan salinannya di tempat terpisah: "
           "tanpa kunci ini cadangan terenkripsi tidak dapat dipulihkan.\n", o.buat_kunci);
    return 0;
  }
  if (!o.out) { fprintf(stderr, "kinerja backup: --out FILE wajib\n"); return 2; }
  if (o.kunci && cadangan_kunci_baca(o.kunci, kunci, err, sizeof err) != 0) { fprintf(stderr, "kinerja backup: %s\n", err); return 1; }
  if (!o.timpa && access(o.out, F_OK) == 0) {
    fprintf(stderr, "kinerja backup: %s sudah ada; pilih nama lain atau tambahkan --timpa\n", o.out);
    return 1;
  }
  if (snprintf(snap, sizeof snap, "%s.db-XXXXXX", o.out) >= (int)sizeof snap ||
      snprintf(tmp, sizeof tmp, "%s.tmp-XXXXXX", o.out) >= (int)sizeof tmp) {
    fprintf(stderr, "kinerja backup: nama berkas terlalu panjang\n");
    return 2;
  }
  int rc = 1, sfd = mkstemp(snap), fd = -1;
  struct cadangan_tulis *w = NULL;
  if (sfd < 0) { fprintf(stderr, "kinerja backup: %s tidak dapat dibuat: %s\n", snap, strerror(errno)); snap[0] = 0; goto out; }
  close(sfd);
  if ((db_url_is_pg(o.db) ? cadangan_pg_ke_sqlite(o.db, snap, err, sizeof err)
                           : cadangan_salin_db(o.db, snap, err, sizeof err)) != 0) goto gagal;
  if ((fd = mkstemp(tmp)) < 0) { fprintf(stderr, "kinerja backup: %s tidak dapat dibuat: %s\n", tmp, strerror(errno)); tmp[0] = 0; goto out; }
  if (!(w = cadangan_tulis_buka(fd, o.kunci ? kunci : NULL, err, sizeof err))) goto gagal;
  struct cadangan_ringkas rk;
  if (cadangan_arsip_tulis(w, snap, o.data_dir, o.kunci != NULL, &rk, err, sizeof err) != 0) goto gagal;
  int x = cadangan_tulis_tutup(w, err, sizeof err);
  w = NULL;
  if (x != 0) goto gagal;
  if (close(fd) != 0 || rename(tmp, o.out) != 0) { fd = -1; snprintf(err, sizeof err, "%s tidak dapat ditulis: %s", o.out, strerror(errno)); goto gagal; }
  fd = -1;
  tmp[0] = 0;
  printf("Cadangan ditulis ke %s (%s): basis data %lld byte", o.out, o.kunci ? "terenkripsi" : "TIDAK terenkripsi",
         (long long)rk.db_bytes);
  if (o.data_dir)
    printf(", %lld berkas bukti (%lld byte)%s", (long long)rk.objek, (long long)rk.objek_bytes,
           rk.ada_kunci_bukti ? " dan kunci bukti" : "");
  printf(".\n");
  if (o.data_dir && !o.kunci)
    printf("Catatan: cadangan tanpa --key-file tidak memuat kunci bukti; simpan %s/kunci-bukti secara terpisah.\n", o.data_dir);
  rc = 0;
  goto out;
gagal:
  fprintf(stderr, "kinerja backup: %s\n", err);
out:
  cadangan_tulis_batal(w);
  if (fd >= 0) close(fd);
  if (tmp[0]) unlink(tmp);
  if (snap[0]) hapus_db_sementara(snap);
  sodium_memzero(kunci, sizeof kunci);
  return rc;
}

/* Removes the staging directory (two levels: xx/ and files). */
static void hapus_staging(const char *dir)
{
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  char p[P + 300], q[P + 600];
  while ((e = readdir(d))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
    DIR *d2 = opendir(p);
    if (d2) {
      struct dirent *f;
      while ((f = readdir(d2))) {
        if (!strcmp(f->d_name, ".") || !strcmp(f->d_name, "..")) continue;
        snprintf(q, sizeof q, "%s/%s", p, f->d_name);
        unlink(q);
      }
      closedir(d2);
      rmdir(p);
    } else {
      unlink(p);
    }
  }
  closedir(d);
  rmdir(dir);
}

static int sama_isi(const char *a, const char *b)
{
  FILE *x = fopen(a, "rb"), *y = fopen(b, "rb");
  int same = x && y;
  while (same) {
    int c = fgetc(x), d = fgetc(y);
    if (c != d) same = 0;
    if (c == EOF || d == EOF) break;
  }
  if (x) fclose(x);
  if (y) fclose(y);
  return same;
}

/* Moves staged evidence into data_dir/bukti; existing objects are kept (content-addressed). */
static int pasang_bukti(const char *staging, const char *data_dir, int64_t *baru)
{
  char bd[P + 16], p[P + 300], q[P + 600], t[P + 300], u[P + 600];
  snprintf(bd, sizeof bd, "%s/bukti", data_dir);
  if (mkdir(bd, 0700) != 0 && errno != EEXIST) return -1;
  DIR *d = opendir(staging);
  if (!d) return -1;
  struct dirent *e;
  int rc = 0;
  while ((e = readdir(d))) {
    if (strlen(e->d_name) != 2) continue;
    snprintf(p, sizeof p, "%s/%s", staging, e->d_name);
    snprintf(t, sizeof t, "%s/%s", bd, e->d_name);
    if (mkdir(t, 0700) != 0 && errno != EEXIST) { rc = -1; continue; }
    DIR *d2 = opendir(p);
    if (!d2) continue;
    struct dirent *f;
    while ((f = readdir(d2))) {
      if (strlen(f->d_name) != 64) continue;
      snprintf(q, sizeof q, "%s/%s", p, f->d_name);
      snprintf(u, sizeof u, "%s/%s", t, f->d_name);
      if (access(u, F_OK) == 0) continue;
      if (rename(q, u) != 0) rc = -1;
      else (*baru)++;
    }
    closedir(d2);
  }
  closedir(d);
  return rc;
}

int cadangan_restore_main(int argc, char **argv)
{
  struct opsi o;
  char err[3 * P] = "", tmp[P], staging[P] = "", kb_baru[P + 16] = "", kb[P + 16] = "";
  unsigned char kunci[CADANGAN_KUNCI];
  if (urai(argc, argv, &o, "restore") != 0) return 2;
  if (!o.in) { fprintf(stderr, "kinerja restore: --in FILE wajib\n"); return 2; }
  bool pg = db_url_is_pg(o.db);
  if (pg && o.timpa) {
    fprintf(stderr, "kinerja restore: --timpa tidak berlaku untuk PostgreSQL: pulihkan ke basis data kosong "
            "(CREATE DATABASE ...) lalu arahkan server ke sana\n");
    return 2;
  }
  if (!pg && !o.timpa && access(o.db, F_OK) == 0) {
    fprintf(stderr, "kinerja restore: %s sudah ada dan tidak ditimpa; hentikan server lalu ulangi dengan --timpa, "
            "atau pulihkan ke --db lain\n", o.db);
    return 1;
  }
  if (o.kunci && cadangan_kunci_baca(o.kunci, kunci, err, sizeof err) != 0) { fprintf(stderr, "kinerja restore: %s\n", err); return 1; }
  /* PostgreSQL: the file is staged in the temporary directory, then loaded (pindah_data) */
  const char *td = getenv("TMPDIR");
  if (pg ? snprintf(tmp, sizeof tmp, "%s/kinerja-pulih-XXXXXX", td && *td ? td : "/tmp") >= (int)sizeof tmp
         : snprintf(tmp, sizeof tmp, "%s.pulih-XXXXXX", o.db) >= (int)sizeof tmp) { fprintf(stderr, "kinerja restore: nama berkas terlalu panjang\n"); return 2; }
  int rc = 1, in = open(o.in, O_RDONLY | O_CLOEXEC), fd = -1;
  struct cadangan_baca *r = NULL;
  bool enc = false;
  if (in < 0) { fprintf(stderr, "kinerja restore: %s tidak dapat dibuka: %s\n", o.in, strerror(errno)); tmp[0] = 0; goto out; }
  if (!(r = cadangan_baca_buka(in, o.kunci ? kunci : NULL, &enc, err, sizeof err))) { tmp[0] = 0; goto gagal; }
  if (!enc && o.kunci) fprintf(stderr, "kinerja restore: catatan: cadangan ini tidak terenkripsi; --key-file tidak dipakai\n");
  if ((fd = mkstemp(tmp)) < 0) { fprintf(stderr, "kinerja restore: %s tidak dapat dibuat: %s\n", tmp, strerror(errno)); tmp[0] = 0; goto out; }
  if (o.data_dir) {
    if (mkdir(o.data_dir, 0700) != 0 && errno != EEXIST) { snprintf(err, sizeof err, "%s tidak dapat dibuat: %s", o.data_dir, strerror(errno)); goto gagal; }
    snprintf(staging, sizeof staging, "%s/.pulih-XXXXXX", o.data_dir);
    if (!mkdtemp(staging)) { snprintf(err, sizeof err, "%s tidak dapat dibuat: %s", staging, strerror(errno)); staging[0] = 0; goto gagal; }
  }
  struct cadangan_ringkas rk;
  if (cadangan_arsip_baca(r, fd, staging[0] ? staging : NULL, &rk, err, sizeof err) != 0) goto gagal;
  if (fsync(fd) != 0 || close(fd) != 0) { fd = -1; snprintf(err, sizeof err, "%s tidak dapat ditulis: %s", tmp, strerror(errno)); goto gagal; }
  fd = -1;
  /* the evidence key must not silently replace a different one */
  if (staging[0] && rk.ada_kunci_bukti) {
    snprintf(kb_baru, sizeof kb_baru, "%s/kunci-bukti", staging);
    snprintf(kb, sizeof kb, "%s/kunci-bukti", o.data_dir);
    if (access(kb, F_OK) == 0 && !sama_isi(kb, kb_baru) && !o.timpa) {
      snprintf(err, sizeof err, "%s berbeda dengan kunci bukti di cadangan; ulangi dengan --timpa untuk menggantinya", kb);
      goto gagal;
    }
  }
  /* the restored audit chain, checked before the file is put in place */
  struct audit_verify_result av;
  memset(&av, 0, sizeof av);
  struct db *db = db_open(tmp, err, sizeof err);
  int ar = db ? audit_verify(db, &av) : -1;
  /* PostgreSQL is loaded at the program's schema version: an older backup is migrated first */
  if (pg && ar == 0 && migrate_run(db, NULL, err, sizeof err) != 0) ar = -1;
  db_close(db);
  if (ar != 0) { snprintf(err, sizeof err, "basis data di dalam cadangan tidak dapat dibaca (log audit)"); goto gagal; }
  if (pg) {
    /* one transaction on the target: refused unless empty, row counts and audit chain checked */
    char *log = NULL;
    size_t loglen = 0;
    FILE *lf = open_memstream(&log, &loglen);
    int pr = lf ? pindah_data(tmp, o.db, lf) : 1;
    if (lf) fclose(lf);
    if (pr != 0) {
      snprintf(err, sizeof err, "pemuatan ke PostgreSQL gagal:\n%s", log ? log : "");
      free(log);
      goto gagal;
    }
    free(log);
  } else {
    /* put in place: a stale WAL of the old database must never be replayed onto the new one */
    char x[P + 8];
    snprintf(x, sizeof x, "%s-wal", o.db); unlink(x);
    snprintf(x, sizeof x, "%s-shm", o.db); unlink(x);
    if (rename(tmp, o.db) != 0) { snprintf(err, sizeof err, "%s tidak dapat ditulis: %s", o.db, strerror(errno)); goto gagal; }
    tmp[0] = 0;
  }
  int64_t baru = 0;
  if (staging[0]) {
    if (rk.ada_kunci_bukti && rename(kb_baru, kb) != 0)
      fprintf(stderr, "kinerja restore: kunci bukti tidak dapat dipasang di %s: %s\n", kb, strerror(errno));
    if (pasang_bukti(staging, o.data_dir, &baru) != 0)
      fprintf(stderr, "kinerja restore: sebagian berkas bukti tidak dapat dipasang di %s/bukti\n", o.data_dir);
  }
  char nama_db[P];
  db_url_for_log(o.db, nama_db, sizeof nama_db);
  printf("Dipulihkan ke %s dari cadangan %s: basis data %lld byte", nama_db, enc ? "terenkripsi" : "tidak terenkripsi",
         (long long)rk.db_bytes);
  if (staging[0]) printf("; %lld berkas bukti (%lld baru)%s", (long long)rk.objek, (long long)baru, rk.ada_kunci_bukti ? " dan kunci bukti" : "");
  else if (rk.objek) printf("; %lld berkas bukti dilewati (sebutkan --data-dir untuk memulihkannya)", (long long)rk.objek);
  printf(".\n");
  if (av.ok) {
    printf("Rantai audit utuh: %lld catatan diperiksa.\n", (long long)av.records);
    rc = 0;
  } else {
    printf("RANTAI AUDIT RUSAK: %s\n", av.reason);
    if (av.bad_id) printf("Catatan pertama yang bermasalah: id %lld\n", (long long)av.bad_id);
    rc = 3;
  }
  goto out;
gagal:
  fprintf(stderr, "kinerja restore: pemulihan ditolak: %s; tidak ada yang ditimpa\n", err);
out:
  cadangan_baca_tutup(r);
  if (fd >= 0) close(fd);
  if (in >= 0) close(in);
  if (tmp[0]) hapus_db_sementara(tmp);
  if (staging[0]) hapus_staging(staging);
  sodium_memzero(kunci, sizeof kunci);
  return rc;
}
