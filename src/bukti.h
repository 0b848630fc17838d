/* bukti.h: bukti dukung (evidence) of activities and realisasi: uploaded files and links.
 *
 * Files are stored once per content (content-addressed by the SHA-256 of the plaintext) under
 * `<data dir>/bukti/<first 2 hex>/<sha256>`, encrypted at rest with libsodium's
 * crypto_secretstream_xchacha20poly1305 in 64 KiB chunks.  The key is KINERJA_BUKTI_KEY (64
 * hex) when set, else `<data dir>/kunci-bukti` (64 hex and a newline, mode 0600, created at
 * random on first use).  Losing the key loses every stored file: back it up with the data.
 *
 * Object file: "KNJBKT1\n", the 24-byte secretstream header, then chunks of 64 KiB plaintext
 * each followed by its 17-byte tag; the last chunk carries TAG_FINAL.  Every chunk has the
 * SHA-256 hex as additional data, so an object renamed to another name does not decrypt, and
 * the plaintext's SHA-256 is checked again after decryption.  Writes are atomic (temporary
 * file with O_EXCL and mode 0600 in the same directory, fsync, rename, fsync of the directory).
 *
 * The database rows (table bukti) are written in the caller's transaction with an audit
 * record; an object is written or removed inside that transaction too (the write lock makes
 * an upload and a delete of the same content take turns; see bukti_delete).
 *
 * Return convention of the writers (as aktivitas.h): 0 ok, 1 field errors in *errs (*http is
 * the status: 413, 415 or 422), 3 refused (*http 403/409 and *pesan), -1 database error,
 * -2 storage error (already logged).
 */
#ifndef KINERJA_BUKTI_H
#define KINERJA_BUKTI_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "audit.h"
#include "db/db.h"
#include "rules/sniff.h"

#define BUKTI_NAMA_MAKS 200                 /* characters of a name, extension included */
#define BUKTI_NAMA_BUF (BUKTI_NAMA_MAKS * 4 + 1)
#define BUKTI_URL_MAKS 2000
#define BUKTI_CHUNK (64u * 1024u)
#define BUKTI_PATH_MAX 1200

/* ---- storage ---- */
/* Where objects live (issue 12 part 3; --bukti-store): files under dir (the default; put the
 * data directory on storage every node mounts to share it), or, when db is set, the table
 * bukti_objek of that connection (sql/032; the same encrypted bytes, base64) written in the
 * caller's transaction.  With db set, an object missing from the table is still read from
 * dir (files stored before the switch keep working) and deleting removes both.  Several nodes
 * need the same key: KINERJA_BUKTI_KEY, or the key file in a shared data directory. */
struct bukti_gudang {
  char dir[BUKTI_PATH_MAX];     /* <data dir>/bukti */
  unsigned char kunci[32];
  struct db *db;                /* NULL: directory store; else the database store on this connection */
};

/* Opens the store below data_dir (creating data_dir and data_dir/bukti, mode 0700, when
 * missing) and loads the key: env_hex (the value of KINERJA_BUKTI_KEY; NULL or "" = unset),
 * else the key file, created on first use.  A key file readable by group or others is
 * refused.  0, or -1 with an English/Indonesian reason in err (for the log, not for clients).
 * bukti_gudang_tutup() wipes the key. */
int bukti_gudang_buka(struct bukti_gudang *g, const char *data_dir, const char *env_hex,
                      char *err, size_t errlen);
void bukti_gudang_tutup(struct bukti_gudang *g);
/* Only the directory (no key): enough to remove objects.  0 or -1 (path too long). */
int bukti_gudang_dir(struct bukti_gudang *g, const char *data_dir);

/* SHA-256 of data as 64 lowercase hex + NUL. */
void bukti_sha256_hex(const void *data, size_t len, char out[65]);
/* The path of object `sha` (64 hex); -1 when sha is not 64 lowercase hex or the path is too long. */
int bukti_objek_path(const struct bukti_gudang *g, const char *sha, char *out, size_t n);
/* Stores `len` bytes whose SHA-256 is `sha`, encrypted; when the object exists already nothing
 * is written (dedupe) and *baru is false.  0, or -1 (err filled; no partial file is left). */
int bukti_objek_simpan(const struct bukti_gudang *g, const char *sha, const void *data, size_t len,
                       bool *baru, char *err, size_t errlen);
/* Decrypts object `sha` (at most `maks` bytes of plaintext) into *out, malloc'd, owned by the
 * caller (free()).  0; 1 when the object is missing; -1 when it is damaged, larger than maks,
 * does not decrypt with this key, or its SHA-256 differs (err filled). */
int bukti_objek_muat(const struct bukti_gudang *g, const char *sha, size_t maks,
                     unsigned char **out, size_t *outlen, char *err, size_t errlen);

/* ---- pure helpers ---- */
/* A safe display/download name from a client's file name: the last path component only, no
 * control or bidi characters, no "..", quotes and Windows-reserved characters replaced, at most
 * BUKTI_NAMA_MAKS characters, and an extension matching the sniffed type (an accepted spelling
 * is kept in lower case; another extension is replaced).  "" or nothing left gives "berkas".
 * out must hold BUKTI_NAMA_BUF bytes. */
