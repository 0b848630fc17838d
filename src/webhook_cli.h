/* webhook_cli.h: `kinerja webhook kirim --db PATH`: one flush of the due webhook deliveries
 * (the KINERJA_WEBHOOK_* variables of webhook_pengirim.h apply), for cron or tests. */
#ifndef KINERJA_WEBHOOK_CLI_H
#define KINERJA_WEBHOOK_CLI_H
/* argv[0] is the word after `webhook`.  Exit status: 0, 1 error, 2 usage. */
int webhook_main(int argc, char **argv);
#endif
