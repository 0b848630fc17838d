/* hitung_tukin.c: the JSON input of `kinerja hitung tukin` into struct tpp_aturan and struct
 * tpp_masukan (see hitung_tukin.h, docs/tpp.md).  Every bad member is reported with its JSON path
 * and an Indonesian message; unknown members are errors, so a typo never falls back to a default. */
#include "hitung_tukin.h"

#include <stdio.h>
#include <string.h>

#include "util/errs.h"

struct baca {
  json_t **errs;
  int salah;
};

static void galat(struct baca *b, const char *path, const char *pesan)
{
  errs_add(b->errs, path, pesan);
  b->salah++;
}

/* "aturan" + "potongan" -> "aturan.potongan"; "" + "hari" -> "hari" */
static void anak(char *out, size_t n, const char *induk, const char *kunci)
{
  if (induk[0]) snprintf(out, n, "%s.%s", induk, kunci);
  else snprintf(out, n, "%s", kunci);
}

static void hanya(struct baca *b, json_t *o, const char *induk, const char *const *boleh)
{
  const char *k;
  json_t *v;
  char p[128];
  json_object_foreach(o, k, v) {
    int ok = 0;
    for (const char *const *q = boleh; *q && !ok; q++) ok = strcmp(k, *q) == 0;
    if (!ok) {
      anak(p, sizeof p, induk, k);
      galat(b, p, "tidak dikenal (lihat docs/tpp.md)");
    }
  }
}

static json_t *ambil(json_t *o, const char *k)
{
  json_t *v = json_object_get(o, k);
  return v && !json_is_null(v) ? v : NULL;
}

static const char *teks_dari(json_t *v)
{
  if (!json_is_string(v)) return NULL;
  const char *s = json_string_value(v);
  return strlen(s) == json_string_length(v) ? s : NULL;
}

/* A text member of at most `maks` bytes into out (left empty when absent). */
static void teks(struct baca *b, json_t *o, const char *induk, const char *k, char *out, size_t maks)
{
  json_t *v = ambil(o, k);
  char p[128];
  if (!v) return;
  const char *s = teks_dari(v);
  anak(p, sizeof p, induk, k);
  if (!s) { galat(b, p, "harus berupa teks"); return; }
  if (strlen(s) >= maks) {
    char m[64];
    snprintf(m, sizeof m, "paling panjang %zu karakter", maks - 1);
    galat(b, p, m);
    return;
  }
  snprintf(out, maks, "%s", s);
}

/* A whole number in [min,max]; 1 when present and valid. */
static int bulat(struct baca *b, json_t *o, const char *induk, const char *k, int64_t min, int64_t max, int64_t *out)
{
  json_t *v = ambil(o, k);
  char p[128], m[96];
  if (!v) return 0;
  anak(p, sizeof p, induk, k);
  if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max) {
    snprintf(m, sizeof m, "harus bilangan bulat %lld sampai %lld", (long long)min, (long long)max);
    galat(b, p, m);
    return 0;
  }
  *out = json_integer_value(v);
  return 1;
}

/* A non-negative decimal with at most two decimals, as hundredths (percent -> bp, nilai). */
static int seratus(struct baca *b, json_t *o, const char *induk, const char *k, int32_t maks, int32_t *out)
{
  json_t *v = ambil(o, k);
  char p[128], buf[64];
  if (!v) return 0;
  anak(p, sizeof p, induk, k);
  if (json_is_integer(v)) snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
  else if (json_is_real(v)) snprintf(buf, sizeof buf, "%.15g", json_real_value(v));
  else if (teks_dari(v) && strlen(teks_dari(v)) < sizeof buf) snprintf(buf, sizeof buf, "%s", teks_dari(v));
  else buf[0] = '\0';
  struct pecahan f, x;
  if (pecahan_dari_teks(buf, &f) != 0 || pecahan_kali(f, pecahan_bulat(100), &x) != 0 || x.q != 1 || x.p > maks) {
    char m[96];
    snprintf(m, sizeof m, "harus angka 0 sampai %d dengan paling banyak 2 desimal, mis. 1.25", maks / 100);
    galat(b, p, m);
    return 0;
  }
  *out = (int32_t)x.p;
  return 1;
}

