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
# usage: [KEEP=1 (keep the work directory: logs, sipp traces)] [SKIP_ANCHOR=1] [LATENCY_RATE=N] [LATENCY_CALLS=N]
#        [SERVE_ARGS="--sip-udp-readers 1 ..."] bench/sip-load.sh [anchor options, e.g. --steps "250 500 1000" --budget 200]
set -euo pipefail
cd "$(dirname "$0")/.."

ANCHOR=${ANCHOR:-../shared/tools/kamailio-anchor.sh}

source bench/lib/switch-under-load.sh
# shellcheck disable=SC2086 # SERVE_ARGS is a list of options
start_switch ${SERVE_ARGS:-}

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
start_gateway
cpu_before=$(serve_cpu_ticks)
(cd "$work" && sipp "127.0.0.1:$PORT" -sf "$OLDPWD/bench/sipp/uac-latency.xml" -s 2125551234 -au "$ACCOUNT" -ap "$PASSWORD" \
    -auth_uri "2125551234@127.0.0.1:$PORT" \
    -i 127.0.0.1 -p "$((UAC_PORT + 10))" -mp 17000 -r "$LATENCY_RATE" -m "$LATENCY_CALLS" -nostdin -buff_size 4194304 -timeout 300s \
    -trace_rtt -rtt_freq 1 -trace_err -trace_stat -stf latency-stat.csv -fd 1 >/dev/null 2>latency.err) || true
cpu_after=$(serve_cpu_ticks)
stop_gateway
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

# The switch's CPU time over the phase (user + system, all its threads), per call: a figure that other load on the host
# moves much less than latency, for comparing builds.
awk -v t="$((cpu_after - cpu_before))" -v hz="$(getconf CLK_TCK)" -v n="$LATENCY_CALLS" \
    'BEGIN { printf "switch CPU: %.2f s over the phase, %.0f us a call\n", t / hz, t / hz * 1e6 / n }'

stop_switch
"${centrex[@]}" balance --data "$work/data" --account "$ACCOUNT" | grep balance
