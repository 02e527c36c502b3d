#!/usr/bin/env bash
# B2BUA load bench: the same stepped sipp load (INVITE/100/180/200/ACK/BYE/200, zero hold time, UDP, loopback)
# through Kamailio as a stateful proxy and through `centrex serve`, by ../shared/tools/kamailio-anchor.sh.
#
# The anchor's caller sipp does not authenticate, so the switch takes it as a trunk (its UAC ports are the trunk's
# source addresses) calling a DID; the DID's account is registered (by sipp, with digest) at the anchor's UAS port,
# so every call is a full B2BUA call: trunk leg in, DID lookup, registered contact, second leg out.
#
# Then a latency phase: LATENCY_CALLS (15000) calls at LATENCY_RATE (500/s) through the switch, p50/p99 INVITE->180.
#
# usage: [KEEP=1 (keep the work directory: logs, sipp traces)] [SKIP_ANCHOR=1] [LATENCY_RATE=N] [LATENCY_CALLS=N] bench/sip-load.sh [anchor options, e.g. --steps "250 500 1000" --budget 200]
set -euo pipefail
cd "$(dirname "$0")/.."

ANCHOR=${ANCHOR:-../shared/tools/kamailio-anchor.sh}
PORT=${PORT:-5070}
UAS_PORT=5091
UAC_PORT=5092
DID=16045550100
ACCOUNT=16045550102
REALM=load.centrex
PASSWORD=load-test
# Direct by default: Kamailio as a proxy relays no media, so the side-by-side compares signalling; MEDIA=Relay adds
# the relay (two RTP/RTCP port pairs bound per call).
MEDIA=${MEDIA:-Direct}

