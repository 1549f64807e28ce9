#!/bin/sh
# parity.sh - zonelint's verdicts against the servers' own: each record of
# the files in tests/parity/, alone in a small valid zone, is loaded by
#   BIND  named-checkconf -z, the defaults of a primary zone (check-names
#         fail, which named-checkzone does not apply);
#   Knot  kzonecheck, a refusal being a parse error or a serious semantic
#         error (the ones knotd checks with its default semantic-checks:
#         off; "missing glue" and its kin it loads);
#   NSD   nsd-checkzone;
# and by zonelint --server-config for each, rules ZONE* (the loader's) and
# CNAME* (a CNAME beside other data or at the apex, which every server
# refuses).
#   - A server that refuses the zone is one that zonelint says refuses it
#     (an error): what passes the lint loads.
#   - A zone all three load gets no error that says it cannot be read
#     (ZONE001, ZONE002, ZONE004 to ZONE006, or a server's refusal):
#     zonelint refuses nothing they all read.  Errors about what the data
#     means, which they load as written (ZONE017, a CNAME loop), may be.
# zonelint may refuse more than a server: data that a server reads wrong
# or not at all (NSD wraps MX 65536 to 0, Knot DNS takes any RFC 3597
# data) is an error all the same.
# Lines right before a block mark it:
#   #noeol  the zone file ends without a line break after the block's last
#           line (a backslash as the file's last byte, a '(' left open);
#   #exact  zonelint gives an error under each server's configuration
#           exactly where that server refuses the zone: neither more nor
#           less strict than any of them.
#
# usage: tests/parity.sh ZONELINT
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
sh "$(dirname "$here")/tools/deps.sh" cmd:named-checkconf:bind9-utils \
	cmd:kzonecheck:knot-dnssecutils cmd:nsd-checkzone:nsd \
	file:/etc/services:netbase file:/etc/protocols:netbase || exit 1
PATH=$PATH:/usr/sbin:/sbin
export PATH
for c in named-checkconf kzonecheck nsd-checkzone; do
	command -v "$c" >/dev/null ||
		{ echo "parity.sh: $c is missing" >&2; exit 1; }
done

suite parity.sh "${1:-}"
cd "$tmp" || exit 1
export LC_ALL=C

# The cases go to one worker per CPU (at most 4), each with its own
# directory per server, every worker's verdicts kept apart until all end.
workers=$(nproc 2>/dev/null || echo 1)
[ "$workers" -le 4 ] || workers=4
mkdir -p cases
w=0
while [ "$w" -lt "$workers" ]; do
	w=$((w + 1))
	mkdir -p "w$w/bind" "w$w/knot" "w$w/nsd"
	printf '%s\n' 'options { directory "."; };' \
		'zone "example.com" { type primary; file "db.zone"; };' \
		>"w$w/bind/named.conf"
	printf '%s\n' 'template:' '  - id: default' '    storage: .' 'zone:' \
		'  - domain: example.com' '    file: db.zone' >"w$w/knot/knot.conf"
	printf '%s\n' 'server:' '	zonesdir: "."' 'zone:' '	name: example.com' \
		'	zonefile: db.zone' >"w$w/nsd/nsd.conf"
