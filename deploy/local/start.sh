#!/usr/bin/env bash
# The local default: api, projector, worker and the development OpenID Provider on this machine's
# PostgreSQL and Redis, then the demo organisation through the api (`--no-demo` skips it). The api signs
# people in through that provider (AUTH_MODE=oidc), as it would through Okta or Entra ID. Runs in the
# foreground; Ctrl-C or SIGTERM stops them all cleanly.
set -euo pipefail
cd "$(dirname "$0")/../.."

demo=yes
for arg in "$@"; do
  case "$arg" in
    --no-demo) demo= ;;
    *) echo "Unknown option $arg; the only one is --no-demo (npm start -- --no-demo)." >&2; exit 2 ;;
  esac
done
source deploy/local/install.sh
url="http://${HOST:-127.0.0.1}:${PORT:-3000}"
export FRONTLINE_ENV="${FRONTLINE_ENV:-development}" AUTH_MODE="${AUTH_MODE:-oidc}"
export OIDC_ISSUER="${OIDC_ISSUER:-http://127.0.0.1:${DEV_OIDC_PORT:-3001}}" OIDC_AUDIENCE="${OIDC_AUDIENCE:-urn:frontline:api}"
# The browser app is served by the api at $url: the development provider sends people back there.
export DEV_OIDC_REDIRECT_URIS="${DEV_OIDC_REDIRECT_URIS:-$url/callback,http://127.0.0.1:5173/callback,$url/docs/oauth2-redirect.html}"
apps=(api projector worker)
addresses=("$url/health/live")
# The development provider is ours to start only when the api trusts one on this machine.
if [ "$AUTH_MODE" = oidc ] && [[ "$OIDC_ISSUER" == http://127.0.0.1:* ]]; then
  apps+=(dev-oidc)
  addresses+=("$OIDC_ISSUER/.well-known/openid-configuration")
fi
answers() { node -e "fetch('$1').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; }
# Otherwise the readiness checks below would be answered by whatever already listens there.
for address in "${addresses[@]}"; do
  if answers "$address"; then
    echo "Something already answers at $address (another npm start?); stop it or set PORT and DEV_OIDC_PORT." >&2
    exit 1
  fi
done

bash deploy/local/services.sh

if [ -z "${DATABASE_URL:-}" ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'frontline'" | grep -q 1 ||
    createdb -h 127.0.0.1 -U postgres frontline
fi
npm run --silent build

logs="${FRONTLINE_RUN_DIR:-.frontline}/logs"
mkdir -p "$logs"
pids=()
demo_pid=
# Heap flags hold each app to its memory budget (250 MB resident): left alone, V8 let the busy
# api's heap grow to 455 MB while about 50 MB stayed live. The projector gets a larger young
# generation and no old-space cap: with one, a replay cost it 40-200 % more CPU in garbage
# collection. The same flags are in deploy/Dockerfile and bench/src/stack.ts.
node_flags() {
  case "$1" in
    projector) echo --max-semi-space-size=16 ;;
    *) echo --max-semi-space-size=8 --max-old-space-size=160 ;;
  esac
}
for app in "${apps[@]}"; do
  # shellcheck disable=SC2046 # the flags are words
  node $(node_flags "$app") "dist/apps/$app/src/main.js" >"$logs/$app.log" 2>&1 &
  pids+=($!)
done

stop() {
  trap - TERM INT
  kill -TERM "${pids[@]}" ${demo_pid:+"$demo_pid"} 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  echo "Stopped ${apps[*]}."
  exit 0
}
trap stop TERM INT

ready=
for _ in $(seq 1 120); do
  if answers "$url/health/ready"; then
    cat <<MSG
Frontline is running (pids ${pids[*]}; logs in $logs/).
  Open         $url/
  API docs     $url/docs
  OpenAPI      $url/docs-json
  Readiness    $url/health/ready
  Metrics      $url/metrics
  Sign-in      $OIDC_ISSUER/.well-known/openid-configuration (development OpenID Provider, client
               frontline-web, Authorization Code with PKCE; AUTH_MODE=$AUTH_MODE)
Ctrl-C stops it.
MSG
    ready=yes
    break
  fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "An app stopped while starting; see $logs/." >&2; tail -n 20 "$logs"/*.log >&2; stop; exit 1; }
  done
  sleep 0.5
done

if [ -n "$ready" ] && [ -n "$demo" ]; then
  # Its progress and errors go to the terminal and its log, its tokens to the terminal only. In the background
  # so that a signal stops it with the apps; its failure stops nothing.
  FRONTLINE_URL="$url" bash deploy/local/demo.sh 2> >(tee "$logs/demo.log" >&2) &
  demo_pid=$!
  wait "$demo_pid" || echo "The demo organisation was not created (see $logs/demo.log); the apps keep running." >&2
  demo_pid=
fi

# Returns when an app exits (or a signal arrives); then the others are stopped too.
wait -n "${pids[@]}" || true
echo "An app exited; stopping the others. See $logs/." >&2
stop
