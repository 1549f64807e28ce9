# server-config-bind.sh - part of tests/server-config.sh, which sources
# it: what named refuses, in named.conf and in the zones it loads, each
# case run through named-checkconf (with -z where named loads the zones)
# and zonelint --server-config on the same files, the verdicts compared.
# shellcheck shell=sh disable=SC2154 # here, tmp, rc: set by server-config.sh

# named_agrees FIXTURE ID...: each record of the fixture, alone in a zone,
# is refused by named (named-checkconf -z, the defaults of a primary zone)
# exactly when the fixture expects one of the IDs on its line, and exactly
# then zonelint --server-config reports an error.
named_agrees() {
	fx=$here/fixtures/zone/$1
	shift
	mkdir -p na
	grep -av '^[;$@]' "$fx" | grep -v '^ns1' | while IFS= read -r line; do
		rec=${line%%;*}
		zone na/db.zone "$rec"
		printf 'zone "example.org" { type primary; file "db.zone"; };\n' \
			>na/named.conf
		if (cd na && named-checkconf -z named.conf) </dev/null >/dev/null 2>&1; then
			named=loads
		else
			named=refuses
		fi
		run --server-config na/named.conf </dev/null
		if grep -q ': error: ' "$tmp/out"; then
			ours=refuses
		else
			ours=loads
		fi
		want=loads
		case $line in *"; expect: "*) expect=${line#*; expect: } ;; *) expect= ;; esac
		for id in "$@"; do
			case ${expect%%;*} in *"$id"*) want=refuses ;; esac
		done
		if [ "$named" != "$want" ] || [ "$ours" != "$want" ]; then
			echo "$rec: named $named, zonelint $ours, fixture $want"
			return 1
		fi
	done
}

# BIND's check-names: ZONE024's findings, and MX005's for an MX exchange.
t_check_names() { named_agrees check-names.zone ZONE024 MX005; }
t "BIND check-names: zonelint refuses what named refuses" t_check_names

# RFC 3597 data read as its type's fields: what BIND reads.
t_generic() { named_agrees generic.zone ZONE001 ZONE012; }
t "RFC 3597 data: zonelint refuses what named refuses" t_generic

# WKS protocol and service names, looked up as named looks them up.
t_wks() { named_agrees wks.zone ZONE001 ZONE002; }
t "WKS names: zonelint refuses what named refuses" t_wks

# NAPTR regexp fields, validated as named validates them.
t_naptr() { named_agrees naptr-regexp.zone ZONE012; }
t "NAPTR regexps: zonelint refuses what named refuses" t_naptr

# check-names set to warn or ignore, for every zone, a view or one zone:
# named loads the zone, and zonelint's refusal goes with it.
t_check_names_off() {
	mkdir -p cn
	zone cn/db.zone 'a_b IN A 192.0.2.1'
	for conf in \
		'options { check-names primary warn; }; zone "example.org" { type primary; file "db.zone"; };' \
		'options { check-names master ignore; }; zone "example.org" { type primary; file "db.zone"; };' \
		'zone "example.org" { type primary; file "db.zone"; check-names ignore; };' \
		'view "v" { check-names primary warn; zone "example.org" { type primary; file "db.zone"; }; };'; do
		printf '%s\n' "$conf" >cn/named.conf
		bind_accepts cn || return 1
		run --server-config cn/named.conf
		want_rc 0 && has out "ZONE024" && hasnt out "bind refuses" ||
			{ echo "with: $conf"; return 1; }
	done
	# a view declared twice, which named refuses, sets nothing of the
	# first one's
	printf '%s\n' 'view "a" { };' \
		'view "b" { zone "example.org" { type primary; file "db.zone"; }; };' \
		'view "a" { check-names primary warn; };' >cn/named.conf
	run --server-config cn/named.conf
	has out "bind refuses to load the zone example.org." || return 1
	printf '%s\n' 'options { check-names primary fail; }; zone "example.org" { type primary; file "db.zone"; };' \
		>cn/named.conf
	refused cn named-checkconf -z named.conf || return 1
	run --server-config cn/named.conf
	want_rc 1 && has out "bind refuses to load the zone example.org.: 'a_b.example.org.'"
}
t "BIND check-names warn or ignore: the zone loads" t_check_names_off

# One zone file that several servers or views load is linted once, with
# the refusals of each: a view that checks names beside one that does
# not, and a named.conf beside an nsd.conf, in either order.
t_loaded_twice() {
	mkdir -p lt
	zone lt/db.zone 'a_b IN A 192.0.2.1' '$GENERATE 1-2 g$ A 192.0.2.$'
	printf '%s\n' \
		'view "a" { check-names primary warn; zone "example.org" { type primary; file "db.zone"; }; };' \
		'view "b" { zone "example.org" { type primary; file "db.zone"; }; };' \
		>lt/named.conf
	refused lt named-checkconf -z named.conf || return 1
	run --server-config lt/named.conf
	want_rc 1 && has out "bind refuses to load the zone example.org.: 'a_b" ||
		return 1
	printf '%s\n' 'view "a" { check-names primary warn; zone "example.org" { type primary; file "db.zone"; }; };' \
		>lt/named.conf
	printf '%s\n' 'server:' '	zonesdir: "."' 'zone:' \
		'	name: example.org' '	zonefile: db.zone' >lt/nsd.conf
	for order in "lt/named.conf lt/nsd.conf" "lt/nsd.conf lt/named.conf"; do
		# shellcheck disable=SC2086 # two words
		set -- $order
		run --server-config "$1" --server-config "$2"
		want_rc 1 && has out "not supported by nsd: it refuses" &&
			hasnt out "bind refuses" ||
			{ echo "in the order $order"; return 1; }
	done
}
t "a zone file two views or servers load: each one's refusals" t_loaded_twice

# A redirect zone, the root zone named answers NXDOMAIN from, it loads
# from its file as a primary: its refusals are zonelint's errors.
t_redirect() {
	mkdir -p rd
	printf '%s\n' '$TTL 3600' '@ IN SOA ns1.example. hm.example. 1 7200 3600 1209600 3600' \
		'@ IN NS ns1.example.' 'a_b IN A 192.0.2.1' >rd/db.zone
	printf '%s\n' 'zone "." { type redirect; file "db.zone"; };' >rd/named.conf
	refused rd named-checkconf -z named.conf || return 1
	run --server-config rd/named.conf
	want_rc 1 && has out "bind refuses to load the zone \\.: 'a_b"
}
t "a BIND redirect zone is linted as a primary" t_redirect

# One with primaries is transferred: its file is named's copy, which need
# not exist yet.
t_redirect_transferred() {
	mkdir -p rt
	printf '%s\n' 'zone "." { type redirect; masters { 192.0.2.4; }; file "r.db"; };' \
		>rt/named.conf
	(cd rt && named-checkconf -z named.conf) >/dev/null 2>&1 || return 1
	run --server-config rt/named.conf
	want_rc 0 && has err "secondary zone \. skipped"
}
t "a BIND redirect zone with primaries is a secondary" t_redirect_transferred

# max-zone-ttl: named refuses a primary zone with a record whose TTL is
# above it (in options, a view or the zone; TTL units and ISO 8601;
# unlimited or 0: none), or above the max-zone-ttl of the zone's
# dnssec-policy, which replaces the option ("default" 1 day, "insecure"
# none).  named-checkconf -z does not apply a policy's, and stops on
# "unlimited" (BIND 9.18.49): those are as named itself loads the zone.
t_max_zone_ttl() {
	mkdir -p mt
	zone mt/db.zone 'long 86401 IN A 192.0.2.1' '$GENERATE 1-2 g$ 90000 A 192.0.2.$'
	for conf in \
		'options { max-zone-ttl 1d; }; zone "example.org" { type primary; file "db.zone"; };' \
		'view "v" { max-zone-ttl 86400; zone "example.org" { type primary; file "db.zone"; }; };' \
		'zone "example.org" { type primary; file "db.zone"; max-zone-ttl P1D; };' \
		'options { max-zone-ttl 1w; }; zone "example.org" { type primary; file "db.zone"; max-zone-ttl PT23H59M; };'; do
		printf '%s\n' "$conf" >mt/named.conf
		refused mt named-checkconf -z named.conf || return 1
		run --server-config mt/named.conf
		want_rc 1 && has out "^mt/db.zone:7:6: error: bind refuses to load the zone example.org.: the TTL 86401 is above" &&
			[ "$(grep -c 'bind refuses' "$tmp/out")" -eq 1 ] ||
			{ echo "with: $conf"; return 1; }
	done
	for conf in \
		'options { max-zone-ttl 1d; }; view "v" { max-zone-ttl 2d; zone "example.org" { type primary; file "db.zone"; }; };' \
		'options { max-zone-ttl 1d; }; zone "example.org" { type primary; file "db.zone"; max-zone-ttl 0; };' \
		'options { max-zone-ttl 1d; }; zone "example.org" { type secondary; file "db.zone"; primaries { 192.0.2.1; }; };'; do
		printf '%s\n' "$conf" >mt/named.conf
		bind_accepts mt || return 1
		run --server-config mt/named.conf
		hasnt out "bind refuses" || { echo "with: $conf"; return 1; }
	done
	for conf in \
		'options { max-zone-ttl 1d; }; zone "example.org" { type primary; file "db.zone"; max-zone-ttl unlimited; };' \
		'dnssec-policy "p" { max-zone-ttl 1w; }; zone "example.org" { type primary; file "db.zone"; dnssec-policy "p"; inline-signing yes; max-zone-ttl 1d; };' \
		'zone "example.org" { type primary; file "db.zone"; dnssec-policy insecure; inline-signing yes; };'; do
		printf '%s\n' "$conf" >mt/named.conf
		run --server-config mt/named.conf
		want_rc 0 && hasnt out "bind refuses" || { echo "with: $conf"; return 1; }
	done
	for conf in \
		'options { dnssec-policy default; }; zone "example.org" { type primary; file "db.zone"; inline-signing yes; };' \
		'dnssec-policy "p" { }; view "v" { dnssec-policy "p"; zone "example.org" { type primary; file "db.zone"; inline-signing yes; }; };'; do
		printf '%s\n' "$conf" >mt/named.conf
		run --server-config mt/named.conf
		want_rc 1 && has out "^mt/db.zone:7:6: error: bind refuses .*86400, the max-zone-ttl of the zone's dnssec-policy" ||
			{ echo "with: $conf"; return 1; }
	done
	# a TTL taken from $TTL, at the record's type; policy none: the option
	printf '%s\n' 'options { dnssec-policy default; max-zone-ttl 3599; };' \
		'zone "example.org" { type primary; file "db.zone"; dnssec-policy none; };' >mt/named.conf
	refused mt named-checkconf -z named.conf || return 1
	run --server-config mt/named.conf
	want_rc 1 && has out "^mt/db.zone:2:6: error: bind refuses .*the TTL 3600 this record takes \(and the 4 records after it\) is above 3599" &&
		[ "$(grep -c "bind refuses" "$tmp/out")" -eq 2 ]
}
t "BIND max-zone-ttl: zonelint refuses what named refuses" t_max_zone_ttl

