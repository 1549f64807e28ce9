#!/bin/sh
# run.sh - runs the libFuzzer harnesses built in BUILD/fuzz/bin.
#
# usage: fuzz/run.sh regress BUILD NAME...   each harness once over every
#            seed (BUILD/seeds/<h>) and every committed regression input
#            (fuzz/regressions/<h>); fails on any crash, leak or hang
#        fuzz/run.sh fuzz BUILD NAME...      each harness for FUZZ_SECONDS
#            (default 60), or for FUZZ_RUNS inputs from the random seed
#            FUZZ_SEED (default 1) when FUZZ_RUNS is set: a run that gives
#            the same result on every machine, as a gate must; from
#            BUILD/corpus/<h>, the seeds and the
#            regressions, FUZZ_JOBS (default 1) harnesses at a time; a crash
#            is saved under BUILD/artifacts/<h>/ and belongs, once fixed, in
#            fuzz/regressions/<h>/
# The harness names are fuzz_<h>.  Ends with "N passed, M failed".
set -u

mode=${1:?usage: fuzz/run.sh regress|fuzz BUILD NAME...}
build=${2:?usage: fuzz/run.sh regress|fuzz BUILD NAME...}
shift 2
secs=${FUZZ_SECONDS:-60}
runs=${FUZZ_RUNS:-}
seed=${FUZZ_SEED:-1}
jobs=${FUZZ_JOBS:-1}
# A slow input is a finding too: 10 s is far beyond any real zone or rule.
common="-timeout=10 -rss_limit_mb=2048 -print_final_stats=1"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"

# regress NAME: prints one ok/not ok line (and the report on failure).
regress() {
	h=${1#fuzz_}
	seeds=$build/seeds/$h
	reg=fuzz/regressions/$h
	log=$build/$1.log
	mkdir -p "$seeds"
	n=$(find "$seeds" "$reg" -type f ! -name '.*' 2>/dev/null | wc -l)
	# Each file runs once (a directory would be read as a corpus).
	find "$seeds" "$reg" -type f ! -name '.*' -print0 2>/dev/null |
		xargs -0 -r "$build/fuzz/bin/$1" $common >"$log" 2>&1
	rc=$?
	if [ $rc -eq 0 ]; then
		echo "ok - $1 over $n seed and regression inputs"
	else
		echo "not ok - $1 over $n inputs (exit $rc):"
		tail -n 40 "$log" | sed 's/^/# /'
	fi
}

# fuzz NAME: fuzzes for $secs seconds; prints one ok/not ok line.
fuzz() {
	h=${1#fuzz_}
	corpus=$build/corpus/$h
	art=$build/artifacts/$h/
	log=$build/$1.log
	mkdir -p "$corpus" "$art" "$build/seeds/$h"
	set -- "$1" "$corpus" "$build/seeds/$h"
	[ -d "fuzz/regressions/$h" ] && set -- "$@" "fuzz/regressions/$h"
	name=$1
	shift
	if [ -n "$runs" ]; then
		limit="-runs=$runs -seed=$seed"
		what="$runs inputs from seed $seed"
	else
		limit="-max_total_time=$secs"
		what="${secs}s"
	fi
	"$build/fuzz/bin/$name" $common $limit \
		-artifact_prefix="$art" "$@" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	if [ $rc -eq 0 ]; then
		echo "ok - $name fuzzed $what, ${execs:-?} runs, corpus $(ls "$corpus" | wc -l)"
	else
		echo "not ok - $name (exit $rc), input saved in $art:"
		grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" |
			head -n 20 | sed 's/^/# /'
	fi
}

case $mode in regress|fuzz) ;; *)
	echo "run.sh: unknown mode '$mode'" >&2
	exit 2 ;;
esac
for name in "$@"; do
	[ -x "$build/fuzz/bin/$name" ] || {
		echo "run.sh: $build/fuzz/bin/$name is missing" >&2
		exit 2
	}
done

# Results go to files so that parallel runs do not interleave.
res=$build/results
rm -rf "$res" && mkdir -p "$res"
i=0
for name in "$@"; do
	if [ "$mode" = fuzz ] && [ "$jobs" -gt 1 ]; then
		fuzz "$name" >"$res/$name" &
		i=$((i + 1))
		[ $((i % jobs)) -eq 0 ] && wait
	else
		"$mode" "$name" >"$res/$name"
		cat "$res/$name"
	fi
done
wait
if [ "$mode" = fuzz ] && [ "$jobs" -gt 1 ]; then
	for name in "$@"; do cat "$res/$name"; done
fi
pass=$(cat "$res"/* | grep -c '^ok ')
fail=$(cat "$res"/* | grep -c '^not ok ')
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
