/* test_bukti.c: the evidence store (encrypted at rest, content-addressed, deduplicated, atomic,
 * key file 0600), file-name sanitising, link checks, and the rows (quota, delete frees the
 * object only when nothing else uses it). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bukti.h"
#include "uji_db.h"

struct fx { char dir[64]; };

static int setup(void **state)
{
  struct fx *f = calloc(1, sizeof *f);
  snprintf(f->dir, sizeof f->dir, "/tmp/kinerja-test-bukti-XXXXXX");
  if (!mkdtemp(f->dir)) return -1;
  *state = f;
  return 0;
}

static void rm_rf(const char *path)
{
  struct stat st;
  if (lstat(path, &st) != 0) return;
  if (S_ISDIR(st.st_mode)) {
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d))) {
      if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
      char p[1024];
      snprintf(p, sizeof p, "%s/%s", path, e->d_name);
      rm_rf(p);
    }
    if (d) closedir(d);
    rmdir(path);
  } else {
    unlink(path);
  }
}

static int teardown(void **state)
{
  struct fx *f = *state;
  rm_rf(f->dir);
  free(f);
  return 0;
}

/* Files below dir (recursive), and how many of them have `part` in their name. */
static int count_files(const char *dir, const char *part, int *matching)
{
  int n = 0;
  DIR *d = opendir(dir);
  struct dirent *e;
  while (d && (e = readdir(d))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    char p[1024];
    struct stat st;
    snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
    if (lstat(p, &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) { n += count_files(p, part, matching); continue; }
    n++;
    if (matching && part && strstr(e->d_name, part)) (*matching)++;
  }
  if (d) closedir(d);
  return n;
}

static unsigned char *read_all(const char *path, size_t *len)
{
  FILE *fp = fopen(path, "rb");
  if (!fp) return NULL;
  fseek(fp, 0, SEEK_END);
  long n = ftell(fp);
  fseek(fp, 0, SEEK_SET);
  unsigned char *b = malloc((size_t)n + 1);
  *len = fread(b, 1, (size_t)n, fp);
  fclose(fp);
  return b;
}

static unsigned char *pdf_bytes(size_t n, unsigned seed)
{
  unsigned char *b = malloc(n);
  memcpy(b, "%PDF-1.7\n", 9);
  for (size_t i = 9; i < n; i++) b[i] = (unsigned char)((i * 31 + seed) & 0xff);
  return b;
}

static void round_trip_encrypted(void **state)
{
  struct fx *f = *state;
  struct bukti_gudang g;
  char err[400];
  assert_int_equal(bukti_gudang_buka(&g, f->dir, NULL, err, sizeof err), 0);
  /* sizes around the 64 KiB chunk: one short chunk, exactly one, several with a tail */
  static const size_t sizes[] = {9, 100, BUKTI_CHUNK, BUKTI_CHUNK * 2, BUKTI_CHUNK * 3 + 17};
  for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
    size_t n = sizes[k];
    unsigned char *plain = pdf_bytes(n, (unsigned)k);
    char sha[65], path[BUKTI_PATH_MAX];
    bukti_sha256_hex(plain, n, sha);
    bool baru = false;
    assert_int_equal(bukti_objek_simpan(&g, sha, plain, n, &baru, err, sizeof err), 0);
    assert_true(baru);
    assert_int_equal(bukti_objek_path(&g, sha, path, sizeof path), 0);
    /* <data dir>/bukti/<2 hex>/<sha256> */
    char want[BUKTI_PATH_MAX];
    snprintf(want, sizeof want, "%s/bukti/%.2s/%s", f->dir, sha, sha);
    assert_string_equal(path, want);
    /* at rest: not the plaintext, and the plaintext appears nowhere in it */
    size_t clen = 0;
    unsigned char *c = read_all(path, &clen);
    assert_non_null(c);
    assert_true(clen > n);
    assert_null(memmem(c, clen, "%PDF-1.7", 8));
    if (n >= 64) assert_null(memmem(c, clen, plain + 9, 48));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    free(c);
    /* and back */
    unsigned char *out = NULL;
    size_t olen = 0;
    assert_int_equal(bukti_objek_muat(&g, sha, n, &out, &olen, err, sizeof err), 0);
    assert_int_equal(olen, n);
    assert_memory_equal(out, plain, n);
    free(out);
    /* a smaller limit than the content is refused */
    assert_int_equal(bukti_objek_muat(&g, sha, n - 1, &out, &olen, err, sizeof err), -1);
    assert_null(out);
    free(plain);
  }
  int tmp = 0;
  count_files(f->dir, ".tmp.", &tmp);
  assert_int_equal(tmp, 0);   /* no temporary file left behind */
  unsigned char *out = NULL;
  size_t olen = 0;
  char absent[65];
  memset(absent, 'a', 64);
  absent[64] = 0;
  assert_int_equal(bukti_objek_muat(&g, absent, 100, &out, &olen, err, sizeof err), 1);
  assert_int_equal(bukti_objek_muat(&g, "../../etc/passwd", 100, &out, &olen, err, sizeof err), -1);
  bukti_gudang_tutup(&g);
}