# A zone under a dnssec-policy that named 9.18 cannot sign is refused at
# the policy (tests/servers/bind/bad-policy-*); a policy that says
# inline-signing yes is one of named 9.20, which signs its zones inline
# (9.18 refuses the option in the policy, which is not read): no zone
# refusal for it.
t_policy_inline() {
	mkdir -p pi
	zone pi/db.zone
	printf '%s\n' 'dnssec-policy "p" { inline-signing yes; };' \
		'zone "example.org" { type primary; file "db.zone"; dnssec-policy "p"; };' >pi/named.conf
	run --server-config pi/named.conf
	want_rc 0 && hasnt err "inline-signing" || return 1
	printf '%s\n' 'dnssec-policy "p" { inline-signing no; };' \
		'zone "example.org" { type primary; file "db.zone"; dnssec-policy "p"; };' >pi/named.conf
	run --server-config pi/named.conf
	want_rc 2 && has err "^pi/named.conf:2:66: error: zone 'example.org.': 'inline-signing yes;' must also be configured"
}
t "BIND dnssec-policy: a zone named cannot sign is refused, a 9.20 policy's inline signing taken" t_policy_inline

# One zone file two views load: the lower limit of the two refuses it,
# in either order.
t_max_two_views() {
	mkdir -p m2
	zone m2/db.zone 'long 86401 IN A 192.0.2.1' 'long 60 IN A 192.0.2.2'
	for order in "a b" "b a"; do
		rm -f m2/named.conf
		for v in $order; do
			case $v in
			a) limits='max-zone-ttl 2d; max-records-per-type 0;' ;;
			*) limits='max-zone-ttl 1d; max-records-per-type 1;' ;;
			esac
			printf 'view "%s" { %s zone "example.org" { type primary; file "db.zone"; }; };\n' \
				"$v" "$limits" >>m2/named.conf
		done
		refused m2 named-checkconf -z named.conf || return 1
		run --server-config m2/named.conf
		want_rc 1 && has out "the TTL 86401 is above 86400" &&
			has out "2 A records at 'long.example.org.', above its max-records-per-type 1" ||
			{ echo "in the order $order"; return 1; }
	done
}
t "BIND limits of a zone file two views load: the lower refuses" t_max_two_views

# A value named does not read as a duration is an error in named.conf.
t_max_zone_ttl_bad() {
	mkdir -p mb
	zone mb/db.zone
	for v in 1x 1.5d P1W1D PT1D '"1d"' 4294967296; do
		printf 'options { max-zone-ttl %s; };\n' "$v" >mb/named.conf
		refused mb named-checkconf named.conf || return 1
		config_error mb/named.conf "^mb/named.conf:1:24: error: expected ISO 8601 duration or TTL value" ||
			{ echo "with: $v"; return 1; }
	done
	printf 'dnssec-policy "p" { max-zone-ttl unlimited; };\n' >mb/named.conf
	refused mb named-checkconf named.conf || return 1
	config_error mb/named.conf "^mb/named.conf:1:34: error: expected ISO 8601"
}
t "BIND max-zone-ttl: a value named refuses is an error" t_max_zone_ttl_bad

# max-records-per-type and max-types-per-name (BIND 9.18.28 and later,
# 100 each by default; in options, a view or the zone; 0: none): named
# refuses a primary zone with an RRset of more records, each counted as
# written, or a name with more RRsets, RRSIG records by the type they
# cover ("too many records").  named-checkconf -z does not apply them:
# these are as named 9.18.49 loads the zone.
t_max_records() {
	mkdir -p mr
	i=0
	set --
	while [ $i -lt 101 ]; do
		i=$((i + 1))
		set -- "$@" "many IN A 10.0.0.$((i > 100 ? 1 : i))" \
			"types IN TYPE$((1000 + i)) \\# 0"
	done
	zone mr/db.zone "$@"
	printf '%s\n' 'zone "example.org" { type primary; file "db.zone"; };' >mr/named.conf
	bind_accepts mr || return 1
	run --server-config mr/named.conf
	want_rc 1 && has out "^mr/db.zone:7:1: error: bind refuses to load the zone example.org.: 101 A records at 'many.example.org.', above its max-records-per-type 100" &&
		has out "^mr/db.zone:8:1: error: bind refuses .*'types.example.org.' holds 101 RRsets, above its max-types-per-name 100" ||
		return 1
	for conf in \
		'options { max-records-per-type 0; max-types-per-name 101; }; zone "example.org" { type primary; file "db.zone"; };' \
		'view "v" { max-records-per-type 101; zone "example.org" { type primary; file "db.zone"; max-types-per-name 0; }; };'; do
		printf '%s\n' "$conf" >mr/named.conf
		bind_accepts mr || return 1
		run --server-config mr/named.conf
		hasnt out "bind refuses" || { echo "with: $conf"; return 1; }
	done
	printf '%s\n' 'options { max-records-per-type 0; };' \
		'view "v" { max-records-per-type 2; zone "example.org" { type primary; file "db.zone"; }; };' >mr/named.conf
	run --server-config mr/named.conf
	has out "^mr/db.zone:7:1: error: .*101 A records at 'many.example.org.', above its max-records-per-type 2$" || return 1
	# RRSIG records one for each type they cover
	zone mr/db.zone 'sig IN A 192.0.2.1' 'sig IN RRSIG A 8 3 3600 20300101000000 20200101000000 1 example.org. AAAA' \
		'sig IN RRSIG A 8 3 3600 20300101000000 20200101000000 2 example.org. AAAA'
	printf '%s\n' 'zone "example.org" { type primary; file "db.zone"; max-types-per-name 1; max-records-per-type 1; };' >mr/named.conf
	run --server-config mr/named.conf
	want_rc 1 && has out "'sig.example.org.' holds 2 RRsets \(RRSIG records one for each type they cover\)" &&
		has out "2 RRSIG records covering A at 'sig.example.org.'"
}
t "BIND max-records-per-type, max-types-per-name: zonelint refuses what named refuses" t_max_records

# A number named does not read is an error in named.conf.
t_max_records_bad() {
	mkdir -p mn
	zone mn/db.zone
	printf '%s\n' 'options { max-records-per-type 1d; max-types-per-name 4294967296; };' >mn/named.conf
	refused mn named-checkconf named.conf || return 1
	config_error mn/named.conf "^mn/named.conf:1:32: error: expected number near '1d'" &&
		has err "^mn/named.conf:1:55: error: '4294967296' out of range"
}
t "BIND max-records-per-type: a value named refuses is an error" t_max_records_bad

# refusals FILE WHAT: the "LINE OPTION" of each "option 'OPTION' is not
# allowed in 'WHAT' zone" in FILE, as named-checkconf and zonelint say it,
# sorted.
refusals() {
	sed -n "s/^[^ ]*named\.conf:\([0-9]*\):.* option '\([^']*\)' is not allowed in '$2' zone .*/\1 \2/p" "$1" |
		sort
}

# Every option a zone statement takes in named 9.18
# (tests/servers/bind-zone-options), in a zone of each type and of each
# name of a type, each written over three lines (its name, its value,
# ';'): named-checkconf refuses those the type does not take, on the line
# of the name or of the value, and zonelint exactly those, on the same
# lines.
t_zone_options() {
	mkdir -p zo
	for type in primary master secondary slave mirror stub static-stub \
		forward hint redirect delegation-only; do
		case $type in mirror | hint | redirect) name=. ;; *) name=example.com ;; esac
		{
			printf 'zone "%s" {\n\ttype %s;\n' "$name" "$type"
			sed -n 's/^[a-z]* //p' "$here/servers/bind-zone-options" |
				while read -r opt value; do
					printf '\t%s\n\t\t%s\n\t;\n' "$opt" "$value"
				done
			echo '};'
		} >zo/named.conf
		(cd zo && named-checkconf named.conf) >zo/named 2>&1
		refusals zo/named "$type" >zo/theirs
		run --server-config zo/named.conf
		refusals "$tmp/err" "$type" >zo/ours
		[ -s zo/theirs ] && diff -u zo/theirs zo/ours ||
			{ echo "in a $type zone"; return 1; }
	done
}
t "BIND options a zone type does not take: zonelint refuses what named refuses, at its lines" t_zone_options

