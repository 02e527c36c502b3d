#!/usr/bin/env bash
# Review of issue 16, findings 2 and 10: one customer's month of 1,000,000 calls (portal-e2e.sh's C-BIG, login
# bigcustomer) read through the portal's expensive GETs: a page of Transactions (totals and 10 rows), eight at once,
# and a deep Call Logs page sorted by destination. Prints each answer's status and wall time and serve's resident memory
# (VmRSS, VmHWM) before and after. Run it once with the build before a change and once with the build after it, on the
# same data directory (the call-log index is built by the first run and reused).
#
#   CUSTOMERS=100 ROWS=100000 BIG=1000000 PREPARE_ONLY=1 bench/portal-e2e.sh      # the data
#   SERVE_ARGS="--http-read-concurrency 16" bench/transactions-deep.sh CENTREX DATA_DIR TARIFF   # eight at once need 8 places (the build before has no such flag)
set -euo pipefail
centrex=$1 data=$2 tariff=$3
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/{print $2}') GB; load $(cut -d' ' -f1-3 /proc/loadavg)"
out=$(mktemp -d)
"$centrex" serve --data "$data" --http 127.0.0.1:0 --sip 127.0.0.1:0 --tariff "$tariff" ${SERVE_ARGS:-} > "$out/serve.out" 2> "$out/serve.err" &
serve=$!
trap 'kill -TERM $serve 2>/dev/null; wait $serve 2>/dev/null || true; rm -rf "$out"' EXIT
url=
for _ in $(seq 1 3600); do
  url=$(sed -n 's/^centrex serve: \(http:[^ ]*\) (.*)$/\1/p' "$out/serve.out")
  [[ -n "$url" ]] && break
  kill -0 $serve 2>/dev/null || { cat "$out/serve.err" >&2; exit 1; }
  sleep 0.5
done
count() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM calls WHERE customer = ?", ("C-BIG",)).fetchone()[0])' "$data/calllog.db" 2>/dev/null || echo 0; }
until [[ "$(count)" -ge 1000000 ]]; do sleep 2; done
rss() { awk '/^VmRSS|^VmHWM/{printf "%s %d MB  ", $1, $2/1024}' "/proc/$serve/status"; echo; }
curl -s -c "$out/jar" -H 'Content-Type: application/json' -d '{"login":"bigcustomer","password":"big-password-1"}' "$url/api/v1/session" > /dev/null
get() { curl -s -b "$out/jar" -o /dev/null -w "%{http_code} %{time_total} s  $1\n" "$url$1"; }
echo "serve after start: $(rss)"
get "/api/v1/me/transactions?from=2026-11-01&to=2026-11-30&size=10"
echo "serve after one: $(rss)"
pids=()
for i in $(seq 1 8); do get "/api/v1/me/transactions?from=2026-11-01&to=2026-11-30&size=10&page=$i" & pids+=($!); done
wait "${pids[@]}" # not serve
echo "serve after eight at once: $(rss)"
get "/api/v1/me/transactions?from=2026-11-01&to=2026-11-30&size=10&sort=amount&dir=desc"
get "/api/v1/me/calls?sort=destination&dir=desc&page=5000&size=100"
get "/api/v1/me/calls?sort=destination&dir=desc&page=100&size=100"
get "/api/v1/me/calls?sort=start&dir=desc&page=5000&size=100"
echo "serve at the end: $(rss)"
