/* gen_pegawai_csv.c: writes an N-row pegawai CSV in kinerja's import layout, for the import
 * benchmark.  Every row is one that `kinerja import pegawai --create-missing` must accept:
 *
 *   - NIP: YYYYMMDD birth date + YYYYMM TMT CPNS (20-23 years after birth, a real month)
 *     + gender digit (1 = L, 2 = P) + sequence 001-999.  Row i has sequence (i % 999) + 1 and
 *     birth day (i / 999) * 7919 mod 11000 after 1970-01-01; 7919 is prime and does not divide
 *     11000, so (birth date, sequence) and hence the NIP are unique for up to 10,989,000 rows.
 *   - jenis_kelamin equals the gender digit; tanggal_lahir equals the NIP's first 8 digits.
 *   - jenis_asn PNS, golongan a PNS code (I/a .. IV/e).
 *   - jabatan from a fixed list, each name always with the same jenis_jabatan.
 *   - unit_kerja 'Unit Kerja 001' .. 'Unit Kerja 200'.
 *   - nip_atasan: empty for row 0, else the NIP of row (i - 1) / 10, an earlier row, so the
 *     atasan tree has no cycles (depth about log10 N).
 *
 * Usage: gen_pegawai_csv N [--crlf] > pegawai.csv      (output is deterministic)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 10989000L
#define UNITS 200

struct jab { const char *nama; const char *jenis; };

/* The " Uji" suffix keeps these apart from the jabatan `kinerja demo` creates, so a name never
 * meets an existing jabatan of another jenis; each name always has the same jenis. */
static const struct jab jabatan[] = {
  {"Kepala Badan Uji", "jpt"},
  {"Sekretaris Badan Uji", "jpt"},
  {"Kepala Bagian Umum Uji", "administrator"},
  {"Kepala Bidang Perencanaan Uji", "administrator"},
  {"Kepala Bidang Pengembangan Uji", "administrator"},
  {"Kepala Subbagian Keuangan Uji", "pengawas"},
  {"Kepala Subbagian Kepegawaian Uji", "pengawas"},
  {"Kepala Seksi Pelayanan Uji", "pengawas"},
  {"Kepala Seksi Pengendalian Uji", "pengawas"},
  {"Pengadministrasi Umum Uji", "pelaksana"},
  {"Pengelola Data Uji", "pelaksana"},
  {"Pengelola Keuangan Uji", "pelaksana"},
  {"Pengemudi Uji", "pelaksana"},
  {"Penata Laporan Keuangan Uji", "pelaksana"},
  {"Analis Kebijakan Ahli Muda Uji", "fungsional"},
  {"Analis Kebijakan Ahli Pertama Uji", "fungsional"},
  {"Pranata Komputer Ahli Pertama Uji", "fungsional"},
  {"Perencana Ahli Muda Uji", "fungsional"},
  {"Arsiparis Terampil Uji", "fungsional"},
  {"Auditor Ahli Pertama Uji", "fungsional"},
};
#define NJAB (sizeof jabatan / sizeof jabatan[0])

static const char *const golongan[] = {
  "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
  "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
};
#define NGOL (sizeof golongan / sizeof golongan[0])

static const char *const depan_l[] = {
  "Agus", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Irfan", "Joko", "Rudi", "Yohanes",
  "Ahmad", "Bambang", "Dimas", "Gilang", "Hadi", "Made", "Putu", "Rizky", "Slamet", "Teguh",
};
static const char *const depan_p[] = {
  "Ani", "Dewi", "Fitri", "Indah", "Lestari", "Mega", "Nur", "Rina", "Sari", "Wulan",
  "Ayu", "Citra", "Dian", "Eka", "Kartika", "Maya", "Novi", "Putri", "Ratna", "Yuni",
};
static const char *const belakang[] = {
  "Saputra", "Wijaya", "Santoso", "Hidayat", "Nugroho", "Siregar", "Lubis", "Pratama",
  "Kurniawan", "Setiawan", "Gunawan", "Susanto", "Purba", "Nasution", "Harahap", "Wibowo",
  "Simanjuntak", "Sitompul", "Rahayu", "Marlina", "Permata", "Lestari", "Utami", "Handayani",
};
#define NARR(a) (sizeof (a) / sizeof (a)[0])

