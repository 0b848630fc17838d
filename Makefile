# kinerja: e-Kinerja server.  `make run` serves a demo; `make check` runs every test.
# See README.md.  Dependencies are installed by scripts/deps.sh (Debian 12).

CC      ?= cc
PKGS    := libmicrohttpd jansson libsodium sqlite3 libpq libcurl libcrypto liboath
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN    := -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wvla -Wno-unused-parameter
CSTD    := -std=c17 -D_DEFAULT_SOURCE -D_GNU_SOURCE
INC     := -Isrc -Ibuild/gen
CFLAGS_REL := $(CSTD) $(WARN) -O2 -g $(INC) $(PKG_CFLAGS)
CFLAGS_SAN := $(CSTD) $(WARN) -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=undefined $(INC) $(PKG_CFLAGS)
LIBS    := $(PKG_LIBS) -lcsv -lhpdf -lxlsxwriter -lqrencode -lpng -lpthread -lm

SRC      := $(shell find src -name '*.c' | sort)
LIB_SRC  := $(filter-out src/main.c,$(SRC))
SQL      := $(sort $(wildcard sql/*.sql)) $(sort $(wildcard sql/pg/*.sql))
GEN      := build/gen/migrations.c
REL_OBJ  := $(patsubst %.c,build/rel/%.o,$(LIB_SRC)) build/rel/gen/migrations.o
SAN_OBJ  := $(patsubst %.c,build/san/%.o,$(LIB_SRC)) build/san/gen/migrations.o
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(patsubst tests/unit/%.c,build/san/tests/%,$(UNIT_SRC))

# libFuzzer harnesses (fuzz/README.md): the library again, compiled by clang with coverage
# instrumentation into build/fuzz/, so the gcc builds above stay untouched.
FUZZ_CC     ?= clang
CFLAGS_FUZZ := $(CSTD) $(WARN) -O1 -g -fno-omit-frame-pointer \
               -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
               $(INC) -Ifuzz $(PKG_CFLAGS)
FUZZ_OBJ    := $(patsubst %.c,build/fuzz/%.o,$(LIB_SRC)) build/fuzz/gen/migrations.o
FUZZ_SRC    := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN    := $(patsubst fuzz/%.c,build/fuzz/bin/%,$(FUZZ_SRC))
FUZZ_SECONDS ?= 60

.PHONY: all deps run check check-pg unit api bench clean valgrind security web-gz fuzz fuzz-merge fuzz-build
all: deps kinerja web-gz

# Precompressed copies of the web files, served when the client accepts gzip.
WEB_SRC := $(shell find web -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.svg' 2>/dev/null)
WEB_GZ  := $(addsuffix .gz,$(WEB_SRC))
web-gz: $(WEB_GZ)
%.html.gz: %.html ; gzip -9 -n -c $< > $@
%.css.gz: %.css ; gzip -9 -n -c $< > $@
%.js.gz: %.js ; gzip -9 -n -c $< > $@
%.svg.gz: %.svg ; gzip -9 -n -c $< > $@

deps:
	@scripts/deps.sh build

$(GEN): $(SQL) scripts/embed_sql.sh
	@mkdir -p $(dir $@)
	scripts/embed_sql.sh $(SQL) > $@.tmp && mv $@.tmp $@

build/rel/gen/migrations.o: $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_REL) -c $< -o $@
build/san/gen/migrations.o: $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_SAN) -c $< -o $@

build/rel/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_REL) -MMD -MP -c $< -o $@
build/san/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_SAN) -MMD -MP -c $< -o $@

build/fuzz/gen/migrations.o: $(GEN)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CFLAGS_FUZZ) -c $< -o $@
build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CFLAGS_FUZZ) -MMD -MP -c $< -o $@
build/fuzz/libkinerja.a: $(FUZZ_OBJ)
	@rm -f $@; ar rcs $@ $^
build/fuzz/bin/%: fuzz/%.c build/fuzz/fuzz/common.o build/fuzz/libkinerja.a
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CFLAGS_FUZZ) -fsanitize=fuzzer -o $@ $< build/fuzz/fuzz/common.o build/fuzz/libkinerja.a $(LIBS)

build/rel/libkinerja.a: $(REL_OBJ)
	@rm -f $@; ar rcs $@ $^
build/san/libkinerja.a: $(SAN_OBJ)
	@rm -f $@; ar rcs $@ $^

kinerja: build/rel/src/main.o build/rel/libkinerja.a
	$(CC) $(CFLAGS_REL) -o $@ $^ $(LIBS)
build/san/kinerja: build/san/src/main.o build/san/libkinerja.a
	$(CC) $(CFLAGS_SAN) -o $@ $^ $(LIBS)

UNIT_UJI := build/san/tests/unit/uji_db.o build/san/tests/unit/uji_pdf.o
build/san/tests/%: tests/unit/%.c $(UNIT_UJI) build/san/libkinerja.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_SAN) -o $@ $< $(UNIT_UJI) build/san/libkinerja.a $(LIBS) -lcmocka

# Demo on SQLite at data/demo.db, recreated on each run; logins are printed by `kinerja demo`.
run: all
	@mkdir -p data
	@rm -f data/demo.db data/demo.db-wal data/demo.db-shm
	./kinerja demo --db data/demo.db --pegawai 200
	./kinerja serve --db data/demo.db --listen 127.0.0.1:8080

check:
	@scripts/deps.sh deploy
	@$(MAKE) --no-print-directory build/san/kinerja web-gz $(UNIT_BIN) $(FUZZ_BIN)
	@tests/run.sh build/san/kinerja $(UNIT_BIN) $(FUZZ_BIN)

# The PostgreSQL half of check alone (API + browser suites on PostgreSQL 15: a throwaway cluster,
# tests/pg/start.sh), a fresh database per
# server; ends with "N passed, N failed" like check.  docs/postgres.md.
check-pg:
	@scripts/deps.sh check-pg
	@$(MAKE) --no-print-directory build/san/kinerja web-gz
	@tests/pg/run.sh build/san/kinerja

# The user guide's screenshots (docs/panduan/gambar/) taken again by the browser journey per role
# (tests/e2e/panduan.test.mjs); commit the pictures that changed.
.PHONY: panduan
panduan: kinerja web-gz
	@PANDUAN_GAMBAR=1 KINERJA_BIN=./kinerja node --test tests/e2e/panduan.test.mjs

# Each harness for FUZZ_SECONDS on a scratch copy of its corpus; the table goes to
# fuzz/results/latest.md.  `make fuzz-merge` folds the new inputs found into fuzz/corpus/.
fuzz-build:
	@scripts/deps.sh check
	@$(MAKE) -s --no-print-directory $(FUZZ_BIN)
fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh $(FUZZ_BIN)
fuzz-merge: fuzz-build
	@fuzz/merge.sh $(FUZZ_BIN)

bench:
	@scripts/deps.sh bench
	@$(MAKE) --no-print-directory kinerja web-gz
	@bench/run.sh

# The API suite against a release server under valgrind memcheck (slow: tens of minutes);
# zero errors and zero definitely-lost bytes in every server process.  Record: docs/security/valgrind.md.
valgrind: kinerja web-gz
	@scripts/deps.sh security
	@scripts/valgrind.sh

# sqlmap against a demo server on loopback; fails when anything is injectable.
# Record: docs/security/sqlmap.md.
security: kinerja
	@scripts/deps.sh security
	@scripts/security.sh

clean:
	rm -rf build kinerja $(WEB_GZ)

-include $(shell find build -name '*.d' 2>/dev/null)
