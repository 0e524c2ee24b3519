#!/usr/bin/env bash
# Release build: the shaded jar, a self-contained Java runtime made with jlink (only the JDK modules
# zonecost uses, with a class-data-sharing archive), packed as
#   zonecost-<version>-linux-<arch>.tar.gz  + .sha256
# with bin/zonecost, bin/kubectl-zonecost, the bash/zsh completion script and LICENSE; with --image
# also a container image, built without a Docker daemon, as an OCI layout tar:
#   zonecost-<version>-linux-<arch>.oci.tar + .sha256
# It builds for the machine it runs on (x64 or arm64): jlink needs the JDK of the target platform.
#
#   scripts/release.sh [--jar target/zonecost.jar] [--out target/release] [--image]
#
# --jar reuses a jar built earlier (scripts/test.sh does); without it the jar is built here, with
# the commit in `zonecost --version`. The release's version is the pom's.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

jar=
out=target/release
image=false
while [ $# -gt 0 ]; do
  case $1 in
    --jar) jar=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --image) image=true; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "release.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

log() { echo "== $*" >&2; }

# The project's own version: the first <version> in pom.xml, the one right after its artifactId.
version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
# Reproducible archives: every file gets the commit's time.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
case $(uname -m) in
  x86_64|amd64) arch=x64 ;;
  aarch64|arm64) arch=arm64 ;;
  *) echo "release.sh: no release for $(uname -m)" >&2; exit 1 ;;
esac
name=zonecost-$version-linux-$arch

if [ -z "$jar" ]; then
  log "building the jar (commit $commit)"
  mvn -B -ntp -q package -DskipTests -Dzonecost.commit="$commit" >&2
  jar=target/zonecost.jar
fi
[ -f "$jar" ] || { echo "release.sh: no jar at $jar" >&2; exit 1; }

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")}
[ -d "$java_home/jmods" ] || { echo "release.sh: $java_home has no jmods/ (jlink needs a full JDK)" >&2; exit 1; }

mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$out/$name
rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/lib" "$stage/completion"

# jdeps finds the modules the classes name. Two corrections, both because jdeps cannot know:
# - java.desktop goes: only Jackson refers to it (java.beans), as an optional module
#   (`requires static`), and on Debian's JDK it would pull in X11, ALSA and font libraries;
# - jdk.crypto.ec comes in: TLS finds the elliptic-curve provider by name at run time, and without
#   it most HTTPS servers (ECDHE key exchange, EC certificates) cannot be reached.
log "finding the modules with jdeps"
found=$("$java_home/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")
modules=$(tr ',' '\n' <<<"$found" | grep -vx java.desktop | { cat; echo jdk.crypto.ec; } | sort -u | paste -sd, -)
log "jlink: $modules (jdeps said $found)"
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive \
  --output "$stage/runtime" >/dev/null

install -m 0755 packaging/bin/zonecost "$stage/bin/zonecost"
# kubectl runs any kubectl-<name> on PATH as `kubectl <name>`: the same launcher.
install -m 0755 packaging/bin/zonecost "$stage/bin/kubectl-zonecost"
# kubectl 1.26+ completes `kubectl zonecost ...` by running kubectl_complete-zonecost from PATH.
install -m 0755 packaging/bin/zonecost "$stage/bin/kubectl_complete-zonecost"
install -m 0644 "$jar" "$stage/lib/zonecost.jar"
printf '%s\n' "$version" >"$stage/lib/VERSION"
install -m 0644 LICENSE "$stage/LICENSE"
install -m 0644 packaging/README.txt "$stage/README.txt"
"$stage/runtime/bin/java" -jar "$stage/lib/zonecost.jar" completion >"$stage/completion/zonecost.bash"
"$stage/bin/zonecost" --version >&2
# That first run made a class-data archive for this directory only; users make their own.
rm -f "$stage"/lib/zonecost.jsa*

tarball() { # dir archive
  tar -C "$(dirname "$1")" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
    -cf - "$(basename "$1")" | gzip -n -9 >"$2"
}
log "packing $name.tar.gz"
tarball "$stage" "$out/$name.tar.gz"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")

if $image; then
  log "building the container image"
  bash packaging/oci/build-image.sh "$stage" "$out/$name.oci.tar" "$version" "$commit" "$epoch"
  (cd "$out" && sha256sum "$name.oci.tar" >"$name.oci.tar.sha256")
fi

for f in "$out/$name".*; do
  case $f in *.sha256) ;; *) log "$(du -h "$f" | cut -f1) $f" ;; esac
done