static void dedupe(void **state)
{
  struct fx *f = *state;
  struct bukti_gudang g;
  char err[400], sha[65];
  assert_int_equal(bukti_gudang_buka(&g, f->dir, NULL, err, sizeof err), 0);
  unsigned char *plain = pdf_bytes(5000, 3);
  bukti_sha256_hex(plain, 5000, sha);
  bool baru = false;
  assert_int_equal(bukti_objek_simpan(&g, sha, plain, 5000, &baru, err, sizeof err), 0);
  assert_true(baru);
  char path[BUKTI_PATH_MAX];
  bukti_objek_path(&g, sha, path, sizeof path);
  struct stat a, b;
  assert_int_equal(stat(path, &a), 0);
  assert_int_equal(bukti_objek_simpan(&g, sha, plain, 5000, &baru, err, sizeof err), 0);
  assert_false(baru);
  assert_int_equal(stat(path, &b), 0);
  assert_int_equal(a.st_ino, b.st_ino);      /* not rewritten */
  char bdir[BUKTI_PATH_MAX];
  snprintf(bdir, sizeof bdir, "%s/bukti", f->dir);
  assert_int_equal(count_files(bdir, NULL, NULL), 1);
  free(plain);
  bukti_gudang_tutup(&g);
}

static void key_file_and_env_key(void **state)
{
  struct fx *f = *state;
  struct bukti_gudang g, g2;
  char err[400], kpath[256], sha[65];
  snprintf(kpath, sizeof kpath, "%s/kunci-bukti", f->dir);
  assert_int_equal(access(kpath, F_OK), -1);
  assert_int_equal(bukti_gudang_buka(&g, f->dir, NULL, err, sizeof err), 0);
  struct stat st;
  assert_int_equal(stat(kpath, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0600);
  assert_int_equal(st.st_size, 65);          /* 64 hex + newline */
  /* the same key the second time */
  assert_int_equal(bukti_gudang_buka(&g2, f->dir, "", err, sizeof err), 0);
  assert_memory_equal(g.kunci, g2.kunci, 32);
  unsigned char *plain = pdf_bytes(300, 9);
  bukti_sha256_hex(plain, 300, sha);
  bool baru;
  assert_int_equal(bukti_objek_simpan(&g, sha, plain, 300, &baru, err, sizeof err), 0);
  /* another key (KINERJA_BUKTI_KEY) cannot read it */
  struct bukti_gudang ge;
  assert_int_equal(bukti_gudang_buka(&ge, f->dir, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", err, sizeof err), 0);
  assert_memory_not_equal(ge.kunci, g.kunci, 32);
  unsigned char *out = NULL;
  size_t olen;
  assert_int_equal(bukti_objek_muat(&ge, sha, 1000, &out, &olen, err, sizeof err), -1);
  assert_non_null(strstr(err, "dekripsi"));
  assert_int_equal(bukti_gudang_buka(&ge, f->dir, "0011", err, sizeof err), -1);
  assert_int_equal(bukti_gudang_buka(&ge, f->dir, "zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", err, sizeof err), -1);
  /* a key file others can read is refused */
  chmod(kpath, 0644);
  assert_int_equal(bukti_gudang_buka(&g2, f->dir, NULL, err, sizeof err), -1);
  assert_non_null(strstr(err, "chmod 600"));
  chmod(kpath, 0600);
  bukti_gudang_tutup(&g);
  bukti_gudang_tutup(&g2);
  free(plain);
}

static void damage_is_detected(void **state)
{
  struct fx *f = *state;
  struct bukti_gudang g;
  char err[400], sha[65], sha2[65], path[BUKTI_PATH_MAX], path2[BUKTI_PATH_MAX];
  assert_int_equal(bukti_gudang_buka(&g, f->dir, NULL, err, sizeof err), 0);
  size_t n = BUKTI_CHUNK + 500;
  unsigned char *plain = pdf_bytes(n, 5), *out = NULL;
  size_t olen;
  bool baru;
  bukti_sha256_hex(plain, n, sha);
  assert_int_equal(bukti_objek_simpan(&g, sha, plain, n, &baru, err, sizeof err), 0);
  bukti_objek_path(&g, sha, path, sizeof path);
  /* a flipped bit */
  int fd = open(path, O_RDWR);
  unsigned char byte;
  assert_int_equal(pread(fd, &byte, 1, 100), 1);
  byte ^= 1;
  assert_int_equal(pwrite(fd, &byte, 1, 100), 1);
  assert_int_equal(bukti_objek_muat(&g, sha, n, &out, &olen, err, sizeof err), -1);
  byte ^= 1;
  assert_int_equal(pwrite(fd, &byte, 1, 100), 1);
  assert_int_equal(bukti_objek_muat(&g, sha, n, &out, &olen, err, sizeof err), 0);
  free(out);
  /* cut after the first chunk: the final tag is missing */
  struct stat st;
  fstat(fd, &st);
  assert_int_equal(ftruncate(fd, st.st_size - 200), 0);
  assert_int_equal(bukti_objek_muat(&g, sha, n, &out, &olen, err, sizeof err), -1);
  close(fd);
  /* an object copied under another name does not decrypt (the name is authenticated) */
  unlink(path);
  assert_int_equal(bukti_objek_simpan(&g, sha, plain, n, &baru, err, sizeof err), 0);
  plain[20] ^= 1;
  bukti_sha256_hex(plain, n, sha2);
  bukti_objek_path(&g, sha2, path2, sizeof path2);
  char d2[BUKTI_PATH_MAX];
  snprintf(d2, sizeof d2, "%s/bukti/%.2s", f->dir, sha2);
  mkdir(d2, 0700);
  size_t clen;
  unsigned char *c = read_all(path, &clen);
  FILE *fp = fopen(path2, "wb");
  fwrite(c, 1, clen, fp);
  fclose(fp);
  assert_int_equal(bukti_objek_muat(&g, sha2, n, &out, &olen, err, sizeof err), -1);
  free(c);
  free(plain);
  bukti_gudang_tutup(&g);
}

static void names(void **s)
{
  char out[BUKTI_NAMA_BUF];
  bukti_nama_bersih("../../etc/passwd", SNIFF_PDF, out, sizeof out);
  assert_string_equal(out, "passwd.pdf");
  bukti_nama_bersih("..\\..\\boot.ini", SNIFF_PDF, out, sizeof out);
  assert_string_equal(out, "boot.pdf");
  bukti_nama_bersih("Laporan Maret.PDF", SNIFF_PDF, out, sizeof out);
  assert_string_equal(out, "Laporan Maret.pdf");
  bukti_nama_bersih("virus.exe", SNIFF_PDF, out, sizeof out);
  assert_string_equal(out, "virus.pdf");
  bukti_nama_bersih("foto.JPEG", SNIFF_JPEG, out, sizeof out);
  assert_string_equal(out, "foto.jpeg");
  bukti_nama_bersih("foto.png", SNIFF_JPEG, out, sizeof out);
  assert_string_equal(out, "foto.jpg");
  bukti_nama_bersih("Laporan v1.2", SNIFF_DOCX, out, sizeof out);
  assert_string_equal(out, "Laporan v1.2.docx");
  bukti_nama_bersih("...", SNIFF_PNG, out, sizeof out);
  assert_string_equal(out, "berkas.png");
  bukti_nama_bersih("", SNIFF_PNG, out, sizeof out);
  assert_string_equal(out, "berkas.png");
  bukti_nama_bersih(NULL, SNIFF_PNG, out, sizeof out);
  assert_string_equal(out, "berkas.png");
  bukti_nama_bersih("a..b....pdf", SNIFF_PDF, out, sizeof out);
  assert_string_equal(out, "a.b.pdf");
  bukti_nama_bersih(".htaccess", SNIFF_PDF, out, sizeof out);
  assert_string_equal(out, "htaccess.pdf");
  bukti_nama_bersih("lap\r\noran\x01\"x\".pdf", SNIFF_PDF, out, sizeof out);
  assert_string_equal(out, "laporan'x'.pdf");
  bukti_nama_bersih("a:b*c?d<e>f|g.pdf", SNIFF_PDF, out, sizeof out);
  assert_string_equal(out, "a_b_c_d_e_f_g.pdf");
  /* U+202E RIGHT-TO-LEFT OVERRIDE would show "laporan\u202Efdp.exe" as "laporanexe.pdf" */
  bukti_nama_bersih("laporan\xe2\x80\xae" "fdp.exe", SNIFF_PDF, out, sizeof out);
  assert_string_equal(out, "laporanfdp.pdf");
  bukti_nama_bersih("Surat Tugas Bu \xc3\x89lise.pdf", SNIFF_PDF, out, sizeof out);
  assert_string_equal(out, "Surat Tugas Bu \xc3\x89lise.pdf");
  bukti_nama_bersih("bad\xff\xfe.pdf", SNIFF_PDF, out, sizeof out);
  assert_string_equal(out, "bad__.pdf");
  /* at most 200 characters, extension included, never cut inside a character */
  char longname[1200];
  size_t p = 0;
  for (int i = 0; i < 300; i++) { memcpy(longname + p, "\xc3\xa9", 2); p += 2; }
  memcpy(longname + p, ".pdf", 5);
  bukti_nama_bersih(longname, SNIFF_PDF, out, sizeof out);
  size_t chars = 0;
  for (const unsigned char *u = (const unsigned char *)out; *u; u++) chars += (*u & 0xc0) != 0x80;
  assert_int_equal(chars, 200);
  assert_string_equal(out + strlen(out) - 4, ".pdf");
  assert_int_equal(strlen(out), 196 * 2 + 4);
}

static void links_and_sizes(void **s)
{
  assert_null(bukti_url_periksa("https://drive.example.go.id/berkas/123?unduh=1#h"));
  assert_null(bukti_url_periksa("http://10.0.0.5:8080/laporan"));
  assert_null(bukti_url_periksa("HTTPS://Example.org"));
  assert_null(bukti_url_periksa("https://[2001:db8::1]:443/x"));
  assert_non_null(bukti_url_periksa("javascript:alert(1)"));
  assert_non_null(bukti_url_periksa("JaVaScRiPt:alert(1)"));
  assert_non_null(bukti_url_periksa("data:text/html,<script>alert(1)</script>"));
  assert_non_null(bukti_url_periksa("file:///etc/passwd"));
  assert_non_null(bukti_url_periksa("ftp://example.org/a"));
  assert_non_null(bukti_url_periksa("//example.org/a"));
  assert_non_null(bukti_url_periksa("https://"));
  assert_non_null(bukti_url_periksa("https:///path"));
  assert_non_null(bukti_url_periksa("https://bank.go.id@evil.example/"));
  assert_non_null(bukti_url_periksa("https://exa mple.org/"));
  assert_non_null(bukti_url_periksa("https://example.org:80x/"));
  assert_non_null(bukti_url_periksa("https://example.org/\n"));
  assert_non_null(bukti_url_periksa(""));
  char big[2100];
  memcpy(big, "https://example.org/", 20);
  memset(big + 20, 'a', sizeof big - 21);
  big[sizeof big - 1] = 0;
  assert_non_null(bukti_url_periksa(big));
  big[2000] = 0;
  assert_null(bukti_url_periksa(big));

  char o[32];
  bukti_format_ukuran(10485760, o, sizeof o);
  assert_string_equal(o, "10 MB");
  bukti_format_ukuran(1572864, o, sizeof o);
  assert_string_equal(o, "1,5 MB");
  bukti_format_ukuran(2048, o, sizeof o);
  assert_string_equal(o, "2 KB");
  bukti_format_ukuran(512, o, sizeof o);
  assert_string_equal(o, "512 byte");
  bukti_format_ukuran(524288000, o, sizeof o);
  assert_string_equal(o, "500 MB");
}

/* ---- rows, on a demo database ---- */

struct dbfx { struct db *db; char path[64]; char dir[64]; int64_t pegawai, lain, inst; };

static int db_setup(void **state)
{
  struct dbfx *f = calloc(1, sizeof *f);
  snprintf(f->dir, sizeof f->dir, "/tmp/kinerja-test-bukti-data-XXXXXX");
  if (!mkdtemp(f->dir)) return -1;
  f->db = uji_db_baru(f->path, "bukti-db");
  if (!f->db) return -1;
  if (uji_db_demo(f->db, 12, 3) != 0) return -1;
  if (db_query_int64(f->db, "SELECT pegawai_id FROM pengguna WHERE username = 'pegawai'", 0, 0, &f->pegawai) != DB_ROW) return -1;
  if (db_query_int64(f->db, "SELECT pegawai_id FROM pengguna WHERE username = 'atasan'", 0, 0, &f->lain) != DB_ROW) return -1;
  if (db_query_int64(f->db, "SELECT instansi_id FROM pegawai WHERE id = ?1", 1, f->pegawai, &f->inst) != DB_ROW) return -1;
  *state = f;
  return 0;
}

static int db_teardown(void **state)
{
  struct dbfx *f = *state;
  rm_rf(f->dir);
  return uji_db_akhiri(f->db, f->path, f);
}

static int upload(struct dbfx *f, const struct bukti_gudang *g, int64_t pegawai, const void *data, size_t len,
                  int *http, int64_t *id)
{
  struct audit_actor who = {1, "uji"};
  struct bukti_baru b = {.pegawai_id = pegawai, .nama = "laporan.pdf", .data = data, .len = len};
  json_t *errs = NULL;
  const char *pesan = NULL;
  *http = 0;
  assert_int_equal(db_begin_write(f->db), DB_OK);
  int rc = bukti_berkas_create(f->db, g, &b, &who, &errs, http, &pesan, id);
  if (rc == 0) assert_int_equal(db_commit(f->db), DB_OK);
  else db_rollback(f->db);
  json_decref(errs);
  return rc;
}

static int64_t q1(struct db *db, const char *sql)
{
  int64_t v = -1;
  db_query_int64(db, sql, 0, 0, &v);
  return v;
}

static void rows_quota_and_delete(void **state)
{
  struct dbfx *f = *state;
  struct bukti_gudang g;
  char err[400], bdir[128], sql[256];
  struct audit_actor who = {1, "uji"};
  assert_int_equal(bukti_gudang_buka(&g, f->dir, NULL, err, sizeof err), 0);
  snprintf(bdir, sizeof bdir, "%s/bukti", f->dir);
  int http;
  int64_t a = 0, b = 0, c = 0;
  unsigned char *pdf = pdf_bytes(3000, 1), *pdf2 = pdf_bytes(3000, 2);
  int64_t audit0 = q1(f->db, "SELECT COUNT(*) FROM audit_log");
  /* the same content by two pegawai: two rows, one object */
  assert_int_equal(upload(f, &g, f->pegawai, pdf, 3000, &http, &a), 0);
  assert_int_equal(upload(f, &g, f->lain, pdf, 3000, &http, &b), 0);
  assert_int_equal(count_files(bdir, NULL, NULL), 1);
  assert_int_equal(bukti_terpakai(f->db, f->pegawai), 3000);
  assert_int_equal(q1(f->db, "SELECT COUNT(*) FROM audit_log"), audit0 + 2);
  assert_int_equal(q1(f->db, "SELECT COUNT(*) FROM audit_log WHERE aksi = 'bukti.create' AND sesudah LIKE '%PDF-%'"), 0);
  /* refused: a program, too large, over quota; nothing stored */
  assert_int_equal(upload(f, &g, f->pegawai, "MZ\x90\0\3\0\0\0", 8, &http, &c), 1);
  assert_int_equal(http, 415);
  snprintf(sql, sizeof sql, "INSERT INTO pengaturan (instansi_id, bukti_maks_bytes, bukti_kuota_bytes, diubah) VALUES (%lld, 2500, 5000, 0)"
           " ON CONFLICT (instansi_id) DO UPDATE SET bukti_maks_bytes = 2500, bukti_kuota_bytes = 5000",
           (long long)f->inst);
  assert_int_equal(db_exec(f->db, sql), 0);
  assert_int_equal(upload(f, &g, f->pegawai, pdf2, 3000, &http, &c), 1);
  assert_int_equal(http, 413);
  assert_int_equal(db_exec(f->db, "UPDATE pengaturan SET bukti_maks_bytes = 10000"), 0);
  assert_int_equal(upload(f, &g, f->pegawai, pdf2, 3000, &http, &c), 1);   /* 3000 + 3000 > 5000 */
  assert_int_equal(http, 422);
  assert_int_equal(count_files(bdir, NULL, NULL), 1);
  assert_int_equal(q1(f->db, "SELECT COUNT(*) FROM bukti WHERE jenis = 'berkas'"), 2);   /* the demo adds links */
  /* delete by someone else: refused */
  struct bukti_buang buang;
  const char *pesan = NULL;
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(bukti_delete(f->db, &g, a, f->lain, &who, &http, &pesan, &buang), 3);
  assert_int_equal(http, 403);
  db_rollback(f->db);
  /* the owner deletes: quota freed, the object stays (the other row uses it) */
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(bukti_delete(f->db, &g, a, f->pegawai, &who, &http, &pesan, &buang), 0);
  assert_false(buang.ada);
  assert_int_equal(db_commit(f->db), DB_OK);
  bukti_buang_selesai(&buang, true);
  assert_int_equal(bukti_terpakai(f->db, f->pegawai), 0);
  assert_int_equal(count_files(bdir, NULL, NULL), 1);
  assert_int_equal(upload(f, &g, f->pegawai, pdf2, 3000, &http, &c), 0);   /* fits again */
  assert_int_equal(count_files(bdir, NULL, NULL), 2);
  /* a delete rolled back puts the object back */
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(bukti_delete(f->db, &g, c, f->pegawai, &who, &http, &pesan, &buang), 0);
  assert_true(buang.ada);
  assert_int_equal(db_rollback(f->db), DB_OK);
  bukti_buang_selesai(&buang, false);
  assert_int_equal(count_files(bdir, NULL, NULL), 2);
  /* the last user of the content deletes it: the object goes */
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(bukti_delete(f->db, &g, b, f->lain, &who, &http, &pesan, &buang), 0);
  assert_true(buang.ada);
  assert_int_equal(db_commit(f->db), DB_OK);
  bukti_buang_selesai(&buang, true);
  assert_int_equal(count_files(bdir, NULL, NULL), 1);
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(bukti_delete(f->db, &g, b, f->lain, &who, &http, &pesan, &buang), 2);   /* already gone */
  db_rollback(f->db);
  assert_int_equal(q1(f->db, "SELECT COUNT(*) FROM audit_log WHERE aksi = 'bukti.delete'"), 2);
  free(pdf);
  free(pdf2);
  bukti_gudang_tutup(&g);
}


/* The database store (--bukti-store db): same round trip, dedupe and damage detection, nothing
 * written below the directory; a file stored before the switch is still read. */
static void database_store(void **state)
{
  struct dbfx *f = *state;
  struct bukti_gudang g;
  char err[300], sha[65], sha2[65];
  assert_int_equal(bukti_gudang_buka(&g, f->dir, NULL, err, sizeof err), 0);
  /* a file from the directory store first */
  static const char lama[] = "%PDF-1.4 laporan lama dari penyimpanan direktori";
  bukti_sha256_hex(lama, sizeof lama - 1, sha2);
  bool baru = false;
  assert_int_equal(bukti_objek_simpan(&g, sha2, lama, sizeof lama - 1, &baru, err, sizeof err), 0);
  g.db = f->db;
  size_t n = 3 * BUKTI_CHUNK + 17;
  unsigned char *data = malloc(n), *out = NULL;
  for (size_t i = 0; i < n; i++) data[i] = (unsigned char)(i * 31 + 7);
  bukti_sha256_hex(data, n, sha);
  assert_int_equal(db_begin_write(f->db), DB_OK);
  assert_int_equal(bukti_objek_simpan(&g, sha, data, n, &baru, err, sizeof err), 0);
  assert_true(baru);
  assert_int_equal(bukti_objek_simpan(&g, sha, data, n, &baru, err, sizeof err), 0);
  assert_false(baru);   /* dedupe */
  assert_int_equal(db_commit(f->db), DB_OK);
  char path[BUKTI_PATH_MAX];
  assert_int_equal(bukti_objek_path(&g, sha, path, sizeof path), 0);
  assert_int_not_equal(access(path, F_OK), 0);   /* not a file */
  size_t olen = 0;
  assert_int_equal(bukti_objek_muat(&g, sha, n, &out, &olen, err, sizeof err), 0);
  assert_int_equal(olen, n);
  assert_memory_equal(out, data, n);
  free(out);
  assert_int_equal(bukti_objek_muat(&g, sha, n - 1, &out, &olen, err, sizeof err), -1);   /* over the limit */
  /* the file from before the switch */
  assert_int_equal(bukti_objek_muat(&g, sha2, 1000, &out, &olen, err, sizeof err), 0);
  assert_int_equal(olen, sizeof lama - 1);
  free(out);
  /* one character of the stored object changed: refused, never returned */
  assert_int_equal(db_exec(f->db, "UPDATE bukti_objek SET isi = substr(isi, 1, 200) || CASE WHEN substr(isi, 201, 1) = 'A' THEN 'B' ELSE 'A' END"
                                  " || substr(isi, 202)"), DB_OK);
  assert_int_equal(bukti_objek_muat(&g, sha, n, &out, &olen, err, sizeof err), -1);
  assert_null(out);
  char absent[65];
  memset(absent, 'a', 64);
  absent[64] = 0;
  assert_int_equal(bukti_objek_muat(&g, absent, 100, &out, &olen, err, sizeof err), 1);
  free(data);
  bukti_gudang_tutup(&g);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(round_trip_encrypted, setup, teardown),
    cmocka_unit_test_setup_teardown(dedupe, setup, teardown),
    cmocka_unit_test_setup_teardown(key_file_and_env_key, setup, teardown),
    cmocka_unit_test_setup_teardown(damage_is_detected, setup, teardown),
    cmocka_unit_test(names),
    cmocka_unit_test(links_and_sizes),
    cmocka_unit_test_setup_teardown(rows_quota_and_delete, db_setup, db_teardown),
    cmocka_unit_test_setup_teardown(database_store, db_setup, db_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
