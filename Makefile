# zonelint - lint DNS zone files for mail configuration mistakes.
#   make            build ./zonelint and lint/liblint.a (installs missing
#                   build packages with apt-get first)
#   make check      every test: unit suites, fixtures, meta-test, examples,
#                   and no cycle among the library's modules
#   make cycles     which library modules use each other in a cycle, and
#                   through which symbols (tools/modcycles.sh)
#   make check-asan the same under AddressSanitizer + UBSan
#   make valgrind   the unit suites and fixtures under valgrind
#   make fuzz       run each libFuzzer harness for FUZZ_SECONDS (default 60)
#   make bench      speed and memory against named-checkzone, kzonecheck,
#                   validns (bench/RESULTS.md)
#   make install    PREFIX=/usr/local DESTDIR=

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

BUILD_NEEDS = pc:ldns:libldns-dev pc:yaml-0.1:libyaml-dev \
	pc:libpcre2-8:libpcre2-dev pc:check:check pc:libcrypto:libssl-dev
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
# checks (the primitives), report (diagnostics and formats).  main.c, the
# program, uses the public header.  No module uses one that uses it back:
# tests/cycles.sh checks the object files.
LIB_DIRS = util zone parse engine checks report
LIB_INCS = -iquote lint $(LIB_DIRS:%=-iquote lint/%)
LIB_HDRS = $(wildcard lint/*.h lint/*.def $(LIB_DIRS:%=lint/%/*.h) $(LIB_DIRS:%=lint/%/*.def))

ALL_CFLAGS = $(ZL_CFLAGS) $(DEP_CFLAGS) $(CPPFLAGS) $(CFLAGS)

BUILTIN_SRC = lint/engine/rules_builtin.c
LIB_SRCS := $(filter-out $(BUILTIN_SRC),$(wildcard $(LIB_DIRS:%=lint/%/*.c))) \
	$(BUILTIN_SRC)
LIB_OBJS := $(LIB_SRCS:.c=.o)
RULE_PACKS := $(sort $(wildcard rules/*.yaml))
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_OBJS := $(UNIT_SRCS:.c=.o)

all: zonelint lint/liblint.so zonelint.pc

# The packs' text and their YAML events, recorded by a build-time tool so
# that start-up need not scan YAML (tools/embed.c).  The tool runs during
# the build: it takes none of the sanitizer or fuzzer flags in CFLAGS and
# LDFLAGS.
tools/embed: tools/embed.c
	$(CC) $(ZL_CFLAGS) $(DEP_CFLAGS) -O2 -o $@ $< $(YAML_LIBS)

$(BUILTIN_SRC): $(RULE_PACKS) tools/embed
	tools/embed $(RULE_PACKS) > $@.tmp && mv $@.tmp $@

lint/%.o: lint/%.c $(LIB_HDRS)
	$(CC) $(ALL_CFLAGS) $(LIB_INCS) -c -o $@ $<

lint/liblint.a: $(LIB_OBJS)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

lint/liblint.so: $(LIB_OBJS)
	$(CC) -shared -o $@ $(LIB_OBJS) $(LDFLAGS) $(DEP_LIBS)

zonelint: lint/main.o lint/liblint.a
	$(CC) $(CFLAGS) -pthread -o $@ lint/main.o lint/liblint.a $(LDFLAGS) $(PROG_LIBS)

zonelint.pc: Makefile
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCDIR)' '' \
	  'Name: zonelint' 'Description: lint DNS zone files for mail configuration mistakes' \
	  'Version: '"$$(sed -n 's/^#define ZL_VERSION "\(.*\)"/\1/p' lint/zonelint.h)" \
	  'Requires.private: ldns yaml-0.1 libpcre2-8' \
	  'Libs: -L$${libdir} -llint' 'Cflags: -I$${includedir}' > $@

tests/unit/%.o: tests/unit/%.c $(LIB_HDRS) tests/unit/*.h
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) $(LIB_INCS) -c -o $@ $<

tests/unit/run: $(UNIT_OBJS) lint/liblint.a
	$(CC) $(CFLAGS) -o $@ $(UNIT_OBJS) lint/liblint.a $(LDFLAGS) $(DEP_LIBS) $(CHECK_LIBS)

check: zonelint tests/unit/run
	tests/unit/run
	sh tests/fixtures.sh ./zonelint
	sh tests/meta.sh ./zonelint
	sh tests/cli.sh ./zonelint
	sh tests/config.sh ./zonelint
	sh tests/badinput.sh ./zonelint
	sh tests/confine.sh ./zonelint
	sh tests/budgets.sh ./zonelint
	sh tests/formats.sh ./zonelint
	sh tests/hooks.sh ./zonelint
	sh tests/man.sh ./zonelint
	sh tests/cycles.sh $(LIB_OBJS)
	sh tests/authoring.sh ./zonelint
	$(if $(SKIP_FUZZ),,$(MAKE) check-fuzz)

# clang and its sanitizer and libFuzzer runtimes, which Debian's clang only
# recommends (tools/deps.sh).
CLANG_NEEDS = cmd:clang:clang fuzz:clang:libclang-rt-dev

# Sanitizer build in its own tree so it never mixes with the normal objects.
check-asan:
	sh tools/deps.sh $(CLANG_NEEDS)
	rm -rf build-asan && mkdir -p build-asan
	git ls-files -co --exclude-standard | tar -cf - -T - | tar -xf - -C build-asan
	$(MAKE) -C build-asan check SKIP_FUZZ=1 CC=clang \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined"

VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
valgrind: zonelint tests/unit/run
	sh tools/deps.sh cmd:valgrind:valgrind
	CK_FORK=no $(VALGRIND) tests/unit/run
	ZONELINT_WRAPPER="$(VALGRIND)" sh tests/fixtures.sh ./zonelint
	ZONELINT_WRAPPER="$(VALGRIND)" sh tests/cli.sh ./zonelint
	ZONELINT_WRAPPER="$(VALGRIND)" sh tests/config.sh ./zonelint
	ZONELINT_WRAPPER="$(VALGRIND)" sh tests/badinput.sh ./zonelint
	ZONELINT_WRAPPER="$(VALGRIND)" sh tests/confine.sh ./zonelint
	ZONELINT_WRAPPER="$(VALGRIND)" sh tests/budgets.sh ./zonelint
	ZONELINT_WRAPPER="$(VALGRIND)" sh tests/formats.sh ./zonelint
	ZONELINT_WRAPPER="$(VALGRIND)" sh tests/authoring.sh ./zonelint

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

# Speed against the reference zone checkers; writes bench/RESULTS.md.
bench: zonelint
	sh bench/run.sh ./zonelint

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) \
	  $(DESTDIR)$(PCDIR) $(DESTDIR)$(DATADIR)/rules
	install -m 755 zonelint $(DESTDIR)$(BINDIR)/zonelint
	install -m 644 lint/liblint.a $(DESTDIR)$(LIBDIR)/liblint.a
	install -m 755 lint/liblint.so $(DESTDIR)$(LIBDIR)/liblint.so
	install -m 644 lint/zonelint.h lint/status.def $(DESTDIR)$(INCDIR)/
	install -m 644 zonelint.pc $(DESTDIR)$(PCDIR)/zonelint.pc
	install -m 644 $(RULE_PACKS) $(DESTDIR)$(DATADIR)/rules/
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(COMPDIR)
	install -m 644 docs/zonelint.1 $(DESTDIR)$(MANDIR)/man1/zonelint.1
	install -m 644 docs/zonelint.bash $(DESTDIR)$(COMPDIR)/zonelint

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/zonelint $(DESTDIR)$(LIBDIR)/liblint.a \
	  $(DESTDIR)$(LIBDIR)/liblint.so $(DESTDIR)$(INCDIR)/zonelint.h \
	  $(DESTDIR)$(INCDIR)/status.def $(DESTDIR)$(PCDIR)/zonelint.pc
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(MANDIR)/man1/zonelint.1 $(DESTDIR)$(COMPDIR)/zonelint

clean:
	rm -f zonelint zonelint.pc lint/*.o lint/*/*.o lint/liblint.a lint/liblint.so \
	  $(BUILTIN_SRC) tools/embed tests/unit/*.o tests/unit/run
	rm -rf build-asan build-fuzz

.PHONY: all check check-asan valgrind cycles bench install uninstall clean
.PHONY: fuzz fuzz-build check-fuzz
