/* import_row.c: header mapping and the checks of one pegawai CSV row (see import_row.h). */
#include "import_row.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "golongan.h"
#include "nip.h"
#include "util/util.h"

const char *const IMPORT_KOLOM[K_COUNT] = {
  "nip", "nama", "gelar_depan", "gelar_belakang", "jenis_kelamin", "tanggal_lahir",
  "jenis_asn", "golongan", "jabatan", "jenis_jabatan", "unit_kerja", "nip_atasan", "email",
};

static const bool WAJIB[K_COUNT] = {
  [K_NIP] = true, [K_NAMA] = true, [K_JENIS_ASN] = true, [K_JABATAN] = true,
  [K_JENIS_JABATAN] = true, [K_UNIT_KERJA] = true,
};

static const struct { const char *alias; enum import_kolom k; } ALIAS[] = {
  {"nip_baru", K_NIP}, {"nama_lengkap", K_NAMA}, {"tgl_lahir", K_TANGGAL_LAHIR},
  {"jenis_pegawai", K_JENIS_ASN}, {"status_asn", K_JENIS_ASN}, {"gol_ruang", K_GOLONGAN},
  {"golongan_ruang", K_GOLONGAN}, {"jabatan_nama", K_JABATAN}, {"nama_jabatan", K_JABATAN},
  {"unor", K_UNIT_KERJA}, {"unor_nama", K_UNIT_KERJA}, {"unit", K_UNIT_KERJA},
  {"atasan_nip", K_NIP_ATASAN}, {"nip_atasan_langsung", K_NIP_ATASAN}, {"surel", K_EMAIL},
};

/* Header name normalised: trimmed, lower case, spaces and dashes as underscores. */
static void norm_name(const char *s, char *out, size_t n)
{
  while (*s == ' ' || *s == '\t') s++;
  size_t k = 0;
  for (; *s && k + 1 < n; s++) {
    char c = (char)tolower((unsigned char)*s);
    if (c == ' ' || c == '-' || c == '.') c = '_';
    out[k++] = c;
  }
  while (k > 0 && out[k - 1] == '_') k--;
  out[k] = '\0';
}

int import_header_parse(struct import_header *h, const char *const *fields, size_t n,
                        char *why, size_t whylen)
{
  for (int k = 0; k < K_COUNT; k++) h->pos[k] = -1;
  why[0] = '\0';
  for (size_t i = 0; i < n; i++) {
    char name[64];
    norm_name(fields[i], name, sizeof name);
    int k = -1;
    for (int j = 0; j < K_COUNT && k < 0; j++)
      if (strcmp(name, IMPORT_KOLOM[j]) == 0) k = j;
    for (size_t j = 0; j < sizeof ALIAS / sizeof ALIAS[0] && k < 0; j++)
      if (strcmp(name, ALIAS[j].alias) == 0) k = (int)ALIAS[j].k;
    if (k < 0) continue;
    if (h->pos[k] >= 0) {
      snprintf(why, whylen, "kolom \"%s\" muncul dua kali di baris judul", IMPORT_KOLOM[k]);
      return -1;
    }
    h->pos[k] = (int)i;
  }
  size_t used = 0;
  for (int k = 0; k < K_COUNT; k++) {
    if (!WAJIB[k] || h->pos[k] >= 0) continue;
    int w = snprintf(why + used, whylen - used, "%s%s", used ? ", " : "kolom wajib tidak ada di baris judul: ",
                     IMPORT_KOLOM[k]);
    if (w < 0 || (size_t)w >= whylen - used) break;
    used += (size_t)w;
  }
  return used ? -1 : 0;
}

/* Copies a trimmed field; returns -1 when it does not fit. */
static int take(const char *s, char *out, size_t n)
{
  while (*s == ' ' || *s == '\t') s++;
  size_t len = strlen(s);
  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r')) len--;
  if (len >= n) return -1;
  memcpy(out, s, len);
  out[len] = '\0';
  return 0;
}

int import_jenis_jabatan(const char *s, char *out, size_t n)
{
  static const struct { const char *in, *out; } map[] = {
    {"jpt", "jpt"}, {"jabatan pimpinan tinggi", "jpt"}, {"pimpinan tinggi", "jpt"},
    {"administrator", "administrator"}, {"pengawas", "pengawas"},
    {"pelaksana", "pelaksana"}, {"jfu", "pelaksana"}, {"fungsional umum", "pelaksana"},
    {"fungsional", "fungsional"}, {"jft", "fungsional"}, {"jf", "fungsional"},
    {"fungsional tertentu", "fungsional"},
  };
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (strcasecmp(s, map[i].in) == 0) { snprintf(out, n, "%s", map[i].out); return 0; }
  return -1;
}

