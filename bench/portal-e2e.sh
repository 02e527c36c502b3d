#!/usr/bin/env bash
# End-to-end benchmark of the self-care portal (issue 16), on a real serve over a real data directory:
#  1. 10,000 customers, 100,000 accounts, 10,000,000 rated calls (and the call-log index built from their journal);
#     dashboard and CDR browser pages under 50 concurrent sessions: server time p99 <= 100 ms (the Server-Timing
#     header of each answer; client times beside it);
#  2. an xDR CSV download of 1,000,000 rows (one customer's month): >= 500,000 rows/s, serve's memory under 200 MB;
#  3. CDR ingestion over HTTP with an API key on every batch: >= 1,000,000 CDRs/s durable in large batches.
# Data is generated here and never committed (bench/data/ is ignored).
#
#   bench/portal-e2e.sh                                   # 10,000 customers x 10 accounts, 10,000,000 calls
#   CUSTOMERS=1000 ROWS=1000000 BIG=200000 bench/portal-e2e.sh   # smaller
#   PREPARE_ONLY=1 bench/portal-e2e.sh                    # only build the data directory (reused by later runs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
customers=${CUSTOMERS:-10000}
per=${ACCOUNTS_PER_CUSTOMER:-10}
rows=${ROWS:-10000000}
big=${BIG:-1000000}
sessions=${SESSIONS:-50}
seconds=${SECONDS_LOAD:-60}
work="$root/bench/data/portal-e2e-$customers-$rows"
publish="$root/bench/data/centrex-publish"
centrex="$publish/centrex"
load="$root/bench/data/portal-load/PortalLoad"

dotnet publish "$root/src/Centrex" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$publish" -v quiet -nologo >/dev/null
dotnet publish "$root/bench/PortalLoad" -c Release -o "$root/bench/data/portal-load" -v quiet -nologo >/dev/null
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/{print $2}') GB, .NET $(dotnet --version); load $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ ! -f "$work/ready" ]]; then
  rm -rf "$work" && mkdir -p "$work"
  python3 "$root/bench/make-portal-provisioning.py" "$customers" "$per" "$work/provisioning.json"
  "$centrex" generate --out "$work/gen" --rows "$rows" --accounts $((customers * per)) --month 2026-10 --bad-per-10000 0 >/dev/null 2>&1
  "$centrex" generate --out "$work/big" --rows "$big" --accounts 1 --month 2026-11 --bad-per-10000 0 --seed 7 >/dev/null 2>&1
  sed -i -e 's/^cdr-/big-/' -e 's/,ACC-1001,/,BIG-1,/' "$work/big/cdrs.csv"
  "$centrex" provision import --data "$work/data" "$work/provisioning.json" 2>"$work/import.log"
  start=$(date +%s.%N)
  "$centrex" rate --data "$work/data" --tariff "$work/gen/tariff.csv" --cdrs "$work/gen/cdrs.csv" --out /dev/null --rejects "$work/rejects.csv" 2>"$work/rate.log"
  "$centrex" rate --data "$work/data" --tariff "$work/gen/tariff.csv" --cdrs "$work/big/cdrs.csv" --out /dev/null --rejects "$work/rejects-big.csv" 2>"$work/rate-big.log"
  echo "data: $customers customers, $((customers * per)) accounts, $rows + $big calls rated in $(echo "$(date +%s.%N) - $start" | bc) s"
  # 50 customer logins with known passwords (the bench's own data).
  : > "$work/logins.txt"
  for i in $(seq 0 $((sessions - 1))); do
    c=$(printf 'C%06d' $((i * customers / sessions)))
    echo "bench-password-$i" | "$centrex" user add "bench$i" --customer "$c" --data "$work/data" --password-stdin 2>/dev/null
    echo "bench$i bench-password-$i" >> "$work/logins.txt"
  done
  echo "big-password-1" | "$centrex" user add bigcustomer --customer C-BIG --data "$work/data" --password-stdin 2>/dev/null
  touch "$work/ready"
fi
if [[ "${PREPARE_ONLY:-0}" == 1 ]]; then echo "prepared: $work"; exit 0; fi

# The 50 sessions log in at once from one address: the per-address login throttle's burst is raised to let them (on a
# quiet host the logins are fast enough to drain the default burst and get 429).
"$centrex" serve --data "$work/data" --http 127.0.0.1:0 --http-login-burst $((sessions + 10)) --tariff "$work/gen/tariff.csv" > "$work/serve.out" 2> "$work/serve.err" &
serve=$!
trap 'kill -TERM $serve 2>/dev/null; wait $serve 2>/dev/null || true' EXIT
# Serve prints its listening line only once it answers; a first start after a ledger upgrade first rebuilds the account
# state from the journal (seconds to minutes). Poll for the line, at most 30 minutes, and stop with serve's errors if
# it exits first (the sixth session's first run read the file too early and gave PortalLoad an empty URL).
url=
for _ in $(seq 1 3600); do
  url=$(sed -n 's/^centrex serve: \(http:[^ ]*\) (.*)$/\1/p' "$work/serve.out")
  [[ -n "$url" ]] && break
  kill -0 $serve 2>/dev/null || { echo "serve exited before listening:" >&2; cat "$work/serve.err" >&2; exit 1; }
  sleep 0.5
done
[[ -n "$url" ]] || { echo "serve printed no listening line in 30 minutes" >&2; exit 1; }
# The call-log index follows the journal in the background: wait until it has caught up (a fresh index takes a while).
start=$(date +%s.%N)
count() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM calls").fetchone()[0])' "$work/data/calllog.db" 2>/dev/null || echo 0; }
until [[ "$(count)" -ge $((rows + big)) ]]; do sleep 2; done
n=$(count)
echo "call-log index: $n calls (caught up $(echo "$(date +%s.%N) - $start" | bc) s after serve started; $(du -m "$work/data/calllog.db" | cut -f1) MB)"
echo "load before sessions: $(cut -d' ' -f1-3 /proc/loadavg)"
"$load" sessions "$url" "$work/logins.txt" "$sessions" "$seconds"
echo "load before xdr: $(cut -d' ' -f1-3 /proc/loadavg)"
"$load" xdr "$url" bigcustomer big-password-1 2026-11-01 2026-11-30 "$serve"
"$centrex" apikey create --data "$work/data" --scope cdr-batches:write > "$work/key.txt" 2>/dev/null
"$centrex" generate --out "$work/ingest" --rows "${INGEST_ROWS:-2000000}" --accounts $((customers * per)) --month 2026-12 --bad-per-10000 0 --seed 11 >/dev/null 2>&1
# Ids new to this data directory on every run: with one fixed prefix, every run after the first posted CDRs already
# charged, so it measured the exactly-once replay path, not charging (PortalLoad prints "N rated of M answered").
sed -i "s/^cdr-/ing$(date +%s)-/" "$work/ingest/cdrs.csv"
echo "load before ingest: $(cut -d' ' -f1-3 /proc/loadavg)"
"$load" ingest "$url" "$(cat "$work/key.txt")" "$work/ingest/cdrs.csv" 100000 4
