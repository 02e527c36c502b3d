# Sourced by bench/sip-load.sh and bench/sip-soak.sh: a switch to load, as a carrier runs it.
#
# The switch's data in the one provisioning format (README, "Provisioning JSON"): a trunk whose sources are the
# anchor's UAC ports (its calls come in to a DID), one customer, one account with the DID and digest credentials. With
# a tariff, so every chargeable call's CDR goes through the real-time sink (stored; rated and charged on the durable
# ledger). One address here stands for thousands of phones: the per-source request limit is lifted.
#
# Defines: the load's addresses and account (below), work (a temporary directory, removed on exit unless KEEP=1),
# centrex (the command), serve_pid, http (the HTTP listener's address), and the functions below.

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
# sipp's sockets get 4 MB (Debian's net.core.rmem_max here): with 1 MB, the caller's socket dropped 36,745 datagrams in
# 19 minutes of a 2,000 calls/s soak on the shared host (its `drops` in /proc/net/udp; the switch's own: 0), and each
# drop is a failed call charged to the switch in sipp's counts.

work=$(mktemp -d)
serve_pid=""
gateway_pid=""
cleanup() {
    [[ -n "$gateway_pid" ]] && kill "$gateway_pid" 2>/dev/null || true
    if [[ -n "$serve_pid" ]] && kill -0 "$serve_pid" 2>/dev/null; then kill -TERM "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; fi
    if [[ "${KEEP:-0}" == 1 ]]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

dotnet build src/Centrex -c Release -v quiet -nologo >/dev/null
centrex=(dotnet src/Centrex/bin/Release/net10.0/centrex.dll)

# Provisions the data directory and starts `serve` on PORT (UDP and TCP) with an HTTP listener on a free port; waits
# until it listens, then registers the DID's account (with digest) at UAS_PORT, where the gateway or the anchor's UAS
# answers. Extra arguments go to serve.
start_switch() {
    local hashes
    hashes=$(printf '%s' "$PASSWORD" | "${centrex[@]}" sip-hash --username "$ACCOUNT" --realm "$REALM")
    cat >"$work/provisioning.json" <<JSON
{
  "format": "centrex-provisioning/1",
  "switch": { "realm": "$REALM", "digest_algorithms": ["MD5", "SHA-256"] },
  "trunks": [ { "id": "anchor", "address": "127.0.0.1:$UAS_PORT",
                "sources": ["127.0.0.1:$UAC_PORT", "127.0.0.1:$((UAC_PORT + 1))", "127.0.0.1:$((UAC_PORT + 2))", "127.0.0.1:$((UAC_PORT + 3))"] } ],
  "customers": [ { "id": "load", "company": "Load test", "contact": "bench", "email": "bench@load.example",
                   "address": { "street": "1 Loopback", "city": "Vancouver", "province": "BC", "country": "CA", "postal_code": "V7Y 1A1" },
                   "time_zone": "America/Vancouver", "trunk": "anchor", "dialing_rules": "north-america" } ],
  "accounts": [ { "id": "$ACCOUNT", "customer": "load", "type": "credit", "credit_limit": "100000000.00",
                  "sip": { "username": "$ACCOUNT", $hashes }, "dids": ["$DID"] } ]
}
JSON
    "${centrex[@]}" provision import --data "$work/data" "$work/provisioning.json" 2>"$work/provision.err" \
        || { cat "$work/provision.err" >&2; exit 1; }
    printf 'prefix,destination,rate,connect_fee,first_increment,next_increment\n1,North America,0.01,0,60,6\n' >"$work/tariff.csv"
    "${centrex[@]}" serve --sip "127.0.0.1:$PORT" --data "$work/data" --media "$MEDIA" --sip-source-rate 1000000 --sip-source-burst 1000000 \
        --tariff "$work/tariff.csv" --http 127.0.0.1:0 "$@" >"$work/serve.out" 2>"$work/serve.err" &
    serve_pid=$!
    for _ in $(seq 1 300); do
        grep -q '^sip udp' "$work/serve.out" 2>/dev/null && grep -q '^centrex serve: http://' "$work/serve.out" 2>/dev/null && break
        kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
        sleep 0.1
    done
    grep '^sip' "$work/serve.out"
    http=$(sed -n 's|^centrex serve: \(http://[^ ]*\) .*|\1|p' "$work/serve.out" | head -1)
    sipp "127.0.0.1:$PORT" -sf tests/Centrex.Switch.Tests/Sipp/Scenarios/register.xml -s "$ACCOUNT" -au "$ACCOUNT" -ap "$PASSWORD" \
        -m 1 -i 127.0.0.1 -p "$UAS_PORT" -nostdin -timeout 10s -timeout_error >"$work/register.log" 2>&1 \
        || { echo "registration failed" >&2; cat "$work/register.log" >&2; exit 1; }
}

# The gateway at the trunk's address: a sipp UAS answering every call (180, 200, then the caller's BYE).
start_gateway() {
    sipp -sn uas -i 127.0.0.1 -p "$UAS_PORT" -mp 16000 -nostdin -trace_err -error_file "$work/uas-errors.log" -buff_size 4194304 \
        >/dev/null 2>"$work/uas.err" &
    gateway_pid=$!
    sleep 0.5
}

stop_gateway() {
    [[ -n "$gateway_pid" ]] && kill "$gateway_pid" 2>/dev/null || true
    gateway_pid=""
}

# The switch process's CPU time so far, user + system, in clock ticks (proc(5): fields 14 and 15 of /proc/PID/stat).
serve_cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$serve_pid/stat"; }

# Stops the switch (SIGTERM: drain, commit, checkpoint) and prints its CDR summary.
stop_switch() {
    kill -TERM "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=""
    grep 'switch CDRs' "$work/serve.err" || tail -3 "$work/serve.err"
}
