#!/bin/sh
# run.sh - benchmark zonelint against named-checkzone, kzonecheck, validns,
# nsd-checkzone and ldns-read-zone on the same synthetic zones.
#
# usage: bench/run.sh [ZONELINT]     (make bench runs it)
# Environment: RUNS (default 5) runs per measurement; RUNS_LARGE (default 3,
# at most RUNS) runs per measurement of the zones over 1M records; SIZES
# (default "10000 100000 1000000 5000000") zone sizes in records, ascending;
# BENCH_DIR (default bench/data) where zones are generated; BENCH_QUICK=1
# skips the 5M zone.
# Prints a table of medians (wall time, peak RSS, records/s) with zonelint's
# ratio to each reference tool measured in the same run (the tools of one
# zone run in turn, round by round, so that the load of a shared machine
# falls on all of them alike), and the issue's targets, each met or not;
# writes them to bench/RESULTS.md, and the scaling curve (wall time and
# peak memory against zone size, one line per tool) to bench/scaling.svg
# with gnuplot (bench/scaling.gp), from the table $BENCH_DIR/scaling.dat.
# Figures from one run on a noisy machine: compare the ratios, not the
# absolute times.
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
runs_large=${RUNS_LARGE:-3}
[ "$runs_large" -gt "$runs" ] && runs_large=$runs
sizes=${SIZES:-"10000 100000 1000000 5000000"}
[ "${BENCH_QUICK:-0}" = 1 ] && sizes="10000 100000 1000000"
data=${BENCH_DIR:-$here/data}
origin=bench.example.
tools="kzonecheck validns named-checkzone nsd-checkzone ldns-read-zone"
# the zone size of the targets, and the rule that leaves the model alone:
# MX001 looks at MX records only and finds nothing in the generated zones
target_n=1000000
model_rule=MX001

load0=$(cut -d ' ' -f 1-3 /proc/loadavg)
sh "$root/tools/deps.sh" cmd:named-checkzone:bind9-utils \
	cmd:named-checkconf:bind9-utils cmd:kzonecheck:knot-dnssecutils \
	cmd:validns:validns cmd:nsd-checkzone:nsd cmd:ldns-read-zone:ldnsutils \
	cmd:/usr/bin/time:time cmd:gnuplot:gnuplot-nox
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

# run1 FILE CMD...: runs CMD once, adds its wall time (µs) and peak RSS
# (KiB) to FILE.  The wall time is read by the shell around /usr/bin/time,
# to the millisecond (time's own %e has centiseconds only).
run1() {
	f=$1
	shift
	t0=$(date +%s%N)
	/usr/bin/time -f "%M" -o "$data/time1" "$@" > /dev/null 2>&1 || true
	t1=$(date +%s%N)
	# the last line: time also writes "Command exited with non-zero status
	# N" there, and zonelint exits 1 on findings
	echo "$(((t1 - t0) / 1000)) $(tail -n 1 "$data/time1")" >> "$f"
}

# summarize FILE NAME: sets $wall (s), $rss (MiB) and $rss_kb (KiB), the
# medians of the runs in FILE, and prints them
summarize() {
	wall=$(awk '{ print $1 }' "$1" | median | awk '{ printf "%.3f", $1 / 1e6 }')
	rss_kb=$(awk '{ print $2 }' "$1" | median)
	rss=$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')
	echo "  $2: ${wall} s, ${rss} MiB" >&2
}

# measure NAME CMD...: runs CMD $nruns times, then summarize
nruns=$runs
measure() {
	name=$1
	shift
	: > "$data/times"
	i=0
	while [ $i -lt "$nruns" ]; do
		run1 "$data/times" "$@"
		i=$((i + 1))
	done
	summarize "$data/times" "$name"
}

# once KEY: runs the command KEY names once (on the zone $zone), its times
# in $data/times.KEY
once() {
	f="$data/times.$1"
	case $1 in
	zonelint) set -- "$zonelint" --no-context --origin "$origin" "$zone" ;;
	gcc) set -- "$zonelint" --no-context --quiet --format gcc --origin "$origin" "$zone" ;;
	model) set -- "$zonelint" --no-context --quiet --format gcc --select $model_rule --origin "$origin" "$zone" ;;
	model-small) set -- "$zonelint" --no-context --quiet --format gcc --select $model_rule "$data/small.zone" ;;
	kzonecheck) set -- kzonecheck -o "$origin" "$zone" ;;
	validns) set -- validns -z "$origin" "$zone" ;;
	named-checkzone) set -- named-checkzone -q "$origin" "$zone" ;;
	nsd-checkzone) set -- nsd-checkzone "$origin" "$zone" ;;
	ldns-read-zone) set -- ldns-read-zone -q "$zone" ;;
	set) set -- "$zonelint" --quiet --format gcc "$repo" ;;
	set-1) set -- "$zonelint" -j 1 --quiet --format gcc "$repo" ;;
	named-checkconf) set -- named-checkconf -z "$data/named.conf" ;;
	esac
	run1 "$f" "$@"
}

