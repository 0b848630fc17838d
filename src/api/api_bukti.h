/* api_bukti.h: handlers of /api/v1/bukti (evidence files and links). */
#ifndef KINERJA_API_BUKTI_H
#define KINERJA_API_BUKTI_H
#include "http/http.h"
#endif
