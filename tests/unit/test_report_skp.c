/* test_report_skp.c: the Dokumen SKP renderers (PDF and XLSX) and their text helpers.
 *
 * The PDF is checked from the outside with poppler-utils: pdftotext for the content (every RHK,
 * both NIPs, names with accents, signatures, page footers), pdfinfo for the page count, and
 * pdftotext -bbox for words outside the printable area.  The XLSX is checked as a zip and, when
 * unzip is installed, through its shared strings.
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

#include "report_font.h"
#include "skp_doc.h"
#include "uji_pdf.h"

/* ---- fixtures -------------------------------------------------------------------------- */

#define NRHK_MAX 40

struct fixture {
  struct skp_doc d;
  struct skp_doc_rhk rhk[NRHK_MAX];
  struct skp_doc_iki iki[NRHK_MAX][3];
  char rhk_text[NRHK_MAX][600];
  char atasan_text[NRHK_MAX][200];
  char iki_text[NRHK_MAX][3][200];
  char target[NRHK_MAX][3][40];
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
static const char *const aspek[4] = { "Kuantitas", "Kualitas", "Waktu", "Biaya" };
static const char *const perspektif[4] = { "Penerima Layanan", "Proses Bisnis",
                                           "Penguatan Internal", "Anggaran" };

/* A long RHK text (300+ characters) ending in a distinctive word. */
static void long_text(char *out, size_t n, int i)
{
  snprintf(out, n,
           "RHK%02d Terwujudnya tata kelola administrasi kepegawaian yang tertib, akuntabel, dan "
           "berbasis data melalui pemutakhiran data pegawai secara berkala, verifikasi dokumen "
           "kenaikan pangkat, penyusunan laporan bulanan, koordinasi dengan badan kepegawaian "
           "daerah, serta pendampingan unit kerja dalam penyusunan sasaran kinerja pegawai di "
           "seluruh perangkat daerah Kabupaten Zamrudkhatulistiwa%02d",
           i, i);
}

/* A JA/JF SKP with n RHK: three in four utama, the rest tambahan; every third has 3 IKI,
 * every third 2; every fifth has a long text. */
static void make_jajf(struct fixture *f, size_t n, const char *pendekatan)
{
  size_t i, j;
  memset(f, 0, sizeof *f);
  for (i = 0; i < n; i++) {
    struct skp_doc_rhk *r = &f->rhk[i];
    size_t niki = i % 3 == 0 ? 3 : i % 3 == 1 ? 1 : 2;
    r->kelompok = i < n - n / 4 ? "utama" : "tambahan";
    if (i % 5 == 2) long_text(f->rhk_text[i], sizeof f->rhk_text[i], (int)i);
    else snprintf(f->rhk_text[i], sizeof f->rhk_text[i], "RHK%02d Laporan layanan kepegawaian", (int)i);
    snprintf(f->atasan_text[i], sizeof f->atasan_text[i],
             "Meningkatnya kualitas pelayanan kepegawaian bidang %02d", (int)i);
    r->rhk = f->rhk_text[i];
    r->rhk_atasan = i % 4 == 3 ? "" : f->atasan_text[i];
    r->perspektif = "";
    r->bobot = -1;
    r->catatan = "";
    for (j = 0; j < niki; j++) {
      snprintf(f->iki_text[i][j], sizeof f->iki_text[i][j],
               "IKI%02d%c Persentase dokumen kepegawaian yang diverifikasi tepat waktu", (int)i,
               (char)('a' + j));
      snprintf(f->target[i][j], sizeof f->target[i][j], "%zu laporan", 10 + i + j);
      f->iki[i][j].aspek = strcmp(pendekatan, "kuantitatif") == 0 ? aspek[(i + j) % 4] : "";
      f->iki[i][j].indikator = f->iki_text[i][j];
      f->iki[i][j].target = f->target[i][j];
    }
    r->iki = f->iki[i];
    r->niki = niki;
  }
  f->d.instansi = "Pemerintah Kabupaten Sukamaju";
  f->d.jenis = "ja_jf";
  f->d.pendekatan = pendekatan;
  f->d.periode_mulai = "2026-01-01";
  f->d.periode_selesai = "2026-12-31";
  f->d.status = "draft";
  f->d.revisi = 1;
  f->d.pegawai = (struct skp_doc_orang){ "Andr\xc3\xa9" "as Pratama, S.Kom.", "199001012015031001",
                                         "Penata Muda Tk. I (III/b)", "Pranata Komputer Ahli Pertama",
                                         "Bidang Data dan Informasi" };
  f->d.penilai = (struct skp_doc_orang){ "Dr. Dewi Lestari, S.Kom., M.T.", "197805122003122002",
                                         "Pembina (IV/a)", "Kepala Bidang Data dan Informasi",
                                         "Badan Kepegawaian dan Pengembangan SDM" };
  f->d.rhk = f->rhk;
  f->d.nrhk = n;
  for (i = 0; i < 7; i++) {
    f->d.perilaku[i].nama = perilaku_nama[i];
    f->d.perilaku[i].panduan = perilaku_panduan[i];
    f->d.perilaku[i].ekspektasi = i == 0 ? "Menyelesaikan layanan KGB paling lama tiga hari kerja" : "";
  }
  f->d.lampiran_sumber_daya = "Anggaran DPA Bidang Data 2026\nAplikasi SIASN dan e-Kinerja\n"
                              "Dua orang operator";
  f->d.lampiran_skema = "Laporan bulanan kepada Kepala Bidang; laporan triwulan kepada Kepala Badan";
  f->d.lampiran_konsekuensi = "";
  f->d.tempat = "Sukamaju";
  f->d.tanggal = "2026-01-02";
}

static void make_jpt(struct fixture *f)
{
  size_t i;
  make_jajf(f, 4, "kuantitatif");
  f->d.jenis = "jpt";
  f->d.status = "disetujui";
  f->d.revisi = 0;
  for (i = 0; i < 4; i++) {
    f->rhk[i].kelompok = "utama";
    f->rhk[i].rhk_atasan = "";
    f->rhk[i].perspektif = perspektif[i];
    f->rhk[i].bobot = 25;
  }
}

/* ---- report_font ----------------------------------------------------------------------- */

static void winansi_conversion(void **s)
{
  char out[64];
  assert_int_equal(report_font_winansi("Andr\xc3\xa9" "as", out, sizeof out), 7);
  assert_string_equal(out, "Andr\xe9" "as");
  report_font_winansi("\xe2\x82\xac 5 \xe2\x80\x94 \xe2\x80\xa2", out, sizeof out);
  assert_string_equal(out, "\x80 5 \x97 \x95");
  report_font_winansi("a\xf0\x9f\x98\x80" "b", out, sizeof out);      /* emoji */
  assert_string_equal(out, "a?b");
  report_font_winansi("a\xc3" "b\xc0\xaf" "c", out, sizeof out);       /* truncated, overlong */
  assert_string_equal(out, "a?b??c");
  report_font_winansi("a\r\nb\tc", out, sizeof out);
  assert_string_equal(out, "a\nb c");
  assert_int_equal(report_font_winansi("abcdef", out, 4), 6);          /* truncated like snprintf */
  assert_string_equal(out, "abc");
  snprintf(out, sizeof out, "%s", "r\xe9sum\xe9 \x9a");
  report_font_upper(out);
  assert_string_equal(out, "R\xc9SUM\xc9 \x8a");
}

static void wrapping(void **s)
{
  unsigned short w[256];
  struct report_font_line ln[16];
  const char *t = "aaaa bbbb cccc\n\ndddddddddddddddddddddddd";
  size_t i, n;
  for (i = 0; i < 256; i++) w[i] = 500;        /* 5 pt per character at 10 pt */
  n = report_font_wrap(t, strlen(t), w, 10, 50, ln, 16);   /* 10 characters per line */
  assert_int_equal(n, 6);
  assert_int_equal(ln[0].len, 9);               /* "aaaa bbbb" */
  assert_memory_equal(t + ln[0].off, "aaaa bbbb", 9);
  assert_memory_equal(t + ln[1].off, "cccc", 4);
  assert_int_equal(ln[2].len, 0);               /* the empty paragraph */
  assert_int_equal(ln[3].len, 10);              /* a long word is cut */
  assert_int_equal(ln[4].len, 10);
  assert_int_equal(ln[5].len, 4);
  assert_int_equal(report_font_wrap(t, strlen(t), w, 10, 50, NULL, 0), 6);
  assert_int_equal(report_font_wrap("", 0, w, 10, 50, NULL, 0), 0);
  assert_int_equal(report_font_wrap("x\n", 2, w, 10, 50, NULL, 0), 1);
  /* narrower than one character: still one character per line, never stuck */
  assert_int_equal(report_font_wrap("abc", 3, w, 10, 1, ln, 16), 3);
}

static void tanggal(void **s)
{
  char out[32];
  assert_int_equal(report_font_tanggal("2026-01-02", out, sizeof out), 0);
  assert_string_equal(out, "2 Januari 2026");
  assert_int_equal(report_font_tanggal("2024-02-29", out, sizeof out), 0);
  assert_string_equal(out, "29 Februari 2024");
  assert_int_equal(report_font_tanggal("2026-12-31", out, sizeof out), 0);
  assert_string_equal(out, "31 Desember 2026");
  assert_int_equal(report_font_tanggal("2023-02-29", out, sizeof out), -1);
  assert_int_equal(report_font_tanggal("2026-13-01", out, sizeof out), -1);
  assert_int_equal(report_font_tanggal("2026-1-01", out, sizeof out), -1);
  assert_int_equal(report_font_tanggal(NULL, out, sizeof out), -1);
  assert_int_equal(report_font_tanggal("2026-01-02", out, 5), -1);
  assert_string_equal(out, "");
}

/* ---- PDF ------------------------------------------------------------------------------- */

/* Pages the layout gives for the 30-row JA/JF SKP of make_jajf (kuantitatif).  A change of
 * layout that moves this should be looked at in a viewer before the number is updated. */
#define PAGES_30 7

static void pdf_jajf_30_rows(void **s)
{
  static struct fixture f;
  unsigned char *pdf = NULL, *pdf2 = NULL;
  size_t len = 0, len2 = 0, i;
  char err[200], *path, *path2, *text, needle[64];
  long pages, pages2;
  assert_true(uji_ada("pdftotext") && uji_ada("pdfinfo"));   /* apt-get install poppler-utils */
  make_jajf(&f, 30, "kuantitatif");
  assert_int_equal(skp_pdf_render(&f.d, &pdf, &len, err, sizeof err), 0);
  assert_true(len > 1000);
  assert_memory_equal(pdf, "%PDF-", 5);
  path = uji_tulis(pdf, len, "report_skp", ".pdf");
  text = uji_pdf_teks(path);

  uji_pdf_memuat(text, "SASARAN KINERJA PEGAWAI");
  uji_pdf_memuat(text, "PENDEKATAN HASIL KERJA KUANTITATIF");
  uji_pdf_memuat(text, "PEMERINTAH KABUPATEN SUKAMAJU");
  uji_pdf_memuat(text, "PERIODE: 1 Januari 2026 s.d. 31 Desember 2026");
  uji_pdf_memuat(text, "DRAFT \xe2\x80\x94 belum disetujui");
  uji_pdf_memuat(text, "Revisi ke-1");
  uji_pdf_memuat(text, "PEGAWAI YANG DINILAI");
  uji_pdf_memuat(text, "PEJABAT PENILAI KINERJA");
  uji_pdf_memuat(text, "199001012015031001");
  uji_pdf_memuat(text, "197805122003122002");
  uji_pdf_memuat(text, "Andr\xc3\xa9" "as Pratama");              /* é through WinAnsi */
  uji_pdf_memuat(text, "Dr. Dewi Lestari, S.Kom., M.T.");
  uji_pdf_memuat(text, "A. Utama");
  uji_pdf_memuat(text, "B. Tambahan");
  uji_pdf_memuat(text, "ASPEK");
  assert_true(strstr(text, "BOBOT") == NULL);                  /* no row has a bobot */
  for (i = 0; i < 30; i++) {                                   /* no row lost over page breaks */
    snprintf(needle, sizeof needle, "RHK%02zu", i);
    uji_pdf_memuat(text, needle);
    snprintf(needle, sizeof needle, "IKI%02zua", i);
    uji_pdf_memuat(text, needle);
    if (i % 5 == 2) {                                          /* end of a wrapped long text */
      snprintf(needle, sizeof needle, "Zamrudkhatulistiwa%02zu", i);
      uji_pdf_memuat(text, needle);
    }
  }
  uji_pdf_memuat(text, "IKI27c");
  uji_pdf_memuat(text, "Berorientasi Pelayanan");
  uji_pdf_memuat(text, "Melakukan perbaikan tiada henti");
  uji_pdf_memuat(text, "Menyelesaikan layanan KGB");
  uji_pdf_memuat(text, "LAMPIRAN SASARAN KINERJA PEGAWAI");
  uji_pdf_memuat(text, "DUKUNGAN SUMBER DAYA");
  uji_pdf_memuat(text, "Aplikasi SIASN dan e-Kinerja");
  uji_pdf_memuat(text, "SKEMA PERTANGGUNGJAWABAN");
  uji_pdf_memuat(text, "KONSEKUENSI");
  uji_pdf_memuat(text, "Sukamaju, 2 Januari 2026");
  uji_pdf_memuat(text, "Pegawai yang Dinilai");
  uji_pdf_memuat(text, "Pejabat Penilai Kinerja");
  uji_pdf_memuat(text, "NIP. 199001012015031001");
  uji_pdf_memuat(text, "NIP. 197805122003122002");
  uji_pdf_memuat(text, "Halaman 1 dari");

  pages = uji_pdf_halaman(path);
  print_message("30-row JA/JF SKP: %ld pages, %zu bytes\n", pages, len);
  assert_true(pages >= 3);
  assert_int_equal(pages, PAGES_30);
  snprintf(needle, sizeof needle, "Halaman %ld dari %ld", pages, pages);
  uji_pdf_memuat(text, needle);
  assert_true(uji_pdf_kata_di_dalam(path) > 100);

  /* two rows: fewer pages */
  make_jajf(&f, 2, "kuantitatif");
  assert_int_equal(skp_pdf_render(&f.d, &pdf2, &len2, err, sizeof err), 0);
  path2 = uji_tulis(pdf2, len2, "report_skp", ".pdf");
  pages2 = uji_pdf_halaman(path2);
  assert_true(pages2 < pages);
  assert_true(pages2 >= 2);                                    /* the lampiran has its own page */

  unlink(path);
  unlink(path2);
  free(path);
  free(path2);
  free(text);
  free(pdf);
  free(pdf2);
}

static void pdf_kualitatif_has_no_aspek(void **s)
{
  static struct fixture f;
  unsigned char *pdf = NULL;
  size_t len = 0;
  char err[200], *path, *text;
  make_jajf(&f, 5, "kualitatif");
  f.d.status = "dikembalikan";
  f.d.penilai = (struct skp_doc_orang){ NULL, NULL, NULL, NULL, NULL };   /* no penilai yet */
  assert_int_equal(skp_pdf_render(&f.d, &pdf, &len, err, sizeof err), 0);
  path = uji_tulis(pdf, len, "report_skp", ".pdf");
  text = uji_pdf_teks(path);
  uji_pdf_memuat(text, "PENDEKATAN HASIL KERJA KUALITATIF");
  uji_pdf_memuat(text, "DIKEMBALIKAN");
  uji_pdf_memuat(text, "NIP. -");
  assert_true(strstr(text, "ASPEK") == NULL);
  assert_true(strstr(text, "Kuantitas") == NULL);
  assert_true(strstr(text, "Revisi ke-1") != NULL);
  unlink(path);
  free(path);
  free(text);
  free(pdf);
}

static void pdf_jpt(void **s)
{
  static struct fixture f;
  unsigned char *pdf = NULL;
  size_t len = 0;
  char err[200], *path, *text;
  make_jpt(&f);
  assert_int_equal(skp_pdf_render(&f.d, &pdf, &len, err, sizeof err), 0);
  path = uji_tulis(pdf, len, "report_skp", ".pdf");
  text = uji_pdf_teks(path);
  uji_pdf_memuat(text, "PERSPEKTIF");
  uji_pdf_memuat(text, "BOBOT");
  uji_pdf_memuat(text, "Penerima Layanan");
  uji_pdf_memuat(text, "Penguatan Internal");
  uji_pdf_memuat(text, "RHK03");
  assert_true(strstr(text, "DIINTERVENSI") == NULL);   /* no RHK atasan column in the JPT form */
  assert_true(strstr(text, "DRAFT") == NULL);          /* disetujui: no status note */
  assert_true(strstr(text, "Revisi") == NULL);
  uji_pdf_memuat(text, "B. Tambahan");                     /* the empty section is still shown */
  assert_true(uji_pdf_kata_di_dalam(path) > 100);
  unlink(path);
  free(path);
  free(text);
  free(pdf);
}

/* One RHK with a text taller than a page and 30 IKI: the row is split over pages, nothing lost
 * and nothing outside the page. */
static void pdf_row_taller_than_page(void **s)
{
  static struct fixture f;
  static struct skp_doc_iki many[30];
  static char iki[30][64];
  static char huge[15000];
  unsigned char *pdf = NULL;
  size_t len = 0, k = 0, i, sentences = 0, found = 0;
  char err[200], *path, *text;
  const char *p;
  make_jajf(&f, 2, "kuantitatif");
  while (k + 40 < sizeof huge) {
    int r = snprintf(huge + k, sizeof huge - k, "kalimat%04zu panjang sekali. ", k / 30);
    k += (size_t)r;
  }
  snprintf(huge + k, sizeof huge - k, "AKHIRTEKS");
  for (p = huge; (p = strstr(p, "kalimat")) != NULL; p++) sentences++;
  for (i = 0; i < 30; i++) {
    snprintf(iki[i], sizeof iki[i], "Indikator nomor IKX%02zu", i);
    many[i] = (struct skp_doc_iki){ "Kuantitas", iki[i], "1 dokumen" };
  }
  f.rhk[0].rhk = huge;
  f.rhk[0].iki = many;
  f.rhk[0].niki = 30;
  f.rhk[1].rhk_atasan = huge;
  assert_int_equal(skp_pdf_render(&f.d, &pdf, &len, err, sizeof err), 0);
  path = uji_tulis(pdf, len, "report_skp", ".pdf");
  text = uji_pdf_teks(path);
  uji_pdf_memuat(text, "AKHIRTEKS");
  uji_pdf_memuat(text, "kalimat0000");
  for (p = text; (p = strstr(p, "kalimat")) != NULL; p++) found++;
  assert_int_equal(found, 2 * sentences);   /* every line of the split cells, exactly once */
  uji_pdf_memuat(text, "IKX00");
  uji_pdf_memuat(text, "IKX29");
  uji_pdf_memuat(text, "RHK01");
  assert_true(uji_pdf_kata_di_dalam(path) > 100);
  unlink(path);
  free(path);
  free(text);
  free(pdf);
}

static void pdf_bad_input(void **s)
{
  static struct fixture f;
  unsigned char *out = (unsigned char *)"x";
  size_t len = 7;
  char err[200];
  err[0] = '\0';
  assert_int_equal(skp_pdf_render(NULL, &out, &len, err, sizeof err), -1);
  assert_true(strlen(err) > 0);
  assert_null(out);
  make_jajf(&f, 3, "kuantitatif");
  f.d.rhk = NULL;
  err[0] = '\0';
  assert_int_equal(skp_pdf_render(&f.d, &out, &len, err, sizeof err), -1);
  assert_non_null(strstr(err, "RHK"));
  make_jajf(&f, 3, "kuantitatif");
  f.rhk[1].niki = 0;
  err[0] = '\0';
  assert_int_equal(skp_pdf_render(&f.d, &out, &len, err, sizeof err), -1);
  assert_non_null(strstr(err, "RHK ke-2"));
  make_jajf(&f, 3, "kuantitatif");
  f.d.jenis = "lain";
  assert_int_equal(skp_pdf_render(&f.d, &out, &len, err, sizeof err), -1);
  make_jajf(&f, 3, "kuantitatif");
  f.d.periode_mulai = "2026-02-30";
  assert_int_equal(skp_pdf_render(&f.d, &out, &len, err, sizeof err), -1);
  assert_int_equal(skp_pdf_render(&f.d, NULL, &len, err, sizeof err), -1);
  assert_int_equal(skp_pdf_render(NULL, &out, &len, NULL, 0), -1);   /* no error buffer */
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
  make_jajf(&f, 30, "kuantitatif");
  t0 = now_s();
  for (i = 0; i < 20; i++) {
    unsigned char *pdf = NULL;
    size_t len = 0;
    char err[200];
    assert_int_equal(skp_pdf_render(&f.d, &pdf, &len, err, sizeof err), 0);
    free(pdf);
  }
  t1 = now_s();
  print_message("30-row PDF: %.2f ms per render (20 renders)\n", (t1 - t0) * 1000.0 / 20);
}

/* ---- XLSX ------------------------------------------------------------------------------ */

static void xlsx_jajf(void **s)
{
  static struct fixture f;
  unsigned char *x = NULL;
  size_t len = 0;
  char err[200], *path, cmd[256], *strings;
  make_jajf(&f, 30, "kuantitatif");
  assert_int_equal(skp_xlsx_render(&f.d, &x, &len, err, sizeof err), 0);
  assert_true(len > 4000 && len < 1000000);
  assert_memory_equal(x, "PK\x03\x04", 4);
  if (uji_ada("unzip")) {
    path = uji_tulis(x, len, "report_skp", ".xlsx");
    snprintf(cmd, sizeof cmd, "unzip -p %s xl/sharedStrings.xml", path);
    strings = uji_jalankan(cmd);
    assert_non_null(strings);
    assert_non_null(strstr(strings, "RHK08 Laporan layanan kepegawaian"));
    assert_non_null(strstr(strings, "Zamrudkhatulistiwa02"));
    assert_non_null(strstr(strings, "Andr\xc3\xa9" "as Pratama"));
    assert_non_null(strstr(strings, "199001012015031001"));
    assert_non_null(strstr(strings, "B. Tambahan"));
    assert_non_null(strstr(strings, "Melakukan perbaikan tiada henti"));
    assert_non_null(strstr(strings, "Aplikasi SIASN"));
    free(strings);
    snprintf(cmd, sizeof cmd, "unzip -p %s xl/worksheets/sheet1.xml", path);
    strings = uji_jalankan(cmd);
    assert_non_null(strings);
    assert_non_null(strstr(strings, "<mergeCell ref=\"A"));   /* NO merged over an RHK's IKI rows */
    assert_non_null(strstr(strings, "<pageSetup paperSize=\"9\""));
    free(strings);
    snprintf(cmd, sizeof cmd, "unzip -p %s xl/workbook.xml", path);
    strings = uji_jalankan(cmd);
    assert_non_null(strings);
    assert_non_null(strstr(strings, "name=\"SKP\""));
    assert_non_null(strstr(strings, "name=\"Perilaku\""));
    assert_non_null(strstr(strings, "name=\"Lampiran\""));
    free(strings);
    unlink(path);
    free(path);
  } else {
    print_message("unzip not installed: XLSX content not inspected\n");
  }
  free(x);
}

static void xlsx_jpt_and_bad_input(void **s)
{
  static struct fixture f;
  unsigned char *x = NULL;
  size_t len = 0;
  char err[200];
  make_jpt(&f);
  assert_int_equal(skp_xlsx_render(&f.d, &x, &len, err, sizeof err), 0);
  assert_memory_equal(x, "PK", 2);
  free(x);
  x = NULL;
  err[0] = '\0';
  assert_int_equal(skp_xlsx_render(NULL, &x, &len, err, sizeof err), -1);
  assert_true(strlen(err) > 0);
  assert_null(x);
  f.d.rhk = NULL;
  err[0] = '\0';
  assert_int_equal(skp_xlsx_render(&f.d, &x, &len, err, sizeof err), -1);
  assert_non_null(strstr(err, "RHK"));
  assert_null(x);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(winansi_conversion),
    cmocka_unit_test(wrapping),
    cmocka_unit_test(tanggal),
    cmocka_unit_test(pdf_jajf_30_rows),
    cmocka_unit_test(pdf_kualitatif_has_no_aspek),
    cmocka_unit_test(pdf_jpt),
    cmocka_unit_test(pdf_row_taller_than_page),
    cmocka_unit_test(pdf_bad_input),
    cmocka_unit_test(pdf_render_time),
    cmocka_unit_test(xlsx_jajf),
    cmocka_unit_test(xlsx_jpt_and_bad_input),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
