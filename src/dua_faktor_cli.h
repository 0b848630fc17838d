/* dua_faktor_cli.h: `kinerja 2fa reset --db PATH --user U`: the operator's reset of an account's
 * two-factor authentication (a lost device of the last superadmin, say).  Same effect as the
 * admin's POST /api/v1/pengguna/{id}/2fa/reset: audited (actor: system), sessions ended, the
 * account enrols again at its next sign-in. */
#ifndef KINERJA_DUA_FAKTOR_CLI_H
#define KINERJA_DUA_FAKTOR_CLI_H
/* argv[0] is the word after `2fa`.  Exit status: 0, 1 error, 2 usage. */
int dua_faktor_main(int argc, char **argv);
#endif
