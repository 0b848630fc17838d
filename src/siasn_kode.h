/* siasn_kode.h: our codes to SIASN's and back (pure).  hasilKinerjaNilai and
 * perilakuKerjaNilai: 1 di atas, 2 sesuai, 3 di bawah ekspektasi; kuadranKinerjaNilai:
 * 1 Sangat Baik, 2 Baik, 3 Butuh Perbaikan, 4 Kurang/Misconduct, 5 Sangat Kurang
 * (DOMAIN.md "Integration with SIASN", as public SIASN clients send them). */
#ifndef KINERJA_SIASN_KODE_H
#define KINERJA_SIASN_KODE_H

/* rating_hasil / rating_perilaku ('di_atas','sesuai','di_bawah') to 1..3; 0 when unknown. */
int siasn_kode_rating(const char *rating);
/* predikat ('sangat_baik' .. 'sangat_kurang') to 1..5; 0 when unknown. */
int siasn_kode_kuadran(const char *predikat);
/* The jenis of a jabatan SIASN names (our jpt|administrator|pengawas|pelaksana|fungsional)
 * from its jenisJabatanId (1 struktural, 2 fungsional tertentu, 4 fungsional umum) or the
 * legacy names, the eselon (I/II JPT, III administrator, IV pengawas) and the name itself. */
const char *siasn_kode_jenis_jabatan(const char *jenis_id, const char *eselon, const char *nama);
#endif
