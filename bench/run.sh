#!/bin/sh
# run.sh - benchmark zonelint against named-checkzone, kzonecheck, validns,
# nsd-checkzone and ldns-read-zone on the same synthetic zones.
#
# usage: bench/run.sh [ZONELINT]     (make bench runs it)
# Environment: RUNS (default 5) runs per measurement; SIZES (default
# "1000 100000 1000000 5000000") zone sizes in records; BENCH_DIR (default
# bench/data) where zones are generated; BENCH_QUICK=1 skips the 5M zone.
# Prints a table of medians (wall time, peak RSS, records/s) with zonelint's
# ratio to each reference tool measured in the same run, and writes it to
# bench/RESULTS.md.  Figures from one run on a noisy machine: compare the
# ratios, not the absolute times.
# The zones of one file are linted with --no-context, as the other tools
# judge them: the generated data lies in this project's git repository,
# whose walk for context (bench/data holds 11,000 zone files) is not what
# they measure.
# Zone repositories: 1,000 small zones (a git repository) linted as one set
# against named-checkconf -z over a named.conf of the same zones, and one
# file of a generated git repository of 10,000 zones that refer to each
# other (MX hosts, SPF includes, CNAMEs), with and without --no-context.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
zonelint=$(cd "$root" && realpath "${1:-./zonelint}")
runs=${RUNS:-5}
sizes=${SIZES:-"1000 100000 1000000 5000000"}
[ "${BENCH_QUICK:-0}" = 1 ] && sizes="1000 100000 1000000"
data=${BENCH_DIR:-$here/data}
origin=bench.example.

load0=$(cut -d ' ' -f 1-3 /proc/loadavg)
sh "$root/tools/deps.sh" cmd:named-checkzone:bind9-utils \
	cmd:named-checkconf:bind9-utils cmd:kzonecheck:knot-dnssecutils \
	cmd:validns:validns cmd:nsd-checkzone:nsd cmd:ldns-read-zone:ldnsutils \
	cmd:/usr/bin/time:time
mkdir -p "$data"
cc -O2 -o "$data/genzone" "$here/genzone.c"

# whether generated data must be (re)made: missing, or older than the
# generator that writes it
stale() {
	[ ! -s "$1" ] || [ -z "$(find "$1" -prune -newer "$here/genzone.c")" ]
}

# median of the numbers on stdin
median() {
	sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure NAME CMD...: runs CMD $runs times; sets $wall (s) and $rss (MiB)
measure() {
	name=$1
	shift
	: > "$data/times"
	i=0
	while [ $i -lt "$runs" ]; do
		/usr/bin/time -f "%e %M" -o "$data/time1" "$@" > /dev/null 2>&1 || true
		# the last line: time also writes "Command exited with non-zero
		# status N" there, and zonelint exits 1 on findings
		tail -n 1 "$data/time1" >> "$data/times"
		i=$((i + 1))
	done
	wall=$(awk '{ print $1 }' "$data/times" | median)
	rss=$(awk '{ printf "%.0f\n", $2 / 1024 }' "$data/times" | median)
	echo "  $name: ${wall} s, ${rss} MiB" >&2
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
rate() { awk -v n="$1" -v t="$2" 'BEGIN { if (t > 0) printf "%.0f", n / t; else print "-" }'; }

table="$data/table.md"
{
	echo "| zone | tool | wall s | peak MiB | records/s | zonelint / tool (wall) | (RSS) |"
	echo "|---|---|---|---|---|---|---|"
} > "$table"

for n in $sizes; do
	zone="$data/z$n.zone"
	stale "$zone" && "$data/genzone" "$origin" "$n" > "$zone" 2>/dev/null
	echo "zone of $n records ($(du -h "$zone" | cut -f1)):" >&2
	measure zonelint "$zonelint" --no-context --quiet --format gcc --origin "$origin" "$zone"
	zw=$wall
	zr=$rss
	eval "zl_wall_$n=$zw"
	echo "| $n | zonelint (all default rules) | $zw | $zr | $(rate "$n" "$zw") | | |" >> "$table"
	for tool in kzonecheck validns named-checkzone nsd-checkzone ldns-read-zone; do
		case $tool in
		kzonecheck) set -- kzonecheck -o "$origin" "$zone" ;;
		validns) set -- validns -z "$origin" "$zone" ;;
		named-checkzone) set -- named-checkzone -q "$origin" "$zone" ;;
		nsd-checkzone) set -- nsd-checkzone "$origin" "$zone" ;;
		ldns-read-zone) set -- ldns-read-zone -q "$zone" ;;
		esac
		measure "$tool" "$@"
		echo "| $n | $tool | $wall | $rss | $(rate "$n" "$wall") | $(ratio "$zw" "$wall") | $(ratio "$zr" "$rss") |" >> "$table"
	done
