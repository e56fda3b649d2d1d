#!/bin/bash
# A keepalived vrrp_script-style health check: exit 0 when a value set through the proxy reads back.
#   check-cache.sh PROXY_PORT
port="${1:?usage: check-cache.sh PROXY_PORT}"
key="tsmonit-health-$$"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || { echo "proxy on port ${port} refuses connections"; exit 2; }
printf 'set %s 0 30 2\r\nok\r\nget %s\r\n' "$key" "$key" >&3
reply="$(timeout 2 head -n 4 <&3 | tr -d '\r')"
exec 3>&-
if [ "$(printf '%s\n' "$reply" | sed -n 1p)" = "STORED" ] && printf '%s\n' "$reply" | grep -qx 'ok'; then
  echo "cache ok through the proxy"
  exit 0
fi
echo "cache check failed: $(printf '%s' "$reply" | head -n 1)"
exit 1
