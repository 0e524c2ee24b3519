# Shared by scripts/test.sh, scripts/demo.sh and scripts/bench.sh: installs what they need from
# Debian's packages when it is missing: Java, Maven, Prometheus (prometheus and promtool), and any
# further commands named as arguments (victoria-metrics, vmalert, curl, python3, ...).
install_prerequisites() {
  local need=()
  command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || need+=(maven)
  if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
    need+=(prometheus)
  fi
  local cmd
  for cmd in "$@"; do
    if [ "$cmd" = time ]; then
      [ -x /usr/bin/time ] || need+=(time)
    elif [ "$cmd" = vmalert ]; then
      # Debian ships vmalert in the victoria-metrics package (there is no vmalert package)
      command -v vmalert >/dev/null 2>&1 || need+=(victoria-metrics)
    else
      command -v "$cmd" >/dev/null 2>&1 || need+=("$cmd")
    fi
  done
  if [ ${#need[@]} -eq 0 ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "zonecost: missing ${need[*]}; run as root or install them: apt-get install -y ${need[*]}" >&2
    return 1
  fi
  echo "zonecost: installing ${need[*]} from Debian's packages" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}
