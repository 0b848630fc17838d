/* api_hitung.h: handlers of /api/v1/hitung (the regulation calculator). */
#ifndef KINERJA_API_HITUNG_H
#define KINERJA_API_HITUNG_H
#include "http/http.h"
#endif
