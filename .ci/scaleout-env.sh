#!/usr/bin/env bash
# Prepares what the scale-out test (camel-kaizala-scaleout-itest, profile -Pscaleout) needs, and starts nothing:
#   - PostgreSQL and nginx from Debian's packages, installed with apt-get when missing (no service is started:
#     a policy-rc.d that refuses every start guards the installation);
#   - a throwaway PostgreSQL cluster (initdb) under a temporary directory, owned by a non-root user (PostgreSQL
#     refuses to run as root), trust authentication, no server running;
#   - DIR/env.properties, which the test reads: where the binaries are, the cluster, the user to run them as.
# The test itself starts PostgreSQL and nginx on 127.0.0.1 (free ports) and stops them.
#
# Idempotent: a second run finds the packages and the cluster and only rewrites env.properties.
# Usage: .ci/scaleout-env.sh [DIR]      (DIR defaults to $KAIZALA_SCALEOUT_DIR, else /tmp/kaizala-scaleout)
#        .ci/scaleout-env.sh --fresh [DIR]   removes DIR first (a new, empty cluster)
set -euo pipefail

fresh=false
if [[ "${1:-}" == "--fresh" ]]; then
  fresh=true
  shift
fi
DIR="${1:-${KAIZALA_SCALEOUT_DIR:-/tmp/kaizala-scaleout}}"

find_pg_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

find_nginx() {
  if [[ -x /usr/sbin/nginx ]]; then echo /usr/sbin/nginx; return 0; fi
  command -v nginx 2>/dev/null
}

missing=()
find_pg_bin >/dev/null || missing+=(postgresql)
find_nginx >/dev/null || missing+=(nginx-light)
if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "scaleout-env: ${missing[*]} missing and not root: install them (apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "scaleout-env: installing ${missing[*]}"
  # no service may start during the installation (Debian's packages start one by default, nginx on *:80)
  guard=""
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    guard=/usr/sbin/policy-rc.d
  fi
  trap '[[ -n "$guard" ]] && rm -f "$guard"' EXIT
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
PG_BIN=$(find_pg_bin)
NGINX=$(find_nginx)

# the user PostgreSQL and nginx run as: never root
if [[ $(id -u) -eq 0 ]]; then
  if id postgres >/dev/null 2>&1; then RUN_AS=postgres; else RUN_AS=nobody; fi
else
  RUN_AS=$(id -un)
fi

if $fresh && [[ -d "$DIR" ]]; then
  rm -rf "$DIR"
fi
mkdir -p "$DIR"
chmod 755 "$DIR"
PGDATA="$DIR/pgdata"
if [[ ! -f "$PGDATA/PG_VERSION" ]]; then
  rm -rf "$PGDATA"
  mkdir -p "$PGDATA"
  if [[ $(id -u) -eq 0 ]]; then chown "$RUN_AS" "$PGDATA"; fi
  chmod 700 "$PGDATA"
  as_user=()
  if [[ $(id -u) -eq 0 ]]; then as_user=(runuser -u "$RUN_AS" --); fi
  echo "scaleout-env: initdb $PGDATA (as $RUN_AS)"
  (cd /tmp && "${as_user[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U kaizala -A trust -E UTF8 --no-sync >"$DIR/initdb.log" 2>&1) \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
fi

# nginx's prefix (configuration written by the test, pid, logs, temp files), writable by the user it runs as
mkdir -p "$DIR/nginx"
if [[ $(id -u) -eq 0 ]]; then chown "$RUN_AS" "$DIR/nginx"; fi

cat >"$DIR/env.properties" <<EOF
# written by .ci/scaleout-env.sh; read by camel-kaizala-scaleout-itest
pg.bin=$PG_BIN
pg.data=$PGDATA
pg.user=kaizala
run.as=$RUN_AS
run.as.root=$([[ $(id -u) -eq 0 ]] && echo true || echo false)
nginx=$NGINX
nginx.prefix=$DIR/nginx
EOF
echo "scaleout-env: ready in $DIR ($("$PG_BIN/postgres" --version), $("$NGINX" -v 2>&1))"
