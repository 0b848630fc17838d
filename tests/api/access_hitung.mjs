// Access scenarios of the calculator routes (issue 6), merged into access.test.mjs.
// The calculator reads and stores nothing: every signed-in role gets 200 (a read-only token is
// still refused, as on every POST), without login 401.
export async function setup(srv, T, ctx) { /* the calculator needs no data */ }

export function scenarios(h) {
  const route = (name, body) => ({ ok: h.ROLES, path: () => `/api/v1/hitung/${name}`, body });
  return {
    'POST /api/v1/hitung/predikat': route('predikat', () => ({ hasil_kerja: 'sesuai', perilaku: 'di_atas' })),
    'POST /api/v1/hitung/kurva': route('kurva', () => ({ organisasi: 'baik', jumlah: [0, 8, 2, 0, 0] })),
    'POST /api/v1/hitung/angka-kredit': route('angka-kredit', () => ({ jenjang: 'ahli_pertama',
      periode: ['2023-01:2023-12=sangat_baik', '2024-01:2024-02=baik'] })),
    'POST /api/v1/hitung/pp30': route('pp30', () => ({ skp: 100, perilaku: 80, penilaian_360: true })),
    'POST /api/v1/hitung/pp46': route('pp46', () => ({ kegiatan: ['10,100,12:10,90,12'], perilaku: 80 })),
  };
}
