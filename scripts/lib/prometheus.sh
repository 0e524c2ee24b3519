# shellcheck shell=bash
# A Prometheus on a free loopback port for the scripts (demo, release test, benchmarks), with
# bounded waits, and stopped for sure. Source it, then:
#
#   prom_start DATA_DIR [PROMETHEUS_FLAG...]   starts `prometheus` on DATA_DIR (its TSDB), waits for
#                                              /-/ready, and sets PROM_URL, PROM_PID, PROM_PORT and
#                                              PROM_LOG (exported); returns 1 with a line naming the
#                                              log when it cannot
#   prom_stop                                  stops it: SIGTERM, then SIGKILL after PROM_STOP_SECONDS;
#                                              does nothing when none runs (call it from a trap)
#
# prometheus.yml and prometheus.log are written beside DATA_DIR. Settings, read by prom_start:
#   PROM_READY_SECONDS [120]  how long to wait for /-/ready (a large TSDB replays its WAL first)
#   PROM_STOP_SECONDS [20]    how long prom_stop waits before SIGKILL
#   PROM_CA_FILE []           with --web.config.file serving TLS: the CA that signed its
#                             certificate; PROM_URL is then https://
#   PROM_QUERY_LOG []         a file for Prometheus' query log (every query with its parameters)
#   PROM_FIXED_PORT []        this loopback port, not a random one (fails when something answers
#                             on it)
# Needs curl. The port is drawn at random from 19090..19989 (runs side by side rarely meet), taken
# only if nothing answers on it, and another is tried if Prometheus still finds it in use.

PROM_URL=
PROM_PID=
PROM_PORT=
PROM_LOG=

_prom_say() { echo "prometheus.sh: $*" >&2; }

# _prom_free_port: a loopback port in 19090..19989 nothing listens on, after at most 100 tries.
_prom_free_port() {
  local port tries base=$RANDOM
  for ((tries = 0; tries < 100; tries++)); do
    port=$((19090 + (base + tries) % 900))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  _prom_say "no free loopback port in 19090..19989 after 100 tries"
  return 1
}

_prom_ready() {
  local ca_opts=()
  [ -z "${PROM_CA_FILE:-}" ] || ca_opts=(--cacert "$PROM_CA_FILE")
  curl -fsS -o /dev/null --max-time 5 "${ca_opts[@]}" "$PROM_URL/-/ready" 2>/dev/null
}

prom_start() {
  local data=$1
  shift
  if [ -n "$PROM_PID" ]; then
    _prom_say "a Prometheus already runs (pid $PROM_PID, $PROM_URL): prom_stop it first"
    return 1
  fi
  command -v prometheus >/dev/null || { _prom_say "no prometheus on PATH"; return 1; }
  command -v curl >/dev/null || { _prom_say "no curl on PATH"; return 1; }
  local dir ready_s=${PROM_READY_SECONDS:-120} scheme=http i tries
  dir=$(dirname "$data")
  mkdir -p "$data"
  [ -z "${PROM_CA_FILE:-}" ] || scheme=https
  {
    printf 'global:\n  scrape_interval: 1m\n'
    [ -z "${PROM_QUERY_LOG:-}" ] || printf '  query_log_file: %s\n' "$PROM_QUERY_LOG"
  } >"$dir/prometheus.yml"
  PROM_LOG=$dir/prometheus.log
  tries=$((ready_s * 5)) # every 0.2 s
  for _ in 1 2 3; do # another port when the chosen one was taken meanwhile
    if [ -n "${PROM_FIXED_PORT:-}" ]; then
      if (exec 3<>"/dev/tcp/127.0.0.1/$PROM_FIXED_PORT") 2>/dev/null; then
        _prom_say "something already listens on 127.0.0.1:$PROM_FIXED_PORT: choose another --port"
        return 1
      fi
      PROM_PORT=$PROM_FIXED_PORT
    else
      PROM_PORT=$(_prom_free_port) || return 1
    fi
    PROM_URL=$scheme://127.0.0.1:$PROM_PORT
    prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$data" \
      --storage.tsdb.retention.time=100y --web.listen-address="127.0.0.1:$PROM_PORT" \
      "$@" >"$PROM_LOG" 2>&1 &
    PROM_PID=$!
    for ((i = 0; i < tries; i++)); do
      if ! kill -0 "$PROM_PID" 2>/dev/null; then
        wait "$PROM_PID" 2>/dev/null || true
        PROM_PID=
        break
      fi
      # ready, and still ours (not another server that took the port meanwhile)
      if _prom_ready && kill -0 "$PROM_PID" 2>/dev/null; then
        export PROM_URL PROM_PID PROM_PORT PROM_LOG
        _prom_say "Prometheus on $PROM_URL (pid $PROM_PID, data $data, log $PROM_LOG)"
        return 0
      fi
      sleep 0.2
    done
    if [ -n "$PROM_PID" ]; then
      prom_stop
      _prom_say "Prometheus on $PROM_URL not ready after $ready_s s; its log, $PROM_LOG, ends:"
      tail -5 "$PROM_LOG" >&2
      return 1
    fi
    if [ -z "${PROM_FIXED_PORT:-}" ] && grep -q 'address already in use' "$PROM_LOG"; then
      _prom_say "port $PROM_PORT was taken meanwhile; trying another"
      continue
    fi
    break
  done
  _prom_say "Prometheus exited before it was ready; its log, $PROM_LOG, ends:"
  tail -5 "$PROM_LOG" >&2
  PROM_URL=''
  PROM_PORT=''
  return 1
}

prom_stop() {
  [ -n "${PROM_PID:-}" ] || return 0
  local pid=$PROM_PID i
  PROM_PID=
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < ${PROM_STOP_SECONDS:-20} * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    _prom_say "Prometheus (pid $pid) ignored SIGTERM for ${PROM_STOP_SECONDS:-20} s: killing it"
    kill -9 "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  return 0
}
