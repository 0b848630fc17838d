/* xlsx_ceiling.c: the ceiling of an XLSX rekap (bench scenario i): ROWS rows of 12 columns
 * written with libxlsxwriter in constant_memory mode, nothing else (no database, no rules).
 *
 *   xlsx_ceiling FILE [ROWS]      (default 50000)
 *
 * The columns look like a rekap row: no, NIP, nama, jabatan, unit kerja, golongan (strings),
 * SKP status, predikat (strings), capaian % (number), aktivitas, menit, realisasi bulan (numbers),
 * plus a bold header row.  Prints one JSON object: {"rows", "columns", "seconds", "bytes"}; peak
 * RSS is measured from outside (run.sh).  Exit 1 on error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include <xlsxwriter.h>

int main(int argc, char **argv)
{
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: xlsx_ceiling FILE [ROWS]\n");
    return 2;
  }
  char *end = NULL;
  long rows = argc > 2 ? strtol(argv[2], &end, 10) : 50000;
  if (argc > 2 && (*end || rows < 1 || rows > 1000000)) {
    fprintf(stderr, "xlsx_ceiling: ROWS 1-1000000\n");
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
  lxw_workbook *wb = workbook_new_opt(argv[1], &opt);
  if (!wb) { fprintf(stderr, "xlsx_ceiling: cannot create %s\n", argv[1]); return 1; }
  lxw_worksheet *ws = workbook_add_worksheet(wb, "Rekap");
  lxw_format *bold = workbook_add_format(wb);
  format_set_bold(bold);
  static const char *const HEAD[12] = {"No", "NIP", "Nama", "Jabatan", "Unit Kerja", "Golongan", "Status SKP", "Predikat",
                                       "Capaian (%)", "Aktivitas", "Menit", "Realisasi (bulan)"};
  static const char *const JAB[4] = {"Pengadministrasi Umum", "Analis Kebijakan Ahli Pertama", "Kepala Seksi", "Kepala Bidang"};
  static const char *const PRED[5] = {"Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"};
  for (lxw_col_t c = 0; c < 12; c++) worksheet_write_string(ws, 0, c, HEAD[c], bold);
  for (long r = 1; r <= rows; r++) {
    char nip[24], nama[48], unit[48];
    snprintf(nip, sizeof nip, "19%06ld2020011%03ld", r % 1000000, r % 1000);
    snprintf(nama, sizeof nama, "Pegawai Rekap %06ld", r);
    snprintf(unit, sizeof unit, "Bidang %ld", r % 400);
    lxw_row_t row = (lxw_row_t)r;
    worksheet_write_number(ws, row, 0, (double)r, NULL);
    worksheet_write_string(ws, row, 1, nip, NULL);
    worksheet_write_string(ws, row, 2, nama, NULL);
    worksheet_write_string(ws, row, 3, JAB[r % 4], NULL);
    worksheet_write_string(ws, row, 4, unit, NULL);
    worksheet_write_string(ws, row, 5, "III/a", NULL);
    worksheet_write_string(ws, row, 6, "Disetujui", NULL);
    worksheet_write_string(ws, row, 7, PRED[r % 5], NULL);
    worksheet_write_number(ws, row, 8, 80.0 + (double)(r % 40) / 2, NULL);
    worksheet_write_number(ws, row, 9, (double)(200 + r % 60), NULL);
    worksheet_write_number(ws, row, 10, (double)(60000 + r % 9000), NULL);
    worksheet_write_number(ws, row, 11, (double)(r % 11), NULL);
  }
  lxw_error e = workbook_close(wb);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  if (e != LXW_NO_ERROR) { fprintf(stderr, "xlsx_ceiling: %s\n", lxw_strerror(e)); return 1; }
  struct stat sb;
  long long bytes = stat(argv[1], &sb) == 0 ? (long long)sb.st_size : -1;
  printf("{\"rows\":%ld,\"columns\":12,\"seconds\":%.3f,\"bytes\":%lld}\n", rows,
         (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, bytes);
  return 0;
}
