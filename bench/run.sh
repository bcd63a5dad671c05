#!/usr/bin/env bash
# npm run bench [-- --quick] [--json <file>] [--only <scenario,…>]: builds the apps and the bench, then runs it
# on a database (frontline_bench) and Redis databases (10 to 13, and 15 for redis-benchmark) of its own, which every run starts empty.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/local/install.sh
bash deploy/local/services.sh >/dev/null
npm run --silent build
nest build bench
node dist/bench/src/main.js "$@"
