#!/usr/bin/env bash
# The local default: api, projector and worker on this machine's PostgreSQL and Redis.
# Runs in the foreground; Ctrl-C or SIGTERM stops all three cleanly.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/install.sh
bash deploy/local/services.sh

if [ -z "${DATABASE_URL:-}" ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'frontline'" | grep -q 1 ||
    createdb -h 127.0.0.1 -U postgres frontline
fi
npm run --silent build

logs="${FRONTLINE_RUN_DIR:-.frontline}/logs"
mkdir -p "$logs"
pids=()
for app in api projector worker; do
  node "dist/apps/$app/src/main.js" >"$logs/$app.log" 2>&1 &
  pids+=($!)
done

stop() {
  trap - TERM INT
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  echo "Stopped api, projector and worker."
  exit 0
}
trap stop TERM INT

url="http://${HOST:-127.0.0.1}:${PORT:-3000}"
for _ in $(seq 1 120); do
  if node -e "fetch('$url/health/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; then
    cat <<MSG
Frontline is running (pids ${pids[*]}; logs in $logs/).
  API docs     $url/docs
  OpenAPI      $url/docs-json
  Readiness    $url/health/ready
  Metrics      $url/metrics
Ctrl-C stops it.
MSG
    break
  fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "An app stopped while starting; see $logs/." >&2; tail -n 20 "$logs"/*.log >&2; stop; exit 1; }
  done
  sleep 0.5
done

# Returns when an app exits (or a signal arrives); then the others are stopped too.
wait -n "${pids[@]}" || true
echo "An app exited; stopping the others. See $logs/." >&2
stop