# The zone options BIND 9.20 and 9.21 add (their namedconf.c), each in a
# zone of each type: named 9.18 knows none of them ("unknown option");
# zonelint takes each in the types those versions take it in, and
# refuses it in the others as they do, at its line.
t_zone_options_later() {
	mkdir -p zl
	cat >zl/later <<'EOF2'
check-svcb no|primary
checkds explicit|primary secondary
initial-file "init.db"|primary
log-report-channel no|primary secondary
min-transfer-rate-in 10240 5|secondary mirror stub
notify-cds no|primary secondary
notify-defer 5|primary secondary mirror
plugin query "x.so"|primary secondary mirror redirect
provide-zoneversion no|primary secondary mirror
request-ixfr-max-diffs 10|secondary mirror
send-report-channel "r.example"|primary secondary
template t|primary secondary mirror stub static-stub forward hint redirect
EOF2
	for type in primary secondary mirror stub static-stub forward hint \
		redirect delegation-only; do
		case $type in mirror | hint | redirect) name=. ;; *) name=example.com ;; esac
		printf 'zone "%s" {\n\ttype %s;\n' "$name" "$type" >zl/named.conf
		: >zl/want
		n=2
		while IFS='|' read -r opt types; do
			n=$((n + 1))
			printf '\t%s;\n' "$opt" >>zl/named.conf
			case " $types " in *" $type "*) ;; *) echo "$n ${opt%% *}" >>zl/want ;; esac
		done <zl/later
		echo '};' >>zl/named.conf
		sort -o zl/want zl/want
		[ "$(cd zl && named-checkconf named.conf 2>&1 |
			grep -c "unknown option")" = 12 ] ||
			{ echo "named 9.18 takes one in a $type zone"; return 1; }
		run --server-config zl/named.conf
		refusals "$tmp/err" "$type" >zl/ours
		grep -q "unknown option" "$tmp/err" && cat "$tmp/err" && return 1
		diff -u zl/want zl/ours || { echo "in a $type zone"; return 1; }
	done
	# each once in a zone, but plugin (BIND 9.21's zone_only_clauses)
	printf '%s\n' 'zone "a.org" { type primary; file "db"; plugin query "a.so";' \
		'plugin query "b.so"; checkds yes;' 'checkds no; };' >zl/named.conf
	run --server-config zl/named.conf
	has err "^zl/named.conf:3:1: error: 'checkds' redefined" &&
		hasnt err "'plugin' redefined"
}
t "BIND zone options of later versions: zonelint takes them where those versions do" t_zone_options_later

# The server statement's options BIND 9.21 adds: unknown to named 9.18,
# taken by zonelint.
t_server_options_later() {
	mkdir -p sl
	printf 'server 192.0.2.1 { request-ixfr-max-diffs 10; request-zoneversion yes; require-cookie yes; };\n' >sl/named.conf
	[ "$(cd sl && named-checkconf named.conf 2>&1 | grep -c "unknown option")" = 3 ] ||
		{ echo "named 9.18 takes one"; return 1; }
	run --server-config sl/named.conf
	hasnt err "error:"
}
t "BIND server options of later versions: zonelint takes them" t_server_options_later

# A zone that names a template (BIND 9.21), which may give it its type,
# file and primaries, and sign it inline: named 9.18 knows no template;
# zonelint does not read it, and does not refuse the zone for what it
# may give (a zone without type and without template still is).
t_zone_template() {
	mkdir -p tp
	printf '%s\n' 'template "t" { type primary; file "db.$name"; };' \
		'zone "a.org" { template "t"; };' \
		'zone "b.org" { type primary; template "t"; dnssec-policy default; inline-signing no; };' \
		'zone "c.org" { type secondary; template "t"; dnssec-loadkeys-interval 60; };' \
		'zone "d.org" { };' >tp/named.conf
	refused tp named-checkconf named.conf || return 1
	run --server-config tp/named.conf
	has err "^tp/named.conf:5:6: error: zone 'd.org.': type not present" &&
		[ "$(grep -c "error:" "$tmp/err")" = 1 ]
}
t "BIND a zone that names a template: not refused for what the template may give" t_zone_template

# dialup's modes in the zone types that take dialup: refused by both
# where the type does not take the mode, on the same lines.
t_dialup() {
	mkdir -p du
	for type in primary secondary stub; do
		for mode in yes no notify notify-passive passive refresh; do
			printf 'zone "%s.%s" { type %s; dialup %s; };\n' \
				"$mode" "$type" "$type" "$mode"
		done
	done >du/named.conf
	(cd du && named-checkconf named.conf) 2>&1 |
		sed -n 's/^named.conf:\([0-9]*\): dialup .* is not allowed.*/\1/p' >du/theirs
	run --server-config du/named.conf
	sed -n 's/^du\/named.conf:\([0-9]*\):.* dialup .* is not allowed.*/\1/p' "$tmp/err" >du/ours
	[ -s du/theirs ] && diff -u du/theirs du/ours
}
t "BIND dialup modes: zonelint refuses what named refuses" t_dialup

# options and a view take every option of zone_clauses, for all their
# zones (dnssec-policy aside, which named refuses beside
# sig-validity-interval): named-checkconf takes them, zonelint too; the
# options a zone alone takes are unknown there to both (but those of
# which options and views have another form).
t_zone_options_above() {
	mkdir -p za
	opts=$(sed -n 's/^any //p' "$here/servers/bind-zone-options" |
		grep -v '^dnssec-policy ' | sed 's/$/;/')
	printf 'options {\n%s\n};\nview "v" {\n%s\n};\n' "$opts" "$opts" \
		>za/named.conf
	(cd za && named-checkconf named.conf) >/dev/null 2>&1 ||
		{ echo "named-checkconf refuses them"; return 1; }
	run --server-config za/named.conf
	want_rc 0 && hasnt err "error:" || return 1
	sed -n 's/^zone //p' "$here/servers/bind-zone-options" |
		while read -r opt value; do
			for block in options 'view "v"'; do
				printf '%s {\n\t%s %s;\n};\n' "$block" "$opt" "$value" \
					>za/named.conf
				refused za named-checkconf named.conf || return 1
				config_error za/named.conf "^za/named.conf:2:2: error: unknown option '$opt'" ||
					return 1
			done
		done
}
t "BIND zone options in options and views: taken by both, but a zone's own" t_zone_options_above

# hints FILE: root hints, a part of IANA's named.root.
hints() {
	printf '%s\n' '. 3600000 NS A.ROOT-SERVERS.NET.' \
		'A.ROOT-SERVERS.NET. 3600000 A 198.41.0.4' >"$1"
}

# Zones of each type with the options it takes, under each name of a type
# and of a list, loaded by named-checkconf -z; zonelint lints them clean.
t_zone_options_ok() {
	mkdir -p zk
	zone zk/db.zone
	zone zk/db.redirect
	hints zk/root.hints
	cat >zk/named.conf <<'EOF'
options { allow-update { none; }; check-mx warn; notify-source * port 54; };
zone "example.org" { type master; file "db.zone"; allow-update { 192.0.2.9; };
	check-mx fail; also-notify { 192.0.2.2; }; dialup notify; notify yes; };
zone "example.net" { type slave; masters { 192.0.2.1; }; allow-notify { any; };
	request-ixfr yes; transfer-source 192.0.2.53 port 54; dialup refresh; };
zone "example.com" { type stub; primaries { 192.0.2.1; }; multi-master yes; };
zone "example.edu" { type static-stub; server-addresses { 192.0.2.1; }; };
zone "example.int" { type forward; forward only; forwarders { 192.0.2.1; }; };
zone "." { type hint; file "root.hints"; check-names warn; };
zone "." { type redirect; file "db.redirect"; max-zone-ttl 1d; };
EOF
	bind_accepts zk || return 1
	run --server-config zk/named.conf
	want_rc 0 && hasnt err "error:" && hasnt out "error:"
}
t "BIND zones with the options their types take: loaded by named, clean" t_zone_options_ok

# named_takes DIR WANT [-z]: named-checkconf (with -z, which sets the
# views and zones up as named does) and zonelint each take ("takes") or
# refuse ("refuses") DIR/named.conf as WANT says.
named_takes() {
	if (cd "$1" && shift 2 && named-checkconf "$@" named.conf) \
		>/dev/null 2>&1; then
		theirs=takes
	else
		theirs=refuses
	fi
	run --server-config "$1/named.conf"
	if grep -q ': error: ' "$tmp/err"; then ours=refuses; else ours=takes; fi
	[ "$theirs" = "$2" ] && [ "$ours" = "$2" ]
}

# Source options with the port named listens on, in the blocks it checks
# them in (a server, in a view too; a zone; options, for each zone that
# does not set its own, but not a view), refused by both; those of the
# other address family in a server too; another port, or a block named
# does not check them in, taken by both.
t_source_ports() {
	cases sp named.conf '' named_takes <<'EOF'
refuses|server 192.0.2.1 { query-source address * port 53; };
refuses|view "v" { server 192.0.2.1 { query-source 192.0.2.53 port 53; }; };
refuses|server 2001:db8::1 { query-source-v6 address * port 53; };
refuses|options { port 5353; }; server 192.0.2.1 { query-source address * port 5353; };
refuses|server 192.0.2.1 { transfer-source * port 53; };
refuses|server 192.0.2.1 { notify-source 192.0.2.53 port 53 dscp 3; };
refuses|server 192.0.2.1 { query-source-v6 address *; };
refuses|server 2001:db8::/32 { transfer-source *; };
refuses|zone "example.net" { type slave; masters { 192.0.2.1; }; transfer-source * port 53; };
refuses|zone "example.net" { type slave; masters { 192.0.2.1; }; notify-source-v6 * port 53; };
refuses|zone "example.net" { type slave; masters { 192.0.2.1; }; parental-source * port 53; };
takes|server 192.0.2.1 { query-source address * port 54; transfer-source * port *; };
takes|options { port 5353; }; server 192.0.2.1 { query-source address * port 53; };
takes|server 2001:db8::1 { query-source-v6 address * port 54; notify-source-v6 *; };
takes|options { transfer-source * port 53; notify-source * port 53; parental-source * port 53; };
takes|view "v" { transfer-source-v6 * port 53; alt-transfer-source * port 53; };
takes|zone "example.net" { type slave; masters { 192.0.2.1; }; alt-transfer-source * port 53; };
refuses|options { notify-source * port 53; }; zone "." { type hint; file "x"; };
refuses|options { parental-source-v6 * port 53; }; view "v" { zone "example.net" { type forward; }; };
takes|options { transfer-source * port 53; }; zone "example.net" { type slave; masters { 192.0.2.1; }; transfer-source *; };
takes|view "v" { notify-source * port 53; zone "example.net" { type slave; masters { 192.0.2.1; }; }; };
EOF
}
t "BIND source ports and families: zonelint refuses what named refuses" t_source_ports

