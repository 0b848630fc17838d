/* hitung_tukin_hasil.c: `kinerja hitung tukin`: reads the input file, computes with rules/tpp.c,
 * and writes the breakdown as text (default) or JSON (--json) (see hitung_tukin.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api_hitung.h"
#include "hitung_tukin.h"
#include "util/errs.h"

static void set(json_t *o, const char *k, json_t *v) { json_object_set_new(o, k, v ? v : json_null()); }
static json_t *jpersen(int32_t bp) { return json_real(desimal_double(bp, 2)); }

static json_t *jrincian(const struct tpp_aturan *a, const struct tpp_masukan *m, const struct tpp_rincian *r)
{
  const struct tpp_hari *h = &m->hari[r->hari];
  char j[6];
  json_t *o = json_object();
  if (!o) return NULL;
  set(o, "hari", json_integer(r->hari + 1));
  set(o, "tanggal", h->tanggal[0] ? json_string(h->tanggal) : json_null());
  set(o, "kode", r->baris >= 0 ? json_string(a->potongan[r->baris].kode) : json_null());
  set(o, "jenis", json_string(r->baris >= 0 ? tpp_jenis_kode(a->potongan[r->baris].jenis) : "batas_harian"));
  set(o, "menit", json_integer(r->menit));
  set(o, "masuk", h->masuk != TPP_TIDAK_ADA ? json_string(tpp_jam_tulis(h->masuk, j)) : json_null());
  set(o, "pulang", h->pulang != TPP_TIDAK_ADA ? json_string(tpp_jam_tulis(h->pulang, j)) : json_null());
  set(o, "persen", jpersen(r->persen));
  set(o, "rupiah", json_real(desimal_double(r->sen, 2)));
  set(o, "teks", json_string(r->teks));
  return o;
}

static json_t *jhasil(json_t *in, const struct tpp_aturan *a, const struct tpp_masukan *m, const struct tpp_hasil *h)
{
  json_t *r = json_object(), *at = json_object(), *hari = json_object(), *rin = json_array(), *pj = json_array();
  if (!r || !at || !hari || !rin || !pj) goto fail;
  char periode[8];
  snprintf(periode, sizeof periode, "%04d-%02d", m->tahun, m->bulan);
  set(r, "periode", json_string(periode));
  json_t *pg = json_object_get(in, "pegawai");
  set(r, "pegawai", json_is_object(pg) ? json_deep_copy(pg) : json_null());
  set(at, "nama", json_string(a->nama));
  set(at, "porsi_kinerja", jpersen(a->porsi_kinerja));
  set(at, "porsi_disiplin", jpersen(a->porsi_disiplin));
  set(at, "potongan_dikenakan_pada", json_string(tpp_sasaran_kode(a->sasaran)));
  set(at, "tanpa_presensi", json_string(tpp_tanpa_presensi_kode(a->tanpa_presensi)));
  set(at, "batas_harian", a->batas_harian == TPP_TANPA_BATAS ? json_null() : jpersen(a->batas_harian));
  set(at, "batas_bulanan", jpersen(a->batas_bulanan));
  set(r, "aturan", at);
  at = NULL;
  set(r, "kelas_jabatan", m->kelas_jabatan ? json_integer(m->kelas_jabatan) : json_null());
  set(r, "dasar", json_integer(h->dasar));
  set(r, "predikat", m->pakai_nilai ? json_null() : json_string(predikat_label(m->predikat)));
  set(r, "kode_predikat", m->pakai_nilai ? json_null() : json_string(predikat_kode(m->predikat)));
  set(r, "nilai", m->pakai_nilai ? json_real(desimal_double(m->nilai, 2)) : json_null());
  set(r, "bayar_kinerja", jpersen(h->bayar_kinerja));
  set(r, "kinerja", json_integer(h->kinerja));
  set(r, "disiplin_penuh", json_integer(h->disiplin_penuh));
  set(r, "potongan_hari", jpersen(h->potongan_hari));
  set(r, "potongan_persen", jpersen(h->potongan_persen));
  set(r, "batas_bulanan_tercapai", json_boolean(h->kena_batas_bulanan));
  set(r, "disiplin", json_integer(h->disiplin));
  set(r, "potongan_presensi", json_integer(h->potongan_presensi));
  set(r, "sanksi_persen", jpersen(h->sanksi_persen));
  set(r, "potongan_sanksi", json_integer(h->potongan_sanksi));
  set(r, "jumlah", json_integer(h->jumlah));
  for (int s = 0; s < TPP_STATUS_JUMLAH; s++) set(hari, tpp_status_kode((enum tpp_status)s), json_integer(h->jumlah_status[s]));
  set(r, "hari", hari);
  hari = NULL;
  for (int i = 0; i < h->n_rincian; i++) json_array_append_new(rin, jrincian(a, m, &h->rincian[i]));
  set(r, "rincian", rin);
  rin = NULL;
  for (int i = 0; i < h->pj.n; i++) json_array_append_new(pj, json_string(h->pj.baris[i]));
  set(r, "penjelasan", pj);
  return r;
fail:
  json_decref(r);
  json_decref(at);
  json_decref(hari);
  json_decref(rin);
  json_decref(pj);
  return NULL;
}

struct kerja {
  struct tpp_aturan a;
  struct tpp_masukan m;
  struct tpp_hasil h;
  struct tpp_galat g;
};

/* 0 computed into k, 1 field errors in *errs. */
static int hitung(json_t *in, struct kerja *k, json_t **errs)
{
  if (hitung_tukin_baca(in, &k->a, &k->m, errs) != 0) return 1;
  if (tpp_hitung(&k->a, &k->m, &k->h, &k->g) != 0) {
    errs_add(errs, k->g.field, k->g.pesan);
    return 1;
  }
  return 0;
}

