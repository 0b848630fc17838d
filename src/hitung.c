/* hitung.c: `kinerja hitung` (placeholder until the calculator lands). */
#include "hitung.h"

#include <stdio.h>

int hitung_main(int argc, char **argv)
{
  (void)argc;
  (void)argv;
  fprintf(stderr, "kinerja hitung: belum tersedia\n");
  return 2;
}