/* "HH:MM" into minutes; TPP_TIDAK_ADA when absent or null. */
static int jam(struct baca *b, json_t *o, const char *induk, const char *k, int *out)
{
  json_t *v = ambil(o, k);
  char p[128];
  *out = TPP_TIDAK_ADA;
  if (!v) return 0;
  anak(p, sizeof p, induk, k);
  if (tpp_jam_dari_teks(teks_dari(v), out) != 0) {
    *out = TPP_TIDAK_ADA;
    galat(b, p, "harus jam HH:MM, 00:00 sampai 23:59, mis. 07:30");
    return 0;
  }
  return 1;
}

/* "YYYY-MM" */
static int bulan(struct baca *b, json_t *o, const char *induk, const char *k, int *tahun, int *bln)
{
  json_t *v = ambil(o, k);
  char p[128];
  anak(p, sizeof p, induk, k);
  if (!v) { galat(b, p, "wajib diisi (YYYY-MM)"); return 0; }
  const char *s = teks_dari(v);
  if (!s || strlen(s) != 7 || s[4] != '-') { galat(b, p, "harus bulan YYYY-MM, mis. 2024-05"); return 0; }
  int y = 0, m = 0;
  for (int i = 0; i < 7; i++) {
    if (i == 4) continue;
    if (s[i] < '0' || s[i] > '9') { galat(b, p, "harus bulan YYYY-MM, mis. 2024-05"); return 0; }
    if (i < 4) y = y * 10 + (s[i] - '0');
    else m = m * 10 + (s[i] - '0');
  }
  if (y < 1900 || y > 2199 || m < 1 || m > 12) { galat(b, p, "harus bulan YYYY-MM yang sah"); return 0; }
  *tahun = y;
  *bln = m;
  return 1;
}

/* An array member of at most `maks` objects; NULL when absent (after an error when malformed). */
static json_t *daftar(struct baca *b, json_t *o, const char *induk, const char *k, size_t maks)
{
  json_t *v = ambil(o, k);
  char p[128], m[64];
  if (!v) return NULL;
  anak(p, sizeof p, induk, k);
  if (!json_is_array(v) || json_array_size(v) > maks) {
    snprintf(m, sizeof m, "harus daftar berisi paling banyak %zu objek", maks);
    galat(b, p, m);
    return NULL;
  }
  size_t i;
  json_t *e;
  json_array_foreach(v, i, e) if (!json_is_object(e)) {
    snprintf(p, sizeof p, "%s%s%s[%zu]", induk, induk[0] ? "." : "", k, i);
    galat(b, p, "harus berupa objek");
    return NULL;
  }
  return v;
}

/* ---- the rule table --------------------------------------------------------------------- */

static void baca_potongan(struct baca *b, json_t *lst, struct tpp_aturan *a)
{
  static const char *const boleh[] = {"kode", "jenis", "menit_dari", "menit_sampai", "persen", "keterangan", NULL};
  size_t i;
  json_t *o;
  char p[64];
  a->n_potongan = 0;
  json_array_foreach(lst, i, o) {
    struct tpp_potongan *r = &a->potongan[a->n_potongan++];
    memset(r, 0, sizeof *r);
    snprintf(p, sizeof p, "aturan.potongan[%zu]", i);
    hanya(b, o, p, boleh);
    teks(b, o, p, "kode", r->kode, sizeof r->kode);
    teks(b, o, p, "keterangan", r->keterangan, sizeof r->keterangan);
    char jenis[8] = "", f[80];
    teks(b, o, p, "jenis", jenis, sizeof jenis);
    anak(f, sizeof f, p, "jenis");
    if (tpp_jenis_dari_kode(jenis, &r->jenis) != 0) galat(b, f, "wajib diisi: tl, psw, tk, tam atau tap");
    int64_t n = 0;
    if (bulat(b, o, p, "menit_dari", 0, 100000, &n)) r->menit_dari = (int)n;
    r->menit_sampai = r->jenis == TPP_TL || r->jenis == TPP_PSW ? TPP_TANPA_BATAS : 0;  /* null: open-ended */
    if (bulat(b, o, p, "menit_sampai", 0, 100000, &n)) r->menit_sampai = (int)n;
    anak(f, sizeof f, p, "persen");
    if (!ambil(o, "persen")) galat(b, f, "wajib diisi");
    seratus(b, o, p, "persen", TPP_SERATUS_PERSEN, &r->persen);
  }
}

