#!/usr/bin/env bash
# B2BUA load bench: the same stepped sipp load (INVITE/100/180/200/ACK/BYE/200, zero hold time, UDP, loopback)
# through Kamailio as a stateful proxy and through `centrex serve`, by ../shared/tools/kamailio-anchor.sh.
#
# The anchor's caller sipp does not authenticate, so the switch takes it as a trunk (its UAC ports are the trunk's
# source addresses) calling a DID; the DID's account is registered (by sipp, with digest) at the anchor's UAS port,
# so every call is a full B2BUA call: trunk leg in, DID lookup, registered contact, second leg out.
#
# usage: bench/sip-load.sh [anchor options, e.g. --steps "250 500 1000" --budget 200]
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

work=$(mktemp -d)
pid=""
cleanup() {
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
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
  "trunks": [ { "id": "anchor", "address": "127.0.0.1:$UAC_PORT",
                "sources": ["127.0.0.1:$UAC_PORT", "127.0.0.1:$((UAC_PORT + 1))", "127.0.0.1:$((UAC_PORT + 2))", "127.0.0.1:$((UAC_PORT + 3))"] } ],
  "customers": [ { "id": "load", "company": "Load test", "contact": "bench", "email": "bench@load.example",
                   "address": { "street": "1 Loopback", "city": "Vancouver", "province": "BC", "country": "CA", "postal_code": "V7Y 1A1" },
                   "time_zone": "America/Vancouver", "trunk": "anchor" } ],
  "accounts": [ { "id": "$ACCOUNT", "customer": "load", "type": "debit", "sip": { "username": "$ACCOUNT", $hashes }, "dids": ["$DID"] } ]
}
JSON
"${centrex[@]}" provision import --data "$work/data" "$work/provisioning.json" 2>"$work/provision.err" \
    || { cat "$work/provision.err" >&2; exit 1; }

"${centrex[@]}" serve --sip "127.0.0.1:$PORT" --data "$work/data" >"$work/serve.out" 2>"$work/serve.err" &
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

bash "$ANCHOR" --target "127.0.0.1:$PORT" --service "$DID" --uas-port "$UAS_PORT" --uac-port "$UAC_PORT" "$@"
