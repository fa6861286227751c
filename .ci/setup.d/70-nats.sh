# transport-nats tests start a real broker: Debian's nats-server (in /usr/sbin), on 127.0.0.1.
if ! command -v nats-server >/dev/null && [ ! -x /usr/sbin/nats-server ]; then
  apt-get update -qq && apt-get install -y -qq nats-server
fi
