#!/bin/sh
# Renders the HA cache example into DIR and runs tsmonit on it in the foreground.
#   examples/ha-cache/run.sh [DIR]          (default DIR: /tmp/tsmonit-ha-cache)
#   examples/ha-cache/run.sh --render DIR   only write the files (the end-to-end test uses this)
# Ports come from MC1_PORT, MC2_PORT, REDIS_PORT, PROXY_PORT, STATS_PORT (defaults 21211 21212 26379 22121 22222).
set -eu
render_only=false
if [ "${1:-}" = "--render" ]; then render_only=true; shift; fi
DIR="${1:-/tmp/tsmonit-ha-cache}"
EXAMPLE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$EXAMPLE/../.." && pwd)"
for tool in memcached redis-server nutcracker; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || {
    echo "ha-cache: $tool is not installed (Debian: apt-get install memcached redis-server nutcracker)" >&2; exit 1; }
done
mkdir -p "$DIR"
render() {
  sed -e "s#@DIR@#$DIR#g" -e "s#@EXAMPLE@#$EXAMPLE#g" -e "s#@USER@#$(id -un)#g" \
      -e "s#@MC1_PORT@#${MC1_PORT:-21211}#g" -e "s#@MC2_PORT@#${MC2_PORT:-21212}#g" \
      -e "s#@REDIS_PORT@#${REDIS_PORT:-26379}#g" -e "s#@PROXY_PORT@#${PROXY_PORT:-22121}#g" \
      -e "s#@STATS_PORT@#${STATS_PORT:-22222}#g" "$EXAMPLE/$1.in" > "$DIR/$1"
}
render monitrc.yml
render nutcracker.yml
render redis.conf
chmod 600 "$DIR/monitrc.yml"
if $render_only; then exit 0; fi
echo "tsmonit: HA cache in $DIR (tsmonit status -c $DIR/monitrc.yml from another terminal)"
exec node "$ROOT/bin/tsmonit.js" -c "$DIR/monitrc.yml" -l stdout