void import_jenjang(const char *nama, const char **jenjang, const char **kategori)
{
  static const struct { const char *j, *k; } jj[] = {
    {"Ahli Utama", "keahlian"}, {"Ahli Madya", "keahlian"}, {"Ahli Muda", "keahlian"},
    {"Ahli Pertama", "keahlian"}, {"Penyelia", "keterampilan"}, {"Mahir", "keterampilan"},
    {"Terampil", "keterampilan"}, {"Pemula", "keterampilan"},
  };
  *jenjang = *kategori = NULL;
  size_t n = strlen(nama);
  for (size_t i = 0; i < sizeof jj / sizeof jj[0]; i++) {
    size_t m = strlen(jj[i].j);
    if (n >= m && strcasecmp(nama + n - m, jj[i].j) == 0) { *jenjang = jj[i].j; *kategori = jj[i].k; return; }
  }
}

/* Accepts YYYY-MM-DD, DD-MM-YYYY and DD/MM/YYYY; writes YYYY-MM-DD.  Returns 0 or -1. */
static int parse_tanggal(const char *s, char out[11])
{
  size_t n = strlen(s);
  if (n != 10) return -1;
  for (size_t i = 0; i < n; i++)
    if (!(isdigit((unsigned char)s[i]) || s[i] == '-' || s[i] == '/')) return -1;
  char iso[11];
  if (s[4] == '-' && s[7] == '-') memcpy(iso, s, 10);
  else if ((s[2] == '-' && s[5] == '-') || (s[2] == '/' && s[5] == '/')) {
    memcpy(iso, s + 6, 4); iso[4] = '-'; memcpy(iso + 5, s + 3, 2); iso[7] = '-'; memcpy(iso + 8, s, 2);
  } else return -1;
  iso[10] = '\0';
  if (!date_valid(iso)) return -1;
  memcpy(out, iso, 11);
  return 0;
}

static int parse_kelamin(const char *s, char out[2])
{
  static const struct { const char *in; const char *out; } map[] = {
    {"L", "L"}, {"P", "P"}, {"laki-laki", "L"}, {"laki laki", "L"}, {"pria", "L"}, {"1", "L"},
    {"perempuan", "P"}, {"wanita", "P"}, {"2", "P"},
  };
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (strcasecmp(s, map[i].in) == 0) { memcpy(out, map[i].out, 2); return 0; }
  return -1;
}

/* NIP as written by spreadsheets: a leading apostrophe and spaces are dropped. */
static void clean_nip(const char *s, char *out, size_t n)
{
  size_t k = 0;
  if (*s == '\'') s++;
  for (; *s && k + 1 < n; s++)
    if (*s != ' ') out[k++] = *s;
  out[k] = '\0';
}

int import_row_parse(const struct import_header *h, const char *const *fields, size_t n,
                     struct import_row *r, import_err_fn err, void *ctx)
{
  memset(r, 0, sizeof *r);
  int bad = 0;
  const char *v[K_COUNT];
  for (int k = 0; k < K_COUNT; k++) {
    r->has[k] = h->pos[k] >= 0;
    v[k] = r->has[k] && (size_t)h->pos[k] < n ? fields[h->pos[k]] : "";
    if (strlen(v[k]) > IMPORT_FIELD_MAX) { err(ctx, IMPORT_KOLOM[k], "isi kolom terlalu panjang"); bad++; v[k] = ""; }
    else if (!text_clean(v[k], false)) { err(ctx, IMPORT_KOLOM[k], "bukan teks UTF-8 yang sah atau berisi karakter kendali (simpan berkas sebagai CSV UTF-8)"); bad++; v[k] = ""; }
  }
#define FAIL(k, msg) do { err(ctx, IMPORT_KOLOM[k], msg); bad++; } while (0)
#define TAKE(k, dst, label) do { if (take(v[k], dst, sizeof dst) != 0) FAIL(k, label " terlalu panjang"); } while (0)

  /* jenis ASN first: the NIP and golongan rules depend on it */
  char tmp[IMPORT_FIELD_MAX + 1];
  enum jenis_asn ja = ASN_PNS;
  take(v[K_JENIS_ASN], tmp, sizeof tmp);
  if (!tmp[0]) FAIL(K_JENIS_ASN, "wajib diisi: PNS atau PPPK");
  else if (strcasecmp(tmp, "PNS") == 0 || strcasecmp(tmp, "CPNS") == 0) snprintf(r->jenis_asn, sizeof r->jenis_asn, "PNS");
  else if (strcasecmp(tmp, "PPPK") == 0) { snprintf(r->jenis_asn, sizeof r->jenis_asn, "PPPK"); ja = ASN_PPPK; }
  else FAIL(K_JENIS_ASN, "harus PNS atau PPPK");