static const char *const gelar_depan[] = {"", "", "", "", "", "", "", "Dr.", "Ir.", "Drs."};
static const char *const gelar_belakang[] = {
  "", "", "", "S.E.", "S.Kom.", "S.T.", "S.H.", "M.Si.", "S.Sos.", "A.Md.", "M.M.", "S.Pd.",
};

/* Civil date from days since 1970-01-01 (H. Hinnant's algorithm). */
static void civil_from_days(long z, int *y, int *m, int *d)
{
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long yy = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yy + (*m <= 2));
}

/* Writes the 18-digit NIP of row i into out (19 bytes) and the row's birth date parts. */
static void nip_of(long i, char out[19], int *y, int *m, int *d, int *gender)
{
  long k = i / 999;
  int seq = (int)(i % 999) + 1;
  civil_from_days((k * 7919L) % 11000L, y, m, d);
  int tmt_y = *y + 20 + (int)(k % 4);
  int tmt_m = (int)((i / 7) % 12) + 1;
  *gender = (int)((i / 3) % 2) + 1;
  snprintf(out, 19, "%04d%02d%02d%04d%02d%d%03d", *y, *m, *d, tmt_y, tmt_m, *gender, seq);
}

int main(int argc, char **argv)
{
  static char obuf[1 << 20];
  const char *eol = "\n";
  long n = -1;
  for (int a = 1; a < argc; a++) {
    if (strcmp(argv[a], "--crlf") == 0) { eol = "\r\n"; continue; }
    char *end = NULL;
    errno = 0;
    long v = strtol(argv[a], &end, 10);
    if (errno != 0 || end == argv[a] || *end != '\0' || v < 0 || v > MAX_ROWS || n >= 0) {
      fprintf(stderr, "usage: %s N [--crlf]   (0 <= N <= %ld)\n", argv[0], MAX_ROWS);
      return 2;
    }
    n = v;
  }
  if (n < 0) { fprintf(stderr, "usage: %s N [--crlf]\n", argv[0]); return 2; }
  setvbuf(stdout, obuf, _IOFBF, sizeof obuf);

  printf("nip;nama;gelar_depan;gelar_belakang;jenis_kelamin;tanggal_lahir;jenis_asn;golongan;"
         "jabatan;jenis_jabatan;unit_kerja;nip_atasan%s", eol);
  for (long i = 0; i < n; i++) {
    char nip[19], atasan[19] = "";
    int y, m, d, g, ay, am, ad, ag;
    nip_of(i, nip, &y, &m, &d, &g);
    if (i > 0) nip_of((i - 1) / 10, atasan, &ay, &am, &ad, &ag);
    const char *nama1 = g == 1 ? depan_l[i % NARR(depan_l)] : depan_p[(i / 2) % NARR(depan_p)];
    const char *nama2 = belakang[(i / 20) % NARR(belakang)];
    const struct jab *j = &jabatan[(i * 7) % NJAB];
    if (printf("%s;%s %s;%s;%s;%c;%04d-%02d-%02d;PNS;%s;%s;%s;Unit Kerja %03ld;%s%s",
               nip, nama1, nama2, gelar_depan[i % NARR(gelar_depan)],
               gelar_belakang[(i / 3) % NARR(gelar_belakang)], g == 1 ? 'L' : 'P', y, m, d,
               golongan[(i / 5) % NGOL], j->nama, j->jenis, (i % UNITS) + 1, atasan, eol) < 0) {
      perror("gen_pegawai_csv");
      return 1;
    }
  }
  if (fflush(stdout) != 0) { perror("gen_pegawai_csv"); return 1; }
  return 0;
}