void bukti_nama_bersih(const char *in, enum sniff_jenis jenis, char *out, size_t n);
/* NULL when url is an acceptable link (http/https, a host, no user:password@, printable ASCII,
 * at most BUKTI_URL_MAKS characters); else the Indonesian reason. */
const char *bukti_url_periksa(const char *url);
/* Formats a byte count for messages: "10 MB", "1,5 MB", "800 KB", "512 byte". */
void bukti_format_ukuran(int64_t bytes, char *out, size_t n);

/* ---- rows ---- */
struct bukti_baru {
  int64_t pegawai_id;          /* the uploader (owner) */
  int64_t aktivitas_id;        /* 0 = none; at most one of aktivitas_id / realisasi_id */
  int64_t realisasi_id;
  int64_t inovasi_id;          /* 0 = none; an innovation of the uploader (issue 15) */
  const char *nama;            /* as the client sent it (files: sanitised here) */
  const unsigned char *data;   /* bukti_berkas_create */
  size_t len;
  const char *url;             /* bukti_tautan_create */
};

/* Stores an uploaded file: sniffs the type (415), checks the instansi's per-file limit (413)
 * and the pegawai's quota (422), that the aktivitas/realisasi is the uploader's (403; unknown
 * 422), writes the object (dedupe), inserts the row and audits "bukti.create" (metadata only).
 * *out_id receives the new id. */
int bukti_berkas_create(struct db *db, const struct bukti_gudang *g, const struct bukti_baru *b,
                        const struct audit_actor *who, json_t **errs, int *http, const char **pesan,
                        int64_t *out_id);
/* Stores a link (url checked with bukti_url_periksa; nama is the title). */
int bukti_tautan_create(struct db *db, const struct bukti_baru *b, const struct audit_actor *who,
                        json_t **errs, int *http, const char **pesan, int64_t *out_id);

/* What the handlers need of one row. */
struct bukti_info {
  int64_t id, instansi_id, pegawai_id, ukuran;
  bool berkas;                 /* jenis 'berkas' (else 'tautan') */
  char sha256[65];
  char mime[128];
  char nama[BUKTI_NAMA_BUF];
};
/* Loads a non-deleted row: 0, 1 absent or deleted, -1 error. */
int bukti_load(struct db *db, int64_t id, struct bukti_info *out);
/* The row as JSON (new reference), or NULL when absent or on error. */
json_t *bukti_json(struct db *db, int64_t id);

/* The owner pegawai and instansi of an activity (not withdrawn) / a realisasi (through its
 * SKP): 0, 1 absent, -1 error. */
int bukti_pemilik_aktivitas(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *instansi_id);
int bukti_pemilik_realisasi(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *instansi_id);
int bukti_pemilik_inovasi(struct db *db, int64_t id, int64_t *pegawai_id, int64_t *instansi_id);
/* Bytes counted against a pegawai's quota (their non-deleted files); -1 on error. */
int64_t bukti_terpakai(struct db *db, int64_t pegawai_id);

struct bukti_query {
  int64_t pegawai_id, aktivitas_id, realisasi_id, inovasi_id;   /* exactly one is set */
  int64_t cursor;              /* last id of the previous page */
  int limit;
};
/* {items, limit, next_cursor}, oldest first; NULL on error. */
json_t *bukti_list(struct db *db, const struct bukti_query *q);

/* An object set aside by a delete, removed for good once the transaction commits. */
struct bukti_buang {
  bool ada;
  char asli[BUKTI_PATH_MAX];
  char sampah[BUKTI_PATH_MAX];
};
/* Marks bukti `id` deleted (dihapus = 1: it leaves the quota) when it belongs to pegawai_id
 * (else 3 with *http 403; absent or already deleted: 2), audits "bukti.delete", and when no
 * other non-deleted row uses the same content, renames its object aside into *buang.  After
 * the transaction, call bukti_buang_selesai() with whether it committed: the object is then
 * removed, or put back. */
int bukti_delete(struct db *db, const struct bukti_gudang *g, int64_t id, int64_t pegawai_id,
                 const struct audit_actor *who, int *http, const char **pesan, struct bukti_buang *buang);
void bukti_buang_selesai(struct bukti_buang *buang, bool committed);
/* Streaming decryption of a stored object for downloads: open, then read until -1 (the end,
 * with the whole plaintext's SHA-256 checked) or -2 (broken: bad chunk, truncated, wrong key or
 * SHA-256 mismatch); reads never return 0.  NULL when the object cannot be opened. */
struct bukti_aliran;
struct bukti_aliran *bukti_aliran_buka(const struct bukti_gudang *g, const char *sha);
/* As bukti_aliran_buka; *ada is set when the object exists (so NULL with *ada set means a
 * damaged object or a wrong key, NULL without it a missing one). */
struct bukti_aliran *bukti_aliran_buka_ada(const struct bukti_gudang *g, const char *sha, int *ada);
/* The encrypted bytes of object sha in the database store into *out (malloc'd, the caller
 * frees).  0; 1 when there is no such row; -1 on a database error or bad base64. */
int bukti_objek_db_baca(struct db *db, const char *sha, unsigned char **out, size_t *outlen);
ssize_t bukti_aliran_baca(struct bukti_aliran *a, char *out, size_t max);
void bukti_aliran_tutup(struct bukti_aliran *a);
#endif