# A hint zone whose file is missing: named-checkconf takes it, but named
# does not start without its root hints, nor does named-checkconf -z load
# it; zonelint refuses it at the file, resolved against directory, in
# views too, and a directory in its place.  A file there is taken by
# both.  One outside the tree is not looked at: nothing of what lies
# outside reaches the output, not even whether it exists.
t_hint_file() {
	mkdir -p hf/zones hf/adir
	ln -s /nonexistent/root.hints hf/zones/out.hints
	for conf in \
		'zone "." { type hint; file "root.hints"; };|1:28' \
		'view "v" { zone "." { type hint; file "zones/root.hints"; }; };|1:39' \
		'options { directory "zones"; }; zone "." IN { type hint; file "root.hints"; };|1:63' \
		'zone "example" { type hint; file "adir"; };|1:34'; do
		printf '%s\n' "${conf%|*}" >hf/named.conf
		(cd hf && named-checkconf named.conf) || return 1
		refused hf named-checkconf -z named.conf || return 1
		config_error hf/named.conf "^hf/named.conf:${conf#*|}: error: could not configure root hints from '[^']*': (file not found|not a file)" ||
			{ echo "with: ${conf%|*}"; return 1; }
	done
	hints hf/zones/root.hints
	printf '%s\n' 'options { directory "zones"; }; zone "." { type hint; file "root.hints"; };' \
		>hf/named.conf
	bind_accepts hf || return 1
	run --server-config hf/named.conf
	want_rc 0 && hasnt err "error:" || return 1
	for f in /nonexistent/root.hints ../../nonexistent.hints out.hints; do
		printf 'options { directory "zones"; }; zone "." { type hint; file "%s"; };\n' \
			"$f" >hf/named.conf
		refused hf named-checkconf -z named.conf || return 1
		run --server-config hf/named.conf
		want_rc 0 && hasnt err "root hints" || { echo "with: $f"; return 1; }
	done
}
t "BIND hint zone: a missing file in the tree is refused as named refuses it" t_hint_file

# named_lines DIR WANT WHAT: named-checkconf and zonelint, on
# DIR/named.conf, each name exactly the lines WANT ("L L " with a space
# after each, "" for none) in their messages that say WHAT (a sed
# pattern).
named_lines() {
	theirs=$( (cd "$1" && named-checkconf named.conf) 2>&1 |
		sed -n "s/^named\.conf:\([0-9]*\): .*$3.*/\1/p" | tr '\n' ' ')
	run --server-config "$1/named.conf"
	ours=$(sed -n "s|^$1/named\.conf:\([0-9]*\):[0-9]*: error: .*$3.*|\1|p" \
		"$tmp/err" | tr '\n' ' ')
	[ "$theirs" = "$2" ] && [ "$ours" = "$2" ]
}

# named_cases DIR WHAT: named_lines for each "WANT|CONF" read.
named_cases() {
	cases "$1" named.conf '' named_lines "$2"
}

# An inline-signing secondary without a file (named keeps the signed
# zone there), at the zone's line, by both; with a file, without
# inline-signing, or a mirror (which takes no inline-signing at all):
# no missing file to either.
t_signing_secondary_file() {
	named_cases sf "missing 'file' entry" <<'EOF'
1 |zone "a.org" { type secondary; primaries { 192.0.2.1; }; inline-signing yes; };
2 |view "v" {\nzone "a.org" { type slave; masters { 192.0.2.1; }; inline-signing true; dnssec-policy default; }; };
|zone "a.org" { type secondary; primaries { 192.0.2.1; }; inline-signing yes; file "db"; };
|zone "a.org" { type secondary; primaries { 192.0.2.1; }; inline-signing no; };
|zone "a.org" { type mirror; primaries { 192.0.2.1; }; inline-signing yes; };
EOF
}
t "BIND an inline-signing secondary without a file: zonelint refuses what named refuses, at its line" t_signing_secondary_file

# An option given twice in one options, view, zone or server block, where
# named takes it once ("'recursion' redefined", fatal: the first such in
# a file), at the second's name, by both, in any case; given twice in two
# blocks, or one that may repeat (check-names, listen-on, zone, server):
# taken by both.
t_redefined() {
	named_cases rd "redefined" <<'EOF2'
3 |options {\nrecursion yes;\nrecursion no; };
2 |options { directory ".";\ndirectory "."; };
3 |view "v" {\nrecursion no;\nRECURSION yes; };
2 |zone "a.org" { type primary; file "db"; notify yes;\nnotify no; };
1 |zone "a.org" { type primary; file "db"; file "db2"; };
1 |zone "a.org" { type primary; type primary; file "db"; };
1 |zone "a.org" { type secondary; primaries { 192.0.2.1; }; check-names warn; check-names fail; };
2 |zone "a.org" { type primary; file "db"; also-notify { 192.0.2.1; };\nalso-notify { 192.0.2.2; }; };
1 |server 192.0.2.1 { bogus no; bogus yes; };
3 |view "v" {\nserver 192.0.2.1 { transfers 2;\ntransfers 3; }; };
|options { recursion yes; };\nview "v" { recursion no; zone "a.org" { type primary; file "db"; notify yes; }; };
|options { listen-on { any; }; listen-on port 5353 { any; }; check-names primary warn; check-names response fail; };
|view "v" { zone "a.org" { type hint; file "h"; }; zone "b.org" { type hint; file "h"; }; server 192.0.2.1 { }; server 192.0.2.2 { }; };
EOF2
}
t "BIND an option given twice in one block: zonelint refuses what named refuses, at its line" t_redefined

# The statements server_bind_names.c's table says may repeat, each given
# twice in each block that takes it: named 9.18 takes it (no
# "redefined"), zonelint too; and the table says so of these alone.
t_redefined_multi() {
	mkdir -p rm
	cat >rm/multi <<'EOF2'
check-names primary warn
cookie-secret "0123456789abcdef0123456789abcdef"
disable-algorithms "." { rsasha256; }
disable-ds-digests "." { sha1; }
disable-empty-zone "x"
dlz "x" { database "y"; }
dns64 64:ff9b::/96 { }
dnssec-must-be-secure "x" yes
dyndb "x" "y" { }
key "k" { algorithm hmac-sha256; secret "aaaa"; }
listen-on { any; }
listen-on-v6 { any; }
managed-keys { }
plugin query "x"
server 192.0.2.1 { }
trust-anchors { }
trusted-keys { }
zone "x" { type hint; file "h"; }
EOF2
	sed -n 's/^	{ "\([a-z0-9-]*\)", \(.*MULTI.*\) },\{0,1\}$/\1 \2/p' \
		"$here/../lint/server/server_bind_names.c" >rm/table
	[ "$(cut -d' ' -f1 rm/table)" = "$(cut -d' ' -f1 rm/multi)" ] ||
		{ echo "the table's MULTI names are not these"; return 1; }
	while read -r name value; do
		where=$(sed -n "s/^$name //p" rm/table)
		for block in options view; do
			case $block:$where in
			options:*O* | view:*V*) ;;
			*) continue ;;
			esac
			printf '%s { %s %s; %s %s; };\n' \
				"$([ $block = view ] && echo 'view "v"' || echo options)" \
				"$name" "$value" "$name" "$value" >rm/named.conf
			(cd rm && named-checkconf named.conf) 2>&1 | grep -q redefined &&
				{ echo "named 9.18 refuses $name twice in $block"; return 1; }
			run --server-config rm/named.conf
			hasnt err "redefined" || { echo "$name in $block"; return 1; }
		done
	done <rm/multi
}
t "BIND statements that may repeat in options and views: taken twice by both" t_redefined_multi

# A zone under a dnssec-policy that neither named 9.18 nor BIND 9.20 signs
# (inline-signing no, no updates), at the policy, by both (a secondary
# that an allow-update of the options makes dynamic is taken by both);
# one that named 9.18 refuses and 9.20 signs inline by default is taken,
# as are dnssec-dnskey-kskonly and
# update-check-ksk (obsolete in 9.21) and, under a policy that signs it,
# dnssec-loadkeys-interval in a secondary zone that does not say
# inline-signing yes.
t_policy_union() {
	named_cases pu "'inline-signing yes;' must" <<'EOF2' || return 1
1 |zone "a.org" { type primary; file "db"; dnssec-policy default; inline-signing no; };
2 |options {\ndnssec-policy insecure; allow-update { none; }; };\nzone "a.org" { type secondary; primaries { 192.0.2.1; }; inline-signing no; };
|zone "a.org" { type primary; file "db"; dnssec-policy default; inline-signing no; update-policy local; };
|options { allow-update { any; }; };\nzone "a.org" { type secondary; primaries { 192.0.2.1; }; dnssec-policy default; inline-signing no; };
EOF2
	named_cases pu "dnssec-loadkeys-interval" <<'EOF2' || return 1
1 |zone "a.org" { type secondary; primaries { 192.0.2.1; }; dnssec-loadkeys-interval 60; };
1 |zone "a.org" { type secondary; primaries { 192.0.2.1; }; dnssec-policy default; inline-signing no; dnssec-loadkeys-interval 60; };
EOF2
	while IFS= read -r conf; do
		printf '%b\n' "$conf" >pu/named.conf
		refused pu named-checkconf named.conf || return 1
		run --server-config pu/named.conf
		hasnt err "named.conf.*error:" || { echo "with: $conf"; return 1; }
	done <<'EOF2'
zone "a.org" { type primary; file "db"; dnssec-policy default; };
options { dnssec-policy default; allow-update { none; }; };\nzone "a.org" { type primary; file "db"; };
zone "a.org" { type secondary; primaries { 192.0.2.1; }; dnssec-policy insecure; };
zone "a.org" { type secondary; primaries { 192.0.2.1; }; dnssec-policy default; dnssec-loadkeys-interval 60; };
zone "a.org" { type secondary; primaries { 192.0.2.1; }; dnssec-dnskey-kskonly yes; update-check-ksk yes; };
EOF2
}
t "BIND dnssec-policy signing: zonelint refuses what both named 9.18 and BIND 9.20 refuse" t_policy_union

