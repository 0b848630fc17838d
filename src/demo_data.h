/* demo_data.h: the static catalogue `kinerja demo` draws from: names, jabatan, the unit tree of a
 * kabupaten.  Data only; demo.c turns it into rows.  Jabatan names follow PermenPANRB 41/2018 as
 * amended (pelaksana nomenclature of 2022) and the usual perangkat daerah of a kabupaten. */
#ifndef KINERJA_DEMO_DATA_H
#define KINERJA_DEMO_DATA_H

/* A position.  gol_min/gol_max index golongan PNS 0 = I/a .. 16 = IV/e; pppk is the PPPK
 * golongan when the position is open to PPPK ("" = PNS only). gelar_b / gelar_d list choices
 * separated by '|' (an empty choice = no gelar). */
struct demo_jabatan {
  const char *nama, *jenis, *kategori, *jenjang;
  int kelas, gol_min, gol_max;
  const char *pppk, *gelar_d, *gelar_b;
};

/* A unit: parent index into the same table (-1 = top), its head's jabatan (index into
 * DEMO_JABATAN), and the staff jabatan indexes it hires from (-1 terminated). cap = staff
 * places before the demo spills into UPT units. */
struct demo_unit {
  int parent;
  const char *kode, *nama;
  int kepala;
  int staf[5];
  int cap;
};

enum {
  J_SEKDA, J_KABAN_BKPSDM, J_INSPEKTUR, J_KADIS_DIK, J_KADIS_KES, J_KADIS_PU, J_KADIS_DUK, J_KABAN_BAPPERIDA,
  J_CAMAT, J_KABAG, J_KABID, J_IRBAN, J_SEKRETARIS, J_KASUBBAG, J_KASI, J_KAPUSKESMAS,
  J_ANALIS_SDM, J_AUDITOR_MADYA, J_AUDITOR_PERTAMA, J_PERENCANA, J_PRANATA_KOMPUTER, J_ANALIS_KEBIJAKAN,
  J_PENGAWAS_SEKOLAH, J_GURU_MADYA, J_GURU_MUDA, J_GURU_PERTAMA, J_DOKTER, J_PERAWAT_AHLI, J_PERAWAT,
  J_BIDAN, J_PENYULUH_KES, J_TEKNIK_JALAN, J_PENATA_RUANG, J_ADMINDUK,
  J_PENATA_LAYANAN, J_PENGELOLA_LAYANAN, J_PENGADMINISTRASI, J_OPERATOR_LAYANAN,
  J_COUNT
};

extern const struct demo_jabatan DEMO_JABATAN[J_COUNT];

/* Units of the kabupaten.  Fixed indexes used by demo.c for the named demo accounts. */
enum {
  U_SETDA, U_ORGANISASI, U_ORG_KELEMBAGAAN, U_ORG_RB, U_UMUM, U_UMUM_TU, U_UMUM_RT,
  U_BKPSDM, U_BKPSDM_SEKRETARIAT, U_BKPSDM_INFORMASI, U_BKPSDM_PENGEMBANGAN,
  U_INSPEKTORAT, U_IRBAN1, U_IRBAN2,
  U_DIK, U_DIK_SD, U_DIK_SD_KURIKULUM, U_DIK_SD_PESERTA, U_DIK_SMP, U_DIK_SMP_KURIKULUM, U_DIK_SMP_SARPRAS,
  U_KES, U_KES_YANKES, U_KES_PRIMER, U_KES_RUJUKAN, U_KES_KESMAS, U_KES_PROMKES, U_KES_GIZI,
  U_PU, U_PU_BINAMARGA, U_PU_JALAN, U_PU_PRESERVASI, U_PU_TATARUANG, U_PU_RENCANA, U_PU_PENGENDALIAN,
  U_DUK, U_DUK_DAFDUK, U_DUK_IDENTITAS, U_DUK_PINDAH, U_DUK_CAPIL, U_DUK_KELAHIRAN, U_DUK_PERKAWINAN,
  U_BAPPERIDA, U_BAPP_PEMERINTAHAN, U_BAPP_RISET,
  U_KEC, U_KEC_PEM, U_KEC_TRANTIB, U_KEC_PELAYANAN,
  U_COUNT
};
extern const struct demo_unit DEMO_UNIT[U_COUNT];

extern const char *const DEMO_NAMA_L[];   /* male given names, NULL-terminated */
extern const char *const DEMO_NAMA_P[];   /* female given names */
extern const char *const DEMO_NAMA_BELAKANG[];  /* family / second names */
extern const char *const DEMO_KECAMATAN[];      /* for UPTD Puskesmas names */
#endif
