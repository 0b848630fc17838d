/* siasn_cli.h: `kinerja siasn pull|push|reconcile` for admins and cron. */
#ifndef KINERJA_SIASN_CLI_H
#define KINERJA_SIASN_CLI_H
/* argv[0] is the action.  Returns the exit status: 0 ok, 1 failure, 2 usage, 3 refused. */
int siasn_main(int argc, char **argv);
#endif
