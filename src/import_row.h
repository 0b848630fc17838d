/* import_row.h: the column layout of the pegawai CSV (docs/import-pegawai.md) and the checks
 * of one row.  Pure: no database, no I/O; import_pegawai.c does the lookups and the writes.
 */
#ifndef KINERJA_IMPORT_ROW_H
#define KINERJA_IMPORT_ROW_H
#include <stdbool.h>
#include <stddef.h>

enum import_kolom {
  K_NIP, K_NAMA, K_GELAR_DEPAN, K_GELAR_BELAKANG, K_JENIS_KELAMIN, K_TANGGAL_LAHIR,
  K_JENIS_ASN, K_GOLONGAN, K_JABATAN, K_JENIS_JABATAN, K_UNIT_KERJA, K_NIP_ATASAN, K_EMAIL,
  K_COUNT
};
/* Column names as written in the header (lower case). */
extern const char *const IMPORT_KOLOM[K_COUNT];

#define IMPORT_FIELD_MAX 1000   /* bytes in one field */

struct import_header {
  int pos[K_COUNT];   /* index of the column in the file, -1 when absent */
};

/* Maps header fields to columns (case-insensitive, spaces and '-' as '_', a few SIASN
 * aliases such as nip_baru, tgl_lahir, unor).  Unknown columns are ignored.  Returns 0, or -1
 * when required columns (nip nama jenis_asn jabatan jenis_jabatan unit_kerja) are missing or
 * a column appears twice; `why` then receives an Indonesian message naming them. */
int import_header_parse(struct import_header *h, const char *const *fields, size_t n,
                        char *why, size_t whylen);

/* A row after normalisation; has[] tells which columns the file has at all (an absent
 * optional column leaves the stored value alone, an empty one clears it). */
struct import_row {
  char nip[19];
  char nama[201];
  char gelar_depan[51];
  char gelar_belakang[101];
  char jenis_kelamin[2];
  char tanggal_lahir[11];
  char jenis_asn[5];
  char golongan[8];
  char jabatan[201];
  char jenis_jabatan[16];   /* jpt administrator pengawas pelaksana fungsional, or "" */
  char unit_kerja[201];
  char nip_atasan[19];      /* "" = none */
  char email[255];
  bool has[K_COUNT];
};

/* Receives one problem of the row: the column name and an Indonesian message. */
typedef void (*import_err_fn)(void *ctx, const char *kolom, const char *pesan);

/* Checks and normalises one data row (fields[i] NUL-terminated, n of them; missing trailing
 * fields count as empty).  Calls err for every problem and returns how many there were. */
int import_row_parse(const struct import_header *h, const char *const *fields, size_t n,
                     struct import_row *out, import_err_fn err, void *ctx);

/* Normalises a jenis jabatan ("JPT", "Fungsional Tertentu", "JFU" ...) into out; -1 if unknown. */
int import_jenis_jabatan(const char *s, char *out, size_t n);
/* Jenjang and kategori of a fungsional position from its name ("... Ahli Muda" -> "Ahli Muda",
 * "keahlian"); NULLs when the name does not say. */
void import_jenjang(const char *nama, const char **jenjang, const char **kategori);
#endif
