#!/usr/bin/env bash
# The whole test suite: lint, build, then every spec against this machine's real PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/../.."
# A run, its install included, must leave the work tree as it found it (no rewritten lockfile, no stray output).
tree_before=$(git status --porcelain 2>/dev/null || true)
source deploy/local/install.sh
bash deploy/local/services.sh
echo "Node $(node --version)"
npm run --silent lint
npm run --silent build
npm run --silent test:jest -- "$@"
tree_after=$(git status --porcelain 2>/dev/null || true)
if [ "$tree_before" != "$tree_after" ]; then
  echo "npm test changed the work tree (git status before and after differ):" >&2
  diff <(echo "$tree_before") <(echo "$tree_after") >&2
  exit 1
fi
