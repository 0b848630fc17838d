/* demo.c: `kinerja demo` fills an empty database with a realistic kabupaten (see demo.h).
 *
 * Pemerintah Kabupaten Sukamaju gets the unit tree of demo_data.c, heads for every unit with
 * the atasan chain Sekda -> kepala OPD -> kepala bidang -> kepala seksi -> staf, and then staf
 * spread over the units; beyond the units' places the demo opens schools and puskesmas, so a
 * large N still looks like an agency.  A second, small instansi (Pemerintah Kota Mekarsari)
 * shows tenant separation.  Everything is written in one transaction with direct inserts (a
 * 10 k demo must take seconds), the password is hashed once, and one audit record per
 * instansi says what was created.
 */
#include "demo.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth/password.h"
#include "auth/principal.h"
#include "demo_data.h"
#include "demo_inovasi.h"
#include "demo_skp.h"
#include "demo_aktivitas.h"
#include "demo_akses.h"
#include "demo_analitik.h"
#include "demo_penilaian.h"
#include "demo_organisasi.h"
#include "demo_presensi.h"
#include "demo_tpp.h"
#include "rules/tpp.h"
#include "demo_umpan.h"
#include "util/util.h"

#define UPT_MAX 4096
#define AKUN_MAX 8
static const char *const GOL_PNS[17] = {"I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
                                        "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"};

struct akun {
  char username[32];
  char peran[64];
  char nama[300];
};

struct demo {
  struct db *db;
  uint64_t rng;
  int64_t inst;
  int year;
  char mulai[11];
  char hash[PASSWORD_HASH_MAX];
  int64_t now;
  int64_t jab[J_COUNT];            /* catalogue jabatan ids in the current instansi (0 = not yet) */
  int64_t unit[U_COUNT];           /* unit_kerja ids */
  int64_t kepala[U_COUNT];         /* pegawai id of each unit's head */
  int staf[U_COUNT];               /* staff placed per unit */
  int limit, n;                    /* pegawai wanted / created in the current instansi */
  int64_t seq;                     /* NIP sequence counter */
  int units, jabatans, users;
  const char *domain;              /* e-mail domain of the instansi */
  const char *awalan;              /* login name prefix (a training sandbox), NULL = none */
  struct akun akun[AKUN_MAX];
  int nakun;
  char contoh_nip[19];             /* an ordinary pegawai, for the printed help */
};

/* xorshift64*: deterministic for a given seed; not for secrets. */
static uint32_t rnd(struct demo *d, uint32_t n)
{
  d->rng ^= d->rng >> 12;
  d->rng ^= d->rng << 25;
  d->rng ^= d->rng >> 27;
  return (uint32_t)((d->rng * 2685821657736338717ULL) >> 33) % (n ? n : 1);
}

static size_t list_len(const char *const *l)
{
  size_t n = 0;
  while (l[n]) n++;
  return n;
}

/* Picks one of the '|'-separated choices of `opts` into out. */
static void pick_choice(struct demo *d, const char *opts, char *out, size_t n)
{
  out[0] = '\0';
  if (!opts || !opts[0]) return;
  int count = 1;
  for (const char *p = opts; *p; p++) count += *p == '|';
  int k = (int)rnd(d, (uint32_t)count);
  const char *s = opts;
  while (k-- > 0) s = strchr(s, '|') + 1;
  const char *e = strchr(s, '|');
  size_t len = e ? (size_t)(e - s) : strlen(s);
  if (len >= n) len = n - 1;
  memcpy(out, s, len);
  out[len] = '\0';
}

