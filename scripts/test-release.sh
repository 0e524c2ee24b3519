#!/usr/bin/env bash
# Tests the release (issue 18), from scripts/test.sh after `mvn verify` built the jar:
#  1. scripts/release.sh makes the archive and the container image from that jar;
#  2. the archive, unpacked into an empty directory, runs on a PATH without any `java`: it
#     simulates the edge cluster, and `report` over HTTPS (an EC certificate: jdk.crypto.ec), with
#     SigV4 signing (the AWS SDK) and from a YAML config file (Jackson) matches the simulator's
#     exact answer row by row (scripts/lib/expected.sh), read from a real Prometheus on a free
#     loopback port (scripts/lib/prometheus.sh);
#  3. the OCI image: blobs match their digests, non-root user, ENTRYPOINT ["zonecost"], OCI labels;
#     then podman loads it and runs the same report from the container.
# Needs prometheus, promtool, openssl, curl, jq, podman and runc (scripts/test.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/lib/prometheus.sh
source scripts/lib/expected.sh
say() { echo "== release test: $*" >&2; }
fail() { echo "release test FAILED: $*" >&2; exit 1; }

work=$(mktemp -d /tmp/zonecost-release-test.XXXXXX)
cleanup() {
  prom_stop
  if [ -d "$work/podman" ]; then
    timeout 60 podman "${podman_opts[@]}" rmi -a -f >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
podman_opts=(--root "$work/podman/root" --runroot "$work/podman/run" --storage-driver vfs
  --runtime runc --cgroup-manager cgroupfs)
trap cleanup EXIT

version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
case $(uname -m) in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; esac
name=zonecost-$version-linux-$arch
dist=target/release

say "building the release from target/zonecost.jar"
[ -f target/zonecost.jar ] || fail "no target/zonecost.jar: run mvn package first"
timeout 600 bash scripts/release.sh --jar target/zonecost.jar --out "$dist" --image
(cd "$dist" && sha256sum --quiet -c "$name.tar.gz.sha256" "$name.oci.tar.sha256") || fail "checksums"

# --- the archive, on a machine without Java -------------------------------------------------
mkdir -p "$work/empty" "$work/home" "$work/tools"
tar -xzf "$dist/$name.tar.gz" -C "$work/empty"
rel=$work/empty/$name
[ "$(ls "$work/empty")" = "$name" ] || fail "the archive unpacks into more than $name/"
for f in bin/zonecost bin/kubectl-zonecost bin/kubectl_complete-zonecost completion/zonecost.bash LICENSE lib/zonecost.jar runtime/lib/server/classes.jsa; do
  [ -e "$rel/$f" ] || fail "$f is not in the archive"
done
# A PATH with only what the launcher calls: no java, whatever the machine has in /usr/bin.
for t in readlink mkdir mv; do ln -s "$(command -v $t)" "$work/tools/$t"; done
nojava=(env -i "PATH=$work/tools" "HOME=$work/home" AWS_EC2_METADATA_DISABLED=true)
if "${nojava[@]}" /bin/sh -c 'command -v java' >/dev/null; then fail "java is on the test PATH"; fi
zc() { "${nojava[@]}" "$rel/bin/zonecost" "$@"; }

zc --version >"$work/version.txt"
grep -qx "zonecost $version" "$work/version.txt" || fail "--version: $(cat "$work/version.txt")"
grep -q "^commit $commit, built 20[0-9-]*T" "$work/version.txt" || fail "--version: $(cat "$work/version.txt")"
[ -f "$rel/lib/zonecost.jsa" ] && [ "$(cat "$rel/lib/zonecost.jsa.home")" = "$rel" ] ||
  fail "the first run made no class-data archive"
runtime_modules=$("$rel/runtime/bin/java" --list-modules | sed 's/@.*//' | sort | paste -sd' ')
say "runtime modules: $runtime_modules"
[ "$runtime_modules" = "java.base java.logging java.management java.sql java.transaction.xa java.xml jdk.crypto.ec" ] ||
  fail "unexpected modules in the runtime: $runtime_modules"

end=$(($(date +%s) / 60 * 60))
start=$((end - 2 * 3600))
say "simulating the edge cluster with the unpacked release"
zc simulate --scenario edge --hours 2 --end "$end" --out-dir "$work/sim" 2>/dev/null
timeout 300 promtool tsdb create-blocks-from openmetrics --max-block-duration=24h -q \
  "$work/sim/cluster.om" "$work/sim/data" >/dev/null

say "starting Prometheus with TLS (an EC P-256 certificate for 127.0.0.1)"
tls=$work/tls
mkdir -p "$tls"
ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
openssl req -x509 "${ec[@]}" -keyout "$tls/ca.key" -out "$tls/ca.pem" -subj /CN=zonecost-test-ca -days 2 2>/dev/null
openssl req "${ec[@]}" -keyout "$tls/server.key" -out "$tls/server.csr" -subj /CN=127.0.0.1 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\n' >"$tls/san.ext"
openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial \
  -out "$tls/server.pem" -days 2 -extfile "$tls/san.ext" 2>/dev/null
chmod 0644 "$tls"/*
printf 'tls_server_config:\n  cert_file: %s\n  key_file: %s\n' "$tls/server.pem" "$tls/server.key" >"$work/web.yml"
PROM_CA_FILE=$tls/ca.pem prom_start "$work/sim/data" --web.config.file="$work/web.yml" ||
  fail "Prometheus did not start"
url=$PROM_URL

expect_exact() { # what file
  local verdict
  verdict=$(compare_with_expected "$2" "$work/sim/expected.json") ||
    fail "$1: not the simulator's answer: $verdict"
  say "$1: $verdict"
}
window=(--start "$start" --end "$end")

zc report --prometheus-url "$url" --ca-file "$tls/ca.pem" "${window[@]}" -o json \
  --output-file "$work/https.json" 2>"$work/https.err" || fail "report over HTTPS: $(cat "$work/https.err")"
expect_exact "report over HTTPS, no java on PATH" "$work/https.json"

"${nojava[@]}" AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY \
  "$rel/bin/zonecost" report --prometheus-url "$url" --ca-file "$tls/ca.pem" --sigv4 --aws-region us-east-1 \
  "${window[@]}" -o json >"$work/sigv4.json" 2>"$work/sigv4.err" || fail "report --sigv4: $(cat "$work/sigv4.err")"
expect_exact "report --sigv4 (requests signed by the AWS SDK)" "$work/sigv4.json"

printf 'prometheus-url: %s\nca-file: %s\n' "$url" "$tls/ca.pem" >"$work/zonecost.yaml"
ln -s "$rel/bin/kubectl-zonecost" "$work/tools/kubectl-zonecost"
"${nojava[@]}" kubectl-zonecost report --config "$work/zonecost.yaml" "${window[@]}" -o json \
  >"$work/plugin.json" 2>"$work/plugin.err" || fail "kubectl-zonecost: $(cat "$work/plugin.err")"
expect_exact "kubectl-zonecost (linked onto PATH) with a YAML config" "$work/plugin.json"

"${nojava[@]}" /bin/bash -c "source '$rel/completion/zonecost.bash' && complete -p zonecost" >/dev/null ||
  fail "the completion script does not register"

# --- the container image ----------------------------------------------------------------------
say "inspecting the OCI image"
oci=$work/oci
mkdir -p "$oci"
tar -xf "$dist/$name.oci.tar" -C "$oci"
jq -e '.imageLayoutVersion == "1.0.0"' "$oci/oci-layout" >/dev/null || fail "oci-layout"
for blob in "$oci"/blobs/sha256/*; do
  [ "$(sha256sum "$blob" | cut -d' ' -f1)" = "$(basename "$blob")" ] || fail "blob $blob does not match its digest"
done
manifest=$oci/blobs/sha256/$(jq -r '.manifests[0].digest' "$oci/index.json" | cut -d: -f2)
config=$oci/blobs/sha256/$(jq -r '.config.digest' "$manifest" | cut -d: -f2)
layer=$oci/blobs/sha256/$(jq -r '.layers[0].digest' "$manifest" | cut -d: -f2)
jq -e '.mediaType == "application/vnd.oci.image.manifest.v1+json"' "$manifest" >/dev/null || fail "manifest media type"
check_config() { jq -e "$1" "$config" >/dev/null || fail "image config: $1 is false in $(jq -c .config "$config")"; }
check_config '.config.User == "65532:65532"'
check_config '.config.Entrypoint == ["zonecost"]'
check_config '.os == "linux" and .architecture != null'
check_config ".config.Labels[\"org.opencontainers.image.version\"] == \"$version\""
check_config ".config.Labels[\"org.opencontainers.image.revision\"] == \"$commit\""
check_config '.config.Labels["org.opencontainers.image.licenses"] == "Apache-2.0"'
check_config '.config.Labels | has("org.opencontainers.image.title") and has("org.opencontainers.image.source") and has("org.opencontainers.image.created")'
[ "$(jq -r '.rootfs.diff_ids[0]' "$config")" = "sha256:$(gzip -dc "$layer" | sha256sum | cut -d' ' -f1)" ] ||
  fail "the layer's diff_id does not match"
gzip -dc "$layer" | tar -tvf - >"$work/layer.txt"
for f in ./opt/zonecost/bin/zonecost ./opt/zonecost/runtime/bin/java ./opt/zonecost/lib/zonecost.jsa ./usr/bin/sh; do
  grep -q " $f\( \|$\)" "$work/layer.txt" || fail "$f is not in the image"
done
grep -q '^d[rwx-]* 65532/65532 .* ./home/zonecost/$' "$work/layer.txt" || fail "/home/zonecost is not the user's"
if grep -v ' ./home/zonecost/$' "$work/layer.txt" | grep -vq ' 0/0 '; then fail "files not owned by root in the image"; fi

say "running the image with podman"
mkdir -p "$work/podman"
timeout 300 podman "${podman_opts[@]}" load -q -i "$dist/$name.oci.tar" >/dev/null || fail "podman load"
image=localhost/zonecost:$version
# This machine refuses raising rlimits and has hybrid cgroups: runc with cgroupfs and lower limits.
run=(timeout 120 podman "${podman_opts[@]}" run --rm --network host --ulimit nofile=1024:1024
  --ulimit nproc=1000:1000 -v "$tls/ca.pem:/tls/ca.pem:ro")
"${run[@]}" "$image" --version >"$work/image-version.txt" || fail "podman run --version"
grep -q "^commit $commit" "$work/image-version.txt" || fail "image --version: $(cat "$work/image-version.txt")"
"${run[@]}" --entrypoint /bin/sh "$image" -c '[ -w /home/zonecost ] && ! [ -w /opt/zonecost/lib ]' ||
  fail "in the image the user can write to /opt/zonecost or not to its home: not the non-root user"
"${run[@]}" "$image" report --prometheus-url "$url" --ca-file /tls/ca.pem "${window[@]}" -o json \
  >"$work/image.json" 2>"$work/image.err" || fail "report in the image: $(cat "$work/image.err")"
expect_exact "report in the container (podman)" "$work/image.json"
say "passed"
