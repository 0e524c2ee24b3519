#!/usr/bin/env bash
# Fills in packaging/krew/zonecost.yaml from the release's .sha256 files:
#   packaging/krew/render.sh VERSION DOWNLOAD_URL_BASE HOMEPAGE DIST_DIR > zonecost.krew.yaml
# DIST_DIR holds zonecost-VERSION-linux-{x64,arm64}.tar.gz.sha256.
set -euo pipefail
version=$1 download=$2 homepage=$3 dist=$4
sum() { cut -d' ' -f1 "$dist/zonecost-$version-linux-$1.tar.gz.sha256"; }
sed -e "s|@VERSION@|$version|g" -e "s|@DOWNLOAD@|$download|g" -e "s|@HOMEPAGE@|$homepage|g" \
  -e "s|@SHA256_X64@|$(sum x64)|g" -e "s|@SHA256_ARM64@|$(sum arm64)|g" \
  "$(dirname "$0")/zonecost.yaml"
