/* demo_skp.c: SKP for the demo agency (issue 4): every pegawai of the current year gets an SKP
 * written through the real domain functions (so the demo data passes the same checks as user
 * input), cascaded from their atasan's approved RHK, approved by the atasan, top-down.  Most
 * end approved; a few stay draft or submitted, one is returned with notes, so every screen has
 * something to show. */
#include "demo_skp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/skp_alur.h"
#include "skp.h"
#include "util/util.h"

struct tpl_iki { const char *aspek, *indikator, *angka, *satuan; };
struct tpl { const char *rhk; const char *perspektif; struct tpl_iki iki[2]; };

/* RHK per kind of position; %s is the unit name. */
static const struct tpl JPT[] = {
  {"Meningkatnya kualitas layanan publik %s", "penerima_layanan",
   {{"kualitas", "Indeks kepuasan masyarakat terhadap layanan %s", "82", "indeks"}, {0}}},
  {"Terwujudnya akuntabilitas kinerja %s", "penguatan_internal",
   {{"kualitas", "Nilai evaluasi SAKIP %s", "75", "nilai"}, {0}}},
  {"Terlaksananya program dan kegiatan %s sesuai rencana", "anggaran",
   {{"biaya", "Persentase realisasi anggaran %s", "95", "%"}, {0}}},
  {"Meningkatnya efektivitas proses bisnis %s", "proses_bisnis",
   {{"kuantitas", "Persentase proses bisnis %s yang memiliki SOP", "100", "%"}, {0}}},
};
static const struct tpl ADMINISTRATOR[] = {
  {"Tersusunnya kebijakan teknis %s",
   NULL, {{"kuantitas", "Jumlah dokumen kebijakan teknis %s yang ditetapkan", "3", "dokumen"},
          {"kualitas", "Persentase kebijakan yang diterapkan tanpa revisi", "90", "%"}}},
  {"Terlaksananya pembinaan dan pengendalian pada %s",
   NULL, {{"kuantitas", "Jumlah kegiatan pembinaan yang dilaksanakan", "12", "kegiatan"},
          {"waktu", "Ketepatan waktu laporan pengendalian", "12", "bulan"}}},
  {"Meningkatnya capaian program %s",
   NULL, {{"kuantitas", "Persentase capaian target program %s", "90", "%"}, {0}}},
};
static const struct tpl PENGAWAS[] = {
  {"Terlaksananya pengelolaan kegiatan %s",
   NULL, {{"kuantitas", "Jumlah laporan pelaksanaan kegiatan %s", "12", "laporan"},
          {"waktu", "Laporan disampaikan paling lambat tanggal 5 bulan berikutnya", "12", "bulan"}}},
  {"Tersedianya data %s yang mutakhir",
   NULL, {{"kualitas", "Persentase data %s yang dimutakhirkan", "100", "%"}, {0}}},
};
static const struct tpl PELAKSANA[] = {
  {"Tersusunnya laporan pengelolaan data %s",
   NULL, {{"kuantitas", "Jumlah laporan pengelolaan data yang disusun", "12", "laporan"},
          {"kualitas", "Persentase laporan yang diterima tanpa perbaikan", "90", "%"}}},
  {"Terlayaninya permohonan dan administrasi %s",
   NULL, {{"kuantitas", "Jumlah berkas permohonan yang diproses", "240", "berkas"},
          {"waktu", "Rata-rata waktu penyelesaian berkas", "3", "hari"}}},
};
static const struct tpl GURU[] = {
  {"Terlaksananya pembelajaran yang berkualitas di %s",
   NULL, {{"kuantitas", "Jumlah modul ajar yang disusun dan dilaksanakan", "36", "modul"},
          {"kualitas", "Persentase peserta didik yang mencapai kriteria ketercapaian tujuan pembelajaran", "85", "%"}}},
  {"Terlaksananya penilaian hasil belajar peserta didik",
   NULL, {{"kuantitas", "Jumlah laporan hasil belajar yang diselesaikan", "2", "laporan"}, {0}}},
};
static const struct tpl KESEHATAN[] = {
  {"Terlaksananya pelayanan kesehatan kepada masyarakat di %s",
   NULL, {{"kuantitas", "Jumlah pasien yang mendapat pelayanan sesuai standar", "600", "pasien"},
          {"kualitas", "Persentase pelayanan tanpa keluhan", "95", "%"}}},
  {"Tersusunnya dokumentasi pelayanan kesehatan",
   NULL, {{"kuantitas", "Jumlah rekam kegiatan yang dilengkapi", "12", "laporan"}, {0}}},
};
static const struct tpl AUDITOR[] = {
  {"Tersusunnya laporan hasil pengawasan pada perangkat daerah",
   NULL, {{"kuantitas", "Jumlah laporan hasil audit yang diselesaikan", "8", "laporan"},
          {"kualitas", "Persentase rekomendasi hasil pengawasan yang ditindaklanjuti", "80", "%"}}},
};
static const struct tpl TAMBAHAN = {
  "Menjadi anggota tim penyusunan Rencana Strategis %s 2027-2031",
  NULL, {{"kuantitas", "Jumlah bab rancangan Renstra yang disusun", "2", "bab"}, {0}}};