  struct nip_info info;
  bool nip_ok = false;
  clean_nip(v[K_NIP], tmp, sizeof tmp);
  if (!tmp[0]) FAIL(K_NIP, "wajib diisi");
  else if (strchr(tmp, 'E') || strchr(tmp, 'e') || strchr(tmp, ',') || strchr(tmp, '.'))
    FAIL(K_NIP, "NIP harus 18 angka; tampaknya diubah spreadsheet menjadi angka ilmiah (format kolom sebagai teks)");
  else {
    enum nip_error e = nip_validate(tmp, ja, &info);
    if (e != NIP_OK) FAIL(K_NIP, nip_error_text(e));
    else { str_copy(r->nip, sizeof r->nip, tmp); nip_ok = true; }
  }

  TAKE(K_NAMA, r->nama, "nama");
  if (!r->nama[0]) FAIL(K_NAMA, "wajib diisi");
  TAKE(K_GELAR_DEPAN, r->gelar_depan, "gelar depan");
  TAKE(K_GELAR_BELAKANG, r->gelar_belakang, "gelar belakang");

  take(v[K_JENIS_KELAMIN], tmp, sizeof tmp);
  if (tmp[0]) {
    if (parse_kelamin(tmp, r->jenis_kelamin) != 0) FAIL(K_JENIS_KELAMIN, "harus L (laki-laki) atau P (perempuan)");
    else if (nip_ok && r->jenis_kelamin[0] != info.jenis_kelamin)
      FAIL(K_JENIS_KELAMIN, "tidak sesuai dengan digit ke-15 NIP");
  } else if (nip_ok) {
    r->jenis_kelamin[0] = info.jenis_kelamin;  /* from the NIP when the column is absent or empty */
  }

  take(v[K_TANGGAL_LAHIR], tmp, sizeof tmp);
  if (tmp[0]) {
    if (parse_tanggal(tmp, r->tanggal_lahir) != 0) FAIL(K_TANGGAL_LAHIR, "harus tanggal YYYY-MM-DD atau DD-MM-YYYY");
    else if (nip_ok) {
      char dari_nip[32];
      snprintf(dari_nip, sizeof dari_nip, "%04d-%02d-%02d", info.lahir_y, info.lahir_m, info.lahir_d);
      if (strcmp(dari_nip, r->tanggal_lahir) != 0) FAIL(K_TANGGAL_LAHIR, "tidak sesuai dengan 8 digit pertama NIP");
    }
  } else if (nip_ok) {
    char dari_nip[32];
    snprintf(dari_nip, sizeof dari_nip, "%04d-%02d-%02d", info.lahir_y, info.lahir_m, info.lahir_d);
    str_copy(r->tanggal_lahir, sizeof r->tanggal_lahir, dari_nip);
  }

  take(v[K_GOLONGAN], tmp, sizeof tmp);
  if (tmp[0] && r->jenis_asn[0] && golongan_normalize(ja, tmp, r->golongan, sizeof r->golongan) != 0)
    FAIL(K_GOLONGAN, ja == ASN_PPPK ? "golongan PPPK harus I sampai XVII" : "golongan PNS harus seperti III/a (I/a sampai IV/e)");

  TAKE(K_JABATAN, r->jabatan, "nama jabatan");
  if (!r->jabatan[0]) FAIL(K_JABATAN, "wajib diisi");
  take(v[K_JENIS_JABATAN], tmp, sizeof tmp);
  if (tmp[0] && import_jenis_jabatan(tmp, r->jenis_jabatan, sizeof r->jenis_jabatan) != 0)
    FAIL(K_JENIS_JABATAN, "harus jpt, administrator, pengawas, pelaksana atau fungsional");
  TAKE(K_UNIT_KERJA, r->unit_kerja, "nama unit kerja");
  if (!r->unit_kerja[0]) FAIL(K_UNIT_KERJA, "wajib diisi");

  clean_nip(v[K_NIP_ATASAN], tmp, sizeof tmp);
  if (tmp[0]) {
    struct nip_info ai;
    if (strlen(tmp) != 18 || (nip_validate(tmp, ASN_PNS, &ai) != NIP_OK && nip_validate(tmp, ASN_PPPK, &ai) != NIP_OK))
      FAIL(K_NIP_ATASAN, "NIP atasan tidak valid (18 digit)");
    else if (nip_ok && strcmp(tmp, r->nip) == 0) FAIL(K_NIP_ATASAN, "pegawai tidak boleh menjadi atasannya sendiri");
    else str_copy(r->nip_atasan, sizeof r->nip_atasan, tmp);
  }

  TAKE(K_EMAIL, r->email, "email");
  if (r->email[0]) {
    const char *at = strchr(r->email, '@');
    if (!at || at == r->email || !strchr(at, '.') || strchr(r->email, ' ')) FAIL(K_EMAIL, "alamat email tidak valid");
  }
#undef FAIL
#undef TAKE
  return bad;
}