int hitung_tukin_json(json_t *in, json_t **hasil, json_t **errs)
{
  *hasil = NULL;
  struct kerja *k = malloc(sizeof *k);
  if (!k) return -1;
  int rc = hitung(in, k, errs);
  if (rc == 0) {
    *hasil = jhasil(in, &k->a, &k->m, &k->h);
    if (!*hasil) rc = -1;
  }
  free(k);
  return rc;
}

/* ---- the command line ------------------------------------------------------------------- */

static void usage(FILE *f)
{
  fputs("Pemakaian: kinerja hitung tukin --input FILE.json|- [--json]\n"
        "\n"
        "Menghitung TPP/tunjangan kinerja satu pegawai untuk satu bulan dari berkas JSON (atau stdin\n"
        "dengan '-'): komponen kinerja dari predikat atau nilai, komponen disiplin setelah potongan\n"
        "presensi, sanksi disiplin, dan jumlah diterima, dengan rincian per hari.\n"
        "Format masukan: docs/tpp.md; contoh: docs/contoh-tukin.json.\n"
        "\n"
        "  --input FILE  berkas masukan JSON (paling besar 1 MiB); '-' untuk stdin\n"
        "  --json        cetak hasil sebagai JSON\n"
        "\n"
        "Status keluar: 0 berhasil, 2 argumen atau masukan salah.\n",
        f);
}

/* The whole of f into a NUL-terminated buffer of at most HITUNG_TUKIN_MAKS_MASUKAN bytes; the
 * caller frees.  NULL with *pesan on error. */
static char *baca_berkas(FILE *f, size_t *len, const char **pesan)
{
  char *buf = malloc(HITUNG_TUKIN_MAKS_MASUKAN + 1);
  if (!buf) { *pesan = "memori habis"; return NULL; }
  size_t n = fread(buf, 1, HITUNG_TUKIN_MAKS_MASUKAN + 1, f);
  if (ferror(f)) { *pesan = "gagal membaca berkas masukan"; goto fail; }
  if (n > HITUNG_TUKIN_MAKS_MASUKAN) { *pesan = "berkas masukan lebih dari 1 MiB"; goto fail; }
  buf[n] = '\0';
  *len = n;
  return buf;
fail:
  free(buf);
  return NULL;
}

