#!/usr/bin/env bash
# Builds zonecost's container image without a Docker daemon or a base image from a registry: the
# root file system is the unpacked release (its jlink runtime) under /opt/zonecost, the shared
# libraries that runtime links to (found with ldd), dash as /bin/sh for the launcher, and a
# non-root user. The OCI image layout (image-spec v1.0) is written here with tar and sha256sum and
# packed as one tar, which `podman load`, `skopeo copy oci-archive:...` and `docker load` (25+) read.
#
#   packaging/oci/build-image.sh RELEASE_DIR OUT.oci.tar VERSION COMMIT SOURCE_DATE_EPOCH
#
# As root it also makes the class-data archive of zonecost's classes at /opt/zonecost (in a
# chroot), so the image starts as fast as an installed release; otherwise the image works without.
set -euo pipefail
release=$1 out=$2 version=$3 commit=$4 epoch=$5
uid=65532
created=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
case $(uname -m) in
  x86_64) arch=amd64 ;;
  aarch64) arch=arm64 ;;
  *) echo "build-image.sh: no image for $(uname -m)" >&2; exit 1 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/zonecost-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
mkdir -p "$rootfs/opt" "$rootfs/usr/bin" "$rootfs/usr/lib" "$rootfs/etc" "$rootfs/tmp" \
  "$rootfs/home/zonecost" "$rootfs/proc" "$rootfs/dev"
chmod 1777 "$rootfs/tmp"
# Merged /usr, as on Debian: the paths ldd prints under /lib and /lib64 are found under /usr.
ln -s usr/bin "$rootfs/bin"
ln -s usr/lib "$rootfs/lib"
ln -s usr/lib64 "$rootfs/lib64"
cp -a "$release" "$rootfs/opt/zonecost"
rm -f "$rootfs"/opt/zonecost/lib/zonecost.jsa*

sh_bin=$(readlink -f "$(command -v dash)")
cp "$sh_bin" "$rootfs/usr/bin/dash"
ln -s dash "$rootfs/usr/bin/sh"

# Every shared library the runtime's programs and libraries (and dash) load, copied to the same
# path under /usr.
{
  echo "$sh_bin"
  find "$rootfs/opt/zonecost/runtime" -type f \( -name '*.so' -o -path '*/bin/*' \)
} | while read -r f; do
  ldd "$f" 2>/dev/null | grep -o '/[^ ]*' || true
done | sort -u | while read -r lib; do
  case $lib in "$rootfs"/*) continue ;; esac
  dest=$rootfs/usr${lib#/usr}
  mkdir -p "$(dirname "$dest")"
  cp -L "$lib" "$dest"
done

printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nzonecost:x:%s:%s:zonecost:/home/zonecost:/usr/sbin/nologin\n' \
  "$uid" "$uid" >"$rootfs/etc/passwd"
printf 'root:x:0:\nzonecost:x:%s:\n' "$uid" >"$rootfs/etc/group"

if [ "$(id -u)" -eq 0 ]; then
  # The archive is tied to the jar's absolute path, so it is made where the image has it: in a
  # chroot, with its own /proc (the loader finds the runtime's libraries through /proc/self/exe).
  if unshare --mount --pid --fork --mount-proc="$rootfs/proc" \
    chroot "$rootfs" /opt/zonecost/runtime/bin/java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -XX:ArchiveClassesAtExit=/opt/zonecost/lib/zonecost.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar /opt/zonecost/lib/zonecost.jar query --since 24h >/dev/null 2>"$work/cds.log"; then
    echo /opt/zonecost >"$rootfs/opt/zonecost/lib/zonecost.jsa.home"
  else
    echo "build-image.sh: no class-data archive in the image: $(cat "$work/cds.log")" >&2
    rm -f "$rootfs"/opt/zonecost/lib/zonecost.jsa*
  fi
fi

layout=$work/layout
mkdir -p "$layout/blobs/sha256"
# One layer, owned by root except the user's home; same input, same bytes.
tar_opts=(--sort=name --numeric-owner --mtime="@$epoch" --format=posix
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
tar -C "$rootfs" "${tar_opts[@]}" --owner=0 --group=0 --exclude=./home/zonecost -cf "$work/layer.tar" .
tar -C "$rootfs" "${tar_opts[@]}" --owner="$uid" --group="$uid" --no-recursion -rf "$work/layer.tar" ./home/zonecost
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
gzip -n -6 <"$work/layer.tar" >"$work/layer.tar.gz"

blob() { # file -> prints "digest size", moves the file into blobs/
  local d s
  d=$(sha256sum "$1" | cut -d' ' -f1)
  s=$(stat -c %s "$1")
  mv "$1" "$layout/blobs/sha256/$d"
  echo "$d $s"
}
read -r layer_digest layer_size < <(blob "$work/layer.tar.gz")

labels=$(printf '"%s":"%s",' \
  org.opencontainers.image.title zonecost \
  org.opencontainers.image.description "Same-zone, cross-zone and unknown-zone bytes and cost from Retina and kube-state-metrics in Prometheus" \
  org.opencontainers.image.version "$version" \
  org.opencontainers.image.revision "$commit" \
  org.opencontainers.image.created "$created" \
  org.opencontainers.image.licenses Apache-2.0 \
  org.opencontainers.image.source "${ZONECOST_SOURCE_URL:-$(git -C "$(dirname "$0")" remote get-url origin 2>/dev/null || echo unknown)}")
labels={${labels%,}}
cat >"$work/config.json" <<JSON
{"created":"$created","architecture":"$arch","os":"linux","config":{"User":"$uid:$uid","Env":["PATH=/opt/zonecost/bin:/usr/bin:/bin","HOME=/home/zonecost","LANG=C.UTF-8"],"Entrypoint":["zonecost"],"Cmd":["--help"],"WorkingDir":"/home/zonecost","Labels":$labels},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},"history":[{"created":"$created","created_by":"packaging/oci/build-image.sh (jlink runtime, its shared libraries, dash)"}]}
JSON
read -r config_digest config_size < <(blob "$work/config.json")

cat >"$work/manifest.json" <<JSON
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:$config_digest","size":$config_size},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:$layer_digest","size":$layer_size}],"annotations":$labels}
JSON
read -r manifest_digest manifest_size < <(blob "$work/manifest.json")

printf '{"imageLayoutVersion":"1.0.0"}\n' >"$layout/oci-layout"
cat >"$layout/index.json" <<JSON
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:$manifest_digest","size":$manifest_size,"platform":{"architecture":"$arch","os":"linux"},"annotations":{"org.opencontainers.image.ref.name":"$version","io.containerd.image.name":"zonecost:$version"}}]}
JSON
tar -C "$layout" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -cf "$out" .
echo "== image zonecost:$version ($arch): $(du -h "$out" | cut -f1) packed, $(du -sh --apparent-size "$rootfs" | cut -f1) unpacked" >&2
