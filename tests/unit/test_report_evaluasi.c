/* test_report_evaluasi.c: the Dokumen Evaluasi Kinerja Pegawai PDF (report_evaluasi_pdf.c).
 *
 * The PDF is checked from the outside with poppler-utils: pdftotext -layout for the content
 * (the three NIPs, every RHK, the chart labels, the ratings, signatures, footers), pdfinfo for
 * the page count, pdftotext -bbox for words outside the printable area and for the bars' count
 * labels standing in the order of the kurva.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "evaluasi_doc.h"
#include "uji_pdf.h"

/* ---- fixture --------------------------------------------------------------------------- */

#define NRHK 10

struct fixture {
  struct evaluasi_doc d;
  struct evaluasi_doc_rhk rhk[NRHK];
  char rhk_text[NRHK][600];
  char realisasi[NRHK][300];
  char umpan[NRHK][600];
};

static const char *const perilaku_nama[7] = {
  "Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif",
};
static const char *const perilaku_panduan[7] = {
  "Memahami dan memenuhi kebutuhan masyarakat; Ramah, cekatan, solutif, dan dapat diandalkan; "
  "Melakukan perbaikan tiada henti",
  "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi; "
  "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien; "
  "Tidak menyalahgunakan kewenangan jabatan",
  "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah; Membantu orang lain "
  "belajar; Melaksanakan tugas dengan kualitas terbaik",
  "Menghargai setiap orang apapun latar belakangnya; Suka menolong orang lain; Membangun "
  "lingkungan kerja yang kondusif",
  "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah; "
  "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara; Menjaga rahasia jabatan dan negara",
  "Cepat menyesuaikan diri menghadapi perubahan; Terus berinovasi dan mengembangkan kreativitas; "
  "Bertindak proaktif",
  "Memberi kesempatan kepada berbagai pihak untuk berkontribusi; Terbuka dalam bekerja sama untuk "
  "menghasilkan nilai tambah; Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
};

#define HASH "0123456789abcdef" "FEDCBA9876543210" "0123456789abcdef" "0123456789abcdef"

/* A final TRIWULAN I evaluation: 10 RHK with long texts (7 utama, 3 tambahan), all seven
 * perilaku with feedback, kurva {0,1,2,7,2}, an atasan penilai and a hash. */
static void make_doc(struct fixture *f)
{
  size_t i;
  memset(f, 0, sizeof *f);
  for (i = 0; i < NRHK; i++) {
    struct evaluasi_doc_rhk *r = &f->rhk[i];
    snprintf(f->rhk_text[i], sizeof f->rhk_text[i],
             "RHK%02zu Terwujudnya tata kelola administrasi kepegawaian yang tertib, akuntabel, "
             "dan berbasis data melalui pemutakhiran data pegawai secara berkala, verifikasi "
             "dokumen kenaikan pangkat, penyusunan laporan bulanan, serta pendampingan unit kerja "
             "di seluruh perangkat daerah Kabupaten Zamrudkhatulistiwa%02zu",
             i, i);
    snprintf(f->realisasi[i], sizeof f->realisasi[i],
             "REA%02zu %zu laporan (capaian 100%%) diunggah ke e-Kinerja beserta berita acara "
             "verifikasi dan daftar hadir rapat koordinasi Ujungrealisasi%02zu",
             i, 10 + i, i);
    snprintf(f->umpan[i], sizeof f->umpan[i],
             "UMP%02zu Laporan disusun tepat waktu dan datanya lengkap; ke depan perlu dilengkapi "
             "analisis tren dan rekomendasi tindak lanjut bagi pimpinan, serta dokumentasi bukti "
             "dukung yang lebih rapi agar mudah ditelusuri saat audit kinerja Ujungumpan%02zu",
             i, i);
    r->kelompok = i < 7 ? "utama" : "tambahan";
    r->rhk = f->rhk_text[i];
    r->realisasi = f->realisasi[i];
    r->umpan_balik = f->umpan[i];
  }
  f->d.instansi = "Pemerintah Kabupaten Sukamaju";
  f->d.periode_label = "TRIWULAN I";
  f->d.periode_mulai = "2026-01-01";
  f->d.periode_selesai = "2026-03-31";
  f->d.status = "final";
  f->d.pegawai = (struct skp_doc_orang){ "Andr\xc3\xa9" "as Pratama, S.Kom.", "199001012015031001",
                                         "Penata Muda Tk. I (III/b)", "Pranata Komputer Ahli Pertama",
                                         "Bidang Data dan Informasi" };
  f->d.penilai = (struct skp_doc_orang){ "Dr. Dewi Lestari, S.Kom., M.T.", "197805122003122002",
                                         "Pembina (IV/a)", "Kepala Bidang Data dan Informasi",
                                         "Badan Kepegawaian dan Pengembangan SDM" };
  f->d.atasan_penilai = (struct skp_doc_orang){ "Ir. Bambang Sutrisno, M.Si.", "196905151994031005",
                                                "Pembina Utama Muda (IV/c)", "Kepala Badan",
                                                "Pemerintah Kabupaten Sukamaju" };
  f->d.predikat_organisasi = "Baik";
  f->d.kurva[0] = 0;
  f->d.kurva[1] = 1;
  f->d.kurva[2] = 2;
  f->d.kurva[3] = 7;
  f->d.kurva[4] = 2;
  f->d.rhk = f->rhk;
  f->d.nrhk = NRHK;
  f->d.rating_hasil = "Di Atas Ekspektasi";
  for (i = 0; i < 7; i++) {
    f->d.perilaku[i].nama = perilaku_nama[i];
    f->d.perilaku[i].panduan = perilaku_panduan[i];
    f->d.perilaku[i].umpan_balik = i == 6 ? ""
      : "Konsisten menunjukkan perilaku ini dalam rapat koordinasi dan layanan harian";
  }
  f->d.rating_perilaku = "Sesuai Ekspektasi";
  f->d.predikat = "Baik";
  f->d.catatan = "Pertahankan ketepatan waktu; ikuti pelatihan analisis data pada triwulan II.";
  f->d.hash = HASH;
  f->d.tempat = "Sukamaju";
  f->d.tanggal = "2026-04-07";
}

