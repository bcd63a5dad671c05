# Sourced by the README commands: installs exactly the locked npm packages when they are missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (npm ci)…"
  # npm ci installs what the lockfile says and never rewrites it: what runs is what was tested.
  npm ci --no-audit --no-fund --loglevel=error
fi
# npm puts node_modules/.bin first on PATH, so from here on `node` is the Node 24 of the devDependency.
# The browser specs drive Debian's Chromium (playwright-core, never a downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser specs (apt-get)…"
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  if ! { $as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends chromium >/dev/null; }; then
    echo "Could not install Chromium: install the Debian package 'chromium' (the browser specs need /usr/bin/chromium)." >&2
  fi
fi
