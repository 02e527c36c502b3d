#!/usr/bin/env bash
# The test command (README, "Two commands"; CI runs exactly this through .ci/run): installs the Debian packages the
# tests use when they are missing, then runs every test.
#   poppler-utils      pdftotext, which the tests use to read the PDF invoices and reports back
#   fonts-dejavu-core  DejaVu Sans, the TTF the PDFs embed (resolved from /usr/share/fonts/truetype/dejavu/)
# Quiet and quick when both are installed already; uses sudo only when not running as root.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
for package in poppler-utils fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "test.sh: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

exec dotnet test Centrex.sln "$@"