static void baca_band(struct baca *b, json_t *lst, struct tpp_aturan *a)
{
  static const char *const boleh[] = {"dari", "sampai", "persen", NULL};
  size_t i;
  json_t *o;
  char p[64], f[80];
  a->n_band = 0;
  json_array_foreach(lst, i, o) {
    struct tpp_band *r = &a->band[a->n_band++];
    memset(r, 0, sizeof *r);
    snprintf(p, sizeof p, "aturan.bayar_nilai[%zu]", i);
    hanya(b, o, p, boleh);
    static const char *const wajib[] = {"dari", "sampai", "persen"};
    int32_t *tujuan[] = {&r->dari, &r->sampai, &r->persen};
    int32_t maks[] = {TPP_MAKS_NILAI_SKOR, TPP_MAKS_NILAI_SKOR, TPP_SERATUS_PERSEN};
    for (int k = 0; k < 3; k++) {
      anak(f, sizeof f, p, wajib[k]);
      if (!ambil(o, wajib[k])) galat(b, f, "wajib diisi");
      else seratus(b, o, p, wajib[k], maks[k], tujuan[k]);
    }
  }
}

static void baca_jenis_sanksi(struct baca *b, json_t *lst, struct tpp_aturan *a)
{
  static const char *const boleh[] = {"kode", "persen", "bulan", "keterangan", NULL};
  size_t i;
  json_t *o;
  char p[64], f[80];
  a->n_sanksi = 0;
  json_array_foreach(lst, i, o) {
    struct tpp_jenis_sanksi *r = &a->sanksi[a->n_sanksi++];
    memset(r, 0, sizeof *r);
    snprintf(p, sizeof p, "aturan.sanksi[%zu]", i);
    hanya(b, o, p, boleh);
    teks(b, o, p, "kode", r->kode, sizeof r->kode);
    teks(b, o, p, "keterangan", r->keterangan, sizeof r->keterangan);
    anak(f, sizeof f, p, "persen");
    if (!seratus(b, o, p, "persen", TPP_SERATUS_PERSEN, &r->persen) && !ambil(o, "persen")) galat(b, f, "wajib diisi");
    int64_t n = 0;
    anak(f, sizeof f, p, "bulan");
    if (bulat(b, o, p, "bulan", 1, 120, &n)) r->bulan = (int)n;
    else if (!ambil(o, "bulan")) galat(b, f, "wajib diisi");
  }
}

