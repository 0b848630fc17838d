/* simpul.c: the node name (see simpul.h). */
#include "util/simpul.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"

static pthread_once_t sekali = PTHREAD_ONCE_INIT;
static char nama[96];

static void buat(void)
{
  char host[64] = "", acak[5];
  if (gethostname(host, sizeof host) != 0) host[0] = '\0';
  host[sizeof host - 1] = '\0';
  random_hex(acak, 2);
  snprintf(nama, sizeof nama, "%.63s:%ld:%s", host[0] ? host : "kinerja", (long)getpid(), acak);
}

const char *simpul_nama(void)
{
  pthread_once(&sekali, buat);
  return nama;
}
