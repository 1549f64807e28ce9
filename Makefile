# zonelint - lint DNS zone files for mail configuration mistakes.
#   make            build ./zonelint and libzonelint (lint/libzonelint.so.0,
#                   the shared library; lint/liblint.a, the static archive
#                   the program, tests and fuzzers link); installs missing
#                   build packages with apt-get first
#   make check      every test: unit suites, out of memory (tests/oom), the
#                   installed library (tests/library.sh), fixtures,
#                   meta-test, examples, zonelint's verdicts against the
#                   servers' zone checkers (tests/parity.sh), the real
#                   servers started on the loopback (tests/servers-live.sh),
#                   and no cycle among the library's modules
#   make cycles     which library modules use each other in a cycle, and
#                   through which symbols (tools/modcycles.sh)
#   make check-asan the same under AddressSanitizer + UBSan
#   make check-tsan the threaded tests under ThreadSanitizer
#   make valgrind   the unit suites and fixtures under valgrind
#   make fuzz       run each libFuzzer harness for FUZZ_SECONDS (default 60)
#   make bench      speed and memory against named-checkzone, kzonecheck,
#                   validns (bench/RESULTS.md, bench/scaling.svg)
#   make install    PREFIX=/usr/local DESTDIR= (LIBDIR=$(PREFIX)/lib): the
#                   program, libzonelint.so.0 and its links, the headers in
#                   INCDIR/zonelint/, zonelint.pc written for PREFIX
#   make uninstall  the same variables: removes what install put there
#   make check-package  build the Debian packages in a copy of the tree
#                   (dpkg-buildpackage) and run lintian on them

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCDIR ?= $(PREFIX)/include
PCDIR ?= $(LIBDIR)/pkgconfig
DATADIR ?= $(PREFIX)/share/zonelint
MANDIR ?= $(PREFIX)/share/man
COMPDIR ?= $(PREFIX)/share/bash-completion/completions

CC ?= cc
CFLAGS ?= -O2 -g
ZL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -pthread \
	-Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -fPIC

PSL_DAT = /usr/share/publicsuffix/public_suffix_list.dat
BUILD_NEEDS = pc:ldns:libldns-dev pc:yaml-0.1:libyaml-dev \
	pc:libpcre2-8:libpcre2-dev pc:check:check pc:libcrypto:libssl-dev \
	file:$(PSL_DAT):publicsuffix