# A mirror zone whose own notify sends to the zone's name servers (yes,
# primary-only, in any case), at its '{', by both; notify no or explicit,
# or notify yes in options or a view that the mirror inherits, or in a
# secondary: taken by both.
t_mirror_notify() {
	named_cases mn "mirror zones can only be used with 'notify no;'" <<'EOF'
1 |zone "." { type mirror; notify yes; };
2 |zone "."\n{ type mirror; notify\nprimary-only; };
3 |view "v" {\nzone "a.org"\n{ type mirror; primaries { 192.0.2.1; }; notify True; }; };
|zone "." { type mirror; notify EXPLICIT; };
|zone "." { type mirror; notify no; };
|options { notify yes; };\nzone "." { type mirror; };
|view "v" { notify yes; zone "." { type mirror; }; };
|zone "a.org" { type secondary; primaries { 192.0.2.1; }; notify yes; };
EOF
}
t "BIND a mirror zone that notifies: zonelint refuses what named refuses, at its line" t_mirror_notify

# A mirror zone where recursion is off: recursion no, or an
# allow-recursion of none alone, in options or the zone's view (the
# view's over options'), at the zone's '{', in any class, by both;
# recursion turned back on in the view, an empty allow-recursion, one
# that allows an address, a secondary: taken by both.
t_mirror_recursion() {
	named_cases mr "mirror zones cannot be used if recursion is disabled" <<'EOF'
3 |options { recursion no; };\nzone "."\n{ type mirror; };
2 |options { recursion yes; };\nview "v" { recursion false; zone "." { type mirror; }; };
2 |options { allow-recursion { ! any; }; };\nzone "." { type mirror; };
1 |view "v" { allow-recursion { none; }; zone "." { type mirror; }; };
1 |view "v" ch { recursion 0; zone "a.org" ch { type mirror; primaries { 192.0.2.1; }; }; };
|options { recursion no; };\nview "v" { recursion yes; zone "." { type mirror; }; };
|options { allow-recursion { none; }; };\nview "v" { allow-recursion { any; }; zone "." { type mirror; }; };
|options { allow-recursion { }; };\nzone "." { type mirror; };
|options { allow-recursion { none; 192.0.2.1; }; };\nzone "." { type mirror; };
|options { recursion no; };\nzone "a.org" { type secondary; primaries { 192.0.2.1; }; file "db"; };
EOF
}
t "BIND a mirror zone without recursion: zonelint refuses what named refuses, at its line" t_mirror_recursion

# auto-dnssec (named 9.18) other than off: in options or a view, in a
# zone under a dnssec-policy (but none), in a primary that takes no
# updates and is not signed inline, in a secondary not signed inline, a
# mode named does not know, at its value, by both; a primary with an
# update-policy, with an allow-update (options' too) that allows more
# than none, signed inline: taken by both.
t_auto_dnssec() {
	z='type primary; file "db";'
	sed "s/PRIMARY/$z/" <<'EOF' | named_cases ad "'auto-dnssec [A-Za-z]*;' [rc]" || return 1
1 |zone "a.org" { PRIMARY auto-dnssec maintain; };
2 |zone "a.org" { PRIMARY allow-update { none; };\nauto-dnssec MAINTAIN; dnssec-policy none; };
1 |zone "a.org" { type secondary; primaries { 192.0.2.1; }; file "db"; auto-dnssec maintain; };
2 |options { dnssec-policy default; };\nzone "a.org" { PRIMARY auto-dnssec maintain; inline-signing yes; };
|options { auto-dnssec off; };\nzone "a.org" { PRIMARY auto-dnssec maintain; update-policy local; };
|options { allow-update { 192.0.2.1; }; };\nzone "a.org" { PRIMARY auto-dnssec allow; };
|zone "a.org" { PRIMARY auto-dnssec maintain; allow-update { }; };
|zone "a.org" { type secondary; primaries { 192.0.2.1; }; file "db"; auto-dnssec maintain; inline-signing yes; };
EOF
	sed "s/PRIMARY/$z/" <<'EOF' | named_cases ad "may only be activated at the zone level" || return 1
3 |options {\nauto-dnssec\nmaintain; };
1 |view "v" { auto-dnssec allow; zone "a.org" { PRIMARY }; };
EOF
	named_cases ad "'bogus' unexpected" <<'EOF'
1 |zone "a.org" { type primary; file "db"; auto-dnssec bogus; };
EOF
}
t "BIND auto-dnssec where named cannot sign: zonelint refuses what named refuses, at its line" t_auto_dnssec

# A zone a catalog-zones block names, as a response-policy block's: not
# a primary or secondary zone of its view (a mirror, a stub, an in-view
# zone, another view's), named twice in one block, or with both
# default-primaries and default-masters (then not counted as named), at
# its name, by both; the options' block beside views, a name written
# otherwise, one block each in options and a view, the catalog zone's
# own options: taken by both.
t_catalog_zones() {
	p='{ type primary; file "db"; }'
	sed "s/PRIMARY/$p/g" <<'EOF' | named_cases cz "catalog zone"
1 |options { catalog-zones { zone "c.org"; }; };\nzone "c.org" { type mirror; primaries { 192.0.2.1; }; };
2 |options { catalog-zones {\nzone "a.org";\nzone "b.org"; }; };\nzone "a.org" { type stub; primaries { 192.0.2.1; }; };\nzone "b.org" PRIMARY;
1 |view "v" { catalog-zones { zone "c.org"; }; };\nview "w" { zone "c.org" PRIMARY; };
2 |view "w" { zone "c.org" PRIMARY; };\nview "v" { catalog-zones { zone "c.org"; }; zone "c.org" { in-view "w"; }; };
4 |options { catalog-zones {\nzone "c.org"\ndefault-primaries { 192.0.2.1; };\nzone "C.org."; }; };\nzone "c.org" PRIMARY;
2 |options { catalog-zones { zone "a.org"; zone "b.org";\nzone "c.org" default-masters { 192.0.2.1; } default-primaries { 192.0.2.1; }; zone "c.org"; }; };\nzone "a.org" PRIMARY;\nzone "b.org" PRIMARY;\nzone "c.org" PRIMARY;
|options { catalog-zones { zone "c.org" default-primaries { 192.0.2.1; } in-memory yes zone-directory "d" min-update-interval 5; }; };\nzone "c.org" { type secondary; primaries { 192.0.2.1; }; file "db"; };
|options { catalog-zones { zone "x.org"; }; };\nview "v" { zone "c.org" PRIMARY; };
|options { catalog-zones { zone "c.org."; }; };\nzone "C.ORG" PRIMARY;
|options { catalog-zones { zone "c.org"; }; };\nview "v" { catalog-zones { zone "c.org"; }; zone "c.org" PRIMARY; };
EOF
}
t "BIND catalog-zones: zonelint refuses what named refuses, at its line" t_catalog_zones

# A zone of a CHAOS view is checked as any zone (it is not linted): a
# primary without a file, one declared twice, one without a type, a
# signing secondary without a file, an unknown or unsigned dnssec-policy
# (options' too, over a built-in database), at the zone's line, by both;
# a zone of the same name in views "a" IN and "a" CH: taken by both.
t_chaos_zones() {
	named_cases ch "x\.bind" <<'EOF' || return 1
2 |view "c" chaos {\nzone "x.bind" chaos { type primary; }; };
3 |view "c" chaos { zone "x.bind" { type primary; file "a"; };\n\nzone "x.bind" chaos { type primary; file "b"; }; };
1 |view "c" chaos { zone "x.bind" chaos { file "a"; }; };
1 |view "c" chaos { zone "x.bind" chaos { type secondary; primaries { 192.0.2.1; }; inline-signing yes; }; };
1 |view "c" chaos { zone "x.bind" chaos { type primary; file "a"; dnssec-policy nosuch; }; };
|view "a" { zone "x.bind" { type primary; file "a"; }; };\nview "a" chaos { zone "x.bind" { type primary; file "b"; }; };
|view "c" chaos { zone "x.bind" chaos { type primary; file "a"; }; };
EOF
	named_cases ch "redirect zones must" <<'EOF' || return 1
1 |view "c" chaos { zone "x.bind" chaos { type redirect; file "a"; }; };
EOF
	named_cases ch "'inline-signing yes;' must" <<'EOF'
1 |options { dnssec-policy default; };\nview "c" chaos { zone "x.bind" chaos { type primary; database "_builtin hostname"; inline-signing no; }; };
EOF
}
t "BIND a CHAOS view's zones: zonelint refuses what named refuses, at its line" t_chaos_zones

