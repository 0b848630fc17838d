/* static.c: files of the web UI from cfg->web_dir, with content types, ETag revalidation and
 * precompressed `.gz` variants for clients that accept gzip. */
#include <fcntl.h>
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "http/server_internal.h"

static const struct { const char *ext, *type; } types[] = {
  {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
  {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
  {".json", "application/json"}, {".webmanifest", "application/manifest+json"},
  {".svg", "image/svg+xml"}, {".png", "image/png"}, {".ico", "image/x-icon"},
  {".jpg", "image/jpeg"}, {".woff2", "font/woff2"}, {".txt", "text/plain; charset=utf-8"},
  {".csv", "text/csv; charset=utf-8"}, {".pdf", "application/pdf"}, {".yaml", "application/yaml"},
  {".md", "text/markdown; charset=utf-8"},
};

static const char *type_of(const char *path)
{
  const char *dot = strrchr(path, '.');
  if (dot)
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
      if (strcasecmp(dot, types[i].ext) == 0) return types[i].type;
  return "application/octet-stream";
}

/* Only plain relative paths: letters, digits, '-', '_', '.', '/' and no "..". */
static int path_safe(const char *p)
{
  if (strstr(p, "..") || strstr(p, "//")) return 0;
  for (; *p; p++) {
    char c = *p;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '-' || c == '_' || c == '.' || c == '/'))
      return 0;
  }
  return 1;
}

static int accepts_gzip(struct request *req)
{
  const char *ae = http_header(req, "Accept-Encoding");
  return ae && strstr(ae, "gzip") != NULL;
}

static int open_regular(const char *path, struct stat *st)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) { close(fd); return -1; }
  return fd;
}

int static_serve(struct request *req)
{
  const char *rel = req->path;
  char path[2048], gz[2100], etag[80];
  struct stat st;
  if (strcmp(rel, "/") == 0) rel = "/index.html";
  if (!path_safe(rel)) return reply_problem(req, 404, "Tidak ditemukan", "Halaman tidak ditemukan.");
  int n = snprintf(path, sizeof path, "%s%s", req->srv->cfg->web_dir, rel);
  if (n < 0 || (size_t)n >= sizeof path) return reply_problem(req, 404, "Tidak ditemukan", "Halaman tidak ditemukan.");
  int fd = -1, gzipped = 0;
  if (accepts_gzip(req)) {
    snprintf(gz, sizeof gz, "%s.gz", path);
    fd = open_regular(gz, &st);
    gzipped = fd >= 0;
    /* a .gz older than its source is stale (edited without `make web-gz`): serve the source */
    struct stat src;
    if (gzipped && stat(path, &src) == 0 &&
        (src.st_mtim.tv_sec > st.st_mtim.tv_sec ||
         (src.st_mtim.tv_sec == st.st_mtim.tv_sec && src.st_mtim.tv_nsec > st.st_mtim.tv_nsec))) {
      close(fd);
      fd = -1;
      gzipped = 0;
    }
  }
  if (fd < 0) fd = open_regular(path, &st);
  if (fd < 0) return reply_problem(req, 404, "Tidak ditemukan", "Halaman tidak ditemukan.");
  snprintf(etag, sizeof etag, "\"%llx-%llx%s\"", (unsigned long long)st.st_size,
           (unsigned long long)st.st_mtim.tv_sec * 1000000000ull + (unsigned long long)st.st_mtim.tv_nsec,
           gzipped ? "-gz" : "");
  reply_header(req, "ETag", etag);
  reply_header(req, "Cache-Control", "no-cache");
  reply_header(req, "Vary", "Accept-Encoding");
  /* the Content-Security-Policy and the other security headers: server.c, on every response */
  const char *inm = http_header(req, "If-None-Match");
  if (inm && strcmp(inm, etag) == 0) {
    close(fd);
    return reply_raw(req, 304, NULL, NULL, 0);
  }
  if (gzipped) reply_header(req, "Content-Encoding", "gzip");
  req->fd = fd;
  req->fd_size = (uint64_t)st.st_size;
  req->status = 200;
  req->resp_type = type_of(path);
  return 0;
}