static void baca_aturan(struct baca *b, json_t *o, struct tpp_aturan *a)
{
  static const char *const boleh[] = {
    "preset", "nama", "besaran_kelas", "porsi_kinerja", "porsi_disiplin", "bayar_predikat", "bayar_nilai", "potongan",
    "potongan_dikenakan_pada", "tanpa_presensi", "batas_harian", "batas_bulanan", "sanksi", NULL,
  };
  memset(a, 0, sizeof *a);
  a->batas_harian = TPP_TANPA_BATAS;
  a->batas_bulanan = TPP_SERATUS_PERSEN;
  if (!json_is_object(o)) { galat(b, "aturan", "wajib diisi: objek dengan preset dan/atau tabel (lihat docs/tpp.md)"); return; }
  hanya(b, o, "aturan", boleh);
  char preset[32] = "";
  teks(b, o, "aturan", "preset", preset, sizeof preset);
  if (preset[0] && tpp_preset(preset, a) != 0) {
    char m[160];
    int n = snprintf(m, sizeof m, "preset tidak dikenal; pilih");
    for (const char *const *p = TPP_PRESET; *p && n > 0 && (size_t)n < sizeof m; p++)
      n += snprintf(m + n, sizeof m - (size_t)n, " %s", *p);
    galat(b, "aturan.preset", m);
  }
  teks(b, o, "aturan", "nama", a->nama, sizeof a->nama);
  if (!a->nama[0]) snprintf(a->nama, sizeof a->nama, "%s", preset[0] ? preset : "tabel instansi");

  json_t *bk = ambil(o, "besaran_kelas");
  if (bk && !json_is_object(bk)) galat(b, "aturan.besaran_kelas", "harus objek {\"kelas jabatan\": rupiah}, mis. {\"9\": 5000000}");
  const char *k;
  json_t *v;
  if (json_is_object(bk)) json_object_foreach(bk, k, v) {
    char p[64];
    snprintf(p, sizeof p, "aturan.besaran_kelas.%.20s", k);
    int kelas = 0;
    for (const char *c = k; *c && kelas <= TPP_KELAS_MAKS; c++) kelas = *c >= '0' && *c <= '9' ? kelas * 10 + (*c - '0') : 99;
    if (!k[0] || kelas < 1 || kelas > TPP_KELAS_MAKS) { galat(b, p, "kelas jabatan harus 1 sampai 17"); continue; }
    if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > TPP_MAKS_RUPIAH) {
      galat(b, p, "harus rupiah bulat 0 sampai 10000000000");
      continue;
    }
    a->besaran[kelas] = json_integer_value(v);
  }
  seratus(b, o, "aturan", "porsi_kinerja", TPP_SERATUS_PERSEN, &a->porsi_kinerja);
  seratus(b, o, "aturan", "porsi_disiplin", TPP_SERATUS_PERSEN, &a->porsi_disiplin);

  json_t *bp = ambil(o, "bayar_predikat");
  if (bp && !json_is_object(bp)) galat(b, "aturan.bayar_predikat", "harus objek {predikat: persen}");
  if (json_is_object(bp)) json_object_foreach(bp, k, v) {
    enum predikat pr;
    char p[64];
    snprintf(p, sizeof p, "aturan.bayar_predikat.%.30s", k);
    if (predikat_dari_kode(k, &pr) != 0) {
      galat(b, p, "predikat harus sangat_baik, baik, butuh_perbaikan, kurang atau sangat_kurang");
      continue;
    }
    seratus(b, bp, "aturan.bayar_predikat", k, TPP_SERATUS_PERSEN, &a->bayar_predikat[pr]);
  }
  json_t *lst = daftar(b, o, "aturan", "bayar_nilai", TPP_MAKS_BAND);
  if (lst) baca_band(b, lst, a);
  lst = daftar(b, o, "aturan", "potongan", TPP_MAKS_POTONGAN);
  if (lst) baca_potongan(b, lst, a);
  lst = daftar(b, o, "aturan", "sanksi", TPP_MAKS_SANKSI);
  if (lst) baca_jenis_sanksi(b, lst, a);

  char kode[16] = "";
  teks(b, o, "aturan", "potongan_dikenakan_pada", kode, sizeof kode);
  if (kode[0] && tpp_sasaran_dari_kode(kode, &a->sasaran) != 0)
    galat(b, "aturan.potongan_dikenakan_pada", "harus disiplin (TPP daerah) atau seluruh (tunjangan kinerja pusat)");
  kode[0] = '\0';
  teks(b, o, "aturan", "tanpa_presensi", kode, sizeof kode);
  if (kode[0] && tpp_tanpa_presensi_dari_kode(kode, &a->tanpa_presensi) != 0)
    galat(b, "aturan.tanpa_presensi", "harus tk (dianggap tanpa keterangan) atau tam_tap");
  json_t *bh = json_object_get(o, "batas_harian");
  if (bh && json_is_null(bh)) a->batas_harian = TPP_TANPA_BATAS;
  else seratus(b, o, "aturan", "batas_harian", TPP_SERATUS_PERSEN, &a->batas_harian);
  seratus(b, o, "aturan", "batas_bulanan", TPP_SERATUS_PERSEN, &a->batas_bulanan);
}