# A file two zones load where named writes to either: a secondary's or
# a mirror's, a primary's that takes updates or that a dnssec-policy
# signs (in any views; the policy and allow-update inherited), named at
# the second's file by both; the names compared but for case ("db" and
# "DB": named keeps them in a case-insensitive table).  Two primaries
# without updates (in two views too), a stub's, "./db" beside "db", a
# hint zone beside a primary: taken by both.
t_writeable_file() {
	named_cases wf "writeable file '[dD][bB]': already in use: [a-z/]*named.conf:1" <<'EOF'
2 |zone "a.org" { type primary; file "db"; allow-update { any; }; };\nzone "b.org" { type primary; file "DB"; allow-update { any; }; };
2 |zone "a.org" { type primary; file "db"; };\nzone "b.org" { type primary; file "Db"; update-policy local; };
2 |zone "a.org" { type secondary; primaries { 192.0.2.1; }; file "dB"; };\nzone "b.org" { type secondary; primaries { 192.0.2.1; }; file "db"; };
2 |zone "a.org" { type secondary; primaries { 192.0.2.1; }; file "db"; };\nzone "b.org" { type slave; masters { 192.0.2.1; }; file "db"; };
2 |view "a" { zone "a.org" { type secondary; primaries { 192.0.2.1; }; file "db"; }; };\nview "b" { zone "a.org" { type mirror; primaries { 192.0.2.1; }; file "db"; }; };
3 |view "a" ch { zone "a.org" { type secondary; primaries { 192.0.2.1; }; file "db"; }; };\n\nview "b" { zone "a.org" { type secondary; primaries { 192.0.2.1; }; file "db"; }; };
3 |zone "a.org" { type primary; file "db"; };\nzone "b.org" { type primary; file "db"; };\nzone "c.org" { type secondary; primaries { 192.0.2.1; }; file "db"; };
2 |zone "a.org" { type primary; file "db"; allow-update { any; }; };\nzone "b.org" { type master; file "db"; };
2 |zone "a.org" { type primary; file "db"; };\nzone "b.org" { type primary; file "db"; allow-update { }; };
2 |zone "a.org" { type primary; file "db"; update-policy local; };\nzone "b.org" { type hint; file "db"; };
2 |zone "a.org" { type primary; file "db"; };\nzone "b.org" { type primary; file "db"; };\noptions { allow-update { 192.0.2.1; }; };
2 |zone "a.org" { type primary; file "db"; dnssec-policy default; inline-signing yes; };\nzone "b.org" { type primary; file "db"; };
2 |zone "a.org" { type primary; file "db"; inline-signing yes; };\nzone "b.org" { type primary; file "db"; inline-signing yes; };\noptions { dnssec-policy insecure; };
4 |zone "a.org" { type secondary; primaries { 192.0.2.1; }; file "db"; };\nzone "b.org" { type primary;\nfile\n"db"; };
|zone "a.org" { type primary; file "db"; };\nzone "b.org" { type primary; file "db"; };
|view "a" { zone "a.org" { type primary; file "db"; }; };\nview "b" { zone "a.org" { type primary; file "db"; }; };
|zone "a.org" { type primary; file "db"; allow-update { none; }; };\nzone "b.org" { type primary; file "db"; allow-update { ! any; }; };
|zone "a.org" { type primary; file "db"; dnssec-policy none; inline-signing yes; };\nzone "b.org" { type primary; file "db"; };
|zone "a.org" { type primary; file "db"; inline-signing yes; };\nzone "b.org" { type primary; file "db"; inline-signing yes; };
|zone "a.org" { type stub; primaries { 192.0.2.1; }; file "db"; };\nzone "b.org" { type secondary; primaries { 192.0.2.1; }; file "db"; };
|zone "a.org" { type secondary; primaries { 192.0.2.1; }; file "db"; };\nzone "b.org" { type secondary; primaries { 192.0.2.1; }; file "./db"; };
|zone "a.org" { type primary; file "db"; };\nzone "b.org" { type primary; file "DB"; };
|zone "a.org" { type secondary; primaries { 192.0.2.1; }; file "db"; };\nzone "b.org" { type primary; file "db"; database "other"; };
|zone "a.org" { type hint; file "db"; };\nzone "b.org" { type primary; file "db"; };
EOF
}
t "BIND a zone file named writes, loaded twice: zonelint refuses what named refuses, at its line" t_writeable_file

# forward without forwarders in the same block (options, a view, a zone
# of any type that takes it), at forward's value, by both; forwarders
# elsewhere, a forward zone without forward, an in-view zone's forward:
# taken by both.
t_forward_alone() {
	named_cases fo "no matching 'forwarders' statement" <<'EOF'
1 |options { forward only; };
2 |options { forward only; forwarders { 192.0.2.1; }; };\nview "v" { forward first; };
3 |zone "a.org" { type forward;\nforward\nonly; };
1 |zone "a.org" { type secondary; primaries { 192.0.2.1; }; forward only; };
1 |zone "a.org" { type static-stub; server-addresses { 192.0.2.1; }; forward only; };
|zone "a.org" { type forward; };
|zone "a.org" { type forward; forward first; forwarders { }; };
|options { forwarders { 192.0.2.1; }; };\nzone "a.org" { type forward; forward only; forwarders { 192.0.2.2; }; };
|view "x" { zone "a.org" { type primary; file "db"; }; };\nview "y" { zone "a.org" { in-view "x"; forward only; }; };
EOF
}
t "BIND forward without forwarders: zonelint refuses what named refuses, at its line" t_forward_alone

# sig-validity-interval or dnskey-sig-validity beside a dnssec-policy
# (none too) in one block: named 9.18 refuses them, BIND 9.21 takes them
# (obsolete, ignored), and so does zonelint.
t_sig_validity_policy() {
	mkdir -p sv
	z='type primary; file "db"; inline-signing yes;'
	sed "s/ZONE/$z/" <<'EOF' | while IFS= read -r conf; do
zone "a.org" { ZONE dnssec-policy default; sig-validity-interval 30; };
zone "a.org" { ZONE dnssec-policy none; sig-validity-interval 30; dnskey-sig-validity 30; };
options { sig-validity-interval 30; dnssec-policy default; };
view "v" { dnskey-sig-validity 30; dnssec-policy default; };
EOF
		printf '%s\n' "$conf" >sv/named.conf
		(cd sv && named-checkconf named.conf) 2>&1 |
			grep -q "cannot be configured if dnssec-policy" ||
			{ echo "named 9.18 takes: $conf"; return 1; }
		run --server-config sv/named.conf
		hasnt err "validity" || { echo "with: $conf"; return 1; }
	done
}
t "BIND sig-validity-interval beside dnssec-policy: taken, as BIND 9.21 takes it" t_sig_validity_policy

# An option a zone or a server statement does not take (query-source in
# a zone, recursion in a server), at its name, by both; those gone from
# a server: "no longer exists".  Their own options: taken by both.
t_unknown_zone_server() {
	named_cases uo "option '[a-z-]*'" <<'EOF'
1 |zone "a.org" { type primary; file "db"; query-source address *; };
2 |zone "a.org" { type secondary; primaries { 192.0.2.1; };\nrecursion\nno; };
1 |server 192.0.2.1 { notify-source 192.0.2.2; recursion no; };
2 |view "v" {\nserver 192.0.2.1 { frobnicate yes; }; };
1 |server 192.0.2.1 { support-ixfr yes; };
1 |server 192.0.2.1 { request-sit yes; };
|server 192.0.2.1 { bogus no; edns yes; keys { k; }; transfers 2; transfer-format many-answers; padding 64; tcp-only no; };\nkey k { algorithm hmac-sha256; secret "aaaa"; };
|zone "a.org" { type primary; file "db"; check-names warn; notify explicit; also-notify { 192.0.2.1; }; };
EOF
}
t "BIND an option a zone or a server does not take: zonelint refuses what named refuses, at its line" t_unknown_zone_server

# check-names written the zone way in options or a view ("check-names
# warn;"), or the options' way in a zone, at the word named did not
# expect, by both; each in its own way: taken by both.
t_check_names_form() {
	named_cases cf "'[a-z]*' unexpected" <<'EOF'
1 |options { check-names warn; };
3 |options {\ncheck-names\nwarn; };
1 |view "v" { check-names ignore; };
1 |zone "a.org" { type primary; file "db"; check-names primary warn; };
|options { check-names response warn; check-names slave ignore; check-names master fail; };
|view "v" { check-names primary warn; zone "a.org" { type primary; file "db"; check-names ignore; }; };
EOF
}
t "BIND check-names written the other block's way: zonelint refuses what named refuses, at its line" t_check_names_form

# An option options or a view does not take (a slip, another block's, one
# of a zone alone), at its name, by both, and after it the next; a slip
# of one it takes is named in the message.
t_unknown_block() {
	named_cases ub "unknown option '[a-z-]*'" <<'EOF2' || return 1
3 |options {\ndirectory "/tmp";\nrecursoin yes; };
2 4 |options {\nfrobnicate 1;\nrecursion no;\nmatch-clients { any; }; };
2 |view "v" {\npid-file none; };
1 |view "v" { recursion no; type primary; };
|options { glue-cache yes; dnssec-validation auto; max-records-per-type 100; };
|view "v" { match-clients { any; }; recursion no; zone "a.org" { type hint; file "h"; }; };
EOF2
	printf 'options {\n\trecursoin yes;\n};\n' >ub/named.conf
	config_error ub/named.conf "^ub/named.conf:2:2: error: unknown option 'recursoin' in options; did you mean 'recursion'?"
}
t "BIND an option options or a view does not take: zonelint refuses what named refuses, at its line" t_unknown_block