done
awk -v dir=cases -f "$here/parity-cases.awk" "$here"/parity/*

# verdict SERVER DIR: 1 when the server refuses DIR/db.zone.
verdict() {
	case $1 in
	bind) (cd "$2" && named-checkconf -z named.conf) >/dev/null 2>&1 ;;
	knot)
		# A refusal is one kzonecheck gives a reason for: a parse
		# error or a serious semantic error.  kzonecheck 3.2 also
		# crashes or spins on some data (a KX of one byte in RFC 3597
		# form), and its DNSSEC checks fail on zones knotd loads:
		# those say nothing of what knotd refuses.
		timeout 10 kzonecheck -v -o example.com "$2/db.zone" \
			>"$2/out" 2>&1 ||
			! grep -Eq 'zone loader, (error|failed)|Serious semantic error' \
				"$2/out" ;;
	nsd) nsd-checkzone example.com "$2/db.zone" >/dev/null 2>&1 ;;
	esac </dev/null && echo 0 || echo 1
}

# ours SERVER DIR: under that server's configuration, whether zonelint
# gives an error (1 or 0), then whether one says the zone cannot be read.
# ZONE027 is left out: it holds signatures to the clock, which no server
# does as it loads a zone (the cases' RRSIG records expired long ago).
ours() {
	(cd "$2" && "$zl" --no-config --format gcc --select ZONE,CNAME \
		--ignore ZONE027 --server-config "$(conf_of "$1")") \
		</dev/null >"$2/zl" 2>&1
	if grep -q ': error: ' "$2/zl"; then printf '1 '; else printf '0 '; fi
	grep -Eq ': error: .*(\[ZONE00[12456]\]$|refuses to load)' "$2/zl" &&
		echo 1 || echo 0
}

# check W: the verdicts of worker W, on every case whose number is W
# modulo the number of workers, in wW/verdicts.
check() {
	i=0
	for c in cases/[0-9]*[0-9]; do
		i=$((i + 1))
		[ $((i % workers)) = $(($1 % workers)) ] || continue
		for s in bind knot nsd; do
			cp "$c" "w$1/$s/db.zone"
			printf '%s %s %s %s\n' "$c" "$s" \
				"$(verdict "$s" "w$1/$s")" "$(ours "$s" "w$1/$s")"
			[ "$s" != bind ] ||
				grep -E '\[CNAME0(08|09|10)\]$|refuses? to load the zone \[CNAME007\]$' \
					"w$1/$s/zl" >"$c.dname"
		done
		mv "w$1/knot/out" "$c.knot"
	done >"w$1/verdicts"
}

w=0
while [ "$w" -lt "$workers" ]; do
	w=$((w + 1))
	check "$w" &
done
wait
cat w*/verdicts >verdicts

# Prints each case where the check fails, with every verdict.
report() {
	while read -r c; do
		sed 1,5d "$c" | tr '\n' '|'
		grep "^$c " verdicts | awk '{ printf "  %s: server %s, zonelint %s", $2, $3 == 1 ? "refuses" : "loads", $5 == 1 ? "refuses" : $4 == 1 ? "errs" : "loads" }'
		echo
		sed -n '1,2s/^/    kzonecheck: /p' "$c.knot"
	done
}

t_sound() {
	awk '$3 == 1 && $4 == 0 { print $1 }' verdicts | sort -u >unsound
	[ ! -s unsound ] || { report <unsound; return 1; }
}
t "a zone a server refuses: zonelint says that server refuses it" t_sound

t_all_load() {
	awk '{ s[$1] += $3; z[$1] += $5 }
	     END { for (c in s) if (s[c] == 0 && z[c] > 0) print c }' \
		verdicts | sort >strict
	[ ! -s strict ] || { report <strict; return 1; }
}
t "a zone all three servers load: zonelint reads it" t_all_load

t_exact() {
	for m in cases/*.exact; do
		[ -e "$m" ] || continue
		awk -v c="${m%.exact}" '$1 == c && $3 != $4 { print c; exit }' \
			verdicts
	done >inexact
	[ ! -s inexact ] || { report <inexact; return 1; }
}
t "a zone marked exact: zonelint errs under each server's configuration where that server refuses it" t_exact

# A DNAME with records below it (CNAME008), beside another (CNAME009) or at
# a delegation (CNAME010): each finding says which servers refuse to load
# the zone, and each of those does.
t_dname() {
	: >named; : >dnames
	for f in cases/*.dname; do
		[ -s "$f" ] || continue
		echo "$f" >>dnames
		c=${f%.dname}
		who=$(sed 's/.*, and \(.*\) refuses\{0,1\} to load the zone.*/\1/;t
			s/.*/(none)/' "$f" | sort -u)
		case $who in
		*'(none)'*) echo "$c"; continue ;;
		esac
		for s in bind knot nsd; do
			case $s in
			bind) name='BIND' ;; knot) name='Knot DNS' ;; nsd) name='NSD' ;;
			esac
			case $who in
			*"$name"*) grep -q "^$c $s 1 " verdicts || echo "$c" ;;
			esac
		done
	done >>named
	[ -s dnames ] || { echo "no DNAME finding"; return 1; }
	[ ! -s named ] || { sort -u named | report; return 1; }
}
t "a DNAME finding, or an alias NS host's, names the servers that refuse the zone, and they do" t_dname

t_counted() {
	cases=$(ls cases | grep -c '^[0-9]*$')
	[ "$(wc -l <verdicts)" -eq "$((cases * 3))" ] && [ "$cases" -gt 500 ]
}
t "every record was loaded by the three servers and zonelint" t_counted

finish