int hitung_tukin_baca_aturan(json_t *o, struct tpp_aturan *a, json_t **errs)
{
  struct baca b = {errs, 0};
  baca_aturan(&b, o, a);
  return b.salah ? 1 : 0;
}

/* ---- the pegawai-month ------------------------------------------------------------------ */

static void baca_jadwal(struct baca *b, json_t *o, const char *induk, int *masuk, int *pulang)
{
  static const char *const boleh[] = {"masuk", "pulang", NULL};
  json_t *j = ambil(o, "jadwal");
  char p[64];
  if (!j) return;
  anak(p, sizeof p, induk, "jadwal");
  if (!json_is_object(j)) { galat(b, p, "harus objek {\"masuk\": \"07:30\", \"pulang\": \"16:00\"}"); return; }
  hanya(b, j, p, boleh);
  int m, q;
  if (jam(b, j, p, "masuk", &m)) *masuk = m;
  if (jam(b, j, p, "pulang", &q)) *pulang = q;
}

static void baca_hari(struct baca *b, json_t *lst, int masuk, int pulang, struct tpp_masukan *m)
{
  static const char *const boleh[] = {"tanggal", "status", "jadwal", "masuk", "pulang", "keterangan", NULL};
  size_t i;
  json_t *o;
  char p[32], f[48];
  json_array_foreach(lst, i, o) {
    struct tpp_hari *h = &m->hari[m->n_hari++];
    memset(h, 0, sizeof *h);
    snprintf(p, sizeof p, "hari[%zu]", i);
    hanya(b, o, p, boleh);
    teks(b, o, p, "tanggal", h->tanggal, sizeof h->tanggal);
    char status[24] = "hadir", ket[TPP_KETERANGAN_PANJANG];
    teks(b, o, p, "status", status, sizeof status);
    teks(b, o, p, "keterangan", ket, sizeof ket);  /* a note for people; checked, not used */
    anak(f, sizeof f, p, "status");
    if (tpp_status_dari_kode(status, &h->status) != 0)
      galat(b, f, "harus hadir, tanpa_keterangan, cuti, dinas_luar, sakit_dengan_surat, tugas_belajar atau libur");
    h->jadwal_masuk = masuk;
    h->jadwal_pulang = pulang;
    baca_jadwal(b, o, p, &h->jadwal_masuk, &h->jadwal_pulang);
    jam(b, o, p, "masuk", &h->masuk);
    jam(b, o, p, "pulang", &h->pulang);
  }
}

