#!/bin/sh
# cycles.sh - the library's modules use each other without a cycle
# (tools/modcycles.sh), and the tool itself tells a cycle from none.
#
# usage: tests/cycles.sh OBJECT...   (the library's object files)
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
root=$(dirname "$here")
tool=$root/tools/modcycles.sh

[ $# -gt 0 ] || { echo "usage: tests/cycles.sh OBJECT..." >&2; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
n=0
pass=0
fail=0

# The cycles the library may still have, one a line as modcycles.sh
# prints their modules: any other cycle fails.  It only gets shorter.
# zone_rdata and zone_svcb share name escapes (zl_unescape), which the
# loader's split by job moves out of zone_rdata.c.
known_cycles='zone_rdata zone_svcb'

# obj NAME CODE: $tmp/NAME.o compiled from CODE.
obj() {
	printf '%s\n' "$2" > "$tmp/$1.c" &&
	${CC:-cc} -c -o "$tmp/$1.o" "$tmp/$1.c"
}

test_tool_sees_cycle() {
	obj a 'void b(void); void a(void) { b(); }' || return 1
	obj b 'void a(void); void b(void) { a(); }' || return 1
	obj c 'void a(void); void c(void) { a(); }' || return 1
	out=$(sh "$tool" -e "$tmp/a.o" "$tmp/b.o" "$tmp/c.o")
	rc=$?
	printf '%s\n' "$out"
	[ "$rc" -eq 1 ] || { echo "exit $rc, want 1"; return 1; }
	printf '%s\n' "$out" | grep -qx 'cycle 1 (2 modules): a b' &&
	printf '%s\n' "$out" | grep -qx '  a -> b: b' &&
	printf '%s\n' "$out" | grep -qx '  b -> a: a' &&
	printf '%s\n' "$out" | grep -qx '1 cycle'
}

test_tool_sees_none() {
	obj a 'void b(void); void a(void) { b(); }' || return 1
	obj b 'void b(void) { }' || return 1
	out=$(sh "$tool" "$tmp/a.o" "$tmp/b.o")
	rc=$?
	printf '%s\n' "$out"
	[ "$rc" -eq 0 ] && [ "$out" = "0 cycles" ]
}

test_library() {
	out=$(sh "$tool" -e "$@")
	printf '%s\n' "$out"
	printf '%s\n' "$out" | grep -q '^[0-9]* cycles*$' ||
		{ echo "no count"; return 1; }
	bad=0
	cycles=$(printf '%s\n' "$out" |
		sed -n 's/^cycle [0-9]* ([0-9]* modules): //p')
	printf '%s\n' "$cycles" | while read -r c; do
		[ -n "$c" ] || continue
		printf '%s\n' "$known_cycles" | grep -qx "$c" && continue
		echo "a new cycle: $c"
		exit 1
	done || bad=1
	return $bad
}

# t passes no arguments: the objects reach test_library through lib_objs.
lib_objs="$*"
t "modcycles.sh finds a cycle and the uses in it" test_tool_sees_cycle
t "modcycles.sh finds no cycle where there is none" test_tool_sees_none
# shellcheck disable=SC2086 # the object list splits on spaces
run_lib() { test_library $lib_objs; }
t "the library has no module cycle but the known ones" run_lib
finish
