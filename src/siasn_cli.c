/* siasn_cli.c: `kinerja siasn` (see siasn_cli.h).
 *
 *   kinerja siasn pull      --db PATH [--instansi KODE] [--nip NIP] [--terapkan] [--json]
 *   kinerja siasn push      --db PATH [--instansi KODE] [--nip NIP] [--penilaian ID] [--json]
 *   kinerja siasn reconcile --db PATH [--instansi KODE] [--nip NIP] [--json]
 *   common: [--siasn-secret-file FILE] (else KINERJA_SIASN_SECRET_FILE, else the variables)
 *
 * pull prints the preview it stored; with --terapkan it applies it at once (the command-line
 * user is the admin confirming it), all or nothing. */
#include "siasn_cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "db/db.h"
#include "db/migrate.h"
#include "siasn_kirim.h"
#include "siasn_rekonsiliasi.h"
#include "siasn_tarik.h"
#include "siasn_terapkan.h"
#include "util/util.h"

static const char *flag(int argc, char **argv, const char *name)
{
  for (int i = 0; i < argc - 1; i++)
    if (strcmp(argv[i], name) == 0) return argv[i + 1];
  return NULL;
}

static bool has(int argc, char **argv, const char *name)
{
  for (int i = 0; i < argc; i++)
    if (strcmp(argv[i], name) == 0) return true;
  return false;
}

static int pakai(void)
{
  fprintf(stderr, "Pemakaian: kinerja siasn pull|push|reconcile --db PATH [--instansi KODE] [--nip NIP]\n"
                  "           [--siasn-secret-file FILE] [--json]\n"
                  "  pull       tarik data pegawai dari SIASN dan tampilkan pratinjau perubahan (--terapkan: terapkan)\n"
                  "  push       kirim penilaian final ke SIASN (--penilaian ID: satu penilaian)\n"
                  "  reconcile  laporan selisih data kita dengan SIASN\n");
  return 2;
}

static const char *teks(json_t *o, const char *k)
{
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "-";
}

static const char *nilai_kolom(json_t *o, const char *k, char *buf, size_t n)
{
  json_t *v = json_object_get(o, k);
  if (json_is_string(v)) return json_string_value(v);
  if (json_is_object(v)) {
    const char *nama = teks(v, "nama");
    const char *nip = json_string_value(json_object_get(v, "nip"));
    if (nip) snprintf(buf, n, "%s (%s)", nama, nip); else snprintf(buf, n, "%s", nama);
    return buf;
  }
  return "-";
}

static void cetak_pratinjau(json_t *t)
{
  json_t *r = json_object_get(t, "ringkasan");
  printf("Pratinjau tarikan SIASN #%lld (%s): %lld pegawai baru, %lld berubah (%lld ganti atasan), %lld tidak ada di SIASN.\n",
         (long long)json_integer_value(json_object_get(t, "id")), teks(t, "status"),
         (long long)json_integer_value(json_object_get(r, "baru")), (long long)json_integer_value(json_object_get(r, "berubah")),
         (long long)json_integer_value(json_object_get(r, "atasan")), (long long)json_integer_value(json_object_get(r, "tidak_ada")));
  size_t i, k;
  json_t *p, *kol;
  json_array_foreach(json_object_get(t, "perubahan"), i, p) {
    printf("  [%s] %s %s\n", teks(p, "jenis"), teks(p, "nip"), teks(p, "nama"));
    json_array_foreach(json_object_get(p, "kolom"), k, kol) {
      char a[300], b[300];
      const char *c = json_string_value(kol);
      printf("      %s: %s → %s\n", c, nilai_kolom(json_object_get(p, "sebelum"), c, a, sizeof a),
             nilai_kolom(json_object_get(p, "sesudah"), c, b, sizeof b));
    }
  }
  json_array_foreach(json_object_get(t, "siklus"), i, p) printf("DITOLAK: %s\n", teks(p, "pesan"));
  json_array_foreach(json_object_get(t, "catatan"), i, p) printf("  catatan: %s\n", json_string_value(p));
}

