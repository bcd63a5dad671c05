#!/usr/bin/env bash
# npm run demo: creates the demo organisation through the HTTP API of a running Frontline (`npm start`;
# FRONTLINE_URL, default http://127.0.0.1:3000) and prints where to look and fresh tokens. When it exists
# already, it writes nothing and prints the same with new tokens.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/install.sh
main=dist/demo/src/main.js
if [ ! -f "$main" ] || [ -n "$(find demo/src -newer "$main" -print -quit)" ]; then
  # tsc rewrites only the files that changed: main.js is touched so that its date is the build's.
  nest build demo
  touch "$main"
fi
exec node "$main"
