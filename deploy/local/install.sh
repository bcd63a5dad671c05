# Sourced by the README commands: installs the npm packages when they are missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages…"
  # Not npm ci: it refuses a lockfile without other platforms' optional native bindings, which this registry does not serve.
  npm install --no-audit --no-fund --loglevel=error
fi
# npm puts node_modules/.bin first on PATH, so from here on `node` is the Node 24 of the devDependency.
