/* siasn_kirim.c: pushing final penilaian to SIASN, idempotently (see siasn_kirim.h). */
#include "siasn_kirim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "golongan.h"
#include "siasn_json.h"
#include "siasn_kode.h"
#include "util/util.h"

static int bulan(const char *tanggal) { return (tanggal[5] - '0') * 10 + (tanggal[6] - '0'); }
static int tahun(const char *tanggal) { int64_t y = 0; char t[5]; memcpy(t, tanggal, 4); t[4] = 0; parse_int64(t, 1900, 2199, &y); return (int)y; }

json_t *siasn_kirim_muatan(struct db *db, int64_t pid, const char *pns_id, const char **jalur)
{
  struct db_stmt *st = db_prepare(db,
    "SELECT pn.jenis, pn.periode_ke, pn.mulai, pn.selesai, pn.rating_hasil, pn.rating_perilaku, pn.predikat, pr.tahun,"
    "       n.nama, COALESCE(n.gelar_depan, ''), COALESCE(n.gelar_belakang, ''), n.nip, COALESCE(n.golongan, ''),"
    "       COALESCE(jn.nama, ''), COALESCE(un.nama, '')"
    "  FROM penilaian pn"
    "  JOIN skp s ON s.id = pn.skp_id"
    "  JOIN periode pr ON pr.id = s.periode_id"
    "  JOIN pegawai n ON n.id = pn.penilai_id"
    "  LEFT JOIN jabatan jn ON jn.id = n.jabatan_id"
    "  LEFT JOIN unit_kerja un ON un.id = n.unit_kerja_id"
    " WHERE pn.id = ?1 AND pn.status = 'final'");
  if (!st) return NULL;
  db_bind_int64(st, 1, pid);
  json_t *m = NULL;
  if (db_step(st) == DB_ROW) {
    bool tahunan = strcmp(db_col_text(st, 0), "tahunan") == 0;
    const char *mulai = db_col_text(st, 2), *selesai = db_col_text(st, 3);
    char nama[400];
    const char *gd = db_col_text(st, 9), *gb = db_col_text(st, 10);
    snprintf(nama, sizeof nama, "%s%s%s%s%s", gd, *gd ? " " : "", db_col_text(st, 8), *gb ? ", " : "", gb);
    const struct golongan *g = golongan_pns(db_col_text(st, 12));
    char gol[16];
    if (g) snprintf(gol, sizeof gol, "%d", g->siasn_id); else str_copy(gol, sizeof gol, db_col_text(st, 12));
    m = json_pack("{s:s,s:i,s:i,s:i,s:i,s:s,s:s,s:s,s:s,s:s,s:s}",
      "pnsDinilaiId", pns_id, "tahun", (int)db_col_int64(st, 7),
      "hasilKinerjaNilai", siasn_kode_rating(db_col_text(st, 4)), "perilakuKerjaNilai", siasn_kode_rating(db_col_text(st, 5)),
      "kuadranKinerjaNilai", siasn_kode_kuadran(db_col_text(st, 6)),
      "penilaiNama", nama, "penilaiNipNrp", db_col_text(st, 11), "penilaiGolongan", gol,
      "penilaiJabatanNama", db_col_text(st, 13), "penilaiUnorNama", db_col_text(st, 14), "statusPenilai", "ASN");
    if (m && !tahunan) {
      json_object_set_new(m, "bulanMulaiPenilaian", json_integer(bulan(mulai)));
      json_object_set_new(m, "bulanSelesaiPenilaian", json_integer(bulan(selesai)));
      json_object_set_new(m, "tahunMulaiPenilaian", json_integer(tahun(mulai)));
      json_object_set_new(m, "tahunSelesaiPenilaian", json_integer(tahun(selesai)));
      json_object_set_new(m, "periodikId", json_integer(db_col_int64(st, 1)));
    }
    *jalur = tahunan ? "/skp22/save" : "/kinerjaperiodik/save";
  }
  db_done(st);
  return m;
}

void siasn_kirim_sidik(json_t *m, char out[65])
{
  char *s = json_dumps(m, JSON_COMPACT | JSON_SORT_KEYS);
  hash_hex(s ? s : "", s ? strlen(s) : 0, out);
  free(s);
}

