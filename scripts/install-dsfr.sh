#!/usr/bin/env bash
# Installs the French State's design system (DSFR) for Certif's pages.
#
# Usage: scripts/install-dsfr.sh [TARGET]   (default TARGET: out/static/dsfr)
#
# Downloads the django-dsfr wheel pinned below from PyPI with pip, checks its SHA-256, and
# copies the DSFR `dist` folder that it ships into TARGET, which the server serves under
# /static/dsfr/. Running it again with the same pin leaves an installed TARGET untouched.
# Needs python3 with pip, and network access to PyPI or to the index that pip is set to.
set -euo pipefail

readonly WHEEL_PROJECT="django-dsfr"
readonly WHEEL_VERSION="3.6.1"
readonly WHEEL_FILE="django_dsfr-3.6.1-py3-none-any.whl"
# SHA-256 of WHEEL_FILE as PyPI serves it, computed from a download on 2026-12-04.
readonly WHEEL_SHA256="c59bb7db779d7a605f5be26c9d9f0dfe4a44073f861148df5a22c85bdb250067"
# Where the wheel keeps the DSFR build, which is DSFR v1.14.4 (see dsfr/static/dsfr/dsfr_version).
readonly DIST_IN_WHEEL="dsfr/static/dsfr/dist"
# Written in TARGET after a complete install, so that a later run can tell it is done.
readonly STAMP_FILE=".certif-dsfr-wheel-sha256"

PYTHON="${PYTHON:-python3}"
target="${1:-out/static/dsfr}"

readonly SCRIPT_NAME="install-dsfr"
# shellcheck source=scripts/pinned-wheel.sh
source "$(dirname "$0")/pinned-wheel.sh"

if [ -f "$target/$STAMP_FILE" ] && [ "$(cat "$target/$STAMP_FILE")" = "$WHEEL_SHA256" ] \
    && [ -f "$target/dsfr.min.css" ]; then
    echo "install-dsfr: DSFR from $WHEEL_FILE is already installed in $target"
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

download_pinned_wheel

# Stages the files next to TARGET, on the same file system, so that moving them in place is a
# rename rather than a copy.
mkdir -p "$(dirname "$target")"
staging="$(mktemp -d "$(dirname "$target")/.install-dsfr.XXXXXX")"
trap 'rm -rf "$work" "$staging"' EXIT

# Extracts only the entries under DIST_IN_WHEEL, rejecting any path that would leave the
# staging folder, and prints the DSFR version that the wheel records.
"$PYTHON" - "$wheel" "$DIST_IN_WHEEL" "$staging/dist" <<'PYTHON'
import pathlib
import sys
import zipfile

wheel, prefix, staging = sys.argv[1], sys.argv[2].rstrip("/") + "/", pathlib.Path(sys.argv[3])
count = 0
with zipfile.ZipFile(wheel) as archive:
    for entry in archive.infolist():
        if not entry.filename.startswith(prefix) or entry.is_dir():
            continue
        relative = pathlib.PurePosixPath(entry.filename[len(prefix):])
        if relative.is_absolute() or ".." in relative.parts:
            sys.exit(f"install-dsfr: unsafe path in the wheel: {entry.filename}")
        destination = staging.joinpath(*relative.parts)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(archive.read(entry))
        count += 1
    if count == 0:
        sys.exit(f"install-dsfr: the wheel has no {prefix} folder, so the DSFR files are not "
                 "where this script expects them. Check DIST_IN_WHEEL against the wheel.")
    version_file = prefix.rstrip("/").rsplit("/", 1)[0] + "/dsfr_version"
    try:
        version = archive.read(version_file).decode().strip()
    except KeyError:
        version = "of unknown version"
print(f"install-dsfr: extracted {count} files of DSFR {version}")
PYTHON

for required in dsfr.min.css utility/icons/icons.min.css favicon/favicon.svg; do
    [ -f "$staging/dist/$required" ] || fail "the wheel's $DIST_IN_WHEEL has no $required"
done
echo "$WHEEL_SHA256" >"$staging/dist/$STAMP_FILE"

# Moves the previous install aside, the new one in, then deletes the previous one. A run that
# stops before this point leaves TARGET as it was.
if [ -e "$target" ]; then
    mv "$target" "$staging/previous"
fi
mv "$staging/dist" "$target"
echo "install-dsfr: installed $WHEEL_FILE's DSFR files into $target"
