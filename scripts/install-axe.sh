#!/usr/bin/env bash
# Installs axe-core, the accessibility rules engine that the browser tests run in Chromium.
#
# Usage: scripts/install-axe.sh [TARGET]   (default TARGET: out/vendor/axe)
#
# npm is not reachable from the machines that build Certif, so axe-core comes from a PyPI wheel
# that bundles its axe.min.js: the axe-playwright-python wheel pinned below, downloaded with pip
# and checked against its SHA-256. TARGET receives axe.min.js unchanged, the text of its licence
# (MPL-2.0) and a SOURCE file that records where it came from. Running it again with the same pin
# leaves an installed TARGET untouched. Needs python3 with pip, access to PyPI or to the index
# that pip is set to, and the MPL-2.0 text that Debian's base-files installs.
set -euo pipefail

readonly WHEEL_PROJECT="axe-playwright-python"
readonly WHEEL_VERSION="0.1.8"
readonly WHEEL_FILE="axe_playwright_python-0.1.8-py3-none-any.whl"
# SHA-256 of WHEEL_FILE as PyPI serves it, computed from a download on 2026-12-04.
readonly WHEEL_SHA256="fdd263c998388f1a8e67cad02677e612d946248bd44d163be5e8650ea31f95f8"
readonly AXE_IN_WHEEL="axe_playwright_python/axe.min.js"
# The version that the first line of AXE_IN_WHEEL names ("/*! axe v4.12.1").
readonly AXE_VERSION="4.12.1"
# axe-core is under the Mozilla Public License 2.0, whose text the wheel does not ship (its own
# LICENSE is the MIT licence of the Python wrapper). Debian keeps the text in base-files.
MPL_TEXT="${MPL_TEXT:-/usr/share/common-licenses/MPL-2.0}"
# Written in TARGET after a complete install, so that a later run can tell it is done.
readonly STAMP_FILE=".certif-axe-wheel-sha256"

PYTHON="${PYTHON:-python3}"
target="${1:-out/vendor/axe}"

readonly SCRIPT_NAME="install-axe"
# shellcheck source=scripts/pinned-wheel.sh
source "$(dirname "$0")/pinned-wheel.sh"

if [ -f "$target/$STAMP_FILE" ] && [ "$(cat "$target/$STAMP_FILE")" = "$WHEEL_SHA256" ] \
    && [ -f "$target/axe.min.js" ] && [ -f "$target/LICENSE" ]; then
    echo "install-axe: axe-core $AXE_VERSION from $WHEEL_FILE is already installed in $target"
    exit 0
fi

[ -f "$MPL_TEXT" ] || fail "the MPL-2.0 text is not at $MPL_TEXT. On Debian it comes with \
base-files; elsewhere, set MPL_TEXT to a text copy of http://mozilla.org/MPL/2.0/, the address \
that axe.min.js gives."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

download_pinned_wheel

# Stages the files next to TARGET, on the same file system, so that moving them in place is a
# rename rather than a copy.
mkdir -p "$(dirname "$target")"
staging="$(mktemp -d "$(dirname "$target")/.install-axe.XXXXXX")"
trap 'rm -rf "$work" "$staging"' EXIT
mkdir "$staging/axe"

# Extracts the one entry AXE_IN_WHEEL and checks that its header names AXE_VERSION.
"$PYTHON" - "$wheel" "$AXE_IN_WHEEL" "$AXE_VERSION" "$staging/axe/axe.min.js" <<'PYTHON'
import sys
import zipfile

wheel, entry, version, destination = sys.argv[1:5]
with zipfile.ZipFile(wheel) as archive:
    try:
        script = archive.read(entry)
    except KeyError:
        sys.exit(f"install-axe: the wheel has no {entry}. Check AXE_IN_WHEEL against the wheel.")
header = script[:200].decode("utf-8", "replace")
if f"axe v{version}\n" not in header:
    first_line = header.splitlines()[0] if header else ""
    sys.exit(f"install-axe: {entry} is not axe-core {version}; its first line is {first_line!r}")
with open(destination, "wb") as file:
    file.write(script)
print(f"install-axe: extracted axe-core {version}, {len(script)} bytes")
PYTHON

cp "$MPL_TEXT" "$staging/axe/LICENSE"
cat >"$staging/axe/SOURCE" <<SOURCE
axe-core $AXE_VERSION, Copyright (c) Deque Systems, Inc.
Under the Mozilla Public License 2.0, whose text is in LICENSE.
axe.min.js is $AXE_IN_WHEEL, unchanged, from the PyPI wheel
$WHEEL_FILE ($WHEEL_PROJECT $WHEEL_VERSION),
SHA-256 $WHEEL_SHA256.
Installed by Certif's scripts/install-axe.sh.
SOURCE
echo "$WHEEL_SHA256" >"$staging/axe/$STAMP_FILE"

# Moves the previous install aside, the new one in, then deletes the previous one. A run that
# stops before this point leaves TARGET as it was.
if [ -e "$target" ]; then
    mv "$target" "$staging/previous"
fi
mv "$staging/axe" "$target"
echo "install-axe: installed axe-core $AXE_VERSION from $WHEEL_FILE into $target"
