#!/usr/bin/env bash
# The test command (README, .ci/run): installs the Debian packages the tests drive (sip-tester = sipp, the real SIP
# peer of the switch tests) when they are missing, then runs every test in the solution.
set -euo pipefail
cd "$(dirname "$0")"

packages=(sip-tester)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

dotnet test Centrex.sln
