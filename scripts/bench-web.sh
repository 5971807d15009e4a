#!/usr/bin/env bash
# Load test of the web application on loopback, for `make bench`.
#
# Usage: scripts/bench-web.sh CERTIF_BINARY [SECONDS] [CONNECTIONS]
#
# Builds a database of the national example year (examples/candidats-national.csv, 16,000
# candidates), creates a national administrator, starts `certif serve` on a free loopback
# port, logs in with curl, then runs wrk on the candidate list page (50 rows) and on the
# dashboard, each for SECONDS (default 60) with CONNECTIONS (default 32) connections on two
# threads. Prints, for each page, requests per second, median and 99th-percentile latency and
# the errors (socket errors and answers other than 200). Everything lives in a temporary
# folder, removed at the end with the server it started.
set -euo pipefail

certif="${1:?usage: scripts/bench-web.sh CERTIF_BINARY [SECONDS] [CONNECTIONS]}"
seconds="${2:-60}"
connections="${3:-32}"

for tool in wrk curl python3; do
    command -v "$tool" >/dev/null || { echo "bench-web: $tool is missing (Debian package $tool)" >&2; exit 1; }
done

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

database="$work/bench.sqlite"
"$certif" import examples/candidats-national.csv --database "$database" >/dev/null
password="$("$certif" users add bench --name "Banc d'essai" --role administrator \
    --database "$database" | awk '/password:/ { print $2 }')"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
"$certif" serve --database "$database" --listen "127.0.0.1:$port" --today 2025-06-02 \
    >"$work/serve.out" 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 1 100); do
    curl -fs "$base/readyz" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fs "$base/readyz" >/dev/null || { echo "bench-web: the server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

jar="$work/cookies"
login_page="$(curl -fs -c "$jar" -b "$jar" "$base/connexion")"
token="$(printf '%s' "$login_page" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n 1)"
curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "csrf_token=$token" \
    --data-urlencode "identifiant=bench" --data-urlencode "mot_de_passe=$password" "$base/connexion"
session="$(awk '$6 == "certif_session" { print $7 }' "$jar")"
[ -n "$session" ] || { echo "bench-web: the login failed" >&2; exit 1; }

# wrk counts only socket errors, so this script counts every status other than 200 too.
cat >"$work/report.lua" <<'LUA'
-- Counts every answer other than 200, a redirect to the login page included, which wrk's own
-- status count (4xx and 5xx only) would miss. Each thread counts in its own Lua state.
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not_ok = 0 end
function response(status, headers, body)
    if status ~= 200 then not_ok = not_ok + 1 end
end
function done(summary, latency, requests)
    local errors = summary.errors
    local failed = errors.connect + errors.read + errors.write + errors.timeout
    for _, thread in ipairs(threads) do failed = failed + thread:get("not_ok") end
    io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, summary.requests, failed))
end
LUA

echo "web: ${seconds} s at $connections connections per page, 16,000 candidates, logged in as a national administrator"
printf '%-34s %10s %10s %10s %10s %8s\n' "page" "req/s" "median ms" "p99 ms" "requests" "errors"
for page in ${BENCH_PAGES:-/candidats /}; do
    curl -fs -o /dev/null -b "certif_session=$session" "$base$page" \
        || { echo "bench-web: $page does not return 200 when logged in" >&2; exit 1; }
    line="$(wrk -t2 -c"$connections" -d"${seconds}s" -H "Cookie: certif_session=$session" \
        -s "$work/report.lua" "$base$page" | grep '^RESULT')"
    read -r _ rps median p99 requests failed <<<"$line"
    name="$page"
    [ "$page" = "/" ] && name="/ (tableau de bord)"
    [ "$page" = "/candidats" ] && name="/candidats (50 lignes)"
    printf '%-34s %10s %10s %10s %10s %8s\n' "$name" "$rps" "$median" "$p99" "$requests" "$failed"
done
echo "target: 99th percentile under 50 ms, no error"
