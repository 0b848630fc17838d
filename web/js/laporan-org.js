// laporan-org.js: the downloads of the organisation reports (issue 15 part 5) for admin and
// pimpinan: the cascade tree IKU -> PK -> RHK and the IKU capaian recap per quarter, each as XLSX
// or PDF, for a year.  Plain links (the session cookie authenticates the GET); shown in the
// reports screen and the organisation screens.
import { el, labelled } from './ui.js';
import { TPR } from './teks-profil.js';

/** seksiLaporanOrganisasi(tahun, {idAwalan}): a section with a year field and the four links. */
export function seksiLaporanOrganisasi(tahun, { idAwalan = 'lap-org' } = {}) {
  const idJudul = `${idAwalan}-judul`;
  const tIn = el('input', { type: 'number', inputmode: 'numeric', min: 2000, max: 2100, value: String(tahun || new Date().getFullYear()) });
  const JENIS = [['pohon', 'xlsx', TPR.unduhPohonXlsx], ['pohon', 'pdf', TPR.unduhPohonPdf],
    ['rekap-iku', 'xlsx', TPR.unduhRekapXlsx], ['rekap-iku', 'pdf', TPR.unduhRekapPdf]];
  const daftar = JENIS.map(([jenis, format, teks]) => ({ jenis, format, a: el('a', { class: 'tombol kedua unduh-org', download: '', dataset: { laporan: `${jenis}-${format}` } }, teks) }));
  const atur = () => {
    const t = /^\d{4}$/.test(tIn.value.trim()) ? tIn.value.trim() : String(new Date().getFullYear());
    for (const x of daftar) x.a.href = `/api/v1/laporan-organisasi/${x.jenis}?tahun=${t}&format=${x.format}`;
  };
  tIn.addEventListener('input', atur);
  atur();
  return el('section', { class: 'panel laporan-org', 'aria-labelledby': idJudul },
    el('h3', { id: idJudul }, TPR.laporanOrgJudul), el('p', { class: 'ket' }, TPR.laporanOrgKet),
    ...labelled(TPR.tahunLaporan, tIn),
    el('ul', { class: 'daftar-unduh' }, daftar.map((x) => el('li', {}, x.a))));
}
