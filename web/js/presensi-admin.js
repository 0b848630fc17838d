// presensi-admin.js: "Presensi" for the instansi admin (#/admin/presensi): the work schedule of
// the instansi or of a unit (5/6-day week, Friday/Saturday end, Ramadan hours), the import
// sources with their column mapping, the CSV import (every line checked first; rejected files
// list their errors by line, stored ones their summary) and the statuses that are not
// deductions (cuti, dinas luar, sakit dengan surat, tugas belajar).
import { api } from './api.js';
import { tanggal } from './teks.js';
import { el, fill, labelled, alertBox, showAlert, showProblem, announce, busy, radioGroup, clearErrors, galatLokal } from './ui.js';
import { TA, STATUS_PRESENSI } from './teks-admin.js';
import { wajibAdmin, semuaUnit, opsiUnit, pegawaiNip, kirimBerkas, galatBaris, tabelGalat, kemajuanUnggah } from './admin-dasar.js';
import { kosong, fokusKe } from './kosong.js';
import { KOSONG } from './teks-kosong.js';

// the statuses recorded while the app is open (the API has no list to read them back)
const dicatat = [];

export async function presensiAdmin(root, ctx) {
  if (!wajibAdmin(root, ctx)) return;
  const [units, sumber] = await Promise.all([semuaUnit(), api('GET', '/api/v1/presensi/sumber')]);
  let daftarSumber = sumber.items;
  const secJadwal = el('section', { class: 'panel', 'aria-labelledby': 'judul-jadwal' });
  const secSumber = el('section', { 'aria-labelledby': 'judul-sumber' });
  const secImpor = el('section', { class: 'panel', 'aria-labelledby': 'judul-impor-presensi' });
  const secStatus = el('section', { 'aria-labelledby': 'judul-status-presensi' });
  root.append(el('p', { class: 'jejak' }, el('a', { href: '#/admin' }, `← ${TA.adminJudul}`)),
    el('h2', {}, TA.presensiAdminJudul), secJadwal, secSumber, secImpor, secStatus);
  await jadwal('');
  tampilSumber();
  impor();
  status();

  // ------------------------------------------------------------ schedule
  async function jadwal(unitId) {
    const j = await api('GET', `/api/v1/jadwal-kerja${unitId ? `?unit_kerja_id=${unitId}` : ''}`);
    const fbox = alertBox();
    const untuk = el('select', {}, el('option', { value: '' }, TA.jadwalInstansi), opsiUnit(units.filter((u) => u.aktif !== false)));
    untuk.value = unitId;
    untuk.addEventListener('change', () => {
      jadwal(untuk.value).then(() => secJadwal.querySelector('select').focus(), (e) => showProblem(fbox, e));
    });
    const waktu = (field, v) => el('input', { type: 'time', 'data-field': field, value: v || '' });
    const hari = radioGroup({ legend: TA.hariKerja, options: TA.hariKerjaOpsi, value: String(j.hari_kerja), field: 'hari_kerja' });
    const f = {
      masuk: waktu('masuk', j.masuk), pulang: waktu('pulang', j.pulang),
      pulang_jumat: waktu('pulang_jumat', j.pulang_jumat), pulang_sabtu: waktu('pulang_sabtu', j.pulang_sabtu),
      ramadan_mulai: el('input', { type: 'date', 'data-field': 'ramadan_mulai', value: j.ramadan_mulai || '' }),
      ramadan_selesai: el('input', { type: 'date', 'data-field': 'ramadan_selesai', value: j.ramadan_selesai || '' }),
      ramadan_masuk: waktu('ramadan_masuk', j.ramadan_masuk), ramadan_pulang: waktu('ramadan_pulang', j.ramadan_pulang),
    };
    const form = el('form', { novalidate: true },
      el('h3', { id: 'judul-jadwal', tabindex: -1 }, TA.jadwalJudul), el('p', { class: 'ket' }, TA.jadwalKet), fbox,
      ...labelled(TA.jadwalUntuk, untuk),
      el('p', { class: j.baku ? 'peringatan-ringan' : 'ket' }, j.baku ? TA.jadwalBaku : unitId ? TA.jadwalUnitKet : ''),
      hari,
      el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TA.jamMasuk, f.masuk)), el('div', {}, ...labelled(TA.jamPulang, f.pulang))),
      el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TA.pulangJumat, f.pulang_jumat, TA.opsional)),
        el('div', {}, ...labelled(TA.pulangSabtu, f.pulang_sabtu, TA.opsional))),
      el('fieldset', {}, el('legend', {}, TA.ramadan), el('p', { class: 'ket' }, TA.ramadanKet),
        el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TA.ramadanMulai, f.ramadan_mulai)),
          el('div', {}, ...labelled(TA.ramadanSelesai, f.ramadan_selesai))),
        el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TA.ramadanMasuk, f.ramadan_masuk)),
          el('div', {}, ...labelled(TA.ramadanPulang, f.ramadan_pulang)))),
      el('button', { type: 'submit' }, TA.simpanJadwal));
    fill(secJadwal, form);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const data = { hari_kerja: Number(hari.nilai() || 5), masuk: f.masuk.value || null, pulang: f.pulang.value || null };
      for (const k of ['pulang_jumat', 'pulang_sabtu', 'ramadan_mulai', 'ramadan_selesai', 'ramadan_masuk', 'ramadan_pulang']) data[k] = f[k].value || null;
      if (unitId) data.unit_kerja_id = Number(unitId);
      try { await busy(form, () => api('PUT', '/api/v1/jadwal-kerja', data)); } catch (e) { showProblem(fbox, e, form); return; }
      await jadwal(unitId);
      announce(TA.jadwalDisimpan);
      secJadwal.querySelector('h3').focus();
    });
  }

  // ------------------------------------------------------------ import sources
  function tampilSumber(fokus) {
    const fbox = alertBox();
    const nama = el('input', { 'data-field': 'nama', maxlength: 100, autocomplete: 'off' });
    const kol = {
      nip: el('input', { 'data-field': 'pemetaan.nip', maxlength: 100, autocomplete: 'off' }),
      tanggal: el('input', { 'data-field': 'pemetaan.tanggal', maxlength: 100, autocomplete: 'off' }),
      masuk: el('input', { 'data-field': 'pemetaan.masuk', maxlength: 100, autocomplete: 'off' }),
      pulang: el('input', { 'data-field': 'pemetaan.pulang', maxlength: 100, autocomplete: 'off' }),
    };
    const format = radioGroup({ legend: TA.formatTanggal, options: TA.formatOpsi, value: 'iso', field: 'pemetaan.format_tanggal' });
    const form = el('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'judul-form-sumber' },
      el('h4', { id: 'judul-form-sumber', tabindex: -1 }, TA.simpanSumber), fbox,
      ...labelled(TA.namaSumber, nama, TA.namaSumberKet),
      el('fieldset', { 'data-field': 'pemetaan', 'data-label': TA.pemetaanLabel }, el('legend', {}, TA.pemetaanLegend),
        el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TA.kolomNip, kol.nip)), el('div', {}, ...labelled(TA.kolomTanggal, kol.tanggal))),
        el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TA.kolomMasuk, kol.masuk)), el('div', {}, ...labelled(TA.kolomPulang, kol.pulang)))),
      format, el('button', { type: 'submit' }, TA.simpanSumber));
    const isiForm = (s) => {
      nama.value = s.nama;
      for (const k of Object.keys(kol)) kol[k].value = s.pemetaan[k] || '';
      const r = format.querySelector(`input[value="${s.pemetaan.format_tanggal === 'dmy' ? 'dmy' : 'iso'}"]`);
      if (r) r.checked = true;
      form.querySelector('h4').focus();
    };
    fill(secSumber, el('h3', { id: 'judul-sumber', tabindex: -1 }, TA.sumberJudul), el('p', { class: 'ket' }, TA.sumberKet),
      daftarSumber.length ? el('ul', { class: 'daftar' }, daftarSumber.map((s) => el('li', { class: 'kartu' },
        el('p', { class: 'judul-kartu' }, el('strong', {}, s.nama),
          el('button', { type: 'button', class: 'kedua kecil', 'aria-label': TA.ubahSumber(s.nama), on: { click: () => isiForm(s) } }, TA.ubah)),
        el('p', { class: 'ket' }, TA.pemetaan(s.pemetaan)))))
        : kosong(TA.sumberKosong, { label: KOSONG.tambahSumber, on: fokusKe(form) }),
      form);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const pemetaan = { format_tanggal: format.nilai() || 'iso' };
      for (const k of Object.keys(kol)) pemetaan[k] = kol[k].value.trim();
      try {
        await busy(form, () => api('POST', '/api/v1/presensi/sumber', { nama: nama.value.trim(), pemetaan }));
        daftarSumber = (await api('GET', '/api/v1/presensi/sumber')).items;
      } catch (e) { showProblem(fbox, e, form); return; }
      tampilSumber(true);
      impor();
      announce(TA.sumberDisimpan);
    });
    if (fokus) secSumber.querySelector('h3').focus();
  }

  // ------------------------------------------------------------ CSV import
  function impor() {
    const box = alertBox();
    const pilih = el('select', { 'data-field': 'sumber_id' }, el('option', { value: '' }, TA.pilihSumber),
      daftarSumber.map((s) => el('option', { value: String(s.id) }, s.nama)));
    if (daftarSumber.length === 1) pilih.value = String(daftarSumber[0].id);
    const berkas = el('input', { type: 'file', accept: '.csv,text/csv,text/plain', 'data-field': 'berkas' });
    const kemajuan = kemajuanUnggah();
    const hasil = el('div', { class: 'hasil-impor' });
    const form = el('form', { novalidate: true },
      el('h3', { id: 'judul-impor-presensi' }, TA.imporPresensi), el('p', { class: 'ket' }, TA.imporPresensiKet), box,
      ...labelled(TA.sumber, pilih), ...labelled(TA.berkas, berkas), el('button', { type: 'submit' }, TA.impor), kemajuan, hasil);
    fill(secImpor, form);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      showAlert(box, '');
      fill(hasil);
      if (!pilih.value) { showProblem(box, galatLokal('sumber_id', TA.pilihSumber), form); return; }
      const f = berkas.files && berkas.files[0];
      if (!f) { showProblem(box, galatLokal('berkas', TA.pilihBerkas), form); return; }
      clearErrors(form);
      kemajuan.mulai();
      let r;
      try {
        r = await busy(form, () => kirimBerkas(`/api/v1/presensi/impor?sumber_id=${pilih.value}`, f, (x) => kemajuan.set(x)));
      } catch (e) {
        kemajuan.selesai();
        const rows = galatBaris(e);
        if (e.status === 422 && rows.some((x) => x.baris)) {
          fill(hasil, el('h4', { tabindex: -1, class: 'judul-galat' }, TA.presensiDitolak(rows.length)), tabelGalat(rows));
          hasil.querySelector('h4').focus();
        } else showProblem(box, e, form);
        return;
      }
      kemajuan.selesai();
      fill(hasil, el('p', { class: 'baik', tabindex: -1 }, TA.presensiDisimpan(r, tanggal(r.dari), tanggal(r.sampai))));
      hasil.firstChild.focus();
    });
  }

  // ------------------------------------------------------------ statuses
  function status() {
    const fbox = alertBox();
    const nip = el('input', { 'data-field': 'nip', inputmode: 'numeric', maxlength: 18, autocomplete: 'off' });
    const jenis = el('select', { 'data-field': 'status' }, el('option', { value: '' }, TA.pilihStatus),
      Object.entries(STATUS_PRESENSI).map(([v, t]) => el('option', { value: v }, t)));
    const dari = el('input', { type: 'date', 'data-field': 'dari' });
    const sampai = el('input', { type: 'date', 'data-field': 'sampai' });
    const ket = el('textarea', { 'data-field': 'keterangan', rows: 2, maxlength: 500 });
    const form = el('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'judul-form-status' },
      el('h4', { id: 'judul-form-status' }, TA.tambahStatus), fbox,
      ...labelled(TA.nipPegawai, nip), ...labelled(TA.jenisStatus, jenis),
      el('div', { class: 'dua-kolom' }, el('div', {}, ...labelled(TA.dari, dari)), el('div', {}, ...labelled(TA.sampai, sampai))),
      ...labelled(TA.keterangan, ket, TA.opsional), el('button', { type: 'submit' }, TA.tambahStatus));
    const milik = dicatat.filter((x) => x.oleh === ctx.me.pengguna.id);
    const daftar = milik.length ? [el('h4', {}, TA.statusSesiIni), el('p', { class: 'ket' }, TA.statusSesiKet),
      el('ul', { class: 'daftar' }, milik.map((s) => {
        const rentang = s.dari === s.sampai ? tanggal(s.dari) : `${tanggal(s.dari)} – ${tanggal(s.sampai)}`;
        return el('li', { class: 'kartu' },
          el('p', { class: 'judul-kartu' }, el('strong', {}, `${STATUS_PRESENSI[s.status]}: ${s.nama}`),
            el('a', { class: 'tautan-sentuh', href: `#/pegawai/${s.pegawai_id}/presensi?bulan=${s.dari.slice(0, 7)}` }, TA.lihatPresensi)),
          el('p', { class: 'ket' }, rentang),
          el('button', { type: 'button', class: 'kecil bahaya', 'aria-label': TA.hapusStatus(STATUS_PRESENSI[s.status], s.nama),
            on: { click: async (ev) => {
              if (!window.confirm(TA.konfirmasiHapusStatus(STATUS_PRESENSI[s.status], s.nama, rentang))) return;
              try { await busy(ev.currentTarget.closest('li'), () => api('DELETE', `/api/v1/presensi-status/${s.id}`)); } catch (e) {
                if (e.status !== 404) { showProblem(fbox, e); return; }
              }
              dicatat.splice(dicatat.indexOf(s), 1);
              status();
              announce(TA.statusDihapus);
              secStatus.querySelector('h3').focus();
            } } }, TA.hapus));
      }))] : null;
    fill(secStatus, el('h3', { id: 'judul-status-presensi', tabindex: -1 }, TA.statusJudul), el('p', { class: 'ket' }, TA.statusKet),
      form, daftar);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const data = { status: jenis.value, dari: dari.value, sampai: sampai.value };
      if (ket.value.trim()) data.keterangan = ket.value.trim();
      let p;
      let r;
      try {
        await busy(form, async () => {
          p = nip.value.trim() ? await pegawaiNip(nip.value.trim()) : null;
          if (!p) throw galatLokal('nip', TA.pegawaiTidakDitemukan);
          r = await api('POST', `/api/v1/pegawai/${p.id}/presensi-status`, data);
        });
      } catch (e) { showProblem(fbox, e, form); return; }
      dicatat.unshift({ id: r.id, pegawai_id: p.id, nama: p.nama_lengkap, oleh: ctx.me.pengguna.id, ...data });
      status();
      announce(TA.statusDicatat(STATUS_PRESENSI[data.status], p.nama_lengkap));
      secStatus.querySelector('h3').focus();
    });
  }
}

