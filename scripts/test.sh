#!/usr/bin/env bash
# Runs every test: unit tests, then the integration tests against a real Prometheus, then the
# release test (scripts/test-release.sh: the archive without Java, the container image).
# On a fresh Debian machine it first installs what they need (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/install.sh
install_prerequisites victoria-metrics vmalert curl openssl jq podman runc chromium
mvn -B -ntp verify -Dzonecost.commit="$(git rev-parse HEAD 2>/dev/null || echo unknown)" "$@"
bash scripts/test-release.sh