/* the pegawai's SIASN id: the mapping, else data-utama (then stored).  0 ok, else a failure. */
static enum siasn_hasil pns_id(struct siasn_sesi *s, int64_t pegawai_id, const char *nip, char *out, size_t n,
                               struct siasn_jawaban *j)
{
  struct db_stmt *st = db_prepare(s->db, "SELECT siasn_id FROM siasn_peta WHERE jenis = 'pegawai' AND lokal_id = ?1 AND siasn_id IS NOT NULL");
  if (!st) return SIASN_KONFIG;
  db_bind_int64(st, 1, pegawai_id);
  out[0] = 0;
  if (db_step(st) == DB_ROW) str_copy(out, n, db_col_text(st, 0));
  db_done(st);
  if (out[0]) return SIASN_OK;
  char jalur[96], ringkas[96];
  snprintf(jalur, sizeof jalur, "/pns/data-utama/%s", nip);
  snprintf(ringkas, sizeof ringkas, "data utama NIP %s (mencari pnsDinilaiId)", nip);
  struct siasn_permintaan p = {.arah = "kirim", .metode = "GET", .jalur = jalur, .ringkasan = ringkas,
    .saran_404 = "NIP pegawai yang dinilai tidak dikenal SIASN: periksa NIP-nya; penilaian ini belum dikirim."};
  enum siasn_hasil h = siasn_minta(s, &p, j);
  static const char *const K_ID[] = {"id", "pnsId", "pns_id", NULL};
  if (h == SIASN_OK && siasn_json_teks(j->isi, K_ID, out, n) != 0) {
    snprintf(j->pesan, sizeof j->pesan, "data utama SIASN tanpa id PNS");
    snprintf(j->saran, sizeof j->saran, "Laporkan ke BKN; penilaian ini belum dikirim.");
    h = SIASN_RUSAK;
  }
  siasn_jawaban_lepas(j);
  if (h != SIASN_OK) return h;
  st = db_prepare(s->db, "INSERT INTO siasn_peta (jenis, lokal_id, instansi_id, siasn_id, diubah) VALUES ('pegawai', ?1, ?2, ?3, ?4)"
                         " ON CONFLICT (jenis, lokal_id) DO UPDATE SET siasn_id = excluded.siasn_id, diubah = excluded.diubah");
  if (!st) return SIASN_KONFIG;
  db_bind_int64(st, 1, pegawai_id);
  db_bind_int64(st, 2, s->k.instansi_id);
  db_bind_text(st, 3, out);
  db_bind_int64(st, 4, now_unix());
  int x = db_step(st);
  db_done(st);
  return x == DB_DONE ? SIASN_OK : SIASN_KONFIG;
}

struct baris { int64_t id, pegawai_id; char nip[20], jenis[10], siasn_id[128], sidik[65]; bool terpeta; };

