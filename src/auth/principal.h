/* principal.h: who is making a request, and the roles (peran) they hold. */
#ifndef KINERJA_PRINCIPAL_H
#define KINERJA_PRINCIPAL_H
#include <stdbool.h>
#include <stdint.h>

struct akses_jejak;

/* Stored in pengguna.peran (bits 0..3); PERAN_PEGAWAI is derived from pengguna.pegawai_id. */
#define PERAN_ADMIN      0x01u  /* admin instansi (kepegawaian / BKPSDM) */
#define PERAN_PIMPINAN   0x02u  /* reads everything in the instansi */
#define PERAN_AUDITOR    0x04u  /* reads the audit log */
#define PERAN_SUPERADMIN 0x08u  /* every instansi */
#define PERAN_PEGAWAI    0x10u  /* linked to a pegawai: own data, and subtree when atasan */
#define PERAN_STORED_MASK 0x0fu

struct principal {
  int64_t pengguna_id;
  int64_t pegawai_id;     /* 0 when not linked */
  int64_t instansi_id;    /* 0 for superadmin */
  unsigned peran;
  char username[64];
  int64_t sesi_id;        /* 0 when authenticated by bearer token */
  int64_t token_id;       /* 0 when authenticated by session */
  bool token_write;       /* bearer token scope allows writes */
  char csrf[65];          /* the session's CSRF token */
  bool terbatas;          /* a restricted session: may only enrol 2FA and log out */
  struct akses_jejak *jejak; /* the request's marks of pegawai read (auth/akses_jejak.h); NULL outside requests */
};
#endif
