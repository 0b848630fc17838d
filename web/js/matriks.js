// matriks.js: "Matriks peran hasil" (#/skp/{id}/matriks): the SKP owner's RHK (rows) × their
// bawahan (columns); each cell lists the bawahan RHK that intervene that RHK.  Gaps are marked
// in words, not only in colour.
import { api } from './api.js';
import { T, HURUF_KELOMPOK, KELOMPOK } from './teks.js';
import { el, badge } from './ui.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

export async function matriks(root, ctx, params) {
  const id = Number(params[0]);
  const [skp, m] = await Promise.all([api('GET', `/api/v1/skp/${id}`), api('GET', `/api/v1/skp/${id}/matriks`)]);
  const own = ctx.me.pegawai && skp.pegawai.id === ctx.me.pegawai.id;
  const tanpaKontributor = new Set(m.rhk_tanpa_kontributor);
  const tanpaRhk = new Set(m.bawahan_tanpa_rhk_utama);
  const nomor = {};
  const hitung = { utama: 0, tambahan: 0 };
  m.rhk.forEach((r) => { hitung[r.kelompok] += 1; nomor[r.id] = `${HURUF_KELOMPOK[r.kelompok]}.${hitung[r.kelompok]}`; });

  root.append(
    el('p', { class: 'jejak' }, el('a', { href: `#/skp/${id}` }, `← ${T.kembaliKeSkp}`)),
    el('h2', {}, T.judulMatriks),
    el('p', { class: 'subjudul' }, own ? T.judulSkp(skp.periode.tahun) : T.judulSkpOrang(skp.pegawai.nama_lengkap, skp.periode.tahun)),
    el('p', { class: 'ket' }, T.matriksKet));

  const ringkas = el('ul', { class: 'ringkas-celah' });
  if (tanpaKontributor.size) {
    ringkas.append(el('li', { class: 'celah' }, T.ringkasTanpaKontributor(tanpaKontributor.size), ': ',
      m.rhk.filter((r) => tanpaKontributor.has(r.id)).map((r) => nomor[r.id]).join(', ')));
  }
  if (tanpaRhk.size) {
    ringkas.append(el('li', { class: 'celah' }, T.ringkasTanpaRhk(tanpaRhk.size), ': ',
      m.bawahan.filter((b) => tanpaRhk.has(b.pegawai.id)).map((b) => b.pegawai.nama).join(', ')));
  }
  root.append(ringkas.children.length ? ringkas : el('p', { class: 'baik' }, T.matriksLengkap));

  if (!m.bawahan.length) { root.append(kosong(T.tidakAdaBawahan, { label: KOSONG.keBawahan, href: '#/' })); return; }

  const thead = el('thead', {}, el('tr', {},
    el('th', { scope: 'col' }, T.rhkAnda),
    m.bawahan.map((b) => el('th', { scope: 'col', class: tanpaRhk.has(b.pegawai.id) ? 'celah' : null },
      b.skp_id ? el('a', { href: `#/skp/${b.skp_id}` }, b.pegawai.nama) : el('span', {}, b.pegawai.nama),
      el('span', { class: 'kecil' }, b.pegawai.jabatan),
      badge(b.status),
      tanpaRhk.has(b.pegawai.id) ? el('span', { class: 'celah-teks' }, T.tanpaRhkUtama) : null))));
  const tbody = el('tbody', {}, m.rhk.map((r) => el('tr', { class: tanpaKontributor.has(r.id) ? 'celah' : null },
    el('th', { scope: 'row' },
      el('span', { class: 'nomor' }, nomor[r.id]), ' ', r.rhk,
      r.kelompok === 'tambahan' ? el('span', { class: 'kecil' }, KELOMPOK.tambahan) : null,
      tanpaKontributor.has(r.id) ? el('span', { class: 'celah-teks' }, T.tanpaKontributor) : null),
    m.bawahan.map((b) => {
      const isi = m.sel.filter((c) => c.pegawai_id === b.pegawai.id && c.rhk_atasan_id === r.id);
      return el('td', { class: tanpaRhk.has(b.pegawai.id) ? 'celah' : null },
        isi.length ? el('ul', {}, isi.map((c) => el('li', {}, c.rhk,
          c.kelompok === 'tambahan' ? el('span', { class: 'kecil' }, ` (${KELOMPOK.tambahan})`) : null)))
          : [el('span', { 'aria-hidden': 'true' }, '—'), el('span', { class: 'sr-only' }, T.tidakAda)]);
    }))));
  root.append(
    el('p', { class: 'ket', id: 'ket-gulir' }, T.gulirTabel),
    el('div', { class: 'gulir', role: 'region', tabindex: 0, 'aria-label': T.judulMatriks, 'aria-describedby': 'ket-gulir' },
      el('table', { class: 'matriks' }, thead, tbody)));
}
