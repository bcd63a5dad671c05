# Sourced by the README commands: installs exactly the locked npm packages when they are missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (npm ci)…"
  # npm ci installs what the lockfile says and never rewrites it: what runs is what was tested.
  npm ci --no-audit --no-fund --loglevel=error
fi
# npm puts node_modules/.bin first on PATH, so from here on `node` is the Node 24 of the devDependency.
