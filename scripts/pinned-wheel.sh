# Shared by the install scripts (sourced, not run): downloads a wheel pinned by version and
# SHA-256 from PyPI with pip and checks it.
#
# The sourcing script sets SCRIPT_NAME (for messages), PYTHON, WHEEL_PROJECT, WHEEL_VERSION,
# WHEEL_FILE and WHEEL_SHA256, and the folder `work`, removed by its own trap.

fail() {
    echo "$SCRIPT_NAME: $*" >&2
    exit 1
}

sha256_of() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d ' ' -f 1
    else
        shasum -a 256 "$1" | cut -d ' ' -f 1
    fi
}

# Downloads the pinned wheel into "$work/download", checks its checksum and sets `wheel` to
# its path. Stops the script with a message on any failure.
download_pinned_wheel() {
    command -v "$PYTHON" >/dev/null 2>&1 \
        || fail "$PYTHON not found. Install python3 and pip (Debian: apt-get install python3-pip)."
    echo "$SCRIPT_NAME: downloading $WHEEL_PROJECT==$WHEEL_VERSION"
    "$PYTHON" -m pip download --no-deps --only-binary=:all: --disable-pip-version-check \
        --quiet "$WHEEL_PROJECT==$WHEEL_VERSION" -d "$work/download" \
        || fail "pip could not download $WHEEL_PROJECT==$WHEEL_VERSION. Check the network access \
to PyPI or the index set in pip's configuration."
    wheel="$work/download/$WHEEL_FILE"
    [ -f "$wheel" ] || fail "pip did not save $WHEEL_FILE in $work/download: found \
$(find "$work/download" -type f -printf '%f ')"
    local actual
    actual="$(sha256_of "$wheel")"
    if [ "$actual" != "$WHEEL_SHA256" ]; then
        fail "checksum mismatch for $WHEEL_FILE: expected SHA-256 $WHEEL_SHA256, got $actual. \
The file is not the one pinned in this script. Nothing was installed."
    fi
}