# interleave KEY...: runs the commands of the KEYs in turn, $nruns rounds,
# so that the load of a shared machine falls on all of them alike
interleave() {
	for key in "$@"; do : > "$data/times.$key"; done
	i=0
	while [ $i -lt "$nruns" ]; do
		for key in "$@"; do once "$key"; done
		i=$((i + 1))
	done
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b > 0) printf "%.2f", a / b; else print "-" }'; }
rate() { awk -v n="$1" -v t="$2" 'BEGIN { if (t > 0) printf "%.0f", n / t; else print "-" }'; }

# keep KEY N: remembers $wall and $rss of KEY at size N for the targets
# (KEY: letters, digits and _); got KIND KEY N prints them (KIND w or r),
# empty when not measured
keep() { eval "w_$1_$2=\$wall r_$1_$2=\$rss"; }
got() { eval "echo \"\${$1_$2_$3:-}\""; }

table="$data/table.md"
{
	echo "| zone | tool | wall s | peak MiB | records/s | zonelint / tool (wall) | (RSS) |"
	echo "|---|---|---|---|---|---|---|"
} > "$table"
# the scaling curve's data: per size, the wall time of each tool, then the
# peak memory in the same order; the header names the columns
scaling="$data/scaling.dat"
{
	echo "# bench/run.sh: records, wall seconds per tool, then peak MiB per tool"
	printf records
	for _ in wall rss; do
		printf ' "zonelint" "zonelint --format gcc"'
		for tool in $tools; do printf ' "%s"' "$tool"; done
	done
	echo
} > "$scaling"

"$data/genzone" "s.example." 30 > "$data/small.zone" 2>/dev/null
large=""
for n in $sizes; do
	zone="$data/z$n.zone"
	stale "$zone" && "$data/genzone" "$origin" "$n" > "$zone" 2>/dev/null
	nruns=$runs
	label=$n
	if [ "$n" -gt 1000000 ]; then
		nruns=$runs_large
		label="$n ($nruns runs)"
		large=" ($runs_large for the zones over 1M records)"
	fi
	echo "zone of $n records ($(du -h "$zone" | cut -f1)), $nruns runs:" >&2
	model=""
	[ "$n" = $target_n ] && model="model model-small"
	# shellcheck disable=SC2086 # the lists of keys are split on purpose
	interleave zonelint gcc $model $tools
	summarize "$data/times.zonelint" "zonelint, text output"
	zw=$wall
	zr=$rss
	keep zonelint "$n"
	walls=$wall
	rsss=$rss
	echo "| $label | zonelint (all default rules, text output) | $zw | $zr | $(rate "$n" "$zw") | | |" >> "$table"
	summarize "$data/times.gcc" "zonelint --format gcc"
	walls="$walls $wall"
	rsss="$rsss $rss"
	echo "| $label | zonelint --format gcc | $wall | $rss | $(rate "$n" "$wall") | | |" >> "$table"
	if [ -n "$model" ]; then
		summarize "$data/times.model" "zonelint --select $model_rule (the model)"
		model_kb=$rss_kb
		echo "| $label | zonelint --select $model_rule (loading and index, one cheap rule) | $wall | $rss | $(rate "$n" "$wall") | | |" >> "$table"
		summarize "$data/times.model-small" "zonelint --select $model_rule, 30 records"
		tiny_kb=$rss_kb
		zone_bytes=$(wc -c < "$zone")
	fi
	for tool in $tools; do
		summarize "$data/times.$tool" "$tool"
		keep "$(echo "$tool" | tr -c 'a-z0-9\n' _)" "$n"
		walls="$walls $wall"
		rsss="$rsss $rss"
		echo "| $label | $tool | $wall | $rss | $(rate "$n" "$wall") | $(ratio "$zw" "$wall") | $(ratio "$zr" "$rss") |" >> "$table"
	done
	echo "$n $walls $rsss" >> "$scaling"
