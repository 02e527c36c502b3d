#!/usr/bin/env bash
# The test command (README, "Two commands"; CI runs exactly this through .ci/run): installs the Debian packages the
# tests drive when they are missing, then runs every test in the solution.
#   sip-tester         sipp, the real SIP peer of the switch tests
#   socat              the TLS layer (OpenSSL) of sipp in the SIP over TLS tests: Debian's sipp is built without TLS
#   poppler-utils      pdftotext, which the tests use to read the PDF invoices and reports back
#   fonts-dejavu-core  DejaVu Sans, the TTF the PDFs embed (resolved from /usr/share/fonts/truetype/dejavu/)
#   python3-aiosmtpd   a real SMTP server the email tests start on a loopback port (run as /usr/bin/python3 -m aiosmtpd)
#   chromium           the real browser the portal's tests drive with Playwright (ExecutablePath /usr/bin/chromium; no download)
#   baresip-core       baresip, the real softphone of the switch tests (headless: aubridge audio, driven through ctrl_tcp)
#   faketime           libfaketime: the portal tests that depend on the day of the month run serve on the 12th (BillingDayServer)
# Quiet and quick when all are installed already; uses sudo only when not running as root. Arguments go to dotnet test.
set -euo pipefail
cd "$(dirname "$0")"

packages=(sip-tester socat poppler-utils fonts-dejavu-core python3-aiosmtpd chromium baresip-core faketime)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    echo "test.sh: installing ${missing[*]}" >&2
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

exec dotnet test Centrex.sln "$@"
