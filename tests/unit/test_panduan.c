/* test_panduan.c: the guide's Markdown subset (panduan_md.c) and the guide PDF built from a
 * small page with a picture (panduan_pdf.c): a missing page or picture and a picture outside
 * gambar/ are refused with the name in the message, never a broken document. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "panduan_md.h"
#include "panduan_pdf.h"

static struct md_baris B(const char *s)
{
  struct md_baris b;
  md_baris(s, strlen(s), &b);
  return b;
}

static void lines(void **st)
{
  assert_int_equal(B("").jenis, MD_KOSONG);
  assert_int_equal(B("   ").jenis, MD_KOSONG);
  assert_int_equal(B("# Panduan Pegawai").jenis, MD_H1);
  assert_int_equal(B("## 1. Masuk").jenis, MD_H2);
  assert_int_equal(B("### Contoh").jenis, MD_H3);
  struct md_baris b = B("12. Tekan **Ajukan**.");
  assert_int_equal(b.jenis, MD_NOMOR);
  assert_int_equal(b.nomor, 12);
  assert_int_equal(b.tingkat, 0);
  assert_memory_equal(b.isi, "Tekan **Ajukan**.", b.isi_len);
  b = B("   - RHK yang baik");
  assert_int_equal(b.jenis, MD_BUTIR);
  assert_int_equal(b.tingkat, 1);
  assert_int_equal(B("   198609262015051001: lahir 1986").jenis, MD_LANJUT);
  assert_int_equal(B("   **Salin** dari SKP").jenis, MD_LANJUT);
  assert_int_equal(B("> catatan").jenis, MD_KUTIP);
  assert_int_equal(B("| a | b |").jenis, MD_TABEL);
  assert_int_equal(B("|---|:-:|").jenis, MD_GARIS_TABEL);
  assert_int_equal(B("2026 adalah tahun SKP").jenis, MD_PARA);
  b = B("![Halaman masuk](gambar/pegawai-masuk.png)");
  assert_int_equal(b.jenis, MD_GAMBAR);
  assert_int_equal(b.isi_len, strlen("Halaman masuk"));
  assert_int_equal(b.src_len, strlen("gambar/pegawai-masuk.png"));
  assert_int_equal(B("![tanpa tutup](gambar/x.png").jenis, MD_PARA);
}

static void inline_marks(void **st)
{
  char out[128];
  const char *s = "Tekan **Ajukan**, lihat [panduan](pegawai.md) dan `web_dir` _miring_.";
  md_polos(s, strlen(s), out, sizeof out);
  assert_string_equal(out, "Tekan Ajukan, lihat panduan dan web_dir miring.");
  /* truncation keeps the NUL */
  assert_int_equal(md_polos(s, strlen(s), out, 6), 5);
  assert_string_equal(out, "Tekan");
}

static void picture_paths(void **st)
{
  const char *ok[] = {"gambar/pegawai-tur.png", "gambar/a_1.png"};
  const char *bad[] = {"gambar/../x.png", "../gambar/x.png", "gambar/x.PNG", "gambar/.png", "gambar/a/b.png",
                       "/etc/passwd", "gambar/x.png.exe", "gambar/A.png"};
  for (size_t i = 0; i < 2; i++) assert_true(md_gambar_aman(ok[i], strlen(ok[i])));
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_false(md_gambar_aman(bad[i], strlen(bad[i])));
}

/* A 1x1 grey PNG. */
static const unsigned char PNG[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a, 0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x68, 0x00, 0x00, 0x00, 0x82, 0x00, 0x81, 0x77, 0xcd, 0x72, 0xb6, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static void tulis(const char *path, const void *data, size_t n)
{
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(data, 1, n, f), n);
  fclose(f);
}

static void pdf(void **st)
{
  char dir[] = "/tmp/kinerja-panduan-XXXXXX", p[256], err[256];
  assert_non_null(mkdtemp(dir));
  snprintf(p, sizeof p, "%s/gambar", dir);
  assert_int_equal(mkdir(p, 0700), 0);
  static const char md[] = "# Panduan Uji\n\nSatu paragraf\nyang berlanjut.\n\n1. Langkah satu\n   - butir\n\n"
                           "![Gambar uji](gambar/uji.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
  for (const char *const *h = panduan_halaman; *h; h++) {
    snprintf(p, sizeof p, "%s/%s", dir, *h);
    tulis(p, md, sizeof md - 1);
  }
  unsigned char *out = NULL;
  size_t len = 0;
  /* the picture is missing: 1, naming it */
  assert_int_equal(panduan_pdf(dir, &out, &len, err, sizeof err), 1);
  assert_null(out);
  assert_non_null(strstr(err, "gambar/uji.png"));
  /* a damaged picture (a wrong CRC): 1, naming it, and the process goes on */
  unsigned char rusak[sizeof PNG];
  memcpy(rusak, PNG, sizeof PNG);
  rusak[50] ^= 0xff;
  snprintf(p, sizeof p, "%s/gambar/uji.png", dir);
  tulis(p, rusak, sizeof rusak);
  assert_int_equal(panduan_pdf(dir, &out, &len, err, sizeof err), 1);
  assert_non_null(strstr(err, "rusak"));
  tulis(p, PNG, sizeof PNG);
  assert_int_equal(panduan_pdf(dir, &out, &len, err, sizeof err), 0);
  assert_non_null(out);
  assert_true(len > 1000);
  assert_memory_equal(out, "%PDF-", 5);
  free(out);
  /* a picture outside gambar/ is refused */
  static const char jahat[] = "# Jahat\n\n![x](../../etc/passwd)\n";
  snprintf(p, sizeof p, "%s/%s", dir, panduan_halaman[0]);
  tulis(p, jahat, sizeof jahat - 1);
  out = NULL;
  assert_int_equal(panduan_pdf(dir, &out, &len, err, sizeof err), 1);
  assert_null(out);
  assert_non_null(strstr(err, "tidak diizinkan"));
  /* a missing page */
  unlink(p);
  assert_int_equal(panduan_pdf(dir, &out, &len, err, sizeof err), 1);
  assert_non_null(strstr(err, panduan_halaman[0]));
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  assert_int_equal(system(cmd), 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(lines), cmocka_unit_test(inline_marks), cmocka_unit_test(picture_paths), cmocka_unit_test(pdf),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
