# Docker engine tests need a real daemon and locally built images (no registry is reachable).
# Sourced by .ci/run as root; idempotent.
if ! command -v dockerd >/dev/null || ! command -v busybox >/dev/null \
  || ! file -L "$(command -v busybox)" 2>/dev/null | grep -q 'statically linked'; then
  apt-get update -qq
  apt-get install -y -qq docker.io busybox-static file
fi
if ! docker info >/dev/null 2>&1; then
  # No bridge and no iptables: these machines allow neither; tests use host networking or none.
  nohup dockerd --iptables=false --bridge=none --storage-driver=vfs >/tmp/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || { echo "[ci] dockerd did not start; see /tmp/dockerd.log" >&2; tail -20 /tmp/dockerd.log >&2; }
fi
bash plugins/engine-docker/src/test/images/build.sh || echo "[ci] building the Docker test image failed; the docker tests will say why" >&2
