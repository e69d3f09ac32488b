#!/usr/bin/env bash
# Builds the local test images (no registry is needed): a busybox image and a pause-like infra image.
# Usage: bash e2e/images/build.sh   (needs a running Docker Engine, busybox-static and a C compiler)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
docker_cli="${DOCKER_CLI:-docker}"
busybox_image="${PODWRIGHT_TEST_IMAGE:-podwright-test/busybox:1}"
infra_image="${PODWRIGHT_INFRA_IMAGE:-podwright-test/pause:1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

busybox_bin="$(command -v busybox || true)"
[ -n "$busybox_bin" ] || { echo "busybox not found: apt-get install busybox-static" >&2; exit 1; }
# A dynamically linked busybox would need its libraries inside the image; insist on the static one.
ldd_out="$(ldd "$busybox_bin" 2>&1 || true)"  # ldd exits 1 for a static binary
if ! grep -qE "not a dynamic|statically linked" <<<"$ldd_out"; then
  echo "$busybox_bin is not statically linked: apt-get install busybox-static" >&2; exit 1
fi

# busybox root filesystem: one binary and its applet links, plus the files containers expect.
rootfs="$work/busybox"
mkdir -p "$rootfs"/{bin,etc,tmp,www,root,proc,sys,dev,var/log}
cp "$busybox_bin" "$rootfs/bin/busybox"
for applet in $("$rootfs/bin/busybox" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
done
echo 'root:x:0:0:root:/root:/bin/sh' > "$rootfs/etc/passwd"
echo 'nobody:x:65534:65534:nobody:/:/bin/false' >> "$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$rootfs/etc/group"
echo ok > "$rootfs/www/index.html"
chmod 1777 "$rootfs/tmp"
tar -C "$rootfs" -c . | "$docker_cli" import --change 'ENV PATH=/bin' --change 'CMD ["/bin/sh"]' - "$busybox_image" >/dev/null
echo "built $busybox_image"

# infra image: a static pause binary.
infra="$work/pause"
mkdir -p "$infra"
cc -static -Os -s -o "$infra/pause" "$here/pause.c"
tar -C "$infra" -c pause | "$docker_cli" import --change 'ENTRYPOINT ["/pause"]' - "$infra_image" >/dev/null
echo "built $infra_image"

# Stand-ins under the real names the examples use (busybox:1.36), so journeys can run an example unchanged with no
# registry. Only when asked (CI sets it): on a laptop the real image is pulled on first run instead.
if [ "${PODWRIGHT_STANDIN_TAGS:-}" = 1 ]; then
  "$docker_cli" tag "$busybox_image" busybox:1.36
  echo "tagged $busybox_image as busybox:1.36 (stand-in)"
fi