struct demo_row { int64_t id; int64_t atasan; int depth; char jenis[16]; char jabatan[201]; char unit[201]; };
struct rhk_ids { int64_t first; int n; bool ok; };  /* approved utama RHK of each pegawai */

static uint64_t rng_next(uint64_t *s)
{
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

static const struct tpl *pick_tpl(const struct demo_row *r, size_t *n)
{
  if (!strcmp(r->jenis, "jpt")) { *n = sizeof JPT / sizeof JPT[0]; return JPT; }
  if (!strcmp(r->jenis, "administrator")) { *n = sizeof ADMINISTRATOR / sizeof ADMINISTRATOR[0]; return ADMINISTRATOR; }
  if (!strcmp(r->jenis, "pengawas")) { *n = sizeof PENGAWAS / sizeof PENGAWAS[0]; return PENGAWAS; }
  if (strstr(r->jabatan, "Guru") || strstr(r->jabatan, "Pengawas Sekolah")) { *n = sizeof GURU / sizeof GURU[0]; return GURU; }
  if (strstr(r->jabatan, "Perawat") || strstr(r->jabatan, "Bidan") || strstr(r->jabatan, "Dokter") || strstr(r->jabatan, "Penyuluh Kesehatan")) {
    *n = sizeof KESEHATAN / sizeof KESEHATAN[0];
    return KESEHATAN;
  }
  if (strstr(r->jabatan, "Auditor")) { *n = sizeof AUDITOR / sizeof AUDITOR[0]; return AUDITOR; }
  *n = sizeof PELAKSANA / sizeof PELAKSANA[0];
  return PELAKSANA;
}

/* Writes template t with its one "%s" replaced by unit (templates are data, not formats). */
static void isi(const char *t, const char *unit, char *out, size_t n)
{
  const char *p = strstr(t, "%s");
  if (!p) { snprintf(out, n, "%s", t); return; }
  snprintf(out, n, "%.*s%s%s", (int)(p - t), t, unit, p + 2);
}

static json_t *rhk_body(const struct tpl *t, const char *unit, const char *kelompok, int64_t rhk_atasan)
{
  char rhk[600];
  isi(t->rhk, unit, rhk, sizeof rhk);
  json_t *iki = json_array();
  for (int i = 0; i < 2 && t->iki[i].aspek; i++) {
    char ind[600];
    isi(t->iki[i].indikator, unit, ind, sizeof ind);
    json_array_append_new(iki, json_pack("{s:s,s:s,s:s,s:s}", "aspek", t->iki[i].aspek, "indikator", ind,
                                         "target_angka", t->iki[i].angka, "target_satuan", t->iki[i].satuan));
  }
  json_t *b = json_pack("{s:s,s:s,s:o}", "kelompok", kelompok, "rhk", rhk, "iki", iki);
  if (t->perspektif) json_object_set_new(b, "perspektif", json_string(t->perspektif));
  if (rhk_atasan) json_object_set_new(b, "rhk_atasan_id", json_integer(rhk_atasan));
  return b;
}

static int load_rows(struct db *db, int64_t inst, struct demo_row **out, size_t *n)
{
  struct db_stmt *st = db_prepare(db,
    "WITH RECURSIVE t(id, d) AS (SELECT id, 0 FROM pegawai WHERE instansi_id = ?1 AND atasan_id IS NULL AND aktif = 1"
    "  UNION ALL SELECT p.id, t.d + 1 FROM pegawai p JOIN t ON p.atasan_id = t.id WHERE t.d < 30 AND p.aktif = 1)"
    " SELECT p.id, COALESCE(p.atasan_id, 0), t.d, COALESCE(j.jenis, 'pelaksana'), COALESCE(j.nama, ''), COALESCE(u.nama, '')"
    "   FROM t JOIN pegawai p ON p.id = t.id LEFT JOIN jabatan j ON j.id = p.jabatan_id"
    "   LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id ORDER BY t.d, p.id");
  if (!st) return -1;
  db_bind_int64(st, 1, inst);
  size_t cap = 1024, k = 0;
  struct demo_row *rows = malloc(cap * sizeof *rows);
  int s;
  while (rows && (s = db_step(st)) == DB_ROW) {
    if (k == cap) {
      struct demo_row *g = realloc(rows, cap * 2 * sizeof *rows);
      if (!g) { free(rows); rows = NULL; break; }
      rows = g;
      cap *= 2;
    }
    struct demo_row *r = &rows[k++];
    r->id = db_col_int64(st, 0);
    r->atasan = db_col_int64(st, 1);
    r->depth = (int)db_col_int64(st, 2);
    str_copy(r->jenis, sizeof r->jenis, db_col_text(st, 3));
    str_copy(r->jabatan, sizeof r->jabatan, db_col_text(st, 4));
    str_copy(r->unit, sizeof r->unit, db_col_text(st, 5));
  }
  db_done(st);
  if (!rows) return -1;
  *out = rows;
  *n = k;
  return 0;
}

static int transisi(struct db *db, int64_t skp_id, enum skp_aksi aksi, json_t *body, const struct audit_actor *who)
{
  struct skp_head h;
  if (skp_head_load(db, skp_id, &h) != 0) return -1;
  json_t *errs = NULL;
  int rc = skp_transisi(db, &h, aksi, body, who, &errs);
  if (rc == 1) {
    char *e = json_dumps(errs, 0);
    fprintf(stderr, "demo skp %lld %s: %s\n", (long long)skp_id, skp_aksi_kode(aksi), e ? e : "?");
    free(e);
  }
  json_decref(errs);
  return rc;
}

int demo_skp_create(struct db *db, int64_t instansi_id, int tahun, const struct demo_skp_pilihan *pilih,
                    struct demo_skp_hasil *hasil)
{
  struct demo_row *rows = NULL;
  size_t n = 0;
  if (load_rows(db, instansi_id, &rows, &n) != 0) return -1;
  int64_t maxid = 0;
  for (size_t i = 0; i < n; i++) if (rows[i].id > maxid) maxid = rows[i].id;
  struct rhk_ids *ids = calloc((size_t)maxid + 1, sizeof *ids);
  if (!ids) { free(rows); return -1; }
  struct audit_actor sys = {0, "demo"};
  uint64_t rng = 0x2545F4914F6CDD1DULL ^ (uint64_t)(instansi_id * 7919);
  bool returned = false;
  int rc = -1;
  for (size_t i = 0; i < n; i++) {
    const struct demo_row *r = &rows[i];
    json_t *errs = NULL;
    int http = 0;
    const char *pesan = NULL;
    int64_t skp_id = 0;
    struct skp_create_opts o = {.pegawai_id = r->id, .tahun = tahun};
    int c = skp_create(db, &o, &sys, &errs, &http, &pesan, &skp_id);
    json_decref(errs);
    errs = NULL;
    if (c < 0) goto out;
    if (c != 0) continue;
    struct skp_head h;
    if (skp_head_load(db, skp_id, &h) != 0) goto out;
    const struct rhk_ids *up = r->atasan ? &ids[r->atasan] : NULL;
    bool cascade = !strcmp(h.jenis, "jpt") || !up || (up->ok && up->n > 0);
    size_t nt;
    const struct tpl *t = pick_tpl(r, &nt);
    int64_t first = 0;
    int nutama = 0;
    for (size_t k = 0; k < nt; k++) {
      int64_t link = (up && up->ok && up->n > 0 && strcmp(h.jenis, "jpt") != 0) ? up->first + (int64_t)((k + (size_t)r->id) % (size_t)up->n) : 0;
      /* the atasan's RHK ids are consecutive only per SKP; check the link is one of theirs */
      json_t *b = rhk_body(&t[k], r->unit, "utama", cascade ? link : 0);
      int64_t rid = 0;
      c = skp_rhk_add(db, &h, b, &sys, &errs, &http, &pesan, &rid);
      json_decref(b);
      if (c == 1) {  /* a link that is not valid: keep the row without it */
        json_decref(errs);
        errs = NULL;
        b = rhk_body(&t[k], r->unit, "utama", 0);
        c = skp_rhk_add(db, &h, b, &sys, &errs, &http, &pesan, &rid);
        json_decref(b);
        cascade = false;
      }
      json_decref(errs);
      errs = NULL;
      if (c != 0) goto out;
      if (!first) first = rid;
      nutama++;
    }
    if (rng_next(&rng) % 10 < 3) {
      json_t *b = rhk_body(&TAMBAHAN, r->unit, "tambahan", 0);
      int64_t rid = 0;
      c = skp_rhk_add(db, &h, b, &sys, &errs, &http, &pesan, &rid);
      json_decref(b);
      json_decref(errs);
      errs = NULL;
      if (c < 0) goto out;
    }
    json_t *lamp = json_pack("{s:{s:s,s:s,s:s}}", "lampiran",
      "sumber_daya", "Anggaran DPA perangkat daerah Tahun berjalan; sarana komputer, jaringan internet dan aplikasi kinerja.",
      "skema", "Laporan bulanan kepada atasan langsung melalui aplikasi kinerja; evaluasi kinerja triwulanan bersama pejabat penilai.",
      "konsekuensi", "Predikat kinerja menjadi dasar pemberian tambahan penghasilan pegawai, pengembangan kompetensi dan karier sesuai ketentuan.");
    c = skp_update(db, &h, lamp, &sys, &errs);
    json_decref(lamp);
    json_decref(errs);
    errs = NULL;
    if (c < 0) goto out;
    if (h.penilai_id && rng_next(&rng) % 2 == 0) {
      json_t *e = json_pack("{s:{s:s,s:s}}", "ekspektasi", "2", "Menyelesaikan laporan bulanan paling lambat tanggal 5 bulan berikutnya",
                            "1", "Menanggapi setiap permintaan layanan dalam satu hari kerja");
      c = skp_perilaku_set(db, &h, e, &sys, &errs);
      json_decref(e);
      json_decref(errs);
      errs = NULL;
      if (c < 0) goto out;
    }
    /* the end state */
    enum skp_status want = SKP_DISETUJUI;
    if (!cascade || !h.penilai_id) want = (!h.penilai_id && !strcmp(h.jenis, "jpt")) ? SKP_DISETUJUI : SKP_DRAFT;
    if (pilih && r->id == pilih->diajukan) want = SKP_DIAJUKAN;
    else if (pilih && (r->id == pilih->disetujui_1 || r->id == pilih->disetujui_2)) want = cascade ? SKP_DISETUJUI : SKP_DRAFT;
    else if (want == SKP_DISETUJUI && r->depth >= 3) {
      uint64_t x = rng_next(&rng) % 100;
      if (!returned && !strcmp(r->jenis, "pelaksana") && (!pilih || r->atasan != pilih->disetujui_1)) { want = SKP_DIKEMBALIKAN; returned = true; }
      else if (x < 3) want = SKP_DRAFT;
      else if (x < 6) want = SKP_DIAJUKAN;
    }
    if (!h.penilai_id) {
      /* the top of the tree (Sekda) is assessed by the kepala daerah outside the system: the
       * approval is recorded directly */
      if (want != SKP_DRAFT) {
        json_t *e2 = NULL;
        c = skp_transisi(db, &h, AKSI_SETUJUI, NULL, &sys, &e2);
        json_decref(e2);
        if (c < 0) goto out;
      }
    } else if (want != SKP_DRAFT) {
      c = transisi(db, skp_id, AKSI_AJUKAN, NULL, &sys);
      if (c < 0) goto out;
      if (c == 0 && want == SKP_DISETUJUI) c = transisi(db, skp_id, AKSI_SETUJUI, NULL, &sys);
      if (c == 0 && want == SKP_DIKEMBALIKAN) {
        json_t *kb = json_pack("{s:s,s:[{s:I,s:s}]}", "catatan", "Target kuantitas belum sesuai beban kerja seksi; mohon disesuaikan.",
                               "baris", "rhk_id", (json_int_t)first, "catatan", "Naikkan target menjadi 15 laporan sesuai rencana seksi.");
        c = transisi(db, skp_id, AKSI_KEMBALIKAN, kb, &sys);
        json_decref(kb);
      }
      if (c < 0) goto out;
    }
    struct skp_head fin;
    if (skp_head_load(db, skp_id, &fin) != 0) goto out;
    ids[r->id].first = first;
    ids[r->id].n = nutama;
    ids[r->id].ok = fin.status == SKP_DISETUJUI || (fin.status == SKP_DRAFT && fin.revisi > 0);
    if (hasil) {
      hasil->skp++;
      if (fin.status == SKP_DISETUJUI) hasil->disetujui++;
    }
  }
  rc = 0;
out:
  free(rows);
  free(ids);
  return rc;
}