done

# 1,000 small zones: one process for all, and one process per file
repo="$data/repo"
if stale "$data/named.conf"; then
	rm -rf "$repo"
	mkdir -p "$repo"
	: > "$data/named.conf"
	i=0
	while [ $i -lt 1000 ]; do
		"$data/genzone" "c$i.example." 30 "$i" > "$repo/c$i.example.zone" 2>/dev/null
		echo "zone \"c$i.example\" { type primary; file \"$repo/c$i.example.zone\"; };" >> "$data/named.conf"
		i=$((i + 1))
	done
fi
[ -d "$repo/.git" ] || git init -q "$repo"
echo "repository of 1,000 zones of 30 records, one set:" >&2
measure "zonelint, one set" "$zonelint" --quiet --format gcc "$repo"
rw=$wall
rr=$rss
measure "zonelint -j $(nproc), one set" "$zonelint" -j 0 --quiet --format gcc "$repo"
jw=$wall
jr=$rss
measure "named-checkconf -z" named-checkconf -z "$data/named.conf"
cc_wall=$wall
echo "| 1,000 zones | zonelint, one set (target <= 0.5x) | $rw | $rr | | $(ratio "$rw" "$wall") vs named-checkconf -z ($wall s) | |" >> "$table"
echo "| 1,000 zones | zonelint -j $(nproc), one set | $jw | $jr | | $(ratio "$jw" "$wall") vs named-checkconf -z; $(ratio "$jw" "$rw") vs -j 1 | |" >> "$table"

# A git repository of 10,000 zones of 30 records, each referring to two
# others: its partner's MX hosts in both, an SPF include, a CNAME.  One file
# is linted, the repository's other zones its context.
big="$data/repo10k"
if stale "$big/.complete"; then
	rm -rf "$big"
	mkdir -p "$big/zones"
	i=0
	while [ $i -lt 10000 ]; do
		j=$(((i * 7 + 1) % 10000))
		k=$(((i + 1) % 10000))
		{
			"$data/genzone" "z$i.example." 30 "$i" 2>/dev/null
			echo "\$ORIGIN z$i.example."
			echo "partner	IN	MX	10 mx1.d0.z$j.example."
			echo "partner	IN	MX	20 mx2.d0.z$k.example."
			echo "partner	IN	TXT	\"v=spf1 include:_spf.provider.z$j.example. -all\""
			echo "cdn	IN	CNAME	www0.d0.z$k.example."
		} > "$big/zones/z$i.example.zone"
		i=$((i + 1))
	done
	git init -q "$big"
	git -C "$big" add zones
	git -C "$big" -c user.name=bench -c user.email=bench@example.invalid \
		commit -q -m "10,000 zones"
	echo 10000 > "$big/.complete"
fi
echo "one file of a repository of 10,000 zones:" >&2
cd "$big"
measure "zonelint, one file" "$zonelint" --quiet --format gcc zones/z1.example.zone
ow=$wall
or=$rss
measure "zonelint --no-context, one file" "$zonelint" --no-context --quiet --format gcc zones/z1.example.zone
cd "$root"
echo "| 10,000-zone repository | zonelint zones/z1.example.zone (target < 0.3 s) | $ow | $or | | | |" >> "$table"
echo "| 10,000-zone repository | zonelint --no-context zones/z1.example.zone | $wall | $rss | | | |" >> "$table"
set_ratio=$(ratio "$rw" "$cc_wall")
set_met=$(awk -v r="$set_ratio" 'BEGIN { print (r + 0 <= 0.5) ? "met" : "not met" }')
one_met=$(awk -v t="$ow" 'BEGIN { print (t + 0 < 0.3) ? "met" : "not met" }')
for tool in zonelint kzonecheck validns named-checkzone; do
	cat > "$data/each.sh" <<EOS
