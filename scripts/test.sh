#!/usr/bin/env bash
# Runs every test: unit tests, then the integration tests against a real Prometheus.
# On a fresh Debian machine it first installs what they need (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/install.sh
install_prerequisites victoria-metrics
mvn -B -ntp verify "$@"