int siasn_main(int argc, char **argv)
{
  if (argc < 1) return pakai();
  const char *aksi = argv[0];
  if (strcmp(aksi, "pull") && strcmp(aksi, "push") && strcmp(aksi, "reconcile")) return pakai();
  const char *e = getenv("KINERJA_DB"), *path = flag(argc, argv, "--db");
  if (!path) path = e && *e ? e : "data/kinerja.db";
  const char *berkas = flag(argc, argv, "--siasn-secret-file");
  if (!berkas) berkas = getenv("KINERJA_SIASN_SECRET_FILE");
  const char *nip = flag(argc, argv, "--nip"), *kode = flag(argc, argv, "--instansi");
  bool as_json = has(argc, argv, "--json");
  char err[1024];
  struct db *db = db_open(path, err, sizeof err);
  if (!db) { fprintf(stderr, "kinerja siasn: %s\n", err); return 1; }
  int rc = 1, nm = 0;
  json_t *nips = NULL, *out = NULL;
  if (migrate_run(db, &nm, err, sizeof err) != 0) { fprintf(stderr, "kinerja siasn: %s\n", err); goto done; }
  int64_t inst = 0;
  struct db_stmt *st = kode ? db_prepare(db, "SELECT id FROM instansi WHERE kode = ?1")
                            : db_prepare(db, "SELECT id FROM instansi WHERE latihan_dari IS NULL"
                                                         "   AND (SELECT COUNT(*) FROM instansi WHERE latihan_dari IS NULL) = 1");
  if (st) {
    if (kode) db_bind_text(st, 1, kode);
    if (db_step(st) == DB_ROW) inst = db_col_int64(st, 0);
    db_done(st);
  }
  if (!inst) {
    fprintf(stderr, kode ? "kinerja siasn: instansi dengan kode %s tidak ada\n"
                         : "kinerja siasn: sebutkan --instansi KODE (basis data tidak berisi tepat satu instansi)%s\n", kode ? kode : "");
    rc = 2;
    goto done;
  }
  if (nip) nips = json_pack("[s]", nip);
  struct audit_actor cli = {0, NULL};
  if (strcmp(aksi, "pull") == 0) {
    int64_t id = 0;
    enum siasn_hasil h;
    int x = siasn_tarik(db, inst, nips, berkas, 0, &id, &h, err, sizeof err);
    if (x != 0 || h != SIASN_OK) {
      fprintf(stderr, "kinerja siasn pull: %s\n", x < 0 ? db_errmsg(db) : err);
      if (id) fprintf(stderr, "Tarikan #%lld gagal; tidak ada data yang diubah. Lihat log sinkronisasi.\n", (long long)id);
      goto done;
    }
    out = siasn_tarikan_json(db, id, NULL);
    if (!out) goto done;
    if (as_json) { char *s = json_dumps(out, JSON_INDENT(2)); if (s) puts(s); free(s); }
    else cetak_pratinjau(out);
    if (json_array_size(json_object_get(out, "siklus"))) { rc = 3; goto done; }
    if (!has(argc, argv, "--terapkan")) {
      if (!as_json) printf("Belum diterapkan. Terapkan dengan: kinerja siasn pull ... --terapkan (atau POST /api/v1/siasn/tarikan/%lld/terapkan)\n", (long long)id);
      rc = 0;
      goto done;
    }
    json_t *errs = NULL, *hasil = NULL;
    int http = 0;
    char pesan[1024] = "";
    if (db_begin_write(db) != DB_OK) goto done;
    x = siasn_terapkan(db, id, inst, &cli, &errs, &http, pesan, sizeof pesan, &hasil);
    if (x == 0 && db_commit(db) == DB_OK) {
      printf("Diterapkan: %lld pegawai baru, %lld identitas diubah, %lld mutasi, %lld unit baru, %lld jabatan baru.\n",
             (long long)json_integer_value(json_object_get(hasil, "pegawai_baru")),
             (long long)json_integer_value(json_object_get(hasil, "identitas_diubah")),
             (long long)json_integer_value(json_object_get(hasil, "mutasi")),
             (long long)json_integer_value(json_object_get(hasil, "unit_baru")),
             (long long)json_integer_value(json_object_get(hasil, "jabatan_baru")));
      rc = 0;
    } else {
      db_rollback(db);
      if (x == 3) { fprintf(stderr, "Ditolak: %s\n", pesan); rc = 3; }
      else if (x == 1) {
        fprintf(stderr, "Ditolak; tidak ada yang diterapkan:\n");
        size_t i;
        json_t *v;
        json_array_foreach(errs, i, v) fprintf(stderr, "  %s: %s\n", teks(v, "field"), teks(v, "message"));
        rc = 3;
      } else fprintf(stderr, "kinerja siasn pull: kesalahan basis data: %s\n", db_errmsg(db));
    }
    json_decref(errs);
    json_decref(hasil);
  } else if (strcmp(aksi, "push") == 0) {
    struct siasn_kirim_opsi o = {.nip = nip, .limit = 1000};
    const char *pid = flag(argc, argv, "--penilaian");
    if (pid && parse_int64(pid, 1, INT64_MAX, &o.penilaian_id) != 0) { fprintf(stderr, "kinerja siasn push: --penilaian harus id\n"); rc = 2; goto done; }
    int x = siasn_kirim(db, inst, &o, berkas, &out, err, sizeof err);
    if (x != 0) {
      fprintf(stderr, "kinerja siasn push: %s\n", x == 2 ? "penilaian itu bukan penilaian final instansi ini" : x < 0 ? db_errmsg(db) : err);
      rc = x == 2 ? 2 : 1;
      goto done;
    }
    if (as_json) { char *s = json_dumps(out, JSON_INDENT(2)); if (s) puts(s); free(s); }
    else {
      printf("Kirim ke SIASN: %lld baru, %lld diperbarui, %lld dilewati (tidak berubah), %lld gagal.\n",
             (long long)json_integer_value(json_object_get(out, "dikirim")), (long long)json_integer_value(json_object_get(out, "diperbarui")),
             (long long)json_integer_value(json_object_get(out, "dilewati")), (long long)json_integer_value(json_object_get(out, "gagal")));
      size_t i;
      json_t *v;
      json_array_foreach(json_object_get(out, "items"), i, v)
        if (strcmp(teks(v, "hasil"), "gagal") == 0)
          printf("  penilaian %lld (NIP %s): %s. %s\n", (long long)json_integer_value(json_object_get(v, "penilaian_id")), teks(v, "nip"),
                 teks(v, "pesan"), teks(v, "saran"));
    }
    rc = json_integer_value(json_object_get(out, "gagal")) ? 1 : 0;
  } else {
    int x = siasn_rekonsiliasi(db, inst, nips, berkas, &out, err, sizeof err);
    if (x != 0) { fprintf(stderr, "kinerja siasn reconcile: %s\n", x < 0 ? db_errmsg(db) : err); goto done; }
    if (as_json) { char *s = json_dumps(out, JSON_INDENT(2)); if (s) puts(s); free(s); }
    else {
      json_t *pg = json_object_get(out, "pegawai"), *pn = json_object_get(out, "penilaian");
      printf("Rekonsiliasi SIASN: %lld selisih.\n", (long long)json_integer_value(json_object_get(out, "jumlah_selisih")));
      printf("  pegawai hanya di kita: %zu, hanya di SIASN: %zu, berbeda: %zu\n", json_array_size(json_object_get(pg, "hanya_di_kita")),
             json_array_size(json_object_get(pg, "hanya_di_siasn")), json_array_size(json_object_get(pg, "berbeda")));
      printf("  unit kerja hanya di kita: %zu\n", json_array_size(json_object_get(json_object_get(out, "unit_kerja"), "hanya_di_kita")));
      printf("  penilaian belum dikirim: %zu, berubah sejak dikirim: %zu, tidak ada di SIASN: %zu, berbeda di SIASN: %zu\n",
             json_array_size(json_object_get(pn, "belum_dikirim")), json_array_size(json_object_get(pn, "berubah_sejak_dikirim")),
             json_array_size(json_object_get(pn, "tidak_ada_di_siasn")), json_array_size(json_object_get(pn, "berbeda_di_siasn")));
    }
    rc = 0;
  }
done:
  json_decref(nips);
  json_decref(out);
  db_close(db);
  return rc;
}
