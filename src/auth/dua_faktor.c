/* dua_faktor.c: TOTP authenticators, recovery codes and pending logins (see dua_faktor.h). */
#include "auth/dua_faktor.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "auth/session.h"
#include "auth/totp.h"
#include "util/util.h"

#define KOTAK_LEN (crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + TOTP_RAHASIA_BYTES)
#define KOTAK_B64 128

void df_kunci_turunkan(struct df_kunci *k, const unsigned char induk[32])
{
  crypto_kdf_derive_from_key(k->rahasia, sizeof k->rahasia, 1, "kinerja2", induk);
  crypto_kdf_derive_from_key(k->kode, sizeof k->kode, 2, "kinerja2", induk);
}

static int exec1(struct db *db, const char *q, int64_t p1)
{
  struct db_stmt *st = db_prepare(db, q);
  if (!st) return -1;
  db_bind_int64(st, 1, p1);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

static int audit(struct db *db, const struct audit_actor *a, int64_t inst, const char *aksi, int64_t pengguna_id, json_t *after)
{
  int rc = audit_append(db, a, inst, aksi, "pengguna", pengguna_id, NULL, after);
  json_decref(after);
  return rc;
}

int df_status(struct db *db, int64_t pengguna_id, struct df_status *s)
{
  memset(s, 0, sizeof *s);
  struct db_stmt *st = db_prepare(db,
    "SELECT d.aktif, COALESCE(d.diaktifkan, 0),"
    "       (SELECT COUNT(*) FROM kode_pemulihan k WHERE k.pengguna_id = d.pengguna_id AND k.dipakai IS NULL)"
    "  FROM dua_faktor d WHERE d.pengguna_id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  int r = db_step(st);
  if (r == DB_ROW) {
    s->aktif = db_col_int64(st, 0) != 0;
    s->tertunda = !s->aktif;
    s->diaktifkan = db_col_int64(st, 1);
    s->sisa_kode = s->aktif ? (int)db_col_int64(st, 2) : 0;
  }
  db_done(st);
  return r == DB_ROW || r == DB_DONE ? 0 : -1;
}

int df_wajib(struct db *db, const struct principal *who, struct df_wajib *w)
{
  memset(w, 0, sizeof *w);
  w->tenggang_hari = DF_TENGGANG_BAWAAN;
  int64_t sejak_null = 1, sejak = 0, ulang = 0, aktif = 0;
  struct db_stmt *st = db_prepare(db,
    "SELECT CASE WHEN u.wajib_2fa_sejak IS NULL THEN 1 ELSE 0 END, COALESCE(u.wajib_2fa_sejak, 0), u.wajib_2fa_ulang,"
    "       COALESCE((SELECT d.aktif FROM dua_faktor d WHERE d.pengguna_id = u.id), 0),"
    "       COALESCE((SELECT g.tenggang_2fa_hari FROM pengaturan g WHERE g.instansi_id = u.instansi_id), ?2)"
    "  FROM pengguna u WHERE u.id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, who->pengguna_id);
  db_bind_int64(st, 2, DF_TENGGANG_BAWAAN);
  int r = db_step(st);
  if (r == DB_ROW) {
    sejak_null = db_col_int64(st, 0);
    sejak = db_col_int64(st, 1);
    ulang = db_col_int64(st, 2);
    aktif = db_col_int64(st, 3);
    w->tenggang_hari = (int)db_col_int64(st, 4);
  }
  db_done(st);
  if (r != DB_ROW && r != DB_DONE) return -1;
  if (aktif) return 0;
  w->ulang = ulang != 0;
  w->wajib = w->ulang || (who->peran & DF_PERAN_WAJIB) != 0;
  if (!w->wajib) return 0;
  const int64_t now = now_unix();
  if (sejak_null) { sejak = now; w->catat_sejak = true; }
  w->sejak = sejak;
  w->batas = w->ulang ? sejak : sejak + (int64_t)w->tenggang_hari * 86400;
  w->lewat = w->ulang || now >= w->batas;
  return 0;
}

int df_wajib_mulai(struct db *db, int64_t pengguna_id, int64_t sejak)
{
  struct db_stmt *st = db_prepare(db, "UPDATE pengguna SET wajib_2fa_sejak = ?2 WHERE id = ?1 AND wajib_2fa_sejak IS NULL");
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  db_bind_int64(st, 2, sejak);
  int s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

json_t *df_wajib_json(const struct df_wajib *w)
{
  if (!w->wajib) return json_null();
  const char *alasan = w->ulang
    ? "Verifikasi dua langkah Anda telah direset oleh admin. Aktifkan lagi sebelum melanjutkan."
    : w->lewat ? "Peran Anda mewajibkan verifikasi dua langkah (2FA) dan masa tenggang telah berakhir. Aktifkan 2FA sekarang."
               : "Peran Anda mewajibkan verifikasi dua langkah (2FA). Aktifkan sebelum batas waktu.";
  return json_pack("{s:b,s:b,s:I,s:i,s:s}", "wajib", 1, "lewat", w->lewat, "batas", (json_int_t)w->batas,
                   "tenggang_hari", w->tenggang_hari, "alasan", alasan);
}

/* ---- the secret ---- */

static int tutup(const struct df_kunci *k, const unsigned char rahasia[TOTP_RAHASIA_BYTES], char out[KOTAK_B64])
{
  unsigned char kotak[KOTAK_LEN];
  randombytes_buf(kotak, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(kotak + crypto_secretbox_NONCEBYTES, rahasia, TOTP_RAHASIA_BYTES, kotak, k->rahasia);
  sodium_bin2base64(out, KOTAK_B64, kotak, sizeof kotak, sodium_base64_VARIANT_ORIGINAL);
  return 0;
}

static int buka(const struct df_kunci *k, const char *b64, unsigned char rahasia[TOTP_RAHASIA_BYTES])
{
  unsigned char kotak[KOTAK_LEN];
  size_t n = 0;
  if (!b64 || sodium_base642bin(kotak, sizeof kotak, b64, strlen(b64), NULL, &n, NULL, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      n != KOTAK_LEN)
    return -1;
  return crypto_secretbox_open_easy(rahasia, kotak + crypto_secretbox_NONCEBYTES, n - crypto_secretbox_NONCEBYTES,
                                    kotak, k->rahasia) == 0 ? 0 : -1;
}

int df_mulai(struct db *db, const struct df_kunci *k, int64_t pengguna_id, char base32_out[40],
             const struct audit_actor *a, int64_t instansi_id)
{
  struct df_status s;
  if (df_status(db, pengguna_id, &s) != 0) return -1;
  if (s.aktif) return 3;
  unsigned char rahasia[TOTP_RAHASIA_BYTES];
  char kotak[KOTAK_B64];
  totp_rahasia_baru(rahasia);
  int rc = -1;
  if (tutup(k, rahasia, kotak) != 0 || totp_base32(rahasia, sizeof rahasia, base32_out) != 0) goto fail;
  struct db_stmt *st = db_prepare(db,
    "INSERT INTO dua_faktor (pengguna_id, rahasia, aktif, langkah_terakhir, dibuat) VALUES (?1, ?2, 0, 0, ?3)"
    " ON CONFLICT (pengguna_id) DO UPDATE SET rahasia = excluded.rahasia, aktif = 0, langkah_terakhir = 0,"
    "   dibuat = excluded.dibuat, diaktifkan = NULL");
  if (!st) goto fail;
  db_bind_int64(st, 1, pengguna_id);
  db_bind_text(st, 2, kotak);
  db_bind_int64(st, 3, now_unix());
  rc = db_step(st) == DB_DONE ? 0 : -1;
  db_done(st);
  if (rc == 0) rc = audit(db, a, instansi_id, "dua_faktor.mulai", pengguna_id, NULL);
fail:
  sodium_memzero(rahasia, sizeof rahasia);
  return rc;
}

int df_cek_kode(struct db *db, const struct df_kunci *k, int64_t pengguna_id, const char *kode, bool tertunda)
{
  char kotak[KOTAK_B64] = "";
  int64_t terakhir = 0;
  struct db_stmt *st = db_prepare(db, "SELECT rahasia, langkah_terakhir FROM dua_faktor WHERE pengguna_id = ?1 AND aktif = ?2");
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  db_bind_int64(st, 2, tertunda ? 0 : 1);
  int r = db_step(st);
  if (r == DB_ROW) {
    str_copy(kotak, sizeof kotak, db_col_text(st, 0));
    terakhir = db_col_int64(st, 1);
  }
  db_done(st);
  if (r == DB_DONE) return 4;
  if (r != DB_ROW) return -1;
  unsigned char rahasia[TOTP_RAHASIA_BYTES];
  if (buka(k, kotak, rahasia) != 0) return -1;
  int64_t langkah = totp_cek(rahasia, sizeof rahasia, now_unix(), kode);
  sodium_memzero(rahasia, sizeof rahasia);
  if (langkah <= 0) return 1;
  if (langkah <= terakhir) return 2;
  st = db_prepare(db, "UPDATE dua_faktor SET langkah_terakhir = ?2 WHERE pengguna_id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  db_bind_int64(st, 2, langkah);
  r = db_step(st);
  db_done(st);
  return r == DB_DONE ? 0 : -1;
}

/* ---- recovery codes ---- */

/* Lower case letters and digits without 0/o, 1/l/i; 5+5 characters ~ 51 bits. */
static void kode_acak(char out[DF_KODE_PEMULIHAN_LEN])
{
  static const char abjad[] = "abcdefghjkmnpqrstuvwxyz23456789";
  for (int i = 0, j = 0; i < 10; i++) {
    if (i == 5) out[j++] = '-';
    out[j++] = abjad[randombytes_uniform((uint32_t)(sizeof abjad - 1))];
    out[j] = 0;
  }
}

/* The keyed hash of a code after dropping spaces and dashes and lower-casing.  -1 when the
 * normalised code is not 10 characters. */
static int kode_hash(const struct df_kunci *k, const char *kode, char out[65])
{
  char n[16];
  size_t j = 0;
  for (const char *c = kode; *c; c++) {
    if (*c == '-' || *c == ' ') continue;
    if (j >= 10) return -1;
    n[j++] = (char)((*c >= 'A' && *c <= 'Z') ? *c + 32 : *c);
  }
  if (j != 10) return -1;
  unsigned char h[32];
  crypto_generichash(h, sizeof h, (const unsigned char *)n, j, k->kode, sizeof k->kode);
  sodium_bin2hex(out, 65, h, sizeof h);
  return 0;
}

static int kode_tulis(struct db *db, const struct df_kunci *k, int64_t pengguna_id,
                      char kode_out[DF_KODE_PEMULIHAN][DF_KODE_PEMULIHAN_LEN])
{
  if (exec1(db, "DELETE FROM kode_pemulihan WHERE pengguna_id = ?1", pengguna_id) != 0) return -1;
  for (int i = 0; i < DF_KODE_PEMULIHAN; i++) {
    char h[65];
    kode_acak(kode_out[i]);
    kode_hash(k, kode_out[i], h);
    struct db_stmt *st = db_prepare(db, "INSERT INTO kode_pemulihan (pengguna_id, kode_hash) VALUES (?1, ?2)");
    if (!st) return -1;
    db_bind_int64(st, 1, pengguna_id);
    db_bind_text(st, 2, h);
    int s = db_step(st);
    db_done(st);
    if (s != DB_DONE) return -1;
  }
  return 0;
}

int df_aktifkan(struct db *db, const struct df_kunci *k, int64_t pengguna_id, const char *kode,
                char kode_out[DF_KODE_PEMULIHAN][DF_KODE_PEMULIHAN_LEN], const struct audit_actor *a, int64_t instansi_id)
{
  int r = df_cek_kode(db, k, pengguna_id, kode, true);
  if (r != 0) return r;
  struct db_stmt *st = db_prepare(db, "UPDATE dua_faktor SET aktif = 1, diaktifkan = ?2 WHERE pengguna_id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  db_bind_int64(st, 2, now_unix());
  r = db_step(st);
  db_done(st);
  if (r != DB_DONE) return -1;
  if (exec1(db, "UPDATE pengguna SET wajib_2fa_ulang = 0 WHERE id = ?1", pengguna_id) != 0 ||
      kode_tulis(db, k, pengguna_id, kode_out) != 0)
    return -1;
  return audit(db, a, instansi_id, "dua_faktor.aktif", pengguna_id, json_pack("{s:i}", "kode_pemulihan", DF_KODE_PEMULIHAN));
}

int df_kode_baru(struct db *db, const struct df_kunci *k, int64_t pengguna_id,
                 char kode_out[DF_KODE_PEMULIHAN][DF_KODE_PEMULIHAN_LEN], const struct audit_actor *a, int64_t instansi_id)
{
  if (kode_tulis(db, k, pengguna_id, kode_out) != 0) return -1;
  return audit(db, a, instansi_id, "dua_faktor.kode_pemulihan_baru", pengguna_id,
               json_pack("{s:i}", "kode_pemulihan", DF_KODE_PEMULIHAN));
}

int df_pakai_kode(struct db *db, const struct df_kunci *k, int64_t pengguna_id, const char *kode,
                  const struct audit_actor *a, int64_t instansi_id)
{
  char h[65];
  if (!kode || kode_hash(k, kode, h) != 0) return 1;
  struct db_stmt *st = db_prepare(db,
    "UPDATE kode_pemulihan SET dipakai = ?3"
    " WHERE pengguna_id = ?1 AND kode_hash = ?2 AND dipakai IS NULL"
    "   AND EXISTS (SELECT 1 FROM dua_faktor d WHERE d.pengguna_id = ?1 AND d.aktif = 1)"
    " RETURNING id");
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  db_bind_text(st, 2, h);
  db_bind_int64(st, 3, now_unix());
  int r = db_step(st);
  db_done(st);
  if (r == DB_DONE) return 1;
  if (r != DB_ROW) return -1;
  int64_t sisa = 0;
  if (db_query_int64(db, "SELECT COUNT(*) FROM kode_pemulihan WHERE pengguna_id = ?1 AND dipakai IS NULL", 1,
                     pengguna_id, &sisa) != DB_ROW)
    return -1;
  return audit(db, a, instansi_id, "dua_faktor.kode_pemulihan_dipakai", pengguna_id, json_pack("{s:I}", "sisa", (json_int_t)sisa));
}

int df_hapus(struct db *db, int64_t pengguna_id, const char *aksi, const struct audit_actor *a, int64_t instansi_id)
{
  struct df_status s;
  if (df_status(db, pengguna_id, &s) != 0) return -1;
  if (!s.aktif && !s.tertunda) return 3;
  bool reset = strcmp(aksi, "dua_faktor.reset") == 0;
  if (exec1(db, "DELETE FROM kode_pemulihan WHERE pengguna_id = ?1", pengguna_id) != 0 ||
      exec1(db, "DELETE FROM dua_faktor WHERE pengguna_id = ?1", pengguna_id) != 0 ||
      df_tertunda_hapus_pengguna(db, pengguna_id) != 0)
    return -1;
  if (reset && exec1(db, "UPDATE pengguna SET wajib_2fa_ulang = 1, gagal_2fa = 0 WHERE id = ?1", pengguna_id) != 0) return -1;
  return audit(db, a, instansi_id, aksi, pengguna_id, json_pack("{s:b}", "sebelumnya_aktif", s.aktif));
}

/* ---- failures ---- */

int df_gagal(struct db *db, int64_t pengguna_id, int64_t *terkunci_sampai)
{
  int64_t gagal = 0;
  *terkunci_sampai = 0;
  if (db_query_int64(db, "SELECT gagal_2fa FROM pengguna WHERE id = ?1", 1, pengguna_id, &gagal) != DB_ROW) return -1;
  gagal++;
  int64_t kunci = 0;
  if (gagal >= LOGIN_MAX_FAILS) { kunci = now_unix() + LOGIN_LOCK_SECONDS; gagal = 0; }
  struct db_stmt *st = db_prepare(db,
    "UPDATE pengguna SET gagal_2fa = ?2, terkunci_sampai = CASE WHEN ?3 > 0 THEN ?3 ELSE terkunci_sampai END WHERE id = ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, pengguna_id);
  db_bind_int64(st, 2, gagal);
  db_bind_int64(st, 3, kunci);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  if (kunci && df_tertunda_hapus_pengguna(db, pengguna_id) != 0) return -1;
  *terkunci_sampai = kunci;
  return 0;
}

int df_berhasil(struct db *db, int64_t pengguna_id)
{
  return exec1(db, "UPDATE pengguna SET gagal_2fa = 0 WHERE id = ?1", pengguna_id);
}

/* ---- pending logins ---- */

int df_tertunda_buat(struct db *db, int64_t pengguna_id, char token_out[65])
{
  char h[65];
  const int64_t now = now_unix();
  random_hex(token_out, 32);
  hash_hex(token_out, strlen(token_out), h);
  struct db_stmt *st = db_prepare(db, "DELETE FROM login_tertunda WHERE berakhir <= ?1");
  if (!st) return -1;
  db_bind_int64(st, 1, now);
  int s = db_step(st);
  db_done(st);
  if (s != DB_DONE) return -1;
  st = db_prepare(db, "INSERT INTO login_tertunda (token_hash, pengguna_id, gagal, berakhir) VALUES (?1, ?2, 0, ?3)");
  if (!st) return -1;
  db_bind_text(st, 1, h);
  db_bind_int64(st, 2, pengguna_id);
  db_bind_int64(st, 3, now + DF_TERTUNDA_DETIK);
  s = db_step(st);
  db_done(st);
  return s == DB_DONE ? 0 : -1;
}

int df_tertunda_cari(struct db *db, const char *token, int64_t *id, int64_t *pengguna_id, int *gagal)
{
  char h[65];
  if (strlen(token) != 64 || strspn(token, "0123456789abcdef") != 64) return 1;
  hash_hex(token, strlen(token), h);
  struct db_stmt *st = db_prepare(db, "SELECT id, pengguna_id, gagal FROM login_tertunda WHERE token_hash = ?1 AND berakhir > ?2");
  if (!st) return -1;
  db_bind_text(st, 1, h);
  db_bind_int64(st, 2, now_unix());
  int s = db_step(st);
  if (s == DB_ROW) {
    *id = db_col_int64(st, 0);
    *pengguna_id = db_col_int64(st, 1);
    *gagal = (int)db_col_int64(st, 2);
  }
  db_done(st);
  return s == DB_ROW ? 0 : s == DB_DONE ? 1 : -1;
}

int df_tertunda_gagal(struct db *db, int64_t id)
{
  struct db_stmt *st = db_prepare(db, "UPDATE login_tertunda SET gagal = gagal + 1 WHERE id = ?1 RETURNING gagal");
  if (!st) return -1;
  db_bind_int64(st, 1, id);
  int s = db_step(st);
  int64_t g = s == DB_ROW ? db_col_int64(st, 0) : 0;
  db_done(st);
  if (s != DB_ROW) return -1;
  return g >= DF_TERTUNDA_MAKS_GAGAL ? exec1(db, "DELETE FROM login_tertunda WHERE id = ?1", id) : 0;
}

int df_tertunda_hapus_pengguna(struct db *db, int64_t pengguna_id)
{
  return exec1(db, "DELETE FROM login_tertunda WHERE pengguna_id = ?1", pengguna_id);
}
