#!/usr/bin/env bash
# End-to-end benchmark of the billing side (issue 3):
#  1. `centrex bill` for 10,000 customers and 1,000,000 rated calls (target: >= 100 PDF invoices/s, all done in 3 min);
#  2. `centrex report xdr` of 1,000,000 rows as CSV (target >= 1M rows/s) and XLSX (>= 200k rows/s), peak memory
#     <= 300 MB each.
# Data is generated here (bench/make-provisioning.py and `centrex generate`), rated into a fresh data directory with
# `centrex rate --data`, and never committed (bench/data/ is ignored). Wall time and peak RSS come from /usr/bin/time.
#
#   bench/bill-e2e.sh                          # 10,000 customers, 1,000,000 calls
#   CUSTOMERS=1000 ROWS=100000 bench/bill-e2e.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
customers=${CUSTOMERS:-10000}
rows=${ROWS:-1000000}
work="$root/bench/data/bill-e2e-$customers-$rows"
publish="$root/bench/data/centrex-publish"
centrex="$publish/centrex"

command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
dotnet publish "$root/src/Centrex" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$publish" -v quiet -nologo >/dev/null
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/{print $2}') GB, .NET $(dotnet --version)"

measure() { # label, command...: prints wall seconds, peak RSS (MB) and CPU seconds (user + system); keeps stderr in $work/<label>.log
  local label=$1; shift
  /usr/bin/time -f '%e %M %U %S' -o "$work/$label.time" "$@" 2>"$work/$label.log" >/dev/null || { cat "$work/$label.log" >&2; exit 1; }
  read -r wall rss_kb user sys < "$work/$label.time"
  echo "$wall $((rss_kb / 1024)) $(echo "$user + $sys" | bc)"
}
# The machine may be shared: the load average before each measurement says how much of it the run had.
load() { cut -d' ' -f1 /proc/loadavg; }

# --- billing: 10,000 customers, one account each, 1M calls over those accounts ---
rm -rf "$work" && mkdir -p "$work"
python3 "$root/bench/make-provisioning.py" "$customers" "$work/provisioning.json"
"$centrex" generate --out "$work/gen" --rows "$rows" --accounts "$customers" --month 2026-10 --bad-per-10000 0 >/dev/null 2>&1
"$centrex" provision import --data "$work/data" "$work/provisioning.json"
"$centrex" rate --data "$work/data" --tariff "$work/gen/tariff.csv" --cdrs "$work/gen/cdrs.csv" \
  --out "$work/gen/rated.csv" --rejects "$work/gen/rejects.csv" 2>"$work/rate.log"
before=$(load)
read -r wall rss cpu < <(measure bill "$centrex" bill --data "$work/data" --period 2026-10)
invoices=$(ls "$work/data/invoices/2026-10/"*.pdf | wc -l)
pages=$(for f in $(ls "$work/data/invoices/2026-10/"*.pdf | head -200); do pdfinfo "$f" 2>/dev/null | sed -n 's/^Pages: *//p'; done | awk '{s+=$1} END {printf "%.1f", s/NR}')
echo "bill:  $invoices PDF invoices (+ CSV) in $wall s wall = $(echo "$invoices / $wall" | bc) invoices/s (whole process); CPU $cpu s; peak RSS $rss MB; ~$pages pages per PDF (first 200); load before $before"
sed -n 's/^ *\(calls billed\|elapsed\) */  in-run \1: /p' "$work/bill.log"

# --- xDR export: one customer, one account, 1M calls ---
xdr="$work/xdr"
mkdir -p "$xdr"
python3 "$root/bench/make-provisioning.py" 1 "$xdr/provisioning.json"
"$centrex" generate --out "$xdr/gen" --rows "$rows" --accounts 1 --month 2026-10 --bad-per-10000 0 >/dev/null 2>&1
"$centrex" provision import --data "$xdr/data" "$xdr/provisioning.json"
"$centrex" rate --data "$xdr/data" --tariff "$xdr/gen/tariff.csv" --cdrs "$xdr/gen/cdrs.csv" \
  --out "$xdr/gen/rated.csv" --rejects "$xdr/gen/rejects.csv" 2>/dev/null
for format in csv xlsx; do
  before=$(load)
  read -r wall rss cpu < <(measure "xdr-$format" "$centrex" report xdr --data "$xdr/data" --customer C000000 \
    --from 2026-09-30 --to 2026-11-01 --format "$format" --out "$xdr/report.$format")
  n=$(sed -n 's/^ *\([0-9,]*\) rows in.*/\1/p' "$work/xdr-$format.log" | tr -d ,)
  inrun=$(sed -n 's/.*rows in .* s (\([0-9,]*\) rows\/s).*/\1/p' "$work/xdr-$format.log")
  echo "xdr $format: $n rows in $wall s wall = $(echo "$n / $wall" | bc) rows/s (whole process; in-run $inrun rows/s); CPU $cpu s; peak RSS $rss MB; $(du -h "$xdr/report.$format" | cut -f1); load before $before"
done