# Every statement of server_bind_names.c's table, alone in options and in
# a view: unknown to named exactly when unknown to zonelint; those of later
# versions, unknown to named alone.  named stops at the first error, so it
# reads each name alone; zonelint reports every name of a block in one
# run, a line each.
t_block_names() {
	mkdir -p bn
	sed -n 's/^	{ "\([a-z0-9-]*\)", \(.*\) },$/\1 \2/p' \
		"$here/../lint/server/server_bind_names.c" >bn/names
	[ "$(wc -l <bn/names)" -gt 250 ] || { echo "no table read"; return 1; }
	for block in options view; do
		case $block in
		options) echo 'options {' ;;
		view) echo 'view "v" {' ;;
		esac >bn/named.conf
		sed 's/^\([^ ]*\) .*/\1;/' bn/names >>bn/named.conf
		echo '};' >>bn/named.conf
		run --server-config bn/named.conf
		grep -e "unknown option" -e "no longer exists" "$tmp/err" |
			sed "s/^[^']*'\([^']*\)'.*/\1/" >bn/ours-$block
	done
	while read -r name where; do
		for block in options view; do
			case $block in
			options) printf 'options { %s; };\n' "$name" ;;
			view) printf 'view "v" { %s; };\n' "$name" ;;
			esac >bn/named.conf
			theirs=takes ours=takes
			(cd bn && named-checkconf named.conf) 2>&1 |
				grep -q -e "unknown option" -e "no longer exists" &&
				theirs=refuses
			grep -qx -e "$name" bn/ours-$block && ours=refuses
			# where a later version takes it, named 9.18 refuses it
			case $block:$where in
			options:*O*LATER* | view:*V*LATER*)
				[ $theirs = refuses ] || {
					echo "named 9.18 takes $name in $block"
					return 1
				}
				theirs=takes
				;;
			esac
			[ "$theirs" = "$ours" ] || {
				echo "$name in $block: named $theirs, zonelint $ours"
				return 1
			}
		done
	done <bn/names
}
t "BIND statements of options and views: zonelint takes what named takes" t_block_names

# check-names without its mode or kind, with a word not of their lists or
# in quotes, or with one more word, at the word or the ';' named names, by
# both; a kind of zone twice in one block, or under both its names, at
# the first check-names; a kind in each block, or response twice: taken.
t_check_names_bad() {
	named_cases cb "expected" <<'EOF2' || return 1
1 |options { check-names primary; };
3 |options {\ncheck-names\n;\n};
3 |view "v" {\ncheck-names response\n; };
1 |options { check-names primary fail-hard; };
2 |options {\ncheck-names "primary" warn; };
1 |options { check-names primary "warn"; };
2 |zone "a.org" { type primary; file "db";\ncheck-names; };
2 |zone "a.org" { type primary; file "db";\ncheck-names foo; };
EOF2
	named_cases cb "missing ';'" <<'EOF2' || return 1
3 |options {\ncheck-names primary\nwarn extra; };
3 |zone "a.org" { type primary; file "db";\ncheck-names\nwarn extra; };
EOF2
	named_cases cb "check-names" <<'EOF2'
2 2 |options {\ncheck-names primary warn;\ncheck-names\nPRIMARY fail;\ncheck-names master ignore; };
2 |view "v" {\ncheck-names slave warn;\ncheck-names response warn;\ncheck-names secondary fail; };
|options { check-names master warn; check-names response ignore; check-names response fail; };\nview "v" { check-names primary fail; check-names SLAVE warn; };
EOF2
}
t "BIND check-names without a mode, or a kind twice: zonelint refuses what named refuses, at its line" t_check_names_bad

# A primaries list named where named-checkconf reads it (a zone's
# primaries or masters, the also-notify of a zone that notifies, or the
# view's or options' it inherits), or named by such a list, in any case:
# defined at the top, or refused at the name, by both; a list named only
# where nothing reads it, a redirect zone's, or one defined after its use:
# taken.  A zone whose lists reach no address (an empty list, lists naming
# only each other) is refused at the zone; a list defined twice, under
# either name, at the second.
t_primaries_lists() {
	named_cases pl " list '" <<'EOF2' || return 1
1 |zone "a.org" { type secondary; primaries { p1; }; };
2 |zone "a.org" {\ntype slave; masters { 192.0.2.1; p1; }; };
3 |primaries p1 {\n192.0.2.1;\np2;\n};\nzone "a.org" { type secondary; primaries { p1; }; };
4 |options {\nalso-notify {\n192.0.2.9;\np1; }; };\nzone "a.org" { type primary; file "db"; };
1 |view "v" { also-notify { p1; }; zone "a.org" { type mirror; primaries { 192.0.2.1; }; }; };
1 |masters P1 { 192.0.2.1; };\nprimaries p1 { 192.0.2.2; };
3 |primaries p1 { 192.0.2.1; };\nmasters p2 { 192.0.2.1; };\nprimaries P1 { 192.0.2.2; };
|options { also-notify { p1; }; };\nview "v" { also-notify { 192.0.2.1; }; zone "a.org" { type primary; file "db"; }; };
|options { also-notify { p1; }; };\nzone "a.org" { type stub; primaries { 192.0.2.1; }; };
|options { also-notify { p1; }; };\nzone "a.org" { type primary; file "db"; also-notify { 192.0.2.1; }; };
|primaries p1 { p2; };\nview "v" { also-notify { p1; }; };
|zone "." { type redirect; primaries { p1; }; };
|zone "a.org" { type secondary; primaries { P1; }; };\nmasters p1 { 192.0.2.1; };
EOF2
	named_cases pl "'primaries'" <<'EOF2'
3 |primaries p1 { p2; };\nprimaries p2 { p1; };\nzone "a.org" { type secondary; primaries { p1; }; };
2 |primaries p1 { p1; };\nzone "a.org" { type stub; primaries { p1; }; };
1 |zone "a.org" { type secondary; primaries { }; };
|primaries p1 { 192.0.2.1; p1; };\nzone "a.org" { type secondary; primaries { p1; }; };
|primaries p1 { };\nzone "a.org" { type primary; file "db"; also-notify { p1; }; };
EOF2
}
t "BIND primaries lists: zonelint refuses what named refuses, at its line" t_primaries_lists

# A key a server statement names (keys { K; } or keys K): defined at the
# top, or in the server's view, or in every view for a server outside
# views, as a domain name (any case, a final dot or not); refused at the
# name by both.  The keys of address lists, primaries and update-policy,
# which named-checkconf does not look up: taken by both.
t_server_keys() {
	named_cases sk "key '[a-z]*'" <<'EOF2'
1 |server 192.0.2.1 { keys { k; }; };
2 |server 192.0.2.1 {\nkeys k; };
2 |view "v" { key k { algorithm hmac-sha256; secret "aaaa"; }; };\nview "w" { server 192.0.2.1 { keys { k; }; }; };
3 |view "v" { key k { algorithm hmac-sha256; secret "aaaa"; }; };\nview "w" { };\nserver 192.0.2.1 { keys { k; }; };
|view "v" { key k { algorithm hmac-sha256; secret "aaaa"; }; };\nserver 192.0.2.1 { keys { k; }; };
|view "v" { server 192.0.2.1 { keys { k; }; }; key k { algorithm hmac-sha256; secret "aaaa"; }; };
|server 192.0.2.1 { keys { "K."; }; };\nkey k { algorithm hmac-sha256; secret "aaaa"; };
|zone "a.org" { type secondary; primaries { 192.0.2.1 key k; }; allow-transfer { key k; }; };
|zone "a.org" { type primary; file "db"; update-policy { grant k zonesub ANY; }; also-notify { 192.0.2.1 key k; }; };
EOF2
}
t "BIND server keys: zonelint refuses what named refuses, at its line" t_server_keys

# A tls or http named by listen-on, or a tls by a list of primaries or
# also-notify that named-checkconf reads: defined at the top (any case),
# or built in (ephemeral; none in listen-on alone; http default); refused
# at the name by both.
t_tls_names() {
	named_cases tn "[sp] '[a-z]*' is not defined" <<'EOF2'
1 |options { listen-on tls t { any; }; };
2 |options { listen-on-v6 port 853 tls ephemeral\nhttp h { any; }; };\nhttp g { };
1 |zone "a.org" { type secondary; primaries { 192.0.2.1 tls none; }; };
1 |primaries p { 192.0.2.1 tls t; };\nzone "a.org" { type primary; file "db"; also-notify { p; }; };
|options { listen-on tls none http default { any; }; };
|tls T { };\nhttp H { };\noptions { listen-on tls t http h { any; }; };
|zone "a.org" { type secondary; primaries { 192.0.2.1 port 53 key k tls t; }; };\ntls t { };
|primaries p { 192.0.2.1 tls t; };\noptions { also-notify { 192.0.2.2 tls u; }; };
EOF2
}
t "BIND tls and http names: zonelint refuses what named refuses, at its line" t_tls_names

