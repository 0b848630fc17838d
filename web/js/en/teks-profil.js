// en/teks-profil.js: the English words of teks-profil.js (the four-dimension profile).  Loaded
// by teks-profil.js only when English is chosen; imports nothing.

export const TPR = {
  judul: (tahun) => `Four-dimension performance profile ${tahun}`,
  ket: 'A supporting summary from four sources: individual results, work behaviour, innovation and contribution to the organisation\'s targets. It does not replace the rating of the pejabat penilai.',
  grafik: 'Scores of the four dimensions (0–100)',
  ringkasGrafik: (daftar) => `Scores: ${daftar}`,
  dimensi: {
    kinerja_individu: 'Individual results',
    perilaku_kerja: 'Work behaviour',
    inovasi: 'Innovation',
    kontribusi_organisasi: 'Contribution to the organisation',
  },
  skor: 'Score',
  belumAda: 'no data yet',
  caraHitung: 'How it is computed',
  sumber: 'Sources',
  tanpaSumber: 'No source data yet.',
  perNilai: '360 feedback per BerAKHLAK value',
  kolomNilai: 'Value',
  kolomRata: 'Mean (1–5)',
  kolomJawaban: 'Answers',
  gagal: 'The performance profile could not be loaded.',
  unitJudul: (tahun) => `Four-dimension profile of the unit ${tahun}`,
  unitKet: 'Mean score of the employees of this unit and the units below it that have data on each dimension. Computed on request.',
  unitTampilkan: 'Show the four-dimension profile',
  unitMemuat: 'Computing the profile…',
  unitBerdata: (n) => `${n} employees with data`,
  unitInovasi: (n) => `${n} validated innovations`,
  unitTabel: 'Scores of the four dimensions per employee',
  kolomPegawai: 'Employee',
  terpotong: (n) => `Only the first ${n} employees (by name) are computed.`,
};