int siasn_kirim(struct db *db, int64_t inst, const struct siasn_kirim_opsi *o, const char *berkas, json_t **hasil,
                char *err, size_t n)
{
  struct siasn_sesi s;
  struct baris *b = NULL;
  size_t nb = 0;
  int limit = o->limit > 0 && o->limit <= 1000 ? o->limit : 500;
  int rc = -1, dikirim = 0, diperbarui = 0, dilewati = 0, gagal = 0;
  json_t *items = json_array();
  *hasil = NULL;
  int x = siasn_sesi_buka(&s, db, inst, berkas, err, n);
  if (x != 0) { rc = x; goto out; }
  struct db_stmt *st = db_prepare(db,
    "SELECT pn.id, pn.pegawai_id, p.nip, pn.jenis, COALESCE(m.siasn_id, ''), COALESCE(m.sidik, ''), m.lokal_id IS NOT NULL"
    "  FROM penilaian pn"
    "  JOIN pegawai p ON p.id = pn.pegawai_id"
    "  LEFT JOIN siasn_peta m ON m.jenis = 'penilaian' AND m.lokal_id = pn.id"
    " WHERE pn.instansi_id = ?1 AND pn.status = 'final' AND (?2 = 0 OR pn.id = ?2) AND (?3 IS NULL OR p.nip = ?3)"
    " ORDER BY pn.id LIMIT 5000");
  if (!st) goto out;
  b = calloc(5000, sizeof *b);
  if (!b) { db_done(st); goto out; }
  db_bind_int64(st, 1, inst);
  db_bind_int64(st, 2, o->penilaian_id);
  db_bind_text(st, 3, o->nip);
  while (db_step(st) == DB_ROW && nb < 5000) {
    struct baris *r = &b[nb++];
    r->id = db_col_int64(st, 0);
    r->pegawai_id = db_col_int64(st, 1);
    str_copy(r->nip, sizeof r->nip, db_col_text(st, 2));
    str_copy(r->jenis, sizeof r->jenis, db_col_text(st, 3));
    str_copy(r->siasn_id, sizeof r->siasn_id, db_col_text(st, 4));
    str_copy(r->sidik, sizeof r->sidik, db_col_text(st, 5));
    r->terpeta = db_col_int64(st, 6) != 0;
  }
  db_done(st);
  if (o->penilaian_id && nb == 0) { rc = 2; goto out; }
  int exchanges = 0;
  for (size_t i = 0; i < nb && exchanges < limit; i++) {
    struct baris *r = &b[i];
    struct siasn_jawaban j;
    memset(&j, 0, sizeof j);
    char pid[128], sidik[65], ringkas[200];
    const char *jalur = NULL, *apa = NULL;
    s.penilaian_id = r->id;
    enum siasn_hasil h = pns_id(&s, r->pegawai_id, r->nip, pid, sizeof pid, &j);
    json_t *m = NULL;
    if (h == SIASN_OK) {
      m = siasn_kirim_muatan(db, r->id, pid, &jalur);
      if (!m) goto out;
      siasn_kirim_sidik(m, sidik);
      snprintf(ringkas, sizeof ringkas, "penilaian %lld (%s) NIP %s, tahun %lld, hasil %lld perilaku %lld kuadran %lld%s%s",
               (long long)r->id, r->jenis, r->nip, (long long)json_integer_value(json_object_get(m, "tahun")),
               (long long)json_integer_value(json_object_get(m, "hasilKinerjaNilai")),
               (long long)json_integer_value(json_object_get(m, "perilakuKerjaNilai")),
               (long long)json_integer_value(json_object_get(m, "kuadranKinerjaNilai")),
               r->siasn_id[0] ? ", id SIASN " : "", r->siasn_id);
      if (r->terpeta && strcmp(sidik, r->sidik) == 0) {
        dilewati++;
        apa = "dilewati";
        snprintf(j.pesan, sizeof j.pesan, "sudah ada di SIASN dan tidak berubah sejak dikirim");
        if (o->penilaian_id)
          siasn_log_tulis(db, inst, "kirim", "POST", jalur, ringkas, 0, 0, "dilewati", j.pesan,
                          "Tidak perlu tindakan.", 0, r->id);
        json_decref(m);
        if (!o->penilaian_id) continue;   /* a bulk push lists only what it did */
        goto item;
      }
      if (r->siasn_id[0]) json_object_set_new(m, "id", json_string(r->siasn_id));
      struct siasn_permintaan p = {.arah = "kirim", .metode = "POST", .jalur = jalur, .isi = m, .ringkasan = ringkas,
        .saran_404 = "SIASN tidak mengenal data yang dirujuk (pegawai atau id catatan): periksa pemetaan lalu kirim ulang."};
      exchanges++;
      h = siasn_minta(&s, &p, &j);
      json_decref(m);
    }
    if (h == SIASN_OK) {
      static const char *const K_REC[] = {"id", "rwSkp22Id", "rwKinerjaPeriodikId", "skpId", "idRiwayat", NULL};
      char baru[128] = "";
      if (json_is_string(j.isi)) str_copy(baru, sizeof baru, json_string_value(j.isi));
      else siasn_json_teks(j.isi, K_REC, baru, sizeof baru);
      st = db_prepare(db, "INSERT INTO siasn_peta (jenis, lokal_id, instansi_id, siasn_id, sidik, diubah)"
                          " VALUES ('penilaian', ?1, ?2, ?3, ?4, ?5)"
                          " ON CONFLICT (jenis, lokal_id) DO UPDATE SET siasn_id = COALESCE(excluded.siasn_id, siasn_peta.siasn_id),"
                          "   sidik = excluded.sidik, diubah = excluded.diubah");
      if (!st) { siasn_jawaban_lepas(&j); goto out; }
      db_bind_int64(st, 1, r->id);
      db_bind_int64(st, 2, inst);
      db_bind_text(st, 3, baru[0] ? baru : NULL);
      db_bind_text(st, 4, sidik);
      db_bind_int64(st, 5, now_unix());
      int y = db_step(st);
      db_done(st);
      if (y != DB_DONE) { siasn_jawaban_lepas(&j); goto out; }
      if (baru[0]) str_copy(r->siasn_id, sizeof r->siasn_id, baru);
      if (r->terpeta) { diperbarui++; apa = "diperbarui"; } else { dikirim++; apa = "dikirim"; }
    } else {
      gagal++;
      apa = "gagal";
    }
  item:
    json_array_append_new(items, json_pack("{s:I,s:s,s:s,s:s,s:o,s:s,s:o}", "penilaian_id", (json_int_t)r->id, "nip", r->nip,
      "jenis", r->jenis, "hasil", apa, "siasn_id", r->siasn_id[0] ? json_string(r->siasn_id) : json_null(), "pesan", j.pesan,
      "saran", j.saran[0] ? json_string(j.saran) : json_null()));
    siasn_jawaban_lepas(&j);
    if (h == SIASN_KONFIG) break;   /* credentials: every other one would fail the same way */
  }
  *hasil = json_pack("{s:i,s:i,s:i,s:i,s:O}", "dikirim", dikirim, "diperbarui", diperbarui, "dilewati", dilewati, "gagal", gagal,
                     "items", items);
  rc = 0;
out:
  siasn_sesi_tutup(&s);
  json_decref(items);
  free(b);
  return rc;
}
