/* hitung.h: `kinerja hitung ...`, the regulation calculator on the command line (issue 6). */
#ifndef KINERJA_HITUNG_H
#define KINERJA_HITUNG_H
/* argv[0] is the calculation (predikat, kurva, angka-kredit, pp30, ...).  Returns the exit
 * status: 0 ok (for kurva: complies), 1 kurva breaks a rule, 2 bad arguments. */
int hitung_main(int argc, char **argv);
#endif