NODEPS_GOALS = clean uninstall
ifeq ($(filter-out $(NODEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
else
DEPS_STATUS := $(shell sh tools/deps.sh $(BUILD_NEEDS) >&2 && echo ok)
ifneq ($(DEPS_STATUS),ok)
$(error build dependencies are missing, see the message above)
endif
DEP_CFLAGS := $(shell pkg-config --cflags ldns yaml-0.1 libpcre2-8)
DEP_LIBS := $(shell pkg-config --libs ldns yaml-0.1 libpcre2-8)
YAML_LIBS := $(shell pkg-config --libs yaml-0.1)
# The zonelint program takes ldns, and the libcrypto that ldns pulls in,
# from their static archives: loading the shared libcrypto costs about 2 ms,
# more than linting a small zone, and hooks start zonelint once per commit
# (bench/PROFILE.md).  zonelint never calls into libcrypto.  LINK_SHARED=1
# links the program against the shared libraries instead.
ifeq ($(LINK_SHARED),)
PROG_LIBS := $(shell pkg-config --variable=libdir ldns)/libldns.a \
	$(shell pkg-config --variable=libdir libcrypto)/libcrypto.a \
	$(shell pkg-config --libs yaml-0.1 libpcre2-8)
else
PROG_LIBS := $(DEP_LIBS)
endif
CHECK_CFLAGS := $(shell pkg-config --cflags check)
CHECK_LIBS := $(shell pkg-config --libs check)
endif

# The library's folders follow the pipeline: util (allocation, strings,
# files), zone (reading and indexing zones), parse (record-text parsers,
# which return what they found and never report), engine (rules, configs,
# planning and running them, one job per file; README "Development"),
# checks (the primitives), report (diagnostics and formats), server (the
# zones a BIND, Knot or NSD configuration declares), api (the public
# functions that allocate: they turn running out of memory into
# ZL_ERR_NOMEM).  The program, lint/main.c and lint/cli/, uses the public
# header only (PROG_INCS).  No module uses one that uses it back:
# tests/cycles.sh checks the object files.
LIB_DIRS = util zone parse engine checks report server api
LIB_INCS = -iquote lint $(LIB_DIRS:%=-iquote lint/%)
LIB_HDRS = $(wildcard lint/*.h lint/*.def $(LIB_DIRS:%=lint/%/*.h) $(LIB_DIRS:%=lint/%/*.def))

ALL_CFLAGS = $(ZL_CFLAGS) $(DEP_CFLAGS) $(CPPFLAGS) $(CFLAGS)

BUILTIN_SRC = lint/engine/rules_builtin.c
PSL_SRC = lint/parse/psl_data.c
LIB_SRCS := $(filter-out $(BUILTIN_SRC) $(PSL_SRC),$(wildcard $(LIB_DIRS:%=lint/%/*.c))) \
	$(BUILTIN_SRC) $(PSL_SRC)
LIB_OBJS := $(LIB_SRCS:.c=.o)
RULE_PACKS := $(sort $(wildcard rules/*.yaml))
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_OBJS := $(UNIT_SRCS:.c=.o)

# The shared library: SONAME libzonelint.so.0, file name from ZL_VERSION,
# exporting only the functions zonelint.h declares (the version script is
# made from the header, so a new public function cannot be forgotten).
LIB_VERSION := $(shell sed -n 's/^\#define ZL_VERSION "\(.*\)"/\1/p' lint/zonelint.h)
LIB_SONAME = libzonelint.so.0
LIB_SO = lint/libzonelint.so.$(LIB_VERSION)
LIB_LINKS = lint/$(LIB_SONAME) lint/libzonelint.so

all: zonelint $(LIB_LINKS)

# The packs' text and their YAML events, recorded by a build-time tool so
# that start-up need not scan YAML (tools/embed.c).  The tool runs during
# the build: it takes none of the sanitizer or fuzzer flags in CFLAGS and
# LDFLAGS.
tools/embed: tools/embed.c
	$(CC) $(ZL_CFLAGS) $(DEP_CFLAGS) -O2 -o $@ $< $(YAML_LIBS)

# Labels of the Public Suffix List in zone form, for tools/psl.sh.
tools/idna: tools/idna.c lint/util/idna.c lint/util/idna.h
	$(CC) $(ZL_CFLAGS) -iquote lint/util -O2 -o $@ tools/idna.c lint/util/idna.c

$(BUILTIN_SRC): $(RULE_PACKS) tools/embed
	tools/embed $(RULE_PACKS) > $@.tmp && mv $@.tmp $@

# The Public Suffix List of the system (Debian's publicsuffix), as tables,
# made at every build (an upgraded list may be older than the tables) and
# replaced only when they differ, so that nothing is rebuilt for nothing;
# the file made first has a name of its own to each make (CI runs two in
# one tree at once).
$(PSL_SRC): FORCE tools/idna
	sh tools/psl.sh $(PSL_DAT) tools/idna > $@.$$$$.tmp && \
	if cmp -s $@.$$$$.tmp $@; then rm -f $@.$$$$.tmp; \
	else mv $@.$$$$.tmp $@; fi
FORCE:
.PHONY: FORCE

lint/%.o: lint/%.c $(LIB_HDRS)
	$(CC) $(ALL_CFLAGS) $(LIB_INCS) -c -o $@ $<

# The program (lint/main.c, lint/cli/) sees the public header only.
PROG_SRCS := lint/main.c $(wildcard lint/cli/*.c)
PROG_OBJS := $(PROG_SRCS:.c=.o)
PROG_INCS = -iquote lint -iquote lint/cli

lint/main.o: lint/main.c lint/zonelint.h lint/status.def lint/cli/cli.h
	$(CC) $(ALL_CFLAGS) $(PROG_INCS) -c -o $@ $<

lint/cli/%.o: lint/cli/%.c lint/zonelint.h lint/status.def lint/cli/cli.h
	$(CC) $(ALL_CFLAGS) $(PROG_INCS) -c -o $@ $<

lint/liblint.a: $(LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

lint/libzonelint.map: lint/zonelint.h
	{ echo 'ZONELINT_0 {'; echo 'global:'; \
	  sed -n '/^typedef/d; s/^[a-z].*[ *]\(zl_[a-z0-9_]*\)(.*/\1;/p' $<; \
	  echo 'local: *;'; echo '};'; } > $@.tmp && mv $@.tmp $@

$(LIB_SO): $(LIB_OBJS) lint/libzonelint.map
	$(CC) $(CFLAGS) -shared -pthread -Wl,-soname,$(LIB_SONAME) \
	  -Wl,--version-script=lint/libzonelint.map -o $@ $(LIB_OBJS) \
	  $(LDFLAGS) $(DEP_LIBS)

lint/$(LIB_SONAME): $(LIB_SO)
	ln -sf $(notdir $(LIB_SO)) $@

lint/libzonelint.so: lint/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $@

zonelint: $(PROG_OBJS) lint/liblint.a
	$(CC) $(CFLAGS) -pthread -o $@ $(PROG_OBJS) lint/liblint.a $(LDFLAGS) $(PROG_LIBS)


tests/unit/%.o: tests/unit/%.c $(LIB_HDRS) tests/unit/*.h
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) $(LIB_INCS) -c -o $@ $<

tests/unit/run: $(UNIT_OBJS) lint/liblint.a
	$(CC) $(CFLAGS) -o $@ $(UNIT_OBJS) lint/liblint.a $(LDFLAGS) $(DEP_LIBS) $(CHECK_LIBS)

# Every allocation of a small run failed in turn (tests/oom.c): malloc,
# calloc and realloc are wrapped at link time.  Leaks are not checked: what
# an interrupted call had not yet attached to an object is not freed
# (docs/limits.md).
tests/oom: tests/oom.c lint/liblint.a lint/zonelint.h lint/status.def
	$(CC) $(ALL_CFLAGS) -iquote lint -o $@ tests/oom.c lint/liblint.a \
	  $(LDFLAGS) $(DEP_LIBS) -Wl,--wrap=malloc -Wl,--wrap=calloc \
	  -Wl,--wrap=realloc

# Prints the zones a server configuration declares (tests/servers.sh).
tests/servers/list: tests/servers/list.c lint/liblint.a
	$(CC) $(ALL_CFLAGS) $(LIB_INCS) -o $@ $< lint/liblint.a $(LDFLAGS) $(DEP_LIBS)

# A server that answers a zone transfer as a hostile one would
# (tests/servers-live.sh).
tests/servers/hostile: tests/servers/hostile.c
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LDFLAGS) $(DEP_LIBS)

# The shell suites of `make check`, run side by side (tests/suites.sh),
# CHECK_JOBS at a time: the longest first, so that the run ends soon after
# its longest suite.  Most wait on servers or children as much as they
# compute: one more than the CPUs.
CHECK_SUITES = parity servers-live budgets server-config hooks badinput \
	fixtures formats docs meta changes confine cli baseline zoneset \
	config examples errors discovery man authoring
CHECK_JOBS = $(shell echo $$(($$(nproc 2>/dev/null || echo 1) + 1)))

check: zonelint tests/unit/run tests/oom tests/servers/list \
	tests/servers/hostile $(LIB_LINKS)
	tests/unit/run
	ASAN_OPTIONS=$${ASAN_OPTIONS:+$$ASAN_OPTIONS:}detect_leaks=0 tests/oom
	CC="$(CC)" CXX="$(CXX)" CFLAGS="$(CFLAGS)" LDFLAGS="$(LDFLAGS)" \
	  sh tests/library.sh ./zonelint
	sh tests/cycles.sh $(LIB_OBJS)
	sh tests/servers.sh tests/servers/list
	sh tests/suites.sh $(CHECK_JOBS) ./zonelint $(CHECK_SUITES)
	$(if $(SKIP_FUZZ),,$(MAKE) check-fuzz)

# The Debian packages (debian/): built by dpkg-buildpackage in a copy of
# the tree, then lintian.  Apart from check: it needs debhelper and lintian
# and takes about a minute.
check-package:
	sh tests/package.sh

# clang and its sanitizer and libFuzzer runtimes, which Debian's clang only
# recommends (tools/deps.sh).
CLANG_NEEDS = cmd:clang:clang fuzz:clang:libclang-rt-dev

# Sanitizer build in its own tree so it never mixes with the normal objects.
check-asan:
	sh tools/deps.sh $(CLANG_NEEDS)
	rm -rf build-asan && mkdir -p build-asan
	git ls-files -co --exclude-standard | tar -cf - -T - | tar -xf - -C build-asan
	# Instrumented code runs a few times slower: so may the unit tests.
	# parity.sh's cases are the fuzz harnesses' seeds (fuzz/corpus.sh):
	# make check-fuzz runs them under the sanitizers in one process each,
	# where parity.sh would start zonelint 6,900 times.
	CK_TIMEOUT_MULTIPLIER=5 $(MAKE) -C build-asan check SKIP_FUZZ=1 \
	  CHECK_SUITES="$(filter-out parity,$(CHECK_SUITES))" \
	  CC=clang CXX=clang++ \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined"

# ThreadSanitizer build, also in its own tree, running what uses threads:
# the command-line tests of runs over several zones, which lint them in
# parallel (one thread per CPU unless -j says otherwise).  A race stops
# the run with exit status 66.
check-tsan:
	sh tools/deps.sh $(CLANG_NEEDS)
	rm -rf build-tsan && mkdir -p build-tsan
	git ls-files -co --exclude-standard | tar -cf - -T - | tar -xf - -C build-tsan
	$(MAKE) -C build-tsan zonelint tests/unit/run CC=clang \
	  CFLAGS="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=thread"
	cd build-tsan && for t in cli changes zoneset discovery config formats \
	  server-config; do \
	  TSAN_OPTIONS="halt_on_error=1 exitcode=66" sh tests/$$t.sh ./zonelint \
	  || exit 1; done
	# the rules of one zone on two threads: the unit tests that compare
	# them with one, and a zone large enough for the program to use two
	cd build-tsan && for c in test_two_threads test_two_threads_sink \
	  test_two_threads_budget; do \
	  CK_FORK=no CK_RUN_CASE=$$c TSAN_OPTIONS="halt_on_error=1 exitcode=66" \
	  tests/unit/run || exit 1; done
	cd build-tsan && cc -O2 -o genzone bench/genzone.c && \
	  ./genzone tsan.example. 60000 > tsan.zone 2>/dev/null && \
	  { TSAN_OPTIONS="halt_on_error=1 exitcode=66" ./zonelint -j 2 \
	    --no-context tsan.zone > /dev/null; test $$? = 1; }

VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
# Two halves, which CI runs side by side: the library on zones (the unit
# suites, the fixture zones, hostile input and limits), and the program's
# runs (options, configurations, zone sets, formats, errors, servers,
# confinement).
valgrind: valgrind-zones valgrind-runs
valgrind-zones: zonelint tests/unit/run
	sh tools/deps.sh cmd:valgrind:valgrind
	CK_FORK=no $(VALGRIND) tests/unit/run
	for t in fixtures badinput budgets; do \
	  ZONELINT_WRAPPER="$(VALGRIND)" sh tests/$$t.sh ./zonelint || exit 1; done
# server-config's tables of refusals run zonelint a thousand times: under
# valgrind, each case's first run and every eighth after it.
valgrind-runs: zonelint tests/servers/list
	sh tools/deps.sh cmd:valgrind:valgrind
	for t in cli config zoneset formats errors server-config authoring \
	  confine; do \
	  ZONELINT_WRAPPER="$(VALGRIND)" ZONELINT_WRAPPER_EVERY=8 \
	  sh tests/$$t.sh ./zonelint || exit 1; done
	ZONELINT_WRAPPER="$(VALGRIND)" sh tests/servers.sh tests/servers/list

# libFuzzer harnesses (fuzz/fuzz_*.c), built with their own copy of liblint
# in build-fuzz/ so the instrumented objects never mix with the normal ones.
#   make fuzz        each harness for FUZZ_SECONDS (default 60), or for
#                    FUZZ_RUNS inputs from FUZZ_SEED (default 1), FUZZ_JOBS
#                    (default 1) at a time, corpus kept
#                    in build-fuzz/corpus/, crashes in build-fuzz/artifacts/
#   make check-fuzz  each harness over its seeds and fuzz/regressions/
FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= 1
FUZZ_SEED ?= 1
FUZZ_FLAGS = -O1 -g -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_NAMES = $(patsubst fuzz/%.c,%,$(wildcard fuzz/fuzz_*.c))

fuzz/bin/%: fuzz/%.c fuzz/*.h lint/liblint.a
	@mkdir -p fuzz/bin
	$(CC) $(ALL_CFLAGS) $(LIB_INCS) -o $@ $< lint/liblint.a $(LDFLAGS) $(DEP_LIBS)

fuzz-build:
	sh tools/deps.sh $(CLANG_NEEDS)
	mkdir -p build-fuzz
	git ls-files -co --exclude-standard | tar -cf - -T - | tar -xf - -C build-fuzz
	$(MAKE) -C build-fuzz $(FUZZ_NAMES:%=fuzz/bin/%) SKIP_FUZZ=1 CC=clang \
	  CFLAGS="$(FUZZ_FLAGS)" LDFLAGS="$(FUZZ_FLAGS)"
	rm -rf build-fuzz/seeds && sh fuzz/corpus.sh build-fuzz/seeds

check-fuzz: fuzz-build
	sh fuzz/run.sh regress build-fuzz $(FUZZ_NAMES)

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) \
	  FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_SEED=$(FUZZ_SEED) \
	  sh fuzz/run.sh fuzz build-fuzz $(FUZZ_NAMES)

cycles: $(LIB_OBJS)
	sh tools/modcycles.sh -e $(LIB_OBJS)

# Speed and memory against the reference zone checkers, the issue's targets
# met or not; writes bench/RESULTS.md and the scaling curve bench/scaling.svg
# (RUNS, RUNS_LARGE, SIZES, BENCH_QUICK=1: see bench/run.sh).
bench: zonelint
	sh bench/run.sh ./zonelint

# zonelint.pc is written here, for the PREFIX and LIBDIR of this install.
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) \
	  $(DESTDIR)$(INCDIR)/zonelint $(DESTDIR)$(PCDIR) $(DESTDIR)$(DATADIR)/rules
	install -m 755 zonelint $(DESTDIR)$(BINDIR)/zonelint
	install -m 644 $(LIB_SO) $(DESTDIR)$(LIBDIR)/
	ln -sf $(notdir $(LIB_SO)) $(DESTDIR)$(LIBDIR)/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $(DESTDIR)$(LIBDIR)/libzonelint.so
	install -m 644 lint/zonelint.h lint/status.def $(DESTDIR)$(INCDIR)/zonelint/
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCDIR)' '' \
	  'Name: zonelint' 'Description: lint DNS zone files for mail configuration mistakes' \
	  'Version: $(LIB_VERSION)' 'Requires.private: ldns yaml-0.1 libpcre2-8' \
	  'Libs: -L$${libdir} -lzonelint' 'Cflags: -I$${includedir}' \
	  > $(DESTDIR)$(PCDIR)/zonelint.pc
	install -m 644 $(RULE_PACKS) $(DESTDIR)$(DATADIR)/rules/
	install -m 755 hooks/zonelint-reload $(DESTDIR)$(DATADIR)/zonelint-reload
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(COMPDIR)
	install -m 644 docs/zonelint.1 $(DESTDIR)$(MANDIR)/man1/zonelint.1
	install -m 644 docs/zonelint.bash $(DESTDIR)$(COMPDIR)/zonelint

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/zonelint $(DESTDIR)$(LIBDIR)/$(notdir $(LIB_SO)) \
	  $(DESTDIR)$(LIBDIR)/$(LIB_SONAME) $(DESTDIR)$(LIBDIR)/libzonelint.so \
	  $(DESTDIR)$(INCDIR)/zonelint/zonelint.h \
	  $(DESTDIR)$(INCDIR)/zonelint/status.def $(DESTDIR)$(PCDIR)/zonelint.pc
	rmdir $(DESTDIR)$(INCDIR)/zonelint 2>/dev/null || :
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(MANDIR)/man1/zonelint.1 $(DESTDIR)$(COMPDIR)/zonelint

clean:
	rm -f zonelint lint/*.o lint/*/*.o lint/liblint.a lint/libzonelint.so* \
	  lint/libzonelint.map $(BUILTIN_SRC) $(PSL_SRC) $(BUILTIN_SRC).tmp \
	  $(PSL_SRC).tmp tools/embed tools/idna tests/unit/*.o \
	  tests/unit/run tests/oom tests/servers/list tests/servers/hostile
	rm -rf build-asan build-tsan build-fuzz

.PHONY: all check check-asan check-tsan check-package valgrind valgrind-zones \
	valgrind-runs cycles bench install uninstall clean
.PHONY: fuzz fuzz-build check-fuzz
