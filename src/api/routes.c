/* routes.c: every route of the server, its capability and its body limit (one table; a test
 * checks each one is in docs/openapi.yaml). */
#include "api/api.h"
#include "http/server_internal.h"

#define ADMIN (PERAN_ADMIN | PERAN_SUPERADMIN)
#define SUPER PERAN_SUPERADMIN
#define AUDIT (PERAN_AUDITOR | PERAN_SUPERADMIN)
#define JSON_MAX (64u * 1024u)
#define CSV_MAX (64u * 1024u * 1024u)

const struct route api_routes[] = {
  {"GET", "/healthz", server_healthz, CAP_PUBLIC, BODY_NONE, 0},
  {"GET", "/metrics", server_metrics, CAP_PUBLIC, BODY_NONE, 0},

  {"POST", "/api/v1/auth/login", api_login, CAP_PUBLIC, BODY_JSON, 4096},
  {"POST", "/api/v1/auth/logout", api_logout, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/auth/me", api_me, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/auth/password", api_password, CAP_USER, BODY_JSON, 4096},

  {"GET", "/api/v1/pegawai", api_pegawai_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/pegawai", api_pegawai_create, ADMIN, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/pegawai/{id}", api_pegawai_get, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/pegawai/{id}", api_pegawai_update, ADMIN, BODY_JSON, JSON_MAX},
  {"POST", "/api/v1/pegawai/{id}/mutasi", api_pegawai_mutasi, ADMIN, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/pegawai/{id}/riwayat", api_pegawai_riwayat, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/pegawai/{id}/atasan", api_pegawai_atasan, CAP_USER, BODY_NONE, 0},
  {"GET", "/api/v1/pegawai/{id}/bawahan", api_pegawai_bawahan, CAP_USER, BODY_NONE, 0},

  {"GET", "/api/v1/instansi", api_instansi_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/instansi", api_instansi_create, SUPER, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/instansi/{id}", api_instansi_get, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/instansi/{id}", api_instansi_update, ADMIN, BODY_JSON, JSON_MAX},

  {"GET", "/api/v1/unit-kerja", api_unit_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/unit-kerja", api_unit_create, ADMIN, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/unit-kerja/{id}", api_unit_get, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/unit-kerja/{id}", api_unit_update, ADMIN, BODY_JSON, JSON_MAX},

  {"GET", "/api/v1/jabatan", api_jabatan_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/jabatan", api_jabatan_create, ADMIN, BODY_JSON, JSON_MAX},
  {"GET", "/api/v1/jabatan/{id}", api_jabatan_get, CAP_USER, BODY_NONE, 0},
  {"PATCH", "/api/v1/jabatan/{id}", api_jabatan_update, ADMIN, BODY_JSON, JSON_MAX},

  {"GET", "/api/v1/pengguna", api_pengguna_list, ADMIN, BODY_NONE, 0},
  {"POST", "/api/v1/pengguna", api_pengguna_create, ADMIN, BODY_JSON, JSON_MAX},
  {"PATCH", "/api/v1/pengguna/{id}", api_pengguna_update, ADMIN, BODY_JSON, JSON_MAX},

  {"GET", "/api/v1/token", api_token_list, CAP_USER, BODY_NONE, 0},
  {"POST", "/api/v1/token", api_token_create, CAP_USER, BODY_JSON, 4096},
  {"DELETE", "/api/v1/token/{id}", api_token_delete, CAP_USER, BODY_NONE, 0},

  {"GET", "/api/v1/audit", api_audit_list, AUDIT, BODY_NONE, 0},
  {"GET", "/api/v1/audit/verify", api_audit_verify, AUDIT, BODY_NONE, 0},

  {"POST", "/api/v1/import/pegawai", api_import_pegawai, ADMIN, BODY_CSV, CSV_MAX},
};
const size_t api_routes_count = sizeof api_routes / sizeof api_routes[0];