static int64_t insert_unit(struct demo *d, int64_t induk, const char *kode, const char *nama)
{
  struct db_stmt *st = db_prepare(d->db,
    "INSERT INTO unit_kerja (instansi_id, induk_id, kode, nama, aktif) VALUES (?1, ?2, ?3, ?4, 1) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, d->inst);
  db_bind_id(st, 2, induk);
  db_bind_text(st, 3, kode);
  db_bind_text(st, 4, nama);
  int64_t id = db_step(st) == DB_ROW ? db_col_int64(st, 0) : -1;
  db_done(st);
  if (id > 0) d->units++;
  return id;
}

/* The jabatan of catalogue entry `j`, named `nama` when given (a head of a named unit). */
static int64_t jabatan_get(struct demo *d, int j, const char *nama)
{
  const struct demo_jabatan *c = &DEMO_JABATAN[j];
  if (!nama && d->jab[j]) return d->jab[j];
  const char *name = nama ? nama : c->nama;
  int64_t id = 0;
  struct db_stmt *st = db_prepare(d->db, "SELECT id FROM jabatan WHERE instansi_id = ?1 AND nama = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, d->inst);
  db_bind_text(st, 2, name);
  if (db_step(st) == DB_ROW) id = db_col_int64(st, 0);
  db_done(st);
  if (!id) {
    st = db_prepare(d->db,
      "INSERT INTO jabatan (instansi_id, nama, jenis, kategori, jenjang, kelas_jabatan, aktif)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1) RETURNING id");
    if (!st) return -1;
    db_bind_int64(st, 1, d->inst);
    db_bind_text(st, 2, name);
    db_bind_text(st, 3, c->jenis);
    db_bind_text(st, 4, c->kategori);
    db_bind_text(st, 5, c->jenjang);
    db_bind_int64(st, 6, c->kelas);
    id = db_step(st) == DB_ROW ? db_col_int64(st, 0) : -1;
    db_done(st);
    if (id > 0) d->jabatans++;
  }
  if (!nama && id > 0) d->jab[j] = id;
  return id;
}

/* The name of the head's jabatan of a unit, from the unit's name ("Kepala Bidang X"). */
static const char *kepala_nama(const char *unit, int j, char *out, size_t n)
{
  if (DEMO_JABATAN[j].jenis[0] == 'j' && strcmp(DEMO_JABATAN[j].jenis, "jpt") == 0) return NULL;
  static const char *const kepala_dari[] = {"Bidang ", "Seksi ", "Subbagian ", "Bagian ", "UPTD ", NULL};
  for (int i = 0; kepala_dari[i]; i++)
    if (strncmp(unit, kepala_dari[i], strlen(kepala_dari[i])) == 0) {
      snprintf(out, n, "Kepala %s", unit);
      return out;
    }
  if (strncmp(unit, "Sekretariat ", 12) == 0) { snprintf(out, n, "Sekretaris %s", unit + 12); return out; }
  if (strncmp(unit, "Kecamatan ", 10) == 0) { snprintf(out, n, "Camat %s", unit + 10); return out; }
  if (strncmp(unit, "Inspektur ", 10) == 0) return unit;
  return NULL;
}

static void lower_dots(const char *s, char *out, size_t n)
{
  size_t k = 0;
  for (; *s && k + 1 < n; s++) {
    char c = *s;
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    else if (c == ' ') c = '.';
    else if (!(c >= 'a' && c <= 'z')) continue;
    out[k++] = c;
  }
  out[k] = '\0';
}

/* Creates one pegawai in jabatan `jab_id` (catalogue entry j) of unit `unit_id` under
 * `atasan`, with a login: `username` (NULL = the NIP) and `peran` bits.  Returns its id, 0 when
 * the wanted number of pegawai is reached, -1 on error. */
static int64_t pegawai_new(struct demo *d, int j, int64_t jab_id, int64_t unit_id, int64_t atasan,
                           const char *username, int peran, const char *peran_teks)
{
  if (d->n >= d->limit) return 0;
  const struct demo_jabatan *c = &DEMO_JABATAN[j];
  bool pppk = c->pppk[0] && rnd(d, 100) < 25;
  bool wanita = j == J_BIDAN ? true : rnd(d, 100) < 48;
  int usia_min = 24, usia_max = 56;
  if (!strcmp(c->jenis, "jpt")) { usia_min = 47; usia_max = 58; }
  else if (!strcmp(c->jenis, "administrator")) { usia_min = 40; usia_max = 56; }
  else if (!strcmp(c->jenis, "pengawas")) { usia_min = 34; usia_max = 55; }
  else if (c->jenjang && !strcmp(c->jenjang, "Ahli Madya")) { usia_min = 42; usia_max = 58; }
  else if (pppk) { usia_min = 26; usia_max = 50; }

  char nama[160], depan[40], belakang[60], golongan[8], nip[64], lahir[32], email[200];
  const char *const *given = wanita ? DEMO_NAMA_P : DEMO_NAMA_L;
  const char *g = given[rnd(d, (uint32_t)list_len(given))];
  const char *f = DEMO_NAMA_BELAKANG[rnd(d, (uint32_t)list_len(DEMO_NAMA_BELAKANG))];
  if (rnd(d, 10) == 0) {
    const char *g2 = given[rnd(d, (uint32_t)list_len(given))];
    if (strcmp(g, g2) == 0) snprintf(nama, sizeof nama, "%s %s", g, f);
    else snprintf(nama, sizeof nama, "%s %s %s", g, g2, f);
  } else {
    snprintf(nama, sizeof nama, "%s %s", g, f);
  }
  pick_choice(d, c->gelar_d, depan, sizeof depan);
  pick_choice(d, c->gelar_b, belakang, sizeof belakang);
  if (pppk) snprintf(golongan, sizeof golongan, "%s", c->pppk);
  else snprintf(golongan, sizeof golongan, "%s", GOL_PNS[c->gol_min + (int)rnd(d, (uint32_t)(c->gol_max - c->gol_min + 1))]);

  int64_t id = -1;
  for (int attempt = 0; attempt < 20 && id < 0; attempt++) {
    int by = d->year - usia_min - (int)rnd(d, (uint32_t)(usia_max - usia_min + 1));
    int bm = 1 + (int)rnd(d, 12), bd = 1 + (int)rnd(d, 28);
    int ty, tm;
    if (pppk) { ty = 2021 + (int)rnd(d, 4); tm = 21; }  /* NI PPPK: year of appointment + "21" */
    else {
      ty = by + 22 + (int)rnd(d, 8);
      if (ty > d->year - 1) ty = d->year - 1;
      tm = 1 + (int)rnd(d, 12);
    }
    d->seq++;
    snprintf(nip, sizeof nip, "%04d%02d%02d%04d%02d%c%03d", by, bm, bd, ty, tm, wanita ? '2' : '1',
             (int)(1 + (d->seq - 1) % 999));
    snprintf(lahir, sizeof lahir, "%04d-%02d-%02d", by, bm, bd);
    char user[60];
    lower_dots(g, user, sizeof user);
    snprintf(email, sizeof email, "%s.%s@%s", user, nip + 14, d->domain);

    struct db_stmt *st = db_prepare(d->db,
      "INSERT INTO pegawai (instansi_id, nip, nama, gelar_depan, gelar_belakang, jenis_kelamin,"
      "                     tanggal_lahir, jenis_asn, golongan, jabatan_id, unit_kerja_id,"
      "                     atasan_id, email, aktif, diubah)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 1, ?14)"
      " ON CONFLICT DO NOTHING RETURNING id");
    if (!st) return -1;
    db_bind_int64(st, 1, d->inst);
    db_bind_text(st, 2, nip);
    db_bind_text(st, 3, nama);
    db_bind_text(st, 4, depan[0] ? depan : NULL);
    db_bind_text(st, 5, belakang[0] ? belakang : NULL);
    db_bind_text(st, 6, wanita ? "P" : "L");
    db_bind_text(st, 7, lahir);
    db_bind_text(st, 8, pppk ? "PPPK" : "PNS");
    db_bind_text(st, 9, golongan);
    db_bind_id(st, 10, jab_id);
    db_bind_id(st, 11, unit_id);
    db_bind_id(st, 12, atasan);
    db_bind_text(st, 13, rnd(d, 3) ? email : NULL);
    db_bind_int64(st, 14, d->now);
    int s = db_step(st);
    if (s == DB_ROW) id = db_col_int64(st, 0);
    db_done(st);
    /* a NIP collision returns no row and draws again (no failed statement: on PostgreSQL it
     * would abort the transaction) */
    if (s != DB_ROW && s != DB_DONE) return -1;
  }
  if (id < 0) return -1;

  struct db_stmt *st = db_prepare(d->db,
    "INSERT INTO pegawai_riwayat (pegawai_id, jabatan_id, unit_kerja_id, atasan_id, golongan, mulai, selesai, sumber, dibuat)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, 'demo', ?7)");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  db_bind_id(st, 2, jab_id);
  db_bind_id(st, 3, unit_id);
  db_bind_id(st, 4, atasan);
  db_bind_text(st, 5, golongan);
  db_bind_text(st, 6, d->mulai);
  db_bind_int64(st, 7, d->now);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;

  st = db_prepare(d->db,
    "INSERT INTO pengguna (instansi_id, pegawai_id, username, password_hash, peran, aktif, sandi_diubah, dibuat)"
    " VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?6)");
  if (!st) return -1;
  char login[96];
  snprintf(login, sizeof login, "%s%s", d->awalan ? d->awalan : "", username ? username : nip);
  db_bind_int64(st, 1, d->inst);
  db_bind_int64(st, 2, id);
  db_bind_text(st, 3, login);
  db_bind_text(st, 4, d->hash);
  db_bind_int64(st, 5, peran);
  db_bind_int64(st, 6, d->now);
  s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  d->users++;
  d->n++;

  if (username && d->nakun < AKUN_MAX) {
    struct akun *a = &d->akun[d->nakun++];
    snprintf(a->username, sizeof a->username, "%s", username);
    snprintf(a->peran, sizeof a->peran, "%s", peran_teks ? peran_teks : "");
    snprintf(a->nama, sizeof a->nama, "%s%s%s%s%s", depan, depan[0] ? " " : "", nama, belakang[0] ? ", " : "", belakang);
  } else if (!username && !d->contoh_nip[0] && !strcmp(c->jenis, "pelaksana")) {
    snprintf(d->contoh_nip, sizeof d->contoh_nip, "%.18s", nip);
  }
  return id;
}

/* Creates unit u (and its parents first) when missing. */
static int unit_ensure(struct demo *d, int u)
{
  if (d->unit[u]) return 0;
  int p = DEMO_UNIT[u].parent;
  if (p >= 0 && unit_ensure(d, p) != 0) return -1;
  int64_t id = insert_unit(d, p >= 0 ? d->unit[p] : 0, DEMO_UNIT[u].kode, DEMO_UNIT[u].nama);
  if (id < 0) return -1;
  d->unit[u] = id;
  return 0;
}

/* The head of unit u; its atasan is the head of the parent unit, or the Sekda for an OPD. */
static int64_t kepala_new(struct demo *d, int u, const char *username, int peran, const char *teks)
{
  if (d->kepala[u]) return d->kepala[u];
  if (unit_ensure(d, u) != 0) return -1;
  int p = DEMO_UNIT[u].parent;
  int64_t atasan = p >= 0 ? d->kepala[p] : (u == U_SETDA ? 0 : d->kepala[U_SETDA]);
  char buf[256];
  int j = DEMO_UNIT[u].kepala;
  int64_t jab = jabatan_get(d, j, kepala_nama(DEMO_UNIT[u].nama, j, buf, sizeof buf));
  if (jab < 0) return -1;
  int64_t id = pegawai_new(d, j, jab, d->unit[u], atasan, username, peran, teks);
  if (id > 0) d->kepala[u] = id;
  return id;
}

/* One staff member of unit u (jabatan j, or the unit's next staff jabatan when j < 0). */
static int64_t staf_new(struct demo *d, int u, int j, const char *username, int peran, const char *teks)
{
  if (unit_ensure(d, u) != 0) return -1;
  if (j < 0) {
    int k = 0;
    while (DEMO_UNIT[u].staf[k] >= 0 && k < 5) k++;
    if (k == 0) return 0;
    j = DEMO_UNIT[u].staf[d->staf[u] % k];
  }
  int64_t jab = jabatan_get(d, j, NULL);
  if (jab < 0) return -1;
  int64_t atasan = d->kepala[u];
  int64_t id = pegawai_new(d, j, jab, d->unit[u], atasan, username, peran, teks);
  if (id > 0) d->staf[u]++;
  return id;
}

static bool in_subtree(int u, int root)
{
  for (; u >= 0; u = DEMO_UNIT[u].parent)
    if (u == root) return true;
  return false;
}

/* Beyond the units' places: SMP Negeri k under the SMP bidang, UPTD Puskesmas under the
 * health services bidang, alternately, each with up to 20 staff. */
static int upt_fill(struct demo *d)
{
  static const int guru[] = {J_GURU_PERTAMA, J_GURU_MUDA, J_GURU_PERTAMA, J_GURU_MUDA, J_PENGADMINISTRASI};
  static const int kes[] = {J_PERAWAT, J_BIDAN, J_PERAWAT_AHLI, J_DOKTER, J_PENYULUH_KES, J_PERAWAT, J_PENGELOLA_LAYANAN};
  size_t nkec = list_len(DEMO_KECAMATAN);
  for (int k = 0; k < UPT_MAX && d->n < d->limit; k++) {
    bool sekolah = k % 2 == 0;
    int idx = k / 2;
    int parent = sekolah ? U_DIK_SMP : U_KES_YANKES;
    char nama[160], jabnama[200];
    if (sekolah) snprintf(nama, sizeof nama, "SMP Negeri %d Sukamaju", idx + 1);
    else if ((size_t)idx < nkec) snprintf(nama, sizeof nama, "UPTD Puskesmas %s", DEMO_KECAMATAN[idx]);
    else snprintf(nama, sizeof nama, "UPTD Puskesmas %s %d", DEMO_KECAMATAN[(size_t)idx % nkec], (int)((size_t)idx / nkec) + 1);
    int64_t unit = insert_unit(d, d->unit[parent], NULL, nama);
    if (unit < 0) return -1;
    int jk = sekolah ? J_GURU_MADYA : J_KAPUSKESMAS;
    const char *jn = NULL;
    if (!sekolah) { snprintf(jabnama, sizeof jabnama, "Kepala %s", nama); jn = jabnama; }
    int64_t jab = jabatan_get(d, jk, jn);
    if (jab < 0) return -1;
    int64_t kepala = pegawai_new(d, jk, jab, unit, d->kepala[parent], NULL, 0, NULL);
    if (kepala <= 0) return (int)kepala;
    for (int s = 0; s < 20; s++) {
      int j = sekolah ? guru[s % 5] : kes[s % 7];
      int64_t sj = jabatan_get(d, j, NULL);
      if (sj < 0) return -1;
      int64_t id = pegawai_new(d, j, sj, unit, kepala, NULL, 0, NULL);
      if (id <= 0) return (int)id;
    }
  }
  return 0;
}

#define TRY(x) do { if ((x) < 0) goto fail; } while (0)

static int kabupaten_isi(struct demo *d);

static int kabupaten(struct demo *d)
{
  d->inst = 0;
  struct db_stmt *st = db_prepare(d->db,
    "INSERT INTO instansi (kode, nama, zona_waktu, aktif, dibuat)"
    " VALUES ('PEMKAB-SUKAMAJU', 'Pemerintah Kabupaten Sukamaju', 'WIB', 1, ?1) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, d->now);
  if (db_step(st) == DB_ROW) d->inst = db_col_int64(st, 0);
  db_done(st);
  if (!d->inst) return -1;
  d->domain = "sukamajukab.go.id";
  return kabupaten_isi(d);
}

/* Fills instansi d->inst with the kabupaten's units, pegawai and accounts. */
static int kabupaten_isi(struct demo *d)
{
  /* the named demo accounts first, so that every N >= 10 has them */
  TRY(kepala_new(d, U_SETDA, "pimpinan", PERAN_PIMPINAN, "pimpinan (Sekretaris Daerah)"));
  TRY(kepala_new(d, U_DIK, NULL, 0, NULL));
  TRY(kepala_new(d, U_DIK_SD, "atasan", 0, "atasan (Kepala Bidang Pembinaan SD)"));
  TRY(kepala_new(d, U_DIK_SD_KURIKULUM, NULL, 0, NULL));
  TRY(staf_new(d, U_DIK_SD_KURIKULUM, J_PENGELOLA_LAYANAN, "pegawai", 0, "pegawai (staf di bawah atasan)"));
  TRY(kepala_new(d, U_BKPSDM, NULL, 0, NULL));
  TRY(staf_new(d, U_BKPSDM, J_ANALIS_SDM, "admin", PERAN_ADMIN, "admin instansi (BKPSDM)"));
  TRY(kepala_new(d, U_INSPEKTORAT, NULL, 0, NULL));
  TRY(staf_new(d, U_INSPEKTORAT, J_AUDITOR_MADYA, "auditor", PERAN_AUDITOR, "auditor (Inspektorat)"));

  /* the atasan's bidang is complete and fixed in size, whatever N */
  for (int u = 0; u < U_COUNT; u++)
    if (in_subtree(u, U_DIK_SD)) TRY(kepala_new(d, u, NULL, 0, NULL));
  for (int u = 0; u < U_COUNT; u++)
    if (in_subtree(u, U_DIK_SD))
      while (d->staf[u] < DEMO_UNIT[u].cap && d->n < d->limit) TRY(staf_new(d, u, -1, NULL, 0, NULL));

  /* every other unit: its head and a first staff member */
  for (int u = 0; u < U_COUNT && d->n < d->limit; u++) {
    if (in_subtree(u, U_DIK_SD)) continue;
    TRY(kepala_new(d, u, NULL, 0, NULL));
    if (d->staf[u] == 0 && DEMO_UNIT[u].cap > 0) TRY(staf_new(d, u, -1, NULL, 0, NULL));
  }
  /* then round after round until the units' places are taken */
  for (bool more = true; more && d->n < d->limit;) {
    more = false;
    for (int u = 0; u < U_COUNT && d->n < d->limit; u++) {
      if (in_subtree(u, U_DIK_SD) || d->staf[u] >= DEMO_UNIT[u].cap) continue;
      TRY(staf_new(d, u, -1, NULL, 0, NULL));
      more = true;
    }
  }
  TRY(upt_fill(d));
  return 0;
fail:
  return -1;
}

static int kota(struct demo *d)
{
  memset(d->jab, 0, sizeof d->jab);
  d->inst = 0;
  struct db_stmt *st = db_prepare(d->db,
    "INSERT INTO instansi (kode, nama, zona_waktu, aktif, dibuat)"
    " VALUES ('PEMKOT-MEKARSARI', 'Pemerintah Kota Mekarsari', 'WITA', 1, ?1) RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, d->now);
  if (db_step(st) == DB_ROW) d->inst = db_col_int64(st, 0);
  db_done(st);
  if (!d->inst) return -1;
  d->domain = "mekarsarikota.go.id";
  d->n = 0;
  d->limit = 6;
  int64_t setda = insert_unit(d, 0, "SETDA", "Sekretariat Daerah Kota Mekarsari");
  int64_t kominfo = insert_unit(d, 0, "DISKOMINFO", "Dinas Komunikasi dan Informatika");
  if (setda < 0 || kominfo < 0) return -1;
  int64_t j_sekda = jabatan_get(d, J_SEKDA, NULL);
  int64_t j_kadis = jabatan_get(d, J_KADIS_PU, "Kepala Dinas Komunikasi dan Informatika");
  int64_t j_prakom = jabatan_get(d, J_PRANATA_KOMPUTER, NULL);
  int64_t j_pengelola = jabatan_get(d, J_PENGELOLA_LAYANAN, NULL);
  if (j_sekda < 0 || j_kadis < 0 || j_prakom < 0 || j_pengelola < 0) return -1;
  int64_t sekda = pegawai_new(d, J_SEKDA, j_sekda, setda, 0, NULL, 0, NULL);
  int64_t kadis = pegawai_new(d, J_KADIS_PU, j_kadis, kominfo, sekda, NULL, 0, NULL);
  if (sekda <= 0 || kadis <= 0) return -1;
  TRY(pegawai_new(d, J_PRANATA_KOMPUTER, j_prakom, kominfo, kadis, "admin2", PERAN_ADMIN, "admin instansi kedua (Kota Mekarsari)"));
  for (int i = 0; i < 3; i++)
    TRY(pegawai_new(d, i == 0 ? J_PRANATA_KOMPUTER : J_PENGELOLA_LAYANAN, i == 0 ? j_prakom : j_pengelola, kominfo, kadis, NULL, 0, NULL));
  return 0;
fail:
  return -1;
}

static int superadmin(struct demo *d)
{
  struct db_stmt *st = db_prepare(d->db,
    "INSERT INTO pengguna (instansi_id, pegawai_id, username, password_hash, peran, aktif, sandi_diubah, dibuat)"
    " VALUES (NULL, NULL, 'superadmin', ?1, ?2, 1, ?3, ?3)");
  if (!st) return -1;
  db_bind_text(st, 1, d->hash);
  db_bind_int64(st, 2, PERAN_SUPERADMIN);
  db_bind_int64(st, 3, d->now);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  d->users++;
  if (d->nakun < AKUN_MAX) {
    struct akun *a = &d->akun[d->nakun++];
    snprintf(a->username, sizeof a->username, "superadmin");
    snprintf(a->peran, sizeof a->peran, "superadmin (semua instansi)");
    a->nama[0] = '\0';
  }
  return 0;
}

static int audit_instansi(struct demo *d, int64_t inst, int pegawai)
{
  struct audit_actor sys = {0, NULL};
  json_t *after = json_pack("{s:s,s:i,s:s}", "sumber", "kinerja demo", "pegawai", pegawai, "mulai", d->mulai);
  if (!after) return -1;
  int rc = audit_append(d->db, &sys, inst, "demo.create", "instansi", inst, NULL, after);
  json_decref(after);
  return rc;
}

int demo_create(struct db *db, const struct demo_opts *o, FILE *out, char *err, size_t errlen)
{
  static struct demo zero;
  struct demo *d = NULL;
  char generated[32];
  const char *password = o->password;
  int64_t existing = 0;
  if (db_query_int64(db, "SELECT COUNT(*) FROM instansi", 0, 0, &existing) != DB_ROW) {
    snprintf(err, errlen, "basis data tidak dapat dibaca: %s", db_errmsg(db));
    return -1;
  }
  if (existing > 0) {
    snprintf(err, errlen, "basis data sudah berisi %lld instansi; demo hanya dibuat pada basis data kosong",
             (long long)existing);
    return -1;
  }
  if (o->pegawai < 10) { snprintf(err, errlen, "--pegawai minimal 10"); return -1; }
  if (!password) {
    char hex[9];
    random_hex(hex, 4);
    snprintf(generated, sizeof generated, "Demo-%s7", hex);
    password = generated;
  }
  const char *why = password_policy(password);
  if (why) { snprintf(err, errlen, "--password: %s", why); return -1; }

  d = malloc(sizeof *d);
  if (!d) { snprintf(err, errlen, "memori habis"); return -1; }
  *d = zero;
  d->db = db;
  d->rng = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)o->seed * 0xBF58476D1CE4E5B9ULL);
  if (!d->rng) d->rng = 1;
  d->limit = o->pegawai;
  d->now = now_unix();
  char today[11];
  date_today(7, today);
  d->year = (today[0] - '0') * 1000 + (today[1] - '0') * 100 + (today[2] - '0') * 10 + (today[3] - '0');
  char mulai[32];
  snprintf(mulai, sizeof mulai, "%04d-01-02", d->year - 1);
  str_copy(d->mulai, sizeof d->mulai, mulai);
  if (password_hash(password, d->hash) != 0) { snprintf(err, errlen, "gagal membuat hash kata sandi"); free(d); return -1; }

  double t0 = now_mono();
  if (db_begin_write(db) != DB_OK) { snprintf(err, errlen, "basis data sibuk: %s", db_errmsg(db)); free(d); return -1; }
  if (kabupaten(d) != 0) goto fail;
  int64_t inst1 = d->inst;
  int n1 = d->n, units1 = d->units, jab1 = d->jabatans;
  if (audit_instansi(d, inst1, n1) != 0) goto fail;
  int64_t kasi = d->kepala[U_DIK_SD_KURIKULUM], peserta = d->kepala[U_DIK_SD_PESERTA], pegawai_akun = 0;
  if (db_query_int64(db, "SELECT COALESCE(pegawai_id, 0) FROM pengguna WHERE username = 'pegawai'", 0, 0, &pegawai_akun) != DB_ROW) goto fail;
  if (kota(d) != 0) goto fail;
  if (audit_instansi(d, d->inst, d->n) != 0) goto fail;
  int64_t inst2 = d->inst;
  struct demo_skp_pilihan pilih = {.diajukan = peserta, .disetujui_1 = kasi, .disetujui_2 = pegawai_akun};
  struct demo_skp_hasil skp1 = {0}, skp2 = {0};
  if (demo_skp_create(db, inst1, d->year, &pilih, &skp1) != 0) goto fail;
  if (demo_skp_create(db, inst2, d->year, NULL, &skp2) != 0) goto fail;
  struct demo_aktivitas_hasil kerja = {0};
  if (demo_aktivitas_create(db, inst1, d->year, &kerja) != 0) goto fail;
  if (demo_aktivitas_create(db, inst2, d->year, &kerja) != 0) goto fail;
  struct demo_penilaian_hasil nilai = {0};
  if (demo_penilaian_create(db, inst1, d->year, &nilai) != 0) goto fail;
  struct demo_organisasi_hasil org = {0};
  if (demo_organisasi_create(db, inst1, d->year, &org) != 0) goto fail;
  struct demo_umpan_hasil umpan = {0};
  {
    int64_t pembuka = 0;
    db_query_int64(db, "SELECT id FROM pengguna WHERE username = 'atasan'", 0, 0, &pembuka);
    if (demo_umpan_create(db, inst1, kasi, pembuka, d->unit[U_DIK_SD], &umpan) != 0) goto fail;
  }
  struct demo_analitik_hasil analitik = {0};
  if (demo_analitik_create(db, inst1, d->year, &analitik) != 0) goto fail;
  struct demo_presensi_hasil presensi = {0};
  {
    char hari_ini[11];
    date_today(7, hari_ini);
    if (demo_presensi_create(db, inst1, hari_ini, 2000, &presensi) != 0) goto fail;
  }
  struct demo_tpp_hasil tpp = {0};
  if (demo_tpp_create(db, inst1, d->year, presensi.bulan, &tpp) != 0) goto fail;
  struct demo_inovasi_hasil inovasi = {0};
  if (demo_inovasi_create(db, inst1, &inovasi) != 0) goto fail;
  struct demo_akses_hasil akses = {0};
  if (demo_akses_create(db, inst1, d->year, now_unix(), &akses) != 0) goto fail;
  {
    struct audit_actor sys = {0, "demo"};
    json_t *ringkas = json_pack("{s:i,s:i,s:i,s:i}", "aktivitas", kerja.aktivitas, "realisasi", kerja.realisasi,
                                "penilaian_periodik", nilai.periodik, "penilaian_tahunan", nilai.tahunan);
    int a = audit_append(db, &sys, inst1, "demo.aktivitas", "instansi", inst1, NULL, ringkas);
    json_decref(ringkas);
    if (a != 0) goto fail;
  }
  if (superadmin(d) != 0) goto fail;
  if (db_commit(db) != DB_OK) goto fail;

  fprintf(out, "Demo siap dalam %.1f detik: Pemerintah Kabupaten Sukamaju (PEMKAB-SUKAMAJU) dengan %d pegawai,"
               " %d unit kerja, %d jabatan;\n", now_mono() - t0, n1, units1, jab1);
  fprintf(out, "ditambah Pemerintah Kota Mekarsari (PEMKOT-MEKARSARI, %d pegawai) untuk menunjukkan pemisahan instansi.\n", d->n);
  fprintf(out, "SKP tahun %d: %d dibuat, %d disetujui (selebihnya draf, diajukan atau dikembalikan).\n",
          d->year, skp1.skp + skp2.skp, skp1.disetujui + skp2.disetujui);
  fprintf(out, "Pekerjaan: %d aktivitas harian beberapa minggu terakhir, %d realisasi bulanan, rencana aksi dan umpan balik.\n",
          kerja.aktivitas, kerja.realisasi);
  fprintf(out, "Penilaian: %d penilaian periodik final (triwulan yang sudah lewat), predikat organisasi %d unit,\n"
               "%d penilaian tahunan di satu unit yang melanggar pola distribusinya; satu putaran umpan balik 360 (%d jawaban),\n"
               "%d masukan masyarakat lewat tautan/QR unit, %d bukti dukung (tautan laporan) pada realisasi.\n",
          nilai.periodik, nilai.unit, nilai.tahunan, umpan.jawaban_360, umpan.masukan, umpan.bukti);
  fprintf(out, "Kinerja organisasi: Renstra dengan %d sasaran strategis dan %d IKU (target %d-%d), %d indikator Perjanjian Kinerja,\n"
               "%d RHK pimpinan unit ditautkan ke PK (cascading sampai staf), %d realisasi IKU/PK dengan bukti.\n",
          org.sasaran, org.iku, d->year - 1, d->year + 3, org.pk, org.rhk_tertaut, org.realisasi);
  fprintf(out, "Analitik: katalog %d tema pelatihan untuk rekomendasi pengembangan, potensi %d pegawai untuk 9-box talenta.\n",
          analitik.katalog, analitik.potensi);
  fprintf(out, "Presensi %s: %d catatan masuk/pulang (sebagian terlambat atau pulang cepat), %d cuti/dinas luar, jadwal 5 hari kerja;"
          " %d hari jadwal shift malam 22:00-06:00.\n", presensi.bulan, presensi.presensi, presensi.status, presensi.shift);
  fprintf(out, "Inovasi: %d dicatat pegawai (%d divalidasi atasan, tahap diusulkan sampai direplikasi); %d aturan penghargaan,"
               " %d piagam diterbitkan pimpinan.\n", inovasi.inovasi, inovasi.divalidasi, inovasi.aturan, inovasi.piagam);
  char rp[48];
  fprintf(out, "TPP: tabel daerah (preset umum) aktif sejak Januari dan satu usulan draf; %s dihitung (draf) untuk %lld pegawai, %s.\n",
          presensi.bulan, (long long)tpp.pegawai, tpp_rupiah_tulis(tpp.jumlah, rp, sizeof rp));
  fprintf(out, "Transparansi dan adopsi: %d sesi masuk 8 minggu terakhir, %d catatan siapa melihat data pegawai (atasan, admin, pimpinan).\n",
          akses.sesi, akses.lihat);
  fprintf(out, "Mode latihan: admin membuat salinan latihan berisi data contoh di Administrasi > Mode latihan (#/latihan);\n"
               "staf lalu menekan \"Masuk mode latihan\" untuk berlatih tanpa menyentuh data nyata.\n\n");
  fprintf(out, "Akun demo (kata sandi semua akun: %s)\n", password);
  for (int i = 0; i < d->nakun; i++)
    fprintf(out, "  %-11s %-40s %s\n", d->akun[i].username, d->akun[i].peran, d->akun[i].nama);
  fprintf(out, "  Setiap pegawai lain masuk dengan NIP-nya%s%s%s.\n", d->contoh_nip[0] ? " (misalnya " : "",
          d->contoh_nip, d->contoh_nip[0] ? ")" : "");
  free(d);
  return 0;
fail:
  snprintf(err, errlen, "gagal membuat demo: %s", db_errmsg(db));
  db_rollback(db);
  free(d);
  return -1;
}

/* The pegawai id behind login name `awalan` + `nama`, 0 when absent. */
static int64_t akun_pegawai(struct db *db, const char *awalan, const char *nama, int64_t *pengguna)
{
  char login[96];
  snprintf(login, sizeof login, "%s%s", awalan, nama);
  struct db_stmt *st = db_prepare(db, "SELECT id, COALESCE(pegawai_id, 0) FROM pengguna WHERE username = ?1");
  if (!st) return -1;
  db_bind_text(st, 1, login);
  int64_t id = 0;
  if (db_step(st) == DB_ROW) {
    id = db_col_int64(st, 1);
    if (pengguna) *pengguna = db_col_int64(st, 0);
  }
  db_done(st);
  return id;
}

int demo_latihan_isi(struct db *db, const struct demo_latihan *o, struct demo_latihan_hasil *h)
{
  static struct demo zero;
  struct demo *d = malloc(sizeof *d);
  if (!d) return -1;
  *d = zero;
  d->db = db;
  d->rng = 0x9E3779B97F4A7C15ULL ^ ((uint64_t)o->seed * 0xBF58476D1CE4E5B9ULL);
  if (!d->rng) d->rng = 1;
  d->limit = o->pegawai < 10 ? 10 : o->pegawai;
  d->now = now_unix();
  char today[11];
  date_today(7, today);
  d->year = (today[0] - '0') * 1000 + (today[1] - '0') * 100 + (today[2] - '0') * 10 + (today[3] - '0');
  char mulai[32];
  snprintf(mulai, sizeof mulai, "%04d-01-02", d->year - 1);
  str_copy(d->mulai, sizeof d->mulai, mulai);
  str_copy(d->hash, sizeof d->hash, "!latihan");   /* not an argon2id string: never verifies */
  d->inst = o->instansi_id;
  d->domain = "latihan.invalid";                   /* RFC 2606: no mail can be delivered there */
  d->awalan = o->awalan;
  d->seq = (int64_t)(o->seed % 500);
  int rc = -1;
  if (kabupaten_isi(d) != 0) goto out;
  int64_t inst = d->inst, pembuka = 0;
  int64_t pegawai_akun = akun_pegawai(db, o->awalan, "pegawai", NULL);
  if (akun_pegawai(db, o->awalan, "atasan", &pembuka) < 0 || pegawai_akun < 0) goto out;
  struct demo_skp_pilihan pilih = {.diajukan = d->kepala[U_DIK_SD_PESERTA], .disetujui_1 = d->kepala[U_DIK_SD_KURIKULUM],
                                   .disetujui_2 = pegawai_akun};
  struct demo_skp_hasil skp = {0};
  struct demo_aktivitas_hasil kerja = {0};
  struct demo_penilaian_hasil nilai = {0};
  struct demo_umpan_hasil umpan = {0};
  struct demo_analitik_hasil analitik = {0};
  struct demo_presensi_hasil presensi = {0};
  struct demo_tpp_hasil tpp = {0};
  struct demo_organisasi_hasil org = {0};
  if (demo_skp_create(db, inst, d->year, &pilih, &skp) != 0 ||
      demo_aktivitas_create(db, inst, d->year, &kerja) != 0 ||
      demo_penilaian_create(db, inst, d->year, &nilai) != 0 ||
      demo_organisasi_create(db, inst, d->year, &org) != 0 ||
      demo_umpan_create(db, inst, d->kepala[U_DIK_SD_KURIKULUM], pembuka, d->unit[U_DIK_SD], &umpan) != 0 ||
      demo_analitik_create(db, inst, d->year, &analitik) != 0 ||
      demo_presensi_create(db, inst, today, 2000, &presensi) != 0 ||
      demo_tpp_create(db, inst, d->year, presensi.bulan, &tpp) != 0)
    goto out;
  if (h) {
    h->pegawai = d->n;
    h->unit = d->units;
    h->skp = skp.skp;
    h->aktivitas = kerja.aktivitas;
  }
  rc = 0;
out:
  free(d);
  return rc;
}