work=$(mktemp -d)
pid=""
cleanup() {
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
    if [[ "${KEEP:-0}" == 1 ]]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

dotnet build src/Centrex -c Release -v quiet -nologo >/dev/null
centrex=(dotnet src/Centrex/bin/Release/net10.0/centrex.dll)
hashes=$(printf '%s' "$PASSWORD" | "${centrex[@]}" sip-hash --username "$ACCOUNT" --realm "$REALM")

# The switch's data in the one provisioning format (README, "Provisioning JSON"), imported into the data directory's
# store; `serve --data` runs the switch from it.
cat >"$work/provisioning.json" <<JSON
{
  "format": "centrex-provisioning/1",
  "switch": { "realm": "$REALM", "digest_algorithms": ["MD5", "SHA-256"] },
  "trunks": [ { "id": "anchor", "address": "127.0.0.1:$UAS_PORT",
                "sources": ["127.0.0.1:$UAC_PORT", "127.0.0.1:$((UAC_PORT + 1))", "127.0.0.1:$((UAC_PORT + 2))", "127.0.0.1:$((UAC_PORT + 3))"] } ],
  "customers": [ { "id": "load", "company": "Load test", "contact": "bench", "email": "bench@load.example",
                   "address": { "street": "1 Loopback", "city": "Vancouver", "province": "BC", "country": "CA", "postal_code": "V7Y 1A1" },
                   "time_zone": "America/Vancouver", "trunk": "anchor", "dialing_rules": "north-america" } ],
  "accounts": [ { "id": "$ACCOUNT", "customer": "load", "type": "credit", "credit_limit": "1000000.00",
                  "sip": { "username": "$ACCOUNT", $hashes }, "dids": ["$DID"] } ]
}
JSON
"${centrex[@]}" provision import --data "$work/data" "$work/provisioning.json" 2>"$work/provision.err" \
    || { cat "$work/provision.err" >&2; exit 1; }

# With a tariff, as a carrier runs it: every call's CDR goes through the real-time sink (stored; outgoing calls rated
# and charged on the durable ledger).
printf 'prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.01,0,60,6\n' >"$work/tariff.csv"
# One address here stands for thousands of phones: the per-source request limit is lifted.
"${centrex[@]}" serve --sip "127.0.0.1:$PORT" --data "$work/data" --media "$MEDIA" --sip-source-rate 1000000 --sip-source-burst 1000000 \
    --tariff "$work/tariff.csv" --http 127.0.0.1:0 ${SERVE_ARGS:-} >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
for _ in $(seq 1 300); do
    grep -q '^sip udp' "$work/serve.out" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
    sleep 0.1
done
grep '^sip' "$work/serve.out"

# Register the DID's account at the port the anchor's UAS will listen on.
sipp "127.0.0.1:$PORT" -sf tests/Centrex.Switch.Tests/Sipp/Scenarios/register.xml -s "$ACCOUNT" -au "$ACCOUNT" -ap "$PASSWORD" \
    -m 1 -i 127.0.0.1 -p "$UAS_PORT" -nostdin -timeout 10s -timeout_error >"$work/register.log" 2>&1 \
    || { echo "registration failed" >&2; cat "$work/register.log" >&2; exit 1; }

if [[ "${SKIP_ANCHOR:-0}" != 1 ]]; then
    bash "$ANCHOR" --target "127.0.0.1:$PORT" --service "$DID" --uas-port "$UAS_PORT" --uac-port "$UAC_PORT" "$@"
fi

# Latency phase: the anchor reports only sipp's mean INVITE->200 for trunk calls to a DID (incoming: stored, not
# charged), so one more fixed-rate run has the registered account call out to North America through the trunk (digest
# challenge, dial plan, balance authorization, real-time rating and charging) and times every call's INVITE->180
# (sipp -trace_rtt: one row per call) for p50/p99. The gateway is a sipp UAS at the trunk's address.
LATENCY_RATE=${LATENCY_RATE:-500}
LATENCY_CALLS=${LATENCY_CALLS:-15000}
echo
echo "latency: $LATENCY_CALLS chargeable calls out at $LATENCY_RATE calls/s through the switch (INVITE->180 per call)"
sipp -sn uas -i 127.0.0.1 -p "$UAS_PORT" -mp 16000 -nostdin -trace_err -error_file "$work/uas-errors.log" -buff_size 1048576 >/dev/null 2>"$work/uas.err" &
uas=$!
sleep 0.5
(cd "$work" && sipp "127.0.0.1:$PORT" -sf "$OLDPWD/bench/sipp/uac-latency.xml" -s 2125551234 -au "$ACCOUNT" -ap "$PASSWORD" \
    -auth_uri "2125551234@127.0.0.1:$PORT" \
    -i 127.0.0.1 -p "$((UAC_PORT + 10))" -mp 17000 -r "$LATENCY_RATE" -m "$LATENCY_CALLS" -nostdin -buff_size 1048576 -timeout 300s \
    -trace_rtt -rtt_freq 1 -trace_err -trace_stat -stf latency-stat.csv -fd 1 >/dev/null 2>latency.err) || true
kill "$uas" 2>/dev/null || true
rtt=$(ls "$work"/uac-latency_*_rtt.csv 2>/dev/null | head -1 || true)
[[ -n "$rtt" ]] || { echo "no response-time trace" >&2; cat "$work/latency.err" >&2; exit 1; }
# rows: Date_ms;response_time_ms;rtd_no (sipp measures in whole milliseconds); percentiles by rank over sorted times
percentiles() {
    awk -F';' -v t="$1" 'NR > 1 && $3 == t { print $2 }' "$rtt" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "no samples"; exit }
        p50 = v[int((NR - 1) * 0.50) + 1]; p99 = v[int((NR - 1) * 0.99) + 1]
        printf "%d samples, p50 %d ms, p99 %d ms, max %d ms (whole ms: 0 = under 1 ms)\n", NR, p50, p99, v[NR] }'
}
echo "INVITE->180: $(percentiles 1)"
awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { l = $0 } END { split(l, f, ";");
    printf "calls: %d created, %d successful, %d failed, %d retransmissions\n", f[c["TotalCallCreated"]], f[c["SuccessfulCall(C)"]], f[c["FailedCall(C)"]], f[c["Retransmissions(C)"]] }' "$work/latency-stat.csv"

# Stop the switch (SIGTERM: drain, commit, checkpoint) and show what it charged.
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""
grep 'switch CDRs' "$work/serve.err" || tail -3 "$work/serve.err"
"${centrex[@]}" balance --data "$work/data" --account "$ACCOUNT" | grep balance
