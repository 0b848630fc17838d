/* siasn_kode.c: code mappings between kinerja and SIASN (see siasn_kode.h). */
#include "siasn_kode.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

int siasn_kode_rating(const char *r)
{
  if (!r) return 0;
  if (strcmp(r, "di_atas") == 0) return 1;
  if (strcmp(r, "sesuai") == 0) return 2;
  if (strcmp(r, "di_bawah") == 0) return 3;
  return 0;
}

int siasn_kode_kuadran(const char *p)
{
  static const char *const urut[] = {"sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"};
  if (!p) return 0;
  for (size_t i = 0; i < sizeof urut / sizeof urut[0]; i++)
    if (strcmp(p, urut[i]) == 0) return (int)i + 1;
  return 0;
}

/* case-insensitive substring */
static bool memuat(const char *s, const char *kata)
{
  size_t n = strlen(kata);
  for (; s && *s; s++)
    if (strncasecmp(s, kata, n) == 0) return true;
  return false;
}

const char *siasn_kode_jenis_jabatan(const char *jenis_id, const char *eselon, const char *nama)
{
  const char *j = jenis_id ? jenis_id : "";
  if (strcmp(j, "2") == 0 || memuat(j, "fungsional tertentu") || strcasecmp(j, "jf") == 0) return "fungsional";
  if (strcmp(j, "4") == 0 || memuat(j, "fungsional umum") || memuat(j, "pelaksana")) return "pelaksana";
  if (strcmp(j, "1") == 0 || memuat(j, "struktural")) {
    const char *e = eselon ? eselon : "";
    while (*e == ' ') e++;
    /* "I.a", "II.b", "III.a", "IV.b" or SIASN ids 11..42 */
    if (strncasecmp(e, "IV", 2) == 0 || e[0] == '4') return "pengawas";
    if (strncasecmp(e, "III", 3) == 0 || e[0] == '3') return "administrator";
    if (strncasecmp(e, "II", 2) == 0 || strncasecmp(e, "I", 1) == 0 || e[0] == '1' || e[0] == '2') return "jpt";
    return "administrator";
  }
  /* no usable jenis: guess from the name, as people would */
  if (memuat(nama, "ahli ") || memuat(nama, "terampil") || memuat(nama, "mahir") || memuat(nama, "penyelia") || memuat(nama, "pemula"))
    return "fungsional";
  if (memuat(nama, "kepala seksi") || memuat(nama, "kepala subbagian") || memuat(nama, "kasubbag") || memuat(nama, "kasi "))
    return "pengawas";
  if (memuat(nama, "kepala bidang") || memuat(nama, "kepala bagian") || memuat(nama, "sekretaris dinas"))
    return "administrator";
  if (memuat(nama, "kepala dinas") || memuat(nama, "kepala badan") || memuat(nama, "sekretaris daerah") || memuat(nama, "inspektur"))
    return "jpt";
  return "pelaksana";
}