# An ACL named in an address list named-checkconf reads (of options or a
# view for the views, of a zone, or the options' or view's a zone
# inherits; '!', nested lists), or by an ACL so named: defined at the top
# in any case, or built in; refused at the name by both.  An ACL that
# names itself, directly or through others, at the name that closes the
# loop; one defined twice, at the second.  Unread lists (allow-transfer
# without zones, a zone's own allow-query), addresses and keys: taken.
t_acl_names() {
	named_cases an "undefined ACL" <<'EOF2' || return 1
1 |options { allow-query { a; }; };
2 |options { blackhole {\n!a; }; };
1 |options { sortlist { { localhost; { ! a; 192.0.2/24; }; }; }; };
1 |view "v" { match-clients { a; }; };
1 |options { allow-transfer { a; }; };\nview "v" { zone "a.org" { type forward; forwarders { 192.0.2.1; }; }; };
1 |acl a { b; };\noptions { listen-on port 53 { a; }; };
1 |options { allow-query { a; }; };\nview "v" { allow-query { any; }; };\nview "w" { };
1 |zone "a.org" { type primary; file "db"; allow-transfer { a; }; };
|options { allow-transfer { a; }; };
|options { allow-transfer { a; }; };\nview "v" { allow-transfer { any; }; zone "a.org" { type primary; file "db"; }; };
|options { allow-query { a; }; };\nview "v" { allow-query { any; }; };
|zone "a.org" { type primary; file "db"; allow-query { a; }; };
|acl a { b; };
|options { allow-query { A; 1x; 10/8; 2001:db8::/32; !192.0.2.1; key k; localhost; localnets; none; }; };\nacl a { any; };\nacl 1x { any; };
EOF2
	named_cases an "acl [l']" <<'EOF2' || return 1
1 |acl a { a; };\noptions { allow-query { a; }; };
2 |acl a { b; };\nacl b { a; };\noptions { allow-query { a; }; };
1 |acl a { b; };\nacl b { a; };\noptions { allow-query { b; }; };
3 |acl a { b; };\nacl b { c; };\nacl c { b; };\noptions { allow-query { a; }; };
|acl a { a; };
|acl a { b; };\nacl b { any; };\noptions { allow-query { a; b; a; }; };
EOF2
	named_cases an "redefine" <<'EOF2'
2 |acl a { any; };\nacl A { none; };
EOF2
}
t "BIND ACL names: zonelint refuses what named refuses, at its line" t_acl_names

# named_starts DIR: named itself (-g) with DIR/named.conf comes up
# (starts, in server-config.sh).
named_starts() {
	starts named ' running$' "$1" named -g -c named.conf
}

# `update-policy local;` with `session-keyfile none;`: named-checkconf
# takes it, named stops at the zone ("session key not found") and
# serves nothing; an error at the update-policy, in a view too.  A
# quoted "none" is a file's name, and grants to a key of one's own need
# no session key: named starts.
t_session_key() {
	mkdir -p sk
	zone sk/db.zone
	port=$((20000 + ($$ % 350) * 32 + 7))
	for conf in \
		'3:66|session-keyfile none;|zone "example.org" { type primary; file "db.zone"; update-policy local; };' \
		'3:75|session-keyfile NONE;|view v { zone "example.org" { type primary; file "db.zone"; update-policy local; }; };' \
		'|session-keyfile "none";|zone "example.org" { type primary; file "db.zone"; update-policy local; };' \
		'|session-keyfile none;|zone "example.org" { type primary; file "db.zone"; update-policy { grant k zonesub ANY; }; };'; do
		want=${conf%%|*}
		conf=${conf#*|}
		printf '%s\n' "options { directory \"$tmp/sk\"; pid-file none;" \
			"listen-on port $port { 127.0.0.1; }; listen-on-v6 { none; }; ${conf%%|*} };" \
			"${conf#*|}" >sk/named.conf
		bind_accepts sk || return 1
		run --server-config sk/named.conf
		judged named sk "$want" "zone 'example.org.': 'update-policy local' needs the session key" \
			'session key not found' || { echo "with: $conf"; return 1; }
	done
}
t "BIND update-policy local without a session key: named does not start" t_session_key

# A key a control channel names (inet or unix, keys { k; }): a key
# statement at the top, the name compared as written but for its case
# (not as a domain name: "k." is not "k"); a view's key does not count.
# named-checkconf refuses another ("unknown key") at its line, and so
# does named, which then does not start; the names of a channel's allow
# list are ACLs, held to their definitions too.
t_control_keys() {
	named_cases ck "key '[a-z0-9.]*'" <<'EOF2' || return 1
1 |controls { inet 127.0.0.1 allow { any; } keys { k; }; };
2 |key k { algorithm hmac-sha256; secret "aaaa"; };\ncontrols { inet 127.0.0.1 allow { any; } keys { k.; }; };
2 |view "v" { key k { algorithm hmac-sha256; secret "aaaa"; }; };\ncontrols { inet 127.0.0.1 allow { any; } keys { k; }; };
1 |controls { unix "/run/n.sock" perm 0600 owner 0 group 0 keys { k; }; };
3 |key k { algorithm hmac-sha256; secret "aaaa"; };\ncontrols { inet 127.0.0.1 port 9 allow { any; } keys { "K"; };\ninet ::1 allow { any; } keys { k2; }; };
|key k { algorithm hmac-sha256; secret "aaaa"; };\ncontrols { inet 127.0.0.1 allow { any; } keys { "K"; }; };
|controls { inet 127.0.0.1 allow { any; }; };\ncontrols { };
EOF2
	named_cases ck "undefined ACL" <<'EOF2' || return 1
1 |controls { inet 127.0.0.1 allow { a; }; };
1 |controls { inet 127.0.0.1 allow { any; { !a; }; }\nkeys { }; };
|acl a { any; };\ncontrols { inet 127.0.0.1 allow { a; }; };
EOF2
	port=$((20000 + ($$ % 350) * 32 + 8))
	printf '%s\n' "options { directory \"$tmp/ck\"; pid-file none;" \
		"listen-on port $port { 127.0.0.1; }; listen-on-v6 { none; }; };" \
		"controls { inet 127.0.0.1 port $((port + 1)) allow { 127.0.0.1; } keys { k; }; };" \
		>ck/named.conf
	! named_starts ck && grep -q "unknown key 'k'" ck/named.log
}
t "BIND control channel keys: zonelint refuses what named refuses, at its line" t_control_keys

# The managed-keys-directory of options and the new-zones-directory of
# options or a view: named-checkconf takes any name, named does not
# start unless each is a directory ("invalid managed-keys-directory
# ...: file not found"); an error at the name, read from named's
# directory.  One that exists, with a '/' after it or not, named starts
# with; one outside the tree is not looked at.
t_named_dirs() {
	mkdir -p nd/mk
	: >nd/mkf
	port=$((20000 + ($$ % 350) * 32 + 10))
	for conf in \
		'2:48|managed-keys-directory "nomk";|' \
		'2:48|managed-keys-directory "mkf";|' \
		'2:48|managed-keys-directory "";|' \
		'3:32|new-zones-directory "mk";|view "v" { new-zones-directory "nonz"; };' \
		'|managed-keys-directory "mk/";|view "v" { new-zones-directory "mk"; };' \
		'|new-zones-directory "mk";|'; do
		want=${conf%%|*}
		conf=${conf#*|}
		printf '%s\n' "options { directory \"$tmp/nd\"; pid-file none; listen-on port $port { 127.0.0.1; };" \
			"listen-on-v6 { none; }; ${conf%%|*} };" "${conf#*|}" >nd/named.conf
		(cd nd && named-checkconf named.conf) >/dev/null 2>&1 || {
			echo "named-checkconf refuses: $conf"
			return 1
		}
		run --server-config nd/named.conf
		judged named nd "$want" 'invalid [a-z-]*-directory' \
			'invalid [a-z-]*-directory' || { echo "with: $conf"; return 1; }
	done
	printf '%s\n' 'options { managed-keys-directory "/nonexistent/zonelint-mk"; };' >nd/named.conf
	run --server-config nd/named.conf
	want_rc 0 && hasnt err "error:"
}
t "BIND managed-keys and new-zones directories: named does not start without them" t_named_dirs

# A tls that listen-on uses: named-checkconf takes it whatever its
# files, named does not start without a key-file and a cert-file, nor
# with a file of the four (key, cert, ca, dhparam) that it cannot open
# ("loading configuration: TLS error"); an error at the file's name, or
# at the tls listen-on names.  With both files there (any case of the
# name), named starts; a tls nothing listens with is not looked into.  A
# tls with one of key-file and cert-file alone, used or not, both
# refuse at its name.
t_tls_files() {
	sh "$(dirname "$here")/tools/deps.sh" cmd:openssl:openssl || return 1
	mkdir -p tf
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
		-keyout tf/k.pem -out tf/c.pem -subj /CN=ns.example -days 30 \
		>/dev/null 2>&1 || { echo "openssl cannot make a certificate"; return 1; }
	port=$((20000 + ($$ % 350) * 32 + 12))
	for conf in \
		'3:18|tls t { key-file "no.pem"; cert-file "c.pem"; };' \
		'3:54|tls t { key-file "k.pem"; cert-file "c.pem"; ca-file "no.pem"; };' \
		'3:59|tls t { key-file "k.pem"; cert-file "c.pem"; dhparam-file "no.pem"; };' \
		'2:26|tls t { };' \
		'|tls T { key-file "k.pem"; cert-file "c.pem"; };' \
		'|tls t { key-file "k.pem"; cert-file "c.pem"; };\ntls u { key-file "no.pem"; cert-file "no.pem"; };'; do
		want=${conf%%|*}
		printf '%s\n' "options { directory \"$tmp/tf\"; pid-file none; listen-on port $port { 127.0.0.1; };" \
			"listen-on port $((port + 1)) tls t { 127.0.0.1; }; listen-on-v6 { none; }; };" >tf/named.conf
		printf '%b\n' "${conf#*|}" >>tf/named.conf
		(cd tf && named-checkconf named.conf) >/dev/null 2>&1 || {
			echo "named-checkconf refuses: $conf"
			return 1
		}
		run --server-config tf/named.conf
		judged named tf "$want" ".*tls '[tT]'" ||
			{ echo "with: $conf"; return 1; }
	done
	named_cases tf "must both be specified" <<'EOF2'
1 |tls t { key-file "k.pem"; };
2 |tls t { };\ntls u { cert-file "c.pem"; };
|tls t { key-file "x"; cert-file "y"; };
EOF2
}
t "BIND a tls listen-on uses: named does not start without its files" t_tls_files

# More, in a file of their own.
. "$here/server-config-bind-more.sh"

# update-policy, in a file of its own.
. "$here/server-config-bind-update.sh"

# Cases from BIND's own test suite, in a file of their own.
. "$here/server-config-bind-suite.sh"