done
nruns=$runs

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
interleave set set-1 named-checkconf
summarize "$data/times.set" "zonelint, one set"
rw=$wall
rr=$rss
summarize "$data/times.set-1" "zonelint -j 1, one set"
jw=$wall
jr=$rss
summarize "$data/times.named-checkconf" "named-checkconf -z"
cc_wall=$wall
echo "| 1,000 zones | zonelint, one set (a thread per CPU: $(nproc)) | $rw | $rr | | $(ratio "$rw" "$wall") vs named-checkconf -z ($wall s) | |" >> "$table"
echo "| 1,000 zones | zonelint -j 1, one set | $jw | $jr | | $(ratio "$jw" "$wall") vs named-checkconf -z; $(ratio "$jw" "$rw") vs a thread per CPU | |" >> "$table"

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
echo "| 10,000-zone repository | zonelint zones/z1.example.zone | $ow | $or | | | |" >> "$table"
echo "| 10,000-zone repository | zonelint --no-context zones/z1.example.zone | $wall | $rss | | | |" >> "$table"
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
# /bin/true measured the same way is the cost of starting any process here.
# startup CMD...: sets $st_wall and $st_cpu (user and system time, which the
# load of the machine changes less), ms per run
startup() {
	: > "$data/starts"
	b=0
	while [ $b -lt "$runs" ]; do
		t0=$(date +%s%N)
		# shellcheck disable=SC2016 # expanded by the inner shell
		/usr/bin/time -f "%U %S" -o "$data/time1" sh -c 'i=0
			while [ $i -lt 100 ]; do
				"$@" > /dev/null 2>&1
				i=$((i + 1))
			done' sh "$@" || true
		t1=$(date +%s%N)
		# per run: ns / 100 runs / 1e6 ns per ms; s / 100 runs * 1000
		echo "$(((t1 - t0) / 100000)) $(tail -n 1 "$data/time1")" >> "$data/starts"
		b=$((b + 1))
	done
	st_wall=$(awk '{ print $1 }' "$data/starts" | median | awk '{ printf "%.2f", $1 / 1000 }')
	st_cpu=$(awk '{ print $2 + $3 }' "$data/starts" | median | awk '{ printf "%.2f", $1 * 10 }')
}
startup "$zonelint" --no-context --quiet --format gcc "$data/small.zone"
start=$st_wall
start_cpu=$st_cpu
startup kzonecheck -o s.example. "$data/small.zone"
start_kz=$st_wall
start_kz_cpu=$st_cpu
startup /bin/true
start_true=$st_wall
start_true_cpu=$st_cpu
echo "start-up on a 30-record zone: $start ms, CPU $start_cpu ms (kzonecheck $start_kz ms, CPU $start_kz_cpu ms; /bin/true $start_true ms, CPU $start_true_cpu ms)" >&2

measure "/bin/true, the cost of measuring" /bin/true
true_wall=$wall

# the issue's targets, each one row: what, the figure, met or not
# verdict FIGURE LIMIT: met when FIGURE <= LIMIT; not measured when empty
verdict() {
	awk -v v="$1" -v l="$2" 'BEGIN { if (v == "" || v == "-") print "not measured"; else print (v + 0 <= l + 0) ? "met" : "not met" }'
}
# versus TOOL KIND UNIT: zonelint's wall (w) or peak memory (r) at the
# target size against TOOL's, as a row, target 0.5x
versus() {
	a=$(got "$2" zonelint $target_n)
	b=$(got "$2" "$1" $target_n)
	if [ -z "$a" ] || [ -z "$b" ]; then
		echo "| $4 ≤ 0.5× ${1}'s | not measured: no 1M zone in this run | not measured |"
		return
	fi
	r=$(ratio "$a" "$b")
	echo "| $4 ≤ 0.5× ${1}'s | $a $3 / $b $3 = $r× | $(verdict "$r" 0.5) |"
}
targets="$data/targets.md"
one="1M records, all default rules, text output:"
{
	echo "| target | measured | |"
	echo "|---|---|---|"
	for tool in kzonecheck validns; do
		versus $tool w s "$one wall"
		versus $tool r MiB "$one peak memory"
	done
	a=$(got w zonelint $target_n)
	b=$(got w zonelint 5000000)
	r=$(ratio "$b" "$a")
	if [ -n "$b" ]; then
		echo "| 5M / 1M records wall ≤ 5.5 (text output; 5.0 is linear) | $b s / ${a:--} s = $r | $(verdict "$r" 5.5) |"
	else
		echo "| 5M / 1M records wall ≤ 5.5 | not measured: no 5M zone in this run | not measured |"
	fi
	if [ -n "${model_kb:-}" ]; then
		model=$(awk -v b="$model_kb" -v t="$tiny_kb" -v z="$zone_bytes" -v n=$target_n 'BEGIN { printf "%.0f", ((b - t) * 1024 - z) / n }')
		whole=$(awk -v b="$model_kb" -v t="$tiny_kb" -v n=$target_n 'BEGIN { printf "%.0f", (b - t) * 1024 / n }')
		echo "| the model ≤ 150 B per record, index included | $model B per record ($whole with the zone's text) | $(verdict "$model" 150) |"
	else
		echo "| the model ≤ 150 B per record, index included | not measured: no 1M zone in this run | not measured |"
	fi
	r=$(ratio "$rw" "$cc_wall")
	echo "| 1,000 small zones in one run ≤ 0.5× \`named-checkconf -z\` | $rw s / $cc_wall s = $r× (a thread per CPU, $(nproc) here; with -j 1: $(ratio "$jw" "$cc_wall")×) | $(verdict "$r" 0.5) |"
	echo "| one file of a 10,000-zone repository ≤ 0.3 s | $ow s | $(verdict "$ow" 0.3) |"
	echo "| start-up ≤ 5 ms | $start ms, CPU $start_cpu ms (/bin/true $start_true ms, CPU $start_true_cpu ms) | $(verdict "$start" 5) |"
} > "$targets"

