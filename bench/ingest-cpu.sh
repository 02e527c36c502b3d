#!/usr/bin/env bash
# CPU per CDR of serve's ingestion (issue 16), measured apart from the host's load: serve on a prepared data directory,
# one `PortalLoad ingest` of a CDR file whose ids are renamed per run (every CDR is new), and each thread's
# utime + stime from /proc before and after the ingestion window. The ledger writer thread (centrex-ledger-writer)
# is reported apart; "serve" is the whole process (/proc/PID/stat counts threads that exited, too). During the window
# bench/lib/thread-cpu.py samples every thread and prints serve's CPU split by thread name (thread-pool workers: Kestrel,
# body parse, rating and the answer; the ledger writer; the call-log indexer; ...); PortalLoad prints its own CPU.
#
#   bench/ingest-cpu.sh PUBLISH LOAD WORK CDRS TAG
#     PUBLISH  folder of a published centrex (centrex binary)
#     LOAD     folder of a published bench/PortalLoad
#     WORK     a portal-e2e work folder (data/, gen/tariff.csv, key.txt), e.g. a copy of
#              bench/data/portal-e2e-10000-10000000 (the run adds its CDRs to it)
#     CDRS     centrex generate's cdrs.csv (ids cdr-...), e.g. --rows 2000000 --accounts 100000 --month 2026-12
#     TAG      prefix the run gives the ids (unique per run on one data directory)
#   WARMUP=N bench/ingest-cpu.sh ...  first ingests N other new CDRs (the file's first N, renamed TAG-w) outside the
#                                    window: the figures are then a warm server's (its code tiered up, its buffers
#                                    pooled), as a switch's steady stream finds it
#   MINIMAL=1 bench/ingest-cpu.sh ...  the timed batches ask for the minimal answer (Prefer: return=minimal: only the
#                                    rows not charged are listed)
#   CONCURRENCY=N bench/ingest-cpu.sh ...  N batches in flight at once (default 4; 8 batches of 100,000 generated
#                                    CDRs fit the listener's 64 MiB of bodies in flight)
#   PERF=1 bench/ingest-cpu.sh ...   also samples serve's stacks on the CPU during the window (perf record, with the
#                                    runtime's perf map), to WORK/perf-TAG.data; read with perf report -i
set -euo pipefail
publish=$1 load=$2 work=$3 cdrs=$4 tag=$5
tck=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
writer_tid() { for t in /proc/"$1"/task/*; do if [[ "$(cat "$t/comm")" == centrex-ledger* ]]; then basename "$t"; fi; done; }
wait_idle() { # until serve used under 0.2 s of CPU in 5 s (the call-log indexer has caught up)
  local a b
  while true; do a=$(ticks "$1"); sleep 5; b=$(ticks "$1"); if (( b - a < tck / 5 )); then return 0; fi; done
}

renamed="$work/ingest-$tag.csv"
sed "s/^cdr-/$tag-/" "$cdrs" > "$renamed"
rows=$(($(wc -l < "$renamed") - 1))
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/{print $2}') GB; load $(cut -d' ' -f1-3 /proc/loadavg)"
started=$(date +%s.%N)
# W^X maps jitted code through a memfd ("doublemapper"), which perf cannot match with the perf map: turned off for a profile.
[[ "${PERF:-0}" == 1 ]] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
nice -n 19 "$publish/centrex" serve --data "$work/data" --http 127.0.0.1:0 --tariff "$work/gen/tariff.csv" > "$work/serve-$tag.out" 2> "$work/serve-$tag.err" &
serve=$!
trap 'kill -TERM $serve 2>/dev/null; wait $serve 2>/dev/null || true; rm -f "$renamed"' EXIT
url=
until [[ -n "$url" ]]; do # the whole listening line (ends with its routes in parentheses)
  kill -0 $serve 2>/dev/null || { echo "serve exited before listening:" >&2; cat "$work/serve-$tag.err" >&2; exit 1; }
  sleep 0.5
  url=$(sed -n 's/^centrex serve: \(http:[^ ]*\) (.*)$/\1/p' "$work/serve-$tag.out")
done
echo "serve answering after $(echo "$(date +%s.%N) - $started" | bc) s; its CPU so far $(echo "scale=2; $(ticks $serve) / $tck" | bc) s"
if [[ "${WARMUP:-0}" -gt 0 ]]; then
  head -n $((WARMUP + 1)) "$cdrs" | sed "s/^cdr-/$tag-w-/" > "$work/warmup-$tag.csv"
  nice -n 19 "$load/PortalLoad" ingest "$url" "$(cat "$work/key.txt")" "$work/warmup-$tag.csv" 100000 4 > /dev/null
  rm -f "$work/warmup-$tag.csv"
  echo "warmed up with $WARMUP other new CDRs"
fi
wait_idle $serve
writer=$(writer_tid $serve)
w0=$(ticks "$serve/task/$writer") s0=$(ticks $serve)
echo "load before ingest: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$(dirname "$0")/lib/thread-cpu.py" $serve "$rows" > "$work/threads-$tag.txt" &
sampler=$!
if [[ "${PERF:-0}" == 1 ]]; then perf record -q -F 499 -g -p $serve -o "$work/perf-$tag.data" 2>/dev/null & perf=$!; fi
sleep 0.3 # its first sample before the first batch
nice -n 19 "$load/PortalLoad" ingest "$url" "$(cat "$work/key.txt")" "$renamed" 100000 "${CONCURRENCY:-4}" ${MINIMAL:+minimal}
w1=$(ticks "$serve/task/$writer") s1=$(ticks $serve)
kill -TERM $sampler; wait $sampler || true
if [[ "${PERF:-0}" == 1 ]]; then kill -INT $perf 2>/dev/null || true; wait $perf || true; fi # perf may have ended early
cat "$work/threads-$tag.txt"
wait_idle $serve
s2=$(ticks $serve)
per() { echo "scale=2; ($1) * 1000000 / $tck / $rows" | bc; }
echo "CPU of $rows CDRs: writer thread $(echo "scale=2; ($w1 - $w0) / $tck" | bc) s = $(per "$w1 - $w0") us/CDR;" \
  "serve $(echo "scale=2; ($s1 - $s0) / $tck" | bc) s = $(per "$s1 - $s0") us/CDR in the window," \
  "$(per "$s2 - $s0") us/CDR until idle (the call-log indexer included); RSS $(awk '/VmRSS/{print $2 / 1024 " MB"}' /proc/$serve/status)"
