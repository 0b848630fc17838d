/* cadangan.h: encrypted online backups of a SQLite database (and optionally the evidence store).
 *
 * A backup file ("cadangan") is:
 *   header  "KNJCDG1\n", version (1 byte, = 1), flags (1 byte: 1 = encrypted), 6 zero bytes;
 *           when encrypted, followed by the 24-byte crypto_secretstream header
 *   chunks  u32 LE length, then the body.  Encrypted: XChaCha20-Poly1305 secretstream ciphertext
 *           of up to CADANGAN_CHUNK plain bytes, with the 16-byte file header as additional data,
 *           the last chunk tagged FINAL.  Plain: a tag byte (0, or 3 = final) and the bytes; the
 *           final chunk carries the BLAKE2b-256 of the header and every plain byte before it.
 * The plain payload is a sequence of records: type (1 byte), name length (u16 LE), name,
 * size (u64 LE), data; types 'D' the database, 'K' the evidence key, 'B' one evidence object
 * ("ab/<sha256>"), 'Z' the end.  A file that is cut short, has bytes added, or has any byte
 * changed is refused before anything is written in place.  Without a key the hash detects
 * accidents only (whoever can write the file can recompute it); with a key it is authenticated.
 */
#ifndef KINERJA_CADANGAN_H
#define KINERJA_CADANGAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CADANGAN_CHUNK 65536
#define CADANGAN_KUNCI 32

/* ---- key files (cadangan_kunci.c) ---- */
/* Reads a 32-byte key from path: 64 hex characters (an optional newline) or 32 raw bytes.  The
 * file must be a regular file not readable or writable by group or others (mode 0600 or 0400). */
int cadangan_kunci_baca(const char *path, unsigned char kunci[CADANGAN_KUNCI], char *err, size_t n);
/* Creates path (must not exist) with mode 0600 holding a fresh random key as hex. */
int cadangan_kunci_buat(const char *path, char *err, size_t n);

/* ---- the chunked stream (cadangan_aliran.c) ---- */
struct cadangan_tulis;
struct cadangan_baca;
/* Writes the header to fd and returns a writer; kunci NULL = not encrypted.  Free with
 * cadangan_tulis_tutup (finishes the stream) or cadangan_tulis_batal. */
struct cadangan_tulis *cadangan_tulis_buka(int fd, const unsigned char *kunci, char *err, size_t n);
int cadangan_tulis(struct cadangan_tulis *w, const void *p, size_t len);
int cadangan_tulis_tutup(struct cadangan_tulis *w, char *err, size_t n);
void cadangan_tulis_batal(struct cadangan_tulis *w);
/* Reads and checks the header.  *terenkripsi tells whether the file needs a key; kunci may be
 * NULL for a plain file.  Free with cadangan_baca_tutup. */
struct cadangan_baca *cadangan_baca_buka(int fd, const unsigned char *kunci, bool *terenkripsi,
                                         char *err, size_t n);
/* Reads exactly len bytes (0 ok, -1 with the reason in the reader's error). */
int cadangan_baca(struct cadangan_baca *r, void *p, size_t len);
/* After the last record: the stream must end here (final chunk, hash, end of file). */
int cadangan_baca_akhir(struct cadangan_baca *r);
const char *cadangan_baca_galat(const struct cadangan_baca *r);
void cadangan_baca_tutup(struct cadangan_baca *r);

/* ---- the consistent copy (cadangan_salin.c) ---- */
/* Copies the live database at src (WAL; writers keep going) into the new file dst with the
 * SQLite online backup API, as one consistent snapshot. */
int cadangan_salin_db(const char *src, const char *dst, char *err, size_t n);
/* PostgreSQL (cadangan_pg.c): every table of the database at src_url, read in one REPEATABLE
 * READ snapshot, into the new SQLite file dst (same schema, row counts and audit chain checked),
 * so that the backup format is the same on both backends. */
int cadangan_pg_ke_sqlite(const char *src_url, const char *dst_path, char *err, size_t n);

/* ---- records (cadangan_arsip.c) ---- */
struct cadangan_ringkas { int64_t db_bytes, objek, objek_bytes; bool ada_kunci_bukti; };
/* Writes a whole backup: the database snapshot file db_snap, then (data_dir != NULL) the evidence
 * key (only when encrypting) and objects under data_dir/bukti, then the end record. */
int cadangan_arsip_tulis(struct cadangan_tulis *w, const char *db_snap, const char *data_dir,
                         bool sertakan_kunci, struct cadangan_ringkas *rk, char *err, size_t n);
/* Reads a whole backup: the database into db_out (an open fd), evidence into staging (a
 * directory, NULL = skip evidence), and checks the end of the stream. */
int cadangan_arsip_baca(struct cadangan_baca *r, int db_out, const char *staging,
                        struct cadangan_ringkas *rk, char *err, size_t n);

/* ---- the commands (cadangan_cli.c) ---- */
int cadangan_backup_main(int argc, char **argv);
int cadangan_restore_main(int argc, char **argv);

#endif
