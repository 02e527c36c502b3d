#!/usr/bin/env bash
# Call-flow load bench (issue 15): the same stepped sipp load from a trunk to two DIDs of one `centrex serve`, in one run:
#   plain: a DID whose account's phone (a sipp UAS) answers;
#   flow:  a DID with a call flow: time routing (open all week) -> hunt group of three, simultaneous. Each call rings
#          three phones (three sipp UASes): the first 200 wins, the others are ACKed and released with BYE (the UASes
#          answer at once; a CANCEL sent before a loser's 200 arrived is answered 200 and changes nothing, RFC 3261 §9.2).
# At each rate step both run N calls (rate x STEP_SECONDS); the sustained rate is the highest step every call of which
# succeeded. Target (issue 15): flow >= 80 % of plain.
#
# Each step also prints the switch's CPU time (user + system, all threads, from /proc) per call of that run: a figure
# other load on the host moves much less than the rates, for comparing builds (run well below saturation, e.g.
# RATES=500 STEP_SECONDS=20, so overload's retransmissions do not count in it).
#
# usage: [UAS=builtin] [KEEP=1] [PORT=5070] [PROFILE=perf.data (perf record of the flow runs)] [TRACE=flow.nettrace (dotnet-trace of the flow runs)]
#        [METRICS=prefix (the switch's /metrics after each run, in PREFIX-DID-RATE.txt; HTTP on PORT+30)] [CENTREX_DLL=path/centrex.dll] [RATES="100 200 400 800"] [STEP_SECONDS=5] bench/sip-load-flows.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-5070} # the phones' ports follow it, so two runs on one host can use PORT=5070 and PORT=6070
UAC_PORT=$((PORT + 22))
PLAIN_PORT=$((PORT + 21))
MEMBER_PORTS=($((PORT + 23)) $((PORT + 24)) $((PORT + 25)))
PLAIN_DID=16045550100
FLOW_DID=16045550200
REALM=load.centrex
PASSWORD=load-test
RATES=${RATES:-"100 200 400 800"}
STEP_SECONDS=${STEP_SECONDS:-5}