static void tampil(const struct kerja *k)
{
  const struct tpp_aturan *a = &k->a;
  const struct tpp_hasil *h = &k->h;
  char r[40], p1[24], p2[24];
  printf("TPP/tunjangan kinerja %04d-%02d (%s)\n", k->m.tahun, k->m.bulan, a->nama);
  printf("  Besaran:            %16s\n", tpp_rupiah_tulis(h->dasar, r, sizeof r));
  printf("  Komponen kinerja:   %16s  (%s × %s)\n", tpp_rupiah_tulis(h->kinerja, r, sizeof r),
         tpp_persen_tulis(a->porsi_kinerja, p1, sizeof p1), tpp_persen_tulis(h->bayar_kinerja, p2, sizeof p2));
  if (a->sasaran == TPP_SASARAN_DISIPLIN)
    printf("  Komponen disiplin:  %16s  (%s × (100%% − %s))\n", tpp_rupiah_tulis(h->disiplin, r, sizeof r),
           tpp_persen_tulis(a->porsi_disiplin, p1, sizeof p1), tpp_persen_tulis(h->potongan_persen, p2, sizeof p2));
  else
    printf("  Komponen disiplin:  %16s  (%s)\n", tpp_rupiah_tulis(h->disiplin, r, sizeof r),
           tpp_persen_tulis(a->porsi_disiplin, p1, sizeof p1));
  printf("  Potongan presensi:  %16s  (%s%s)\n", tpp_rupiah_tulis(h->potongan_presensi, r, sizeof r),
         tpp_persen_tulis(h->potongan_persen, p1, sizeof p1), h->kena_batas_bulanan ? ", batas per bulan" : "");
  printf("  Potongan sanksi:    %16s  (%s)\n", tpp_rupiah_tulis(h->potongan_sanksi, r, sizeof r),
         tpp_persen_tulis(h->sanksi_persen, p1, sizeof p1));
  printf("  Jumlah diterima:    %16s\n", tpp_rupiah_tulis(h->jumlah, r, sizeof r));
  printf("\nRincian potongan presensi:\n");
  if (h->n_rincian == 0) printf("  (tidak ada)\n");
  for (int i = 0; i < h->n_rincian; i++) printf("  - %s\n", h->rincian[i].teks);
  printf("\nPenjelasan:\n");
  for (int i = 0; i < h->pj.n; i++) printf("  - %s\n", h->pj.baris[i]);
}

int hitung_tukin_main(int argc, char **argv)
{
  const char *berkas = NULL;
  int json = 0, rc = 2;
  char *buf = NULL;
  json_t *in = NULL, *errs = NULL, *hasil = NULL;
  struct kerja *k = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--json") == 0) json = 1;
    else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { usage(stdout); return 0; }
    else if (strcmp(a, "--input") == 0 && i + 1 < argc) berkas = argv[++i];
    else if (strncmp(a, "--input=", 8) == 0) berkas = a + 8;
    else {
      fprintf(stderr, "kinerja hitung tukin: %s: %s\nLihat: kinerja hitung tukin --help\n",
              strcmp(a, "--input") == 0 ? "--input memerlukan nama berkas" : "argumen tidak dikenal", a);
      return 2;
    }
  }
  if (!berkas || !berkas[0]) {
    fprintf(stderr, "kinerja hitung tukin: --input FILE.json wajib diisi\n\n");
    usage(stderr);
    return 2;
  }
  FILE *f = strcmp(berkas, "-") == 0 ? stdin : fopen(berkas, "rb");
  if (!f) { fprintf(stderr, "kinerja hitung tukin: tidak dapat membuka %s\n", berkas); return 2; }
  const char *pesan = NULL;
  size_t len = 0;
  buf = baca_berkas(f, &len, &pesan);
  if (f != stdin) fclose(f);
  if (!buf) { fprintf(stderr, "kinerja hitung tukin: %s: %s\n", berkas, pesan); goto out; }
  json_error_t e;
  in = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &e);
  if (!in) {
    fprintf(stderr, "kinerja hitung tukin: %s: JSON tidak sah pada baris %d kolom %d: %s\n", berkas, e.line, e.column,
            e.text);
    goto out;
  }
  k = malloc(sizeof *k);
  if (!k) { fprintf(stderr, "kinerja hitung tukin: memori habis\n"); goto out; }
  if (hitung(in, k, &errs) != 0) {
    size_t i;
    json_t *v;
    json_array_foreach(errs, i, v) {
      const char *field = json_string_value(json_object_get(v, "field"));
      fprintf(stderr, "kinerja hitung tukin: %s: %s\n", field && field[0] ? field : "(masukan)",
              json_string_value(json_object_get(v, "message")));
    }
    fprintf(stderr, "Lihat: docs/tpp.md\n");
    goto out;
  }
  if (json) {
    hasil = jhasil(in, &k->a, &k->m, &k->h);
    char *s = hasil ? hitung_dumps(hasil, JSON_INDENT(2)) : NULL;
    if (!s) { fprintf(stderr, "kinerja hitung tukin: memori habis\n"); goto out; }
    puts(s);
    free(s);
  } else {
    tampil(k);
  }
  rc = 0;
out:
  free(buf);
  free(k);
  json_decref(in);
  json_decref(errs);
  json_decref(hasil);
  return rc;
}
