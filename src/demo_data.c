/* demo_data.c: the catalogue behind `kinerja demo` (see demo_data.h). */
#include "demo_data.h"

#include <stddef.h>

#define G_IIA 4
#define G_IIC 6
#define G_IID 7
#define G_IIIA 8
#define G_IIIB 9
#define G_IIIC 10
#define G_IIID 11
#define G_IVA 12
#define G_IVB 13
#define G_IVC 14
#define G_IVD 15

const struct demo_jabatan DEMO_JABATAN[J_COUNT] = {
  [J_SEKDA] = {"Sekretaris Daerah", "jpt", NULL, "Pratama", 15, G_IVC, G_IVD, "", "Drs.|Dr.|", "M.Si.|M.Si.|S.H., M.H.|M.A.P."},
  [J_KABAN_BKPSDM] = {"Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "jpt", NULL, "Pratama", 14, G_IVB, G_IVD, "", "", "S.Sos., M.Si.|S.E., M.M.|S.H., M.H."},
  [J_INSPEKTUR] = {"Inspektur Daerah", "jpt", NULL, "Pratama", 14, G_IVB, G_IVD, "", "", "S.E., M.Ak.|S.H., M.H.|S.E., M.Si."},
  [J_KADIS_DIK] = {"Kepala Dinas Pendidikan", "jpt", NULL, "Pratama", 14, G_IVB, G_IVD, "", "Dr.|", "M.Pd.|S.Pd., M.Pd."},
  [J_KADIS_KES] = {"Kepala Dinas Kesehatan", "jpt", NULL, "Pratama", 14, G_IVB, G_IVD, "", "dr.", "M.Kes.|M.K.M.|Sp.PD."},
  [J_KADIS_PU] = {"Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "jpt", NULL, "Pratama", 14, G_IVB, G_IVD, "", "Ir.|", "M.T.|S.T., M.T."},
  [J_KADIS_DUK] = {"Kepala Dinas Kependudukan dan Pencatatan Sipil", "jpt", NULL, "Pratama", 14, G_IVB, G_IVD, "", "", "S.Sos., M.Si.|S.IP., M.Si."},
  [J_KABAN_BAPPERIDA] = {"Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "jpt", NULL, "Pratama", 14, G_IVB, G_IVD, "", "Dr.|Ir.|", "M.Si.|S.E., M.E.|M.P.P."},
  [J_CAMAT] = {"Camat", "administrator", NULL, NULL, 12, G_IIID, G_IVB, "", "", "S.STP., M.Si.|S.IP.|S.Sos., M.AP."},
  [J_KABAG] = {"Kepala Bagian", "administrator", NULL, NULL, 12, G_IIID, G_IVB, "", "", "S.H.|S.Sos., M.Si.|S.E., M.M."},
  [J_KABID] = {"Kepala Bidang", "administrator", NULL, NULL, 12, G_IIID, G_IVB, "", "", "S.E., M.M.|S.Pd., M.Pd.|S.T., M.T.|S.Sos.|S.K.M., M.Kes."},
  [J_IRBAN] = {"Inspektur Pembantu", "administrator", NULL, NULL, 12, G_IVA, G_IVB, "", "", "S.E., M.Ak.|S.H.|S.E., Ak."},
  [J_SEKRETARIS] = {"Sekretaris Badan", "administrator", NULL, NULL, 12, G_IIID, G_IVB, "", "", "S.Sos., M.Si.|S.E."},
  [J_KASUBBAG] = {"Kepala Subbagian", "pengawas", NULL, NULL, 9, G_IIIC, G_IIID, "", "", "S.E.|S.Sos.|S.H.|S.AP."},
  [J_KASI] = {"Kepala Seksi", "pengawas", NULL, NULL, 9, G_IIIC, G_IIID, "", "", "S.Pd.|S.E.|S.T.|S.K.M.|S.Sos.|S.IP."},
  [J_KAPUSKESMAS] = {"Kepala UPTD Puskesmas", "pengawas", NULL, NULL, 9, G_IIIC, G_IVA, "", "dr.|", "M.Kes.|S.K.M.|"},
  [J_ANALIS_SDM] = {"Analis Sumber Daya Manusia Aparatur Ahli Muda", "fungsional", "keahlian", "Ahli Muda", 11, G_IIIC, G_IIID, "", "", "S.Psi.|S.Sos.|S.E., M.M."},
  [J_AUDITOR_MADYA] = {"Auditor Ahli Madya", "fungsional", "keahlian", "Ahli Madya", 12, G_IVA, G_IVC, "", "", "S.E., Ak.|S.E., M.Ak."},
  [J_AUDITOR_PERTAMA] = {"Auditor Ahli Pertama", "fungsional", "keahlian", "Ahli Pertama", 8, G_IIIA, G_IIIB, "", "", "S.E.|S.Ak.|S.H."},
  [J_PERENCANA] = {"Perencana Ahli Muda", "fungsional", "keahlian", "Ahli Muda", 11, G_IIIC, G_IIID, "", "", "S.E., M.E.|S.T., M.T.|S.P.|S.Si."},
  [J_PRANATA_KOMPUTER] = {"Pranata Komputer Ahli Pertama", "fungsional", "keahlian", "Ahli Pertama", 8, G_IIIA, G_IIIB, "IX", "", "S.Kom.|S.T.|S.Kom."},
  [J_ANALIS_KEBIJAKAN] = {"Analis Kebijakan Ahli Pertama", "fungsional", "keahlian", "Ahli Pertama", 8, G_IIIA, G_IIIB, "IX", "", "S.IP.|S.H.|S.Sos."},
  [J_PENGAWAS_SEKOLAH] = {"Pengawas Sekolah Ahli Madya", "fungsional", "keahlian", "Ahli Madya", 12, G_IVA, G_IVC, "", "", "S.Pd., M.Pd.|M.Pd."},
  [J_GURU_MADYA] = {"Guru Ahli Madya", "fungsional", "keahlian", "Ahli Madya", 12, G_IVA, G_IVB, "", "", "S.Pd., M.Pd.|S.Pd."},
  [J_GURU_MUDA] = {"Guru Ahli Muda", "fungsional", "keahlian", "Ahli Muda", 10, G_IIIC, G_IIID, "", "", "S.Pd.|S.Pd.|S.Ag.|S.Pd., M.Pd."},
  [J_GURU_PERTAMA] = {"Guru Ahli Pertama", "fungsional", "keahlian", "Ahli Pertama", 8, G_IIIA, G_IIIB, "IX", "", "S.Pd.|S.Pd.|S.Pd.I.|S.Si."},
  [J_DOKTER] = {"Dokter Ahli Pertama", "fungsional", "keahlian", "Ahli Pertama", 8, G_IIIB, G_IIIB, "X", "dr.", ""},
  [J_PERAWAT_AHLI] = {"Perawat Ahli Pertama", "fungsional", "keahlian", "Ahli Pertama", 8, G_IIIA, G_IIIB, "IX", "", "S.Kep., Ners|S.Kep., Ns."},
  [J_PERAWAT] = {"Perawat Terampil", "fungsional", "keterampilan", "Terampil", 6, G_IIC, G_IID, "VII", "", "A.Md.Kep."},
  [J_BIDAN] = {"Bidan Terampil", "fungsional", "keterampilan", "Terampil", 6, G_IIC, G_IID, "VII", "", "A.Md.Keb."},
  [J_PENYULUH_KES] = {"Penyuluh Kesehatan Masyarakat Ahli Pertama", "fungsional", "keahlian", "Ahli Pertama", 8, G_IIIA, G_IIIB, "IX", "", "S.K.M."},
  [J_TEKNIK_JALAN] = {"Teknik Jalan dan Jembatan Ahli Pertama", "fungsional", "keahlian", "Ahli Pertama", 8, G_IIIA, G_IIIB, "IX", "", "S.T."},
  [J_PENATA_RUANG] = {"Penata Ruang Ahli Pertama", "fungsional", "keahlian", "Ahli Pertama", 8, G_IIIA, G_IIIB, "IX", "", "S.T.|S.PWK."},
  [J_ADMINDUK] = {"Administrator Database Kependudukan Ahli Pertama", "fungsional", "keahlian", "Ahli Pertama", 8, G_IIIA, G_IIIB, "", "", "S.Kom.|S.T."},
  [J_PENATA_LAYANAN] = {"Penata Layanan Operasional", "pelaksana", NULL, NULL, 7, G_IIIA, G_IIIC, "", "", "S.E.|S.Sos.|S.AP.|S.H.|"},
  [J_PENGELOLA_LAYANAN] = {"Pengelola Layanan Operasional", "pelaksana", NULL, NULL, 6, G_IIC, G_IIIB, "V", "", "A.Md.|S.E.||"},
  [J_PENGADMINISTRASI] = {"Pengadministrasi Perkantoran", "pelaksana", NULL, NULL, 5, G_IIA, G_IID, "V", "", "||A.Md."},
  [J_OPERATOR_LAYANAN] = {"Operator Layanan Operasional", "pelaksana", NULL, NULL, 5, G_IIA, G_IIC, "V", "", "||"},
};

#define NONE {-1}
#define ST(...) {__VA_ARGS__, -1}

const struct demo_unit DEMO_UNIT[U_COUNT] = {
  [U_SETDA] = {-1, "SETDA", "Sekretariat Daerah", J_SEKDA, ST(J_PENGADMINISTRASI), 2},
  [U_ORGANISASI] = {U_SETDA, "SETDA-ORG", "Bagian Organisasi", J_KABAG, ST(J_ANALIS_KEBIJAKAN), 2},
  [U_ORG_KELEMBAGAAN] = {U_ORGANISASI, NULL, "Subbagian Kelembagaan dan Analisis Jabatan", J_KASUBBAG, ST(J_PENATA_LAYANAN, J_PENGELOLA_LAYANAN), 5},
  [U_ORG_RB] = {U_ORGANISASI, NULL, "Subbagian Reformasi Birokrasi dan Akuntabilitas Kinerja", J_KASUBBAG, ST(J_PENATA_LAYANAN, J_ANALIS_KEBIJAKAN), 5},
  [U_UMUM] = {U_SETDA, "SETDA-UMUM", "Bagian Umum", J_KABAG, NONE, 0},
  [U_UMUM_TU] = {U_UMUM, NULL, "Subbagian Tata Usaha Pimpinan", J_KASUBBAG, ST(J_PENGADMINISTRASI, J_OPERATOR_LAYANAN), 6},
  [U_UMUM_RT] = {U_UMUM, NULL, "Subbagian Rumah Tangga", J_KASUBBAG, ST(J_OPERATOR_LAYANAN, J_PENGELOLA_LAYANAN), 6},
  [U_BKPSDM] = {-1, "BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", J_KABAN_BKPSDM, ST(J_ANALIS_SDM), 2},
  [U_BKPSDM_SEKRETARIAT] = {U_BKPSDM, NULL, "Sekretariat BKPSDM", J_SEKRETARIS, ST(J_PENGADMINISTRASI, J_PENGELOLA_LAYANAN), 5},
  [U_BKPSDM_INFORMASI] = {U_BKPSDM, NULL, "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian", J_KABID, ST(J_ANALIS_SDM, J_PRANATA_KOMPUTER, J_PENATA_LAYANAN), 6},
  [U_BKPSDM_PENGEMBANGAN] = {U_BKPSDM, NULL, "Bidang Pengembangan Kompetensi Aparatur", J_KABID, ST(J_ANALIS_SDM, J_PENATA_LAYANAN), 6},
  [U_INSPEKTORAT] = {-1, "INSPEKTORAT", "Inspektorat Daerah", J_INSPEKTUR, ST(J_PENGADMINISTRASI), 2},
  [U_IRBAN1] = {U_INSPEKTORAT, NULL, "Inspektur Pembantu Wilayah I", J_IRBAN, ST(J_AUDITOR_PERTAMA, J_AUDITOR_MADYA), 6},
  [U_IRBAN2] = {U_INSPEKTORAT, NULL, "Inspektur Pembantu Wilayah II", J_IRBAN, ST(J_AUDITOR_PERTAMA, J_AUDITOR_MADYA), 6},
  [U_DIK] = {-1, "DISDIK", "Dinas Pendidikan", J_KADIS_DIK, ST(J_PENGADMINISTRASI), 2},
  [U_DIK_SD] = {U_DIK, NULL, "Bidang Pembinaan Sekolah Dasar", J_KABID, ST(J_PENGAWAS_SEKOLAH), 1},
  [U_DIK_SD_KURIKULUM] = {U_DIK_SD, NULL, "Seksi Kurikulum dan Penilaian Sekolah Dasar", J_KASI, ST(J_PENGELOLA_LAYANAN, J_PENATA_LAYANAN), 4},
  [U_DIK_SD_PESERTA] = {U_DIK_SD, NULL, "Seksi Peserta Didik dan Pembangunan Karakter Sekolah Dasar", J_KASI, ST(J_PENGADMINISTRASI, J_PENATA_LAYANAN), 3},
  [U_DIK_SMP] = {U_DIK, NULL, "Bidang Pembinaan Sekolah Menengah Pertama", J_KABID, ST(J_PENGAWAS_SEKOLAH), 2},
  [U_DIK_SMP_KURIKULUM] = {U_DIK_SMP, NULL, "Seksi Kurikulum Sekolah Menengah Pertama", J_KASI, ST(J_PENATA_LAYANAN, J_PENGELOLA_LAYANAN), 4},
  [U_DIK_SMP_SARPRAS] = {U_DIK_SMP, NULL, "Seksi Sarana dan Prasarana Sekolah Menengah Pertama", J_KASI, ST(J_PENGELOLA_LAYANAN, J_OPERATOR_LAYANAN), 4},
  [U_KES] = {-1, "DINKES", "Dinas Kesehatan", J_KADIS_KES, ST(J_PENGADMINISTRASI), 2},
  [U_KES_YANKES] = {U_KES, NULL, "Bidang Pelayanan Kesehatan", J_KABID, NONE, 0},
  [U_KES_PRIMER] = {U_KES_YANKES, NULL, "Seksi Pelayanan Kesehatan Primer", J_KASI, ST(J_DOKTER, J_PERAWAT_AHLI, J_PENGELOLA_LAYANAN), 4},
  [U_KES_RUJUKAN] = {U_KES_YANKES, NULL, "Seksi Pelayanan Kesehatan Rujukan", J_KASI, ST(J_PERAWAT_AHLI, J_PENGELOLA_LAYANAN), 4},
  [U_KES_KESMAS] = {U_KES, NULL, "Bidang Kesehatan Masyarakat", J_KABID, NONE, 0},
  [U_KES_PROMKES] = {U_KES_KESMAS, NULL, "Seksi Promosi dan Pemberdayaan Masyarakat", J_KASI, ST(J_PENYULUH_KES, J_PENGELOLA_LAYANAN), 4},
  [U_KES_GIZI] = {U_KES_KESMAS, NULL, "Seksi Kesehatan Keluarga dan Gizi", J_KASI, ST(J_BIDAN, J_PENYULUH_KES), 4},
  [U_PU] = {-1, "DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", J_KADIS_PU, ST(J_PENGADMINISTRASI), 2},
  [U_PU_BINAMARGA] = {U_PU, NULL, "Bidang Bina Marga", J_KABID, ST(J_TEKNIK_JALAN), 2},
  [U_PU_JALAN] = {U_PU_BINAMARGA, NULL, "Seksi Pembangunan Jalan dan Jembatan", J_KASI, ST(J_TEKNIK_JALAN, J_PENGELOLA_LAYANAN), 4},
  [U_PU_PRESERVASI] = {U_PU_BINAMARGA, NULL, "Seksi Preservasi Jalan", J_KASI, ST(J_OPERATOR_LAYANAN, J_PENGELOLA_LAYANAN), 4},
  [U_PU_TATARUANG] = {U_PU, NULL, "Bidang Penataan Ruang", J_KABID, ST(J_PENATA_RUANG), 2},
  [U_PU_RENCANA] = {U_PU_TATARUANG, NULL, "Seksi Perencanaan Tata Ruang", J_KASI, ST(J_PENATA_RUANG, J_PENATA_LAYANAN), 3},
  [U_PU_PENGENDALIAN] = {U_PU_TATARUANG, NULL, "Seksi Pengendalian Pemanfaatan Ruang", J_KASI, ST(J_PENATA_LAYANAN, J_OPERATOR_LAYANAN), 3},
  [U_DUK] = {-1, "DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", J_KADIS_DUK, ST(J_PENGADMINISTRASI), 2},
  [U_DUK_DAFDUK] = {U_DUK, NULL, "Bidang Pelayanan Pendaftaran Penduduk", J_KABID, ST(J_ADMINDUK), 1},
  [U_DUK_IDENTITAS] = {U_DUK_DAFDUK, NULL, "Seksi Identitas Penduduk", J_KASI, ST(J_OPERATOR_LAYANAN, J_PENGELOLA_LAYANAN), 6},
  [U_DUK_PINDAH] = {U_DUK_DAFDUK, NULL, "Seksi Pindah Datang Penduduk", J_KASI, ST(J_OPERATOR_LAYANAN, J_PENGADMINISTRASI), 4},
  [U_DUK_CAPIL] = {U_DUK, NULL, "Bidang Pelayanan Pencatatan Sipil", J_KABID, ST(J_ADMINDUK), 1},
  [U_DUK_KELAHIRAN] = {U_DUK_CAPIL, NULL, "Seksi Kelahiran dan Kematian", J_KASI, ST(J_OPERATOR_LAYANAN, J_PENGELOLA_LAYANAN), 5},
  [U_DUK_PERKAWINAN] = {U_DUK_CAPIL, NULL, "Seksi Perkawinan dan Perceraian", J_KASI, ST(J_PENGADMINISTRASI, J_PENGELOLA_LAYANAN), 3},
  [U_BAPPERIDA] = {-1, "BAPPERIDA", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", J_KABAN_BAPPERIDA, ST(J_PENGADMINISTRASI), 2},
  [U_BAPP_PEMERINTAHAN] = {U_BAPPERIDA, NULL, "Bidang Perencanaan Pemerintahan dan Pembangunan Manusia", J_KABID, ST(J_PERENCANA, J_PENATA_LAYANAN), 6},
  [U_BAPP_RISET] = {U_BAPPERIDA, NULL, "Bidang Riset dan Inovasi Daerah", J_KABID, ST(J_PERENCANA, J_ANALIS_KEBIJAKAN), 6},
  [U_KEC] = {-1, "KEC-SUKAMAJU", "Kecamatan Sukamaju", J_CAMAT, ST(J_PENATA_LAYANAN), 2},
  [U_KEC_PEM] = {U_KEC, NULL, "Seksi Pemerintahan Kecamatan Sukamaju", J_KASI, ST(J_PENGELOLA_LAYANAN, J_PENGADMINISTRASI), 4},
  [U_KEC_TRANTIB] = {U_KEC, NULL, "Seksi Ketenteraman dan Ketertiban Umum Kecamatan Sukamaju", J_KASI, ST(J_OPERATOR_LAYANAN), 3},
  [U_KEC_PELAYANAN] = {U_KEC, NULL, "Seksi Pelayanan Umum Kecamatan Sukamaju", J_KASI, ST(J_PENGELOLA_LAYANAN, J_OPERATOR_LAYANAN), 4},
};

const char *const DEMO_NAMA_L[] = {
  "Agus", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Irfan", "Joko", "Kurniawan", "Lukman",
  "Muhammad", "Nur", "Rizky", "Slamet", "Teguh", "Wahyu", "Yusuf", "Bambang", "Andi", "Ahmad",
  "Arif", "Dimas", "Gilang", "Hadi", "Imam", "Made", "Putu", "Ketut", "Yohanes", "Stefanus",
  "Ridwan", "Asep", "Ujang", "Dadang", "Iwan", "Rudi", "Sigit", "Taufik", "Bayu", "Rahmat", NULL};
const char *const DEMO_NAMA_P[] = {
  "Siti", "Dewi", "Sri", "Rina", "Ayu", "Fitri", "Indah", "Lestari", "Maya", "Nurul",
  "Putri", "Ratna", "Sari", "Wulan", "Yuni", "Ani", "Dian", "Eka", "Kartika", "Lina",
  "Mega", "Novi", "Rahayu", "Tuti", "Wati", "Ni Made", "Ni Luh", "Maria", "Elisabeth", "Nining",
  "Neneng", "Euis", "Yanti", "Endang", "Hesti", "Intan", "Melati", "Puspita", "Ratih", "Anggraini", NULL};
const char *const DEMO_NAMA_BELAKANG[] = {
  "Santoso", "Wijaya", "Saputra", "Hidayat", "Setiawan", "Nugroho", "Pratama", "Kurniawati", "Susanti", "Rahman",
  "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak", "Sitompul", "Hutapea", "Sinaga", "Pangaribuan", "Tambunan",
  "Suryadi", "Gunawan", "Permana", "Hermawan", "Firmansyah", "Maulana", "Ramadhan", "Purnomo", "Wibowo", "Utomo",
  "Suharto", "Sulistyo", "Handayani", "Anggraeni", "Puspitasari", "Wahyuni", "Fauzi", "Hakim", "Syahputra", "Sembiring",
  "Manurung", "Tanjung", "Daulay", "Panjaitan", "Lumbantobing", "Mandagi", "Rumbewas", "Wenda", "Pattimura", "Latuconsina", NULL};
const char *const DEMO_KECAMATAN[] = {
  "Sukamaju", "Sukasari", "Cibeureum", "Cilimus", "Karanganyar", "Mekarwangi", "Sindangsari", "Tanjungjaya",
  "Margahayu", "Cikupa", "Pasirjambu", "Rancabali", "Cisarua", "Jatiluhur", "Sukaraja", "Mandalawangi",
  "Bojongsari", "Cijambe", "Gununghalu", "Wanayasa", NULL};
