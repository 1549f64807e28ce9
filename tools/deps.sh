#!/bin/sh
# deps.sh - install missing Debian packages that the build or the tests need.
#
# usage: tools/deps.sh NEED...   where each NEED is KIND:NAME:PACKAGE
#   pc:ldns:libldns-dev        pkg-config module NAME, from PACKAGE
#   cmd:jq:jq                  command NAME on PATH, from PACKAGE
#   file:/etc/services:netbase file NAME, from PACKAGE
#   fuzz:clang:libclang-rt-dev compiler NAME links a libFuzzer target with
#                              ASan and UBSan (its runtime libraries are
#                              only recommended by Debian's clang), else
#                              PACKAGE
# Installs with apt-get (through sudo when not root); when neither works it
# prints the exact command to run and fails.
set -u

missing=""
for need in "$@"; do
	kind=${need%%:*}
	rest=${need#*:}
	name=${rest%%:*}
	pkg=${rest#*:}
	case $kind in
	pc) command -v pkg-config >/dev/null 2>&1 &&
		pkg-config --exists "$name" && continue ;;
	cmd) command -v "$name" >/dev/null 2>&1 && continue ;;
	file) [ -f "$name" ] && continue ;;
	fuzz) printf '%s\n' 'int LLVMFuzzerTestOneInput(const char *d, long n);' \
		'int LLVMFuzzerTestOneInput(const char *d, long n)' \
		'{ (void)d; (void)n; return 0; }' |
		"$name" -fsanitize=fuzzer,address,undefined -x c -o /dev/null - \
			>/dev/null 2>&1 && continue ;;
	*) echo "deps.sh: bad requirement '$need'" >&2; exit 2 ;;
	esac
	case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0
# One install at a time (test suites run side by side may each want some):
# under the lock, what is missing is looked at again.
if [ -z "${ZONELINT_DEPS_LOCKED:-}" ] && command -v flock >/dev/null 2>&1; then
	ZONELINT_DEPS_LOCKED=1 exec flock "${TMPDIR:-/tmp}/zonelint-deps.lock" \
		sh "$0" "$@"
fi
# pkg-config itself is needed to find anything else
case $missing in *pkg-config*) ;; *) command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config" ;; esac

if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo -n"
else
	echo "zonelint: missing packages:$missing" >&2
	echo "zonelint: install them with: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "zonelint: installing$missing" >&2
# shellcheck disable=SC2086 # word splitting of the package list is wanted
if ! { $sudo apt-get update -qq >&2 &&
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
		--no-install-recommends $missing >&2; }; then
	echo "zonelint: apt-get failed; run: sudo apt-get install -y$missing" >&2
	exit 1
fi
