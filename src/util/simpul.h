/* simpul.h: the name of this process as one node ("simpul") of a deployment where several kinerja
 * processes share one database: "<host>:<pid>:<4 random hex>" (the random part tells a restarted
 * process with a reused pid apart).  Job claims, rate-limit reports and change events carry it. */
#ifndef KINERJA_SIMPUL_H
#define KINERJA_SIMPUL_H

/* The node name; made on first use (thread-safe), constant afterwards.  At most 95 bytes. */
const char *simpul_nama(void);
#endif