{
	echo "# Benchmark results"
	echo
	echo "Measured by \`make bench\` on $(date -u +%Y-%m-%d), $(nproc) cores,"
	echo "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)."
	echo "Runs per measurement: $runs$large; each figure is their median. Ratios"
	echo "below 1 mean zonelint is faster or smaller."
	echo
	echo "## Targets"
	echo
	echo "The targets of the speed-and-memory issue, measured in this run."
	echo
	cat "$targets"
	echo
	echo "- the model's bytes per record: the peak memory of \`zonelint --select $model_rule\`"
	echo "  (loading, the name index and one rule that reads MX records only) on the"
	echo "  1M-record zone, less the same on a 30-record zone and less the zone's text"
	echo "  (read whole and kept for the spans of diagnostics), over 1M; it includes"
	echo "  records, names, the index, rdata and the allocator's overhead and slack"
	echo "- start-up: a run on a 30-record zone, 100 runs in a row, so it includes"
	echo "  starting a process (/bin/true measured the same way); the target is on the"
	echo "  wall time, the CPU time beside it is what the load of the machine changes less"
	echo
	echo "## Scaling"
	echo
	echo "![wall time and peak memory against records, log-log, one line per tool](scaling.svg)"
	echo
	echo "[scaling.svg](scaling.svg) is drawn by gnuplot (scaling.gp) from the wall"
	echo "times and peak memory of the table below."
	echo
	echo "## All measurements"
	echo
	cat "$table"
	echo
	echo "- wall times are read by the shell around /usr/bin/time, which reads the peak"
	echo "  memory; a run of /bin/true measured so takes $true_wall s"
	echo "- the tools of one zone, and those of the 1,000-zone set, run in turn, one run"
	echo "  each per round, so that the load of the machine falls on all of them alike"
	echo "- zonelint start-up on a 30-record zone (embedded rules, regexes compiled): $start ms"
	echo "  wall, $start_cpu ms CPU (user and system); kzonecheck on the same zone $start_kz ms,"
	echo "  $start_kz_cpu ms CPU; /bin/true $start_true ms, $start_true_cpu ms CPU (starting a process here)"
	echo "- single zones, one process per file and start-up: zonelint --no-context, since"
	echo "  the other tools judge one zone alone (with context, each run would walk this"
	echo "  project's repository, where bench/data holds 11,000 zone files)"
	echo "- zone repositories: 1,000 zones as one set against \`named-checkconf -z\`"
	echo "  over the same zones; one file of the 10,000-zone repository, its context"
	echo "  loaded as names reach it"
	echo "- the machine is shared with other work (load average $load0 when the run"
	echo "  began, $(cut -d ' ' -f 1-3 /proc/loadavg) when it ended, on $(nproc) cores):"
	echo "  absolute times vary from run to run, and so do ratios of small runs"
	echo
	echo "Where the time goes: PROFILE.md."
} > "$here/RESULTS.md.new"
mv "$here/RESULTS.md.new" "$here/RESULTS.md"
gnuplot -e "data='$scaling'; out='$here/scaling.svg.new'; tools=$(($(echo "$tools" | wc -w) + 2))" "$here/scaling.gp"
mv "$here/scaling.svg.new" "$here/scaling.svg"
cat "$here/RESULTS.md"