static void baca_sanksi(struct baca *b, json_t *lst, const struct tpp_aturan *a, struct tpp_masukan *m)
{
  static const char *const boleh[] = {"kode", "persen", "bulan", "mulai", "keterangan", NULL};
  size_t i;
  json_t *o;
  char p[32], f[48];
  json_array_foreach(lst, i, o) {
    struct tpp_sanksi *s = &m->sanksi[m->n_sanksi++];
    memset(s, 0, sizeof *s);
    snprintf(p, sizeof p, "sanksi[%zu]", i);
    hanya(b, o, p, boleh);
    teks(b, o, p, "kode", s->kode, sizeof s->kode);
    teks(b, o, p, "keterangan", s->keterangan, sizeof s->keterangan);
    if (s->kode[0]) {
      int j = tpp_cari_sanksi(a, s->kode);
      if (j >= 0) {
        s->persen = a->sanksi[j].persen;
        s->bulan = a->sanksi[j].bulan;
        if (!s->keterangan[0]) snprintf(s->keterangan, sizeof s->keterangan, "%s", a->sanksi[j].keterangan);
      } else if (!ambil(o, "persen") || !ambil(o, "bulan")) {
        anak(f, sizeof f, p, "kode");
        galat(b, f, "kode sanksi tidak ada dalam tabel aturan; isi persen dan bulan");
      }
    } else if (!ambil(o, "persen") || !ambil(o, "bulan")) {
      anak(f, sizeof f, p, "persen");
      galat(b, f, "isi kode sanksi dari tabel, atau persen dan bulan");
    }
    seratus(b, o, p, "persen", TPP_SERATUS_PERSEN, &s->persen);
    int64_t n;
    if (bulat(b, o, p, "bulan", 1, 120, &n)) s->bulan = (int)n;
    bulan(b, o, p, "mulai", &s->mulai_tahun, &s->mulai_bulan);
  }
}

int hitung_tukin_baca(json_t *in, struct tpp_aturan *a, struct tpp_masukan *m, json_t **errs)
{
  static const char *const boleh[] = {"aturan", "periode", "pegawai", "kelas_jabatan", "dasar", "predikat", "nilai",
                                      "jadwal", "hari", "sanksi", NULL};
  struct baca b = {errs, 0};
  memset(m, 0, sizeof *m);
  memset(a, 0, sizeof *a);
  if (!json_is_object(in)) { galat(&b, "", "masukan harus berupa objek JSON"); return 1; }
  hanya(&b, in, "", boleh);
  baca_aturan(&b, json_object_get(in, "aturan"), a);
  bulan(&b, in, "", "periode", &m->tahun, &m->bulan);
  json_t *pg = ambil(in, "pegawai");
  if (pg && !json_is_object(pg)) galat(&b, "pegawai", "harus objek {\"nip\", \"nama\"} (hanya ditampilkan)");
  int64_t n = 0;
  if (bulat(&b, in, "", "kelas_jabatan", 1, TPP_KELAS_MAKS, &n)) m->kelas_jabatan = (int)n;
  if (bulat(&b, in, "", "dasar", 1, TPP_MAKS_RUPIAH, &n)) m->dasar = n;
  if (!ambil(in, "kelas_jabatan") && !ambil(in, "dasar"))
    galat(&b, "kelas_jabatan", "isi kelas_jabatan (besaran dari tabel) atau dasar (rupiah)");

  json_t *pr = ambil(in, "predikat");
  if (pr && ambil(in, "nilai")) galat(&b, "nilai", "isi predikat atau nilai, tidak keduanya");
  else if (pr) {
    if (predikat_dari_kode(teks_dari(pr), &m->predikat) != 0)
      galat(&b, "predikat", "harus sangat_baik, baik, butuh_perbaikan, kurang atau sangat_kurang");
  } else if (ambil(in, "nilai")) {
    m->pakai_nilai = true;
    seratus(&b, in, "", "nilai", TPP_MAKS_NILAI_SKOR, &m->nilai);
  } else {
    galat(&b, "predikat", "isi predikat periode ini, atau nilai bila tabel membayar menurut nilai");
  }

  int masuk = TPP_TIDAK_ADA, pulang = TPP_TIDAK_ADA;
  baca_jadwal(&b, in, "", &masuk, &pulang);
  json_t *lst = daftar(&b, in, "", "hari", TPP_MAKS_HARI);
  if (lst) baca_hari(&b, lst, masuk, pulang, m);
  else if (!ambil(in, "hari")) galat(&b, "hari", "wajib diisi: daftar hari kerja bulan ini");
  lst = daftar(&b, in, "", "sanksi", TPP_MAKS_SANKSI_PEGAWAI);
  if (lst) baca_sanksi(&b, lst, a, m);
  return b.salah ? 1 : 0;
}
