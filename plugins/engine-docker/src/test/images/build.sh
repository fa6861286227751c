#!/usr/bin/env bash
# Builds the images the Docker engine tests use, without any registry: a busybox-static rootfs,
# imported with `docker import`. Idempotent: an image that exists is left alone.
#   bacalhau-test/busybox:1  what the tests run (the tag is ours, so nothing else overwrites it)
#   busybox:latest           only if absent, so `bacalhau docker run busybox -- echo hello` works offline
set -euo pipefail

IMAGE="${BACALHAU_TEST_IMAGE:-bacalhau-test/busybox:1}"

busybox_bin() {
  for candidate in /bin/busybox /usr/bin/busybox; do
    if [ -x "$candidate" ] && file -L "$candidate" 2>/dev/null | grep -q 'statically linked'; then
      echo "$candidate"; return 0
    fi
  done
  echo "build.sh: a statically linked busybox is needed (apt-get install busybox-static)" >&2
  return 1
}

build() {
  local bin root
  bin="$(busybox_bin)"
  root="$(mktemp -d)"
  trap 'rm -rf "$root"' RETURN
  mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/root"
  chmod 1777 "$root/tmp"
  cp "$bin" "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
  echo 'root:x:0:' > "$root/etc/group"
  tar -C "$root" -c . | docker import \
    -c 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' -c 'CMD ["sh"]' - "$IMAGE" >/dev/null
}

if ! docker image inspect "$IMAGE" >/dev/null 2>&1; then
  build
  echo "build.sh: built $IMAGE" >&2
fi
if ! docker image inspect busybox:latest >/dev/null 2>&1; then
  docker tag "$IMAGE" busybox:latest
fi