for f in "$repo"/*.zone; do
	o=\$(basename "\$f" .zone).
	case $tool in
	zonelint) "$zonelint" --no-context --quiet --format gcc "\$f" ;;
	kzonecheck) kzonecheck -o "\$o" "\$f" ;;
	validns) validns -z "\$o" "\$f" ;;
	named-checkzone) named-checkzone -q "\$o" "\$f" ;;
	esac
done >/dev/null 2>&1
exit 0
EOS
	measure "$tool, one process per file" sh "$data/each.sh"
	echo "| 1,000 zones | $tool, one process per file | $wall | | | | |" >> "$table"
done

# start-up: a 30-record zone, 100 runs per batch, median of the batches;
# /bin/true measured the same way is the cost of starting any process here
startup() {
	: > "$data/starts"
	b=0
	while [ $b -lt "$runs" ]; do
		t0=$(date +%s%N)
		i=0
		while [ $i -lt 100 ]; do
			"$@" > /dev/null 2>&1 || true
			i=$((i + 1))
		done
		t1=$(date +%s%N)
		echo $(((t1 - t0) / 1000000)) >> "$data/starts"	# 0.01 ms per run
		b=$((b + 1))
	done
	median < "$data/starts" | awk '{ printf "%.2f", $1 / 100 }'
}
"$data/genzone" "s.example." 30 > "$data/small.zone" 2>/dev/null
start=$(startup "$zonelint" --no-context --quiet --format gcc "$data/small.zone")
start_kz=$(startup kzonecheck -o s.example. "$data/small.zone")
start_true=$(startup /bin/true)
echo "start-up on a 30-record zone: $start ms (kzonecheck $start_kz ms, /bin/true $start_true ms)" >&2

scale="-"
if [ -n "${zl_wall_5000000:-}" ] && [ -n "${zl_wall_1000000:-}" ]; then
	scale=$(ratio "$zl_wall_5000000" "$zl_wall_1000000")
fi
{
	echo "# Benchmark results"
	echo
	echo "Measured by \`make bench\` on $(date -u +%Y-%m-%d), $(nproc) cores,"
	echo "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)."
	echo "Medians of $runs runs; ratios below 1 mean zonelint is faster or smaller."
	echo
	cat "$table"
	echo
	echo "- zonelint start-up on a 30-record zone (embedded rules, regexes compiled): $start ms;"
	echo "  kzonecheck on the same zone $start_kz ms; /bin/true $start_true ms (starting a process here)"
	echo "- 5M-record / 1M-record wall time: $scale (linear growth would be 5.0)"
	echo "- single zones, one process per file and start-up: zonelint --no-context, since"
	echo "  the other tools judge one zone alone (with context, each run would walk this"
	echo "  project's repository, where bench/data holds 11,000 zone files)"
	echo "- zone repositories: 1,000 zones as one set take $set_ratio× the time of"
	echo "  \`named-checkconf -z\` (target ≤ 0.5×: $set_met); one file of the 10,000-zone"
	echo "  repository, its context loaded as names reach it, $ow s (target < 0.3 s: $one_met)"
	echo "- the machine is shared with other work (load average $load0 when the run"
	echo "  began, $(cut -d ' ' -f 1-3 /proc/loadavg) when it ended, on $(nproc) cores):"
	echo "  absolute times vary from run to run, and so do ratios of small runs"
	echo
	echo "Where the time goes: PROFILE.md."
} > "$here/RESULTS.md.new"
mv "$here/RESULTS.md.new" "$here/RESULTS.md"
cat "$here/RESULTS.md"
