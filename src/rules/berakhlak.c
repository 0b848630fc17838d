/* berakhlak.c: BerAKHLAK core values, wording as published with SE MenPANRB 20/2021
 * (DOMAIN.md "Perilaku kerja"). */
#include "rules/berakhlak.h"

const struct berakhlak BERAKHLAK[BERAKHLAK_JUMLAH] = {
  {1, "berorientasi_pelayanan", "Berorientasi Pelayanan",
   {"Memahami dan memenuhi kebutuhan masyarakat", "Ramah, cekatan, solutif, dan dapat diandalkan",
    "Melakukan perbaikan tiada henti"}},
  {2, "akuntabel", "Akuntabel",
   {"Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
    "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
    "Tidak menyalahgunakan kewenangan jabatan"}},
  {3, "kompeten", "Kompeten",
   {"Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah", "Membantu orang lain belajar",
    "Melaksanakan tugas dengan kualitas terbaik"}},
  {4, "harmonis", "Harmonis",
   {"Menghargai setiap orang apapun latar belakangnya", "Suka menolong orang lain",
    "Membangun lingkungan kerja yang kondusif"}},
  {5, "loyal", "Loyal",
   {"Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah",
    "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara", "Menjaga rahasia jabatan dan negara"}},
  {6, "adaptif", "Adaptif",
   {"Cepat menyesuaikan diri menghadapi perubahan", "Terus berinovasi dan mengembangkan kreativitas",
    "Bertindak proaktif"}},
  {7, "kolaboratif", "Kolaboratif",
   {"Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
    "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
    "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama"}},
};