work=$(mktemp -d)
pid=""
uas=()
cleanup() {
    for u in "${uas[@]}"; do kill "$u" 2>/dev/null || true; done
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
    if [[ "${KEEP:-0}" == 1 ]]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [[ -n "${CENTREX_DLL:-}" ]]; then
    centrex=(dotnet "$CENTREX_DLL") # another build (a copy of an earlier one), to compare two builds on the same host
else
    dotnet build src/Centrex -c Release -v quiet -nologo >/dev/null
    centrex=(dotnet src/Centrex/bin/Release/net10.0/centrex.dll)
fi
line() { # id extension [dids]
    local hashes; hashes=$(printf '%s' "$PASSWORD" | "${centrex[@]}" sip-hash --username "$1" --realm "$REALM")
    printf '{ "id": "%s", "customer": "load", "type": "credit", "credit_limit": "1000000.00", "extension": "%s", "sip": { "username": "%s", %s }, "dids": [%s] }' "$1" "$2" "$1" "$hashes" "${3:-}"
}
cat >"$work/provisioning.json" <<JSON
{
  "format": "centrex-provisioning/1",
  "switch": { "realm": "$REALM", "digest_algorithms": ["MD5", "SHA-256"] },
  "trunks": [ { "id": "anchor", "address": "127.0.0.1:9", "sources": ["127.0.0.1:$UAC_PORT"] } ],
  "customers": [ { "id": "load", "company": "Load test", "contact": "bench", "email": "bench@load.example",
                   "address": { "street": "1 Loopback", "city": "Vancouver", "province": "BC", "country": "CA", "postal_code": "V7Y 1A1" },
                   "time_zone": "America/Vancouver", "trunk": "anchor", "dialing_rules": "north-america" } ],
  "accounts": [ $(line 16045550101 101 "\"$PLAIN_DID\""), $(line 16045550102 102 "\"$FLOW_DID\""),
                $(line 16045550201 201), $(line 16045550202 202), $(line 16045550203 203) ],
  "hunt_groups": [ { "id": "sales", "customer": "load", "number": "200", "name": "Sales", "sequence": "simultaneous",
                     "members": [ { "extension": "201" }, { "extension": "202" }, { "extension": "203" } ] } ],
  "call_flows": [ { "id": "main", "customer": "load", "numbers": ["$FLOW_DID"], "nodes": [
      { "id": "in", "type": "my-numbers", "branches": { "next": "hours" } },
      { "id": "hours", "type": "time-routing", "fields": { "hours": "mon-sun 00:00-23:59" }, "branches": { "true": "sales", "false": "sales" } },
      { "id": "sales", "type": "hunt-group", "fields": { "group": "200" } } ] } ]
}
JSON
"${centrex[@]}" provision import --data "$work/data" "$work/provisioning.json" 2>"$work/provision.err" \
    || { cat "$work/provision.err" >&2; exit 1; }
http_port=0; metrics_key=""
if [[ -n "${METRICS:-}" ]]; then
    http_port=$((PORT + 30))
    metrics_key=$("${centrex[@]}" apikey create --data "$work/data" --scope metrics:read --name bench | grep -o '[^ ]*$' | tail -1)
fi
DOTNET_PerfMapEnabled=${PROFILE:+1} DOTNET_EnableWriteXorExecute=${PROFILE:+0} "${centrex[@]}" serve --sip "127.0.0.1:$PORT" --data "$work/data" --media Direct --sip-source-rate 1000000 --sip-source-burst 1000000 \
    --http "127.0.0.1:$http_port" >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
for _ in $(seq 1 300); do
    grep -q '^sip udp' "$work/serve.out" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
    sleep 0.1
done

# The phones answer at once. Their scenario answers a CANCEL that crosses its 200 as RFC 3261 §9.2 wants, keeping
# the dialog for the ACK and BYE that follow (bench/sipp/uas-answer.xml); UAS=builtin runs sipp's own UAS, which drops
# the call on such a CANCEL and leaves the switch's BYE to the losing leg unanswered (retransmitted for 32 s).
if [[ "${UAS:-}" == builtin ]]; then uas_scenario=(-sn uas); else uas_scenario=(-sf bench/sipp/uas-answer.xml); fi
register() { # account port
    sipp "127.0.0.1:$PORT" -sf tests/Centrex.Switch.Tests/Sipp/Scenarios/register.xml -s "$1" -au "$1" -ap "$PASSWORD" \
        -m 1 -i 127.0.0.1 -p "$2" -nostdin -timeout 10s -timeout_error >"$work/register-$1.log" 2>&1 \
        || { echo "registration of $1 failed" >&2; cat "$work/register-$1.log" >&2; exit 1; }
    sipp "${uas_scenario[@]}" -i 127.0.0.1 -p "$2" -mp $((20000 + ($2 - PORT - 20) * 10 + (PORT - 5070) * 10)) -nostdin -buff_size 4194304 >/dev/null 2>"$work/uas-$2.err" &
    uas+=($!)
}
register 16045550101 "$PLAIN_PORT"
register 16045550201 "${MEMBER_PORTS[0]}"
register 16045550202 "${MEMBER_PORTS[1]}"
register 16045550203 "${MEMBER_PORTS[2]}"
sleep 0.5

serve_cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat"; }
uas_cpu_ticks() { local t=0 u; for u in "${uas[@]}"; do t=$((t + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$u/stat"))); done; echo "$t"; }
hz=$(getconf CLK_TCK)

run() { # did rate -> "successful failed switch-cpu-us-per-call sipp-cpu-us-per-call"
    local calls=$(( $2 * STEP_SECONDS )) stat="$work/stat-$1-$2.csv" before after uas_before uas_after uac
    before=$(serve_cpu_ticks); uas_before=$(uas_cpu_ticks)
    local perf=""
    if [[ -n "${PROFILE:-}" && "$1" == "$FLOW_DID" ]]; then # a CPU profile of the flow run (serve has DOTNET_PerfMapEnabled=1)
        perf record -F 999 -g -p "$pid" -o "$PROFILE" >/dev/null 2>&1 & perf=$!
    fi
    local trace=""
    if [[ -n "${TRACE:-}" && "$1" == "$FLOW_DID" ]]; then # managed stacks of the flow run (dotnet-trace's sampled thread time)
        "${DOTNET_TRACE:-$HOME/.dotnet/tools/dotnet-trace}" collect -p "$pid" --profile dotnet-sampled-thread-time --format Speedscope -o "$TRACE" \
            --duration "00:00:00:$(printf '%02d' "$STEP_SECONDS")" >"$work/trace.log" 2>&1 & trace=$!
    fi
    # The caller's sipp CPU: the subshell's children's user + system time once sipp has been waited for.
    uac=$(cd "$work" && { sipp "127.0.0.1:$PORT" -sn uac -s "$1" -i 127.0.0.1 -p "$UAC_PORT" -mp $((18000 + (PORT - 5070) * 10)) -r "$2" -m "$calls" -d 0 -nostdin \
        -buff_size 4194304 -timeout $((STEP_SECONDS * 6))s -trace_stat -stf "$stat" -fd 1 >/dev/null 2>/dev/null || true; }
        awk '{ sub(/^.*\) /, ""); print $14 + $15 }' "/proc/$BASHPID/stat")
    sleep 1 # the losing legs' BYEs and the last ACKs settle inside the step's CPU count
    after=$(serve_cpu_ticks); uas_after=$(uas_cpu_ticks)
    if [[ -n "${METRICS:-}" ]]; then curl -s -H "Authorization: Bearer $metrics_key" "http://127.0.0.1:$http_port/metrics" >"$METRICS-$1-$2.txt"; fi
    if [[ -n "$perf" ]]; then kill -INT "$perf"; wait "$perf" || true; fi
    if [[ -n "$trace" ]]; then wait "$trace" || true; fi
    awk -F';' -v t="$((after - before))" -v s="$((uac + uas_after - uas_before))" -v hz="$hz" -v n="$calls" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { l = $0 } END { split(l, f, ";");
        printf "%d %d %.0f %.0f\n", f[c["SuccessfulCall(C)"]], f[c["FailedCall(C)"]], t / hz * 1e6 / n, s / hz * 1e6 / n }' "$stat"
}

best_plain=0; best_flow=0
printf '%-8s %-22s %-22s %-36s %s\n' rate "plain ok/failed" "flow ok/failed" "switch CPU per call: plain, flow" "sipp CPU per call (all sipp processes): plain, flow"
for rate in $RATES; do
    read -r pok pfail pcpu psipp < <(run "$PLAIN_DID" "$rate")
    read -r fok ffail fcpu fsipp < <(run "$FLOW_DID" "$rate")
    calls=$(( rate * STEP_SECONDS ))
    printf '%-8s %-22s %-22s %-36s %s\n' "$rate/s" "$pok/$pfail of $calls" "$fok/$ffail of $calls" "$pcpu us, $fcpu us" "$psipp us, $fsipp us"
    [[ "$pok" == "$calls" && "$pfail" == 0 ]] && best_plain=$rate
    [[ "$fok" == "$calls" && "$ffail" == 0 ]] && best_flow=$rate
done
echo "sustained: plain $best_plain calls/s, flow (time routing -> simultaneous group of three) $best_flow calls/s"
if (( best_plain > 0 )); then echo "flow / plain: $(( best_flow * 100 / best_plain )) % (target >= 80 %)"; fi
