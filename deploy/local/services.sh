#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432, trust auth, user postgres) and Redis (127.0.0.1:6379)
# answer before `npm start` / `npm test`: starts them when stopped, installs them (root on Debian)
# when missing, then waits up to ~30 s. Safe to run twice at once.
set -uo pipefail

say() { echo "services: $*"; }
pg_up() { pg_isready -q -t 2 -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { [ "$(timeout 3 redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }
pg_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n1; }
pg_installed() { command -v pg_ctlcluster >/dev/null && [ -d "/etc/postgresql/$(pg_version)/main" ]; }
can_apt() { [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; }

apt_updated=
apt_install() {
  local log=/tmp/frontline-services-apt.log
  say "installing $* (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  # Wait for a dpkg lock held by another apt run instead of failing at once.
  if [ -z "$apt_updated" ]; then apt-get -qq -o DPkg::Lock::Timeout=180 update >>"$log" 2>&1 9>&- && apt_updated=1; fi
  apt-get -qq -y -o DPkg::Lock::Timeout=180 install "$@" >>"$log" 2>&1 9>&- || { say "apt-get install $* failed, see $log"; return 1; }
}

if pg_up && redis_up && { command -v docker-compose >/dev/null || ! can_apt; }; then
  say "PostgreSQL and Redis are up"
  exit 0
fi

# One runner at a time from here; a second one waits, then finds the work done.
exec 9>"${TMPDIR:-/tmp}/frontline-services.$(id -u).lock"
command -v flock >/dev/null && flock -w 600 9
# Servers started below must not inherit fd 9, or they would hold the lock for good.
unlocked() { "$@" 9>&- </dev/null; }

if ! pg_up; then
  if ! pg_installed && can_apt; then
    apt_install postgresql && {
      # Debian's default is scram-sha-256 over TCP; the apps and tests connect as postgres without a password.
      hba="/etc/postgresql/$(pg_version)/main/pg_hba.conf"
      sed -i -E 's#^(host\s+all\s+all\s+(127\.0\.0\.1/32|::1/128)\s+)\S+#\1trust#' "$hba" && say "trust auth for 127.0.0.1 and ::1 in $hba"
      unlocked pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main reload >/dev/null 2>&1 || true
    }
  fi
  if pg_installed && ! pg_up; then
    say "starting PostgreSQL $(pg_version)"
    out=$(unlocked pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main start 2>&1) || say "$out"
  fi
fi

if ! redis_up; then
  command -v redis-server >/dev/null || ! can_apt || apt_install redis-server
  if command -v redis-server >/dev/null && ! redis_up; then
    say "starting Redis"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null
    unlocked redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || say "redis-server did not start, see /var/log/redis/ci.log"
  fi
fi

# The compose spec needs docker-compose; without it that spec is skipped, so this is only a warning.
if ! command -v docker-compose >/dev/null && can_apt; then
  apt_install docker-compose || say "warning: docker-compose is not installed; test/docker-compose.e2e.spec.ts will be skipped"
fi

for _ in $(seq 30); do pg_up && redis_up && break; sleep 1; done

down=()
pg_up || down+=("PostgreSQL does not answer on 127.0.0.1:5432 (pg_isready)$(pg_installed || echo '; not installed: apt-get install postgresql')")
redis_up || down+=("Redis does not answer on 127.0.0.1:6379 (redis-cli ping)$(command -v redis-server >/dev/null || echo '; not installed: apt-get install redis-server')")
if [ ${#down[@]} -gt 0 ]; then
  for msg in "${down[@]}"; do echo "services: $msg" >&2; done
  exit 1
fi
say "PostgreSQL and Redis are up"
