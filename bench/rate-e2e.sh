#!/usr/bin/env bash
# End-to-end benchmark of `centrex rate`: generates a CDR file (2,000,000 rows by default) and a 3,000-prefix tariff
# with `centrex generate` (never committed: bench/data/ is ignored), rates it several times, and reports rows per
# second of wall-clock time (whole process, start-up included), peak resident memory, and the median run.
# It measures the build an operator deploys: `dotnet publish` with ReadyToRun (precompiled start-up code).
#
#   bench/rate-e2e.sh                 # 2M rows, 3,000 prefixes, 3 runs
#   ROWS=500000 RUNS=1 bench/rate-e2e.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rows=${ROWS:-2000000}
prefixes=${PREFIXES:-3000}
runs=${RUNS:-3}
data="$root/bench/data/rate-e2e-$rows-$prefixes"
publish="$root/bench/data/centrex-publish"
centrex="$publish/centrex"

command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
dotnet publish "$root/src/Centrex" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$publish" -v quiet -nologo >/dev/null
if [ ! -f "$data/cdrs.csv" ]; then
  "$centrex" generate --out "$data" --rows "$rows" --prefixes "$prefixes"
fi

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), .NET $(dotnet --version)"
echo "input:   $(du -h "$data/cdrs.csv" | cut -f1) CDR file, $rows rows; $(($(wc -l < "$data/tariff.csv") - 1)) tariff rows"
# CPU time the hypervisor gave to other guests during the run (/proc/stat "steal"): on a shared host it explains
# most of the run-to-run spread, so it is printed beside every run.
steal() { awk '/^cpu /{print $9}' /proc/stat; }
printf '%-4s %10s %12s %14s %10s %10s\n' run "wall (s)" "rows/s wall" "rows/s in-run" "peak RSS" "steal (s)"
for run in $(seq 1 "$runs"); do
  log=$(mktemp)
  steal_before=$(steal)
  /usr/bin/time -f '%e %M' -o "$log.time" "$centrex" rate --tariff "$data/tariff.csv" --cdrs "$data/cdrs.csv" \
    --out "$data/rated.csv" --rejects "$data/rejects.csv" 2>"$log"
  steal_after=$(steal)
  read -r wall rss_kb < "$log.time"
  inrun=$(sed -n 's/^ *rows per second *//p' "$log")
  printf '%-4s %10s %12s %14s %7s MB %10s\n' "$run" "$wall" "$(echo "$rows / $wall" | bc)" "$inrun" "$((rss_kb / 1024))" \
    "$(echo "scale=2; ($steal_after - $steal_before) / $(getconf CLK_TCK)" | bc)"
  echo "$wall" >> "$publish/walls"
  rm -f "$log" "$log.time"
done
median=$(sort -n "$publish/walls" | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}')
rm -f "$publish/walls"
echo "median: $median s wall, $(echo "$rows / $median" | bc) rows/s"
