#!/bin/sh
# servers.sh - the server configuration readers (lint/server/) against the
# servers' own checkers, on the same files: named-checkconf (BIND),
# knotc conf-check (Knot), nsd-checkconf (NSD).
#
# Each case is a directory tests/servers/KIND/CASE holding the server's
# configuration (named.conf, knot.conf or nsd.conf) and either
#   expect  the zone list the reader must print (tests/servers/list.c), and
#           the server's checker must accept the configuration; or
#   errors  the FILE:LINE:COL of each error the reader must report, one a
#           line, and the server's checker must refuse the configuration,
#           naming the same file and line; or, where the checker names
#           another line (NSD reports a clause's missing item where the
#           clause ends), that line after a space: FILE:LINE:COL LINE.
# Every command runs in the case's directory, as the server would be
# started there.
#
# usage: tests/servers.sh LIST   (LIST: the tests/servers/list program)
# ZONELINT_WRAPPER is put in front of every LIST command (for valgrind).
set -u

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
root=$(dirname "$here")
sh "$root/tools/deps.sh" cmd:named-checkconf:bind9-utils cmd:knotc:knot \
	cmd:nsd-checkconf:nsd || exit 1
# knotc and nsd-checkconf live in /usr/sbin
PATH=$PATH:/usr/sbin:/sbin
export PATH

suite servers.sh "${1:-}"
export LC_ALL=C

# checker KIND CONF: the server's own check, output in $tmp/chk.
checker() {
	case $1 in
	bind) named-checkconf "$2" ;;
	knot) knotc -c "$2" conf-check ;;
	nsd) nsd-checkconf "$2" ;;
	esac >"$tmp/chk" 2>&1
}

# checker_names KIND FILE LINE: the checker's output names that place.
checker_names() {
	case $1 in
	bind) has "$tmp/chk" "^$2:$3: " ;;
	knot) has "$tmp/chk" "file '[^']*$2', line $3[,: ]" ;;
	nsd) has "$tmp/chk" "^$2:$3: " ;;
	esac
}

# A valid configuration: the checker accepts it, the reader lists exactly
# the expected zones and reports nothing.
case_ok() {
	if ! checker "$kind" "$conf"; then
		echo "the server's checker refuses it"
		show "$tmp/chk"
		return 1
	fi
	${ZONELINT_WRAPPER:-} "$zl" "$conf" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	want_rc 0 || return 1
	[ ! -s "$tmp/err" ] || { show "$tmp/err"; return 1; }
	diff -u expect "$tmp/out"
}

# An invalid configuration: refused by both, at the same places.
case_bad() {
	if checker "$kind" "$conf"; then
		echo "the server's checker accepts it"
		show "$tmp/chk"
		return 1
	fi
	${ZONELINT_WRAPPER:-} "$zl" "$conf" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	want_rc 1 || return 1
	sed -n 's/^\([^ ]*:[0-9]*:[0-9]*\): error: .*/\1/p' "$tmp/err" \
		>"$tmp/places"
	cut -d' ' -f1 errors | diff -u - "$tmp/places" ||
		{ show "$tmp/err"; return 1; }
	while IFS=: read -r file line rest; do
		case $rest in *' '*) line=${rest#* } ;; esac
		checker_names "$kind" "$file" "$line" || return 1
	done <errors
}

for dir in "$here"/servers/*/*/; do
	dir=${dir%/}
	kind=$(basename "$(dirname "$dir")")
	name=$(basename "$dir")
	conf=$(conf_of "$kind")
	t_dir=$dir
	if [ -f "$dir/expect" ]; then
		t "$kind $name: accepted by the server, zones listed" case_ok
	else
		t "$kind $name: refused by the server, errors placed" case_bad
	fi
done
t_dir=

finish