/* ---- tools ----------------------------------------------------------------------------- */

static size_t count(const char *text, const char *needle)
{
  size_t n = 0;
  const char *p;
  for (p = text; (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
  return n;
}

/* ---- tests ----------------------------------------------------------------------------- */

/* Pages the layout gives for make_doc: page 1 the title, identities, capaian organisasi and the
 * chart (a 9-line RHK row does not fit under it, so the table starts on page 2); page 2 the
 * hasil kerja table up to the 7th utama RHK; page 3 the tambahan RHK, rating hasil kerja and the
 * perilaku table; page 4 rating perilaku, predikat, catatan and the signatures (kept together).
 * A layout change that moves this should be looked at in a viewer before the number is
 * updated. */
#define PAGES_FINAL 4

static void pdf_final(void **s)
{
  static struct fixture f;
  unsigned char *pdf = NULL;
  size_t len = 0, i;
  char err[200], *path, *text, needle[64];
  long pages;
  assert_true(uji_ada("pdftotext") && uji_ada("pdfinfo"));   /* apt-get install poppler-utils */
  make_doc(&f);
  err[0] = '\0';
  if (evaluasi_pdf_render(&f.d, &pdf, &len, err, sizeof err) != 0) {
    print_error("render failed: %s\n", err);
    fail();
  }
  assert_true(len > 1000);
  assert_memory_equal(pdf, "%PDF-", 5);
  path = uji_tulis(pdf, len, "report_evaluasi", ".pdf");
  text = uji_pdf_teks(path);

  uji_pdf_memuat(text, "EVALUASI KINERJA PEGAWAI");
  uji_pdf_memuat(text, "PERIODE: TRIWULAN I");
  uji_pdf_memuat(text, "PEMERINTAH KABUPATEN SUKAMAJU");
  uji_pdf_memuat(text, "1 Januari 2026 s.d. 31 Maret 2026");
  uji_pdf_memuat(text, "PEGAWAI YANG DINILAI");
  uji_pdf_memuat(text, "PEJABAT PENILAI KINERJA");
  uji_pdf_memuat(text, "ATASAN PEJABAT PENILAI KINERJA");
  uji_pdf_memuat(text, "UNIT KERJA/INSTANSI");
  uji_pdf_memuat(text, "199001012015031001");
  uji_pdf_memuat(text, "197805122003122002");
  uji_pdf_memuat(text, "196905151994031005");
  uji_pdf_memuat(text, "Ir. Bambang Sutrisno, M.Si.");
  uji_pdf_memuat(text, "Pembina Utama Muda (IV/c)");
  uji_pdf_memuat(text, "Andr\xc3\xa9" "as Pratama");               /* é through WinAnsi */
  uji_pdf_memuat(text, "CAPAIAN KINERJA ORGANISASI");
  uji_pdf_memuat(text, "POLA DISTRIBUSI");
  uji_pdf_memuat(text, "Kurva Distribusi Predikat Kinerja Pegawai");
  uji_pdf_memuat(text, "Kurang/Misconduct");
  uji_pdf_memuat(text, "Butuh Perbaikan");
  uji_pdf_memuat(text, "Jumlah pegawai");
  assert_true(strstr(text, "Belum ada predikat") == NULL);     /* the kurva is not empty */
  uji_pdf_memuat(text, "HASIL KERJA");
  uji_pdf_memuat(text, "REALISASI BERDASARKAN BUKTI");   /* the header cell wraps */
  uji_pdf_memuat(text, "A. Utama");
  uji_pdf_memuat(text, "B. Tambahan");
  for (i = 0; i < NRHK; i++) {                                 /* nothing lost over page breaks */
    snprintf(needle, sizeof needle, "RHK%02zu", i);
    uji_pdf_memuat(text, needle);
    snprintf(needle, sizeof needle, "Zamrudkhatulistiwa%02zu", i);
    uji_pdf_memuat(text, needle);
    snprintf(needle, sizeof needle, "Ujungrealisasi%02zu", i);
    uji_pdf_memuat(text, needle);
    snprintf(needle, sizeof needle, "Ujungumpan%02zu", i);
    uji_pdf_memuat(text, needle);
  }
  uji_pdf_memuat(text, "RATING HASIL KERJA");
  uji_pdf_memuat(text, "Di Atas Ekspektasi");
  uji_pdf_memuat(text, "PERILAKU KERJA");
  uji_pdf_memuat(text, "UMPAN BALIK BERKELANJUTAN");
  for (i = 0; i < 7; i++) uji_pdf_memuat(text, perilaku_nama[i]);
  uji_pdf_memuat(text, "Melakukan perbaikan tiada henti");
  uji_pdf_memuat(text, "RATING PERILAKU KERJA");
  uji_pdf_memuat(text, "Sesuai Ekspektasi");
  uji_pdf_memuat(text, "PREDIKAT KINERJA PEGAWAI");
  uji_pdf_memuat(text, "CATATAN/REKOMENDASI");
  uji_pdf_memuat(text, "ikuti pelatihan analisis data");
  uji_pdf_memuat(text, "Sukamaju, 7 April 2026");
  uji_pdf_memuat(text, "Pegawai yang Dinilai");
  uji_pdf_memuat(text, "Pejabat Penilai Kinerja");
  uji_pdf_memuat(text, "NIP. 199001012015031001");
  uji_pdf_memuat(text, "NIP. 197805122003122002");
  uji_pdf_memuat(text, "Dr. Dewi Lestari, S.Kom., M.T.");
  assert_true(strstr(text, "DRAFT") == NULL);                  /* final: no draft mark */
  uji_pdf_memuat(text, "Kode verifikasi: 0123456789abcdef");
  assert_true(strstr(text, "0123456789abcdeff") == NULL);      /* only 16 hex digits */
  uji_pdf_memuat(text, "Halaman 1 dari");

  pages = uji_pdf_halaman(path);
  print_message("final evaluasi, 10 RHK: %ld pages, %zu bytes\n", pages, len);
  assert_int_equal(pages, PAGES_FINAL);
  snprintf(needle, sizeof needle, "Halaman %ld dari %ld", pages, pages);
  uji_pdf_memuat(text, needle);
  assert_int_equal(count(text, "Kode verifikasi"), (size_t)pages);   /* on every page */
  assert_true(uji_pdf_kata_di_dalam(path) > 300);

  unlink(path);
  free(path);
  free(text);
  free(pdf);
}

/* The bars' counts on page 1: the numbers between the chart title and the x-axis labels, right
 * of the y axis (its tick numbers stand left of it), must read the kurva left to right, and a
 * larger count must stand higher.  Distinct counts make each one identifiable. */
static void pdf_chart_bars(void **s)
{
  static struct fixture f;
  static struct uji_kata w[3000];
  static const char *const counts[5] = { "3", "11", "26", "48", "9" };
  unsigned char *pdf = NULL;
  size_t len = 0, n, i, k = 0;
  char err[200], *path;
  double top = -1, axis = -1, x[5], y[5];
  const char *num[5];
  make_doc(&f);
  f.d.kurva[0] = 3;
  f.d.kurva[1] = 11;
  f.d.kurva[2] = 26;
  f.d.kurva[3] = 48;
  f.d.kurva[4] = 9;
  assert_int_equal(evaluasi_pdf_render(&f.d, &pdf, &len, err, sizeof err), 0);
  path = uji_tulis(pdf, len, "report_evaluasi", ".pdf");
  n = uji_pdf_kata(path, 1, w, sizeof w / sizeof w[0]);
  for (i = 0; i < n; i++) {
    if (strcmp(w[i].text, "Kurva") == 0) top = w[i].ymax;
    if (strcmp(w[i].text, "Kurang/Misconduct") == 0) axis = w[i].ymin;
  }
  assert_true(top > 0 && axis > top);
  for (i = 0; i < n; i++) {
    char *e;
    size_t j;
    if (w[i].ymin < top || w[i].ymax > axis || w[i].xmin < 42.5 + 56) continue;
    strtol(w[i].text, &e, 10);
    if (e == w[i].text || *e) continue;                /* not a number */
    assert_true(k < 5);
    /* words come in reading order: insert by x */
    for (j = k++; j > 0 && x[j - 1] > w[i].xmin; j--) {
      x[j] = x[j - 1];
      y[j] = y[j - 1];
      num[j] = num[j - 1];
    }
    x[j] = w[i].xmin;
    y[j] = w[i].ymin;
    num[j] = w[i].text;
  }
  assert_int_equal(k, 5);
  for (k = 0; k < 5; k++) assert_string_equal(num[k], counts[k]);
  /* page y grows downwards: a larger count stands higher, i.e. has a smaller y */
  assert_true(y[3] < y[2] && y[2] < y[1] && y[1] < y[4] && y[4] < y[0]);
  unlink(path);
  free(path);
  free(pdf);
}

/* A draft without atasan penilai, predikat organisasi, hash, RHK or kurva. */
static void pdf_draft_and_empty(void **s)
{
  static struct fixture f;
  unsigned char *pdf = NULL;
  size_t len = 0;
  char err[200], *path, *text;
  long pages;
  make_doc(&f);
  f.d.status = "draft";
  f.d.atasan_penilai = (struct skp_doc_orang){ NULL, NULL, NULL, NULL, NULL };
  f.d.penilai.nip = "";                                  /* NIP of the penilai is optional */
  f.d.predikat_organisasi = "";
  memset(f.d.kurva, 0, sizeof f.d.kurva);
  f.d.nrhk = 0;
  f.d.rhk = NULL;
  f.d.hash = "";
  f.d.catatan = "";
  f.d.predikat = "";
  f.d.periode_label = "akhir";
  f.d.periode_selesai = "2026-12-31";
  assert_int_equal(evaluasi_pdf_render(&f.d, &pdf, &len, err, sizeof err), 0);
  path = uji_tulis(pdf, len, "report_evaluasi", ".pdf");
  text = uji_pdf_teks(path);
  pages = uji_pdf_halaman(path);
  uji_pdf_memuat(text, "DRAFT");
  assert_true(count(text, "DRAFT") >= (size_t)pages + 1);   /* under the title and on every page */
  uji_pdf_memuat(text, "PERIODE: AKHIR");
  uji_pdf_memuat(text, "1 Januari 2026 s.d. 31 Desember 2026");
  uji_pdf_memuat(text, "ATASAN PEJABAT PENILAI KINERJA");
  assert_true(strstr(text, "196905151994031005") == NULL);
  assert_true(strstr(text, "Bambang") == NULL);
  uji_pdf_memuat(text, "Belum ada predikat kinerja pegawai pada unit ini");
  uji_pdf_memuat(text, "A. Utama");
  uji_pdf_memuat(text, "B. Tambahan");
  assert_true(strstr(text, "RHK0") == NULL);
  assert_true(strstr(text, "Kode verifikasi") == NULL);
  uji_pdf_memuat(text, "NIP. 199001012015031001");
  uji_pdf_memuat(text, "NIP. -");                                /* the penilai without NIP */
  assert_true(uji_pdf_kata_di_dalam(path) > 300);
  unlink(path);
  free(path);
  free(text);
  free(pdf);
}

/* An umpan balik taller than a page: the row continues on the next pages line by line,
 * nothing is lost or printed twice, nothing leaves the page. */
static void pdf_row_taller_than_page(void **s)
{
  static struct fixture f;
  static char huge[15000];
  unsigned char *pdf = NULL;
  size_t len = 0, k = 0, sentences;
  char err[200], *path, *text;
  long pages;
  make_doc(&f);
  while (k + 40 < sizeof huge) {
    int r = snprintf(huge + k, sizeof huge - k, "kalimat%04zu panjang sekali. ", k / 30);
    k += (size_t)r;
  }
  snprintf(huge + k, sizeof huge - k, "AKHIRTEKS");
  sentences = count(huge, "kalimat");
  f.rhk[3].umpan_balik = huge;
  assert_int_equal(evaluasi_pdf_render(&f.d, &pdf, &len, err, sizeof err), 0);
  path = uji_tulis(pdf, len, "report_evaluasi", ".pdf");
  text = uji_pdf_teks(path);
  pages = uji_pdf_halaman(path);
  assert_true(pages > PAGES_FINAL);
  uji_pdf_memuat(text, "AKHIRTEKS");
  assert_int_equal(count(text, "kalimat"), sentences);
  uji_pdf_memuat(text, "Ujungumpan09");
  assert_true(uji_pdf_kata_di_dalam(path) > 300);
  unlink(path);
  free(path);
  free(text);
  free(pdf);
}

static void expect_refused(const struct evaluasi_doc *d, const char *word)
{
  unsigned char *out = (unsigned char *)"x";
  size_t len = 7;
  char err[200];
  err[0] = '\0';
  assert_int_equal(evaluasi_pdf_render(d, &out, &len, err, sizeof err), -1);
  assert_null(out);
  assert_int_equal(len, 0);
  if (!strstr(err, word)) {
    print_error("error \"%s\" does not mention \"%s\"\n", err, word);
    fail();
  }
}

static void pdf_bad_input(void **s)
{
  static struct fixture f;
  unsigned char *out = NULL;
  size_t len = 0;
  char err[200];
  expect_refused(NULL, "kosong");
  make_doc(&f);
  f.d.rhk = NULL;                                   /* nrhk > 0 */
  expect_refused(&f.d, "RHK");
  make_doc(&f);
  f.d.periode_mulai = "2026-02-30";
  expect_refused(&f.d, "periode");
  make_doc(&f);
  f.d.periode_mulai = "2026-04-01";                 /* after the end */
  expect_refused(&f.d, "periode");
  make_doc(&f);
  f.d.tanggal = "07-04-2026";
  expect_refused(&f.d, "tanggal");
  make_doc(&f);
  f.d.status = "disetujui";
  expect_refused(&f.d, "status");
  make_doc(&f);
  f.rhk[4].kelompok = "lain";
  expect_refused(&f.d, "RHK ke-5");
  make_doc(&f);
  f.d.kurva[2] = -1;
  expect_refused(&f.d, "kurva");
  make_doc(&f);
  f.d.hash = "not-a-hash-at-all-xyz";
  expect_refused(&f.d, "hash");
  make_doc(&f);
  f.d.periode_label = NULL;
  expect_refused(&f.d, "periode");
  make_doc(&f);
  assert_int_equal(evaluasi_pdf_render(&f.d, NULL, &len, err, sizeof err), -1);
  assert_int_equal(evaluasi_pdf_render(&f.d, &out, NULL, err, sizeof err), -1);
  assert_int_equal(evaluasi_pdf_render(NULL, &out, &len, NULL, 0), -1);   /* no error buffer */
  assert_null(out);
}

static double now_s(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Not a benchmark (bench/ has those); prints the time so a regression is visible in the log. */
static void pdf_render_time(void **s)
{
  static struct fixture f;
  double t0, t1;
  int i;
  make_doc(&f);
  t0 = now_s();
  for (i = 0; i < 20; i++) {
    unsigned char *pdf = NULL;
    size_t len = 0;
    char err[200];
    assert_int_equal(evaluasi_pdf_render(&f.d, &pdf, &len, err, sizeof err), 0);
    free(pdf);
  }
  t1 = now_s();
  print_message("evaluasi PDF: %.2f ms per render (20 renders)\n", (t1 - t0) * 1000.0 / 20);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(pdf_final),
    cmocka_unit_test(pdf_chart_bars),
    cmocka_unit_test(pdf_draft_and_empty),
    cmocka_unit_test(pdf_row_taller_than_page),
    cmocka_unit_test(pdf_bad_input),
    cmocka_unit_test(pdf_render_time),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
