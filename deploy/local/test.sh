#!/usr/bin/env bash
# The whole test suite: lint, build, then every spec against this machine's real PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/local/install.sh
bash deploy/local/services.sh
echo "Node $(node --version)"
npm run --silent lint
npm run --silent build
npm run --silent test:jest -- "$@"
