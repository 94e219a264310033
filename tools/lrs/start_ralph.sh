#!/usr/bin/env bash
# Start a local, real xAPI LRS (Ralph, PyPI "ralph-malph" 5.1.0) for tests and
# for trying Touchpoint by hand. See tools/lrs/README.md.
#
#   bash tools/lrs/start_ralph.sh [PORT]          start on 127.0.0.1:PORT (default 8100)
#   bash tools/lrs/start_ralph.sh stop [PORT]     stop the instance started for PORT
#   bash tools/lrs/start_ralph.sh install         only create/update Ralph's venv (quiet,
#                                                 instant when it is already up to date)
#
# `start` prints (stdout, machine-readable; human messages go to stderr):
#   LRS_ENDPOINT=http://127.0.0.1:PORT/xAPI/
#   LRS_USERNAME=lrs
#   LRS_PASSWORD=lrs-secret
#   LRS_PID=<pid>
#
# Environment knobs (all optional):
#   LRS_VENV       virtualenv used for Ralph            default <repo>/.venv-lrs
#   LRS_HOME       per-port run dirs, install log       default ${TMPDIR:-/tmp}/touchpoint-lrs
#   LRS_PYTHON     interpreter used to create the venv  default python3
#   LRS_USER / LRS_PASSWORD                             default lrs / lrs-secret
#   LRS_FRESH=1    wipe this port's stored statements before starting
#   LRS_STOCK=1    apply none of the runtime patches below (stock Ralph 5.1.0:
#                  with the fs backend only the FIRST write succeeds)
#   LRS_KEEP_HISTORY=1  keep Ralph's history.json bookkeeping (slow, grows on
#                  every request; off by default)
#
# Only published packages are installed; nothing is copied from Ralph.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

RALPH_SPEC='ralph-malph[lrs,cli]==5.1.0'
# ralph-malph 5.1.0's [lrs] extra forgets "requests", which ralph.api.auth.oidc
# imports unconditionally -> every `ralph` command dies with ModuleNotFoundError.
EXTRA_PKGS='requests>=2.31'

LRS_HOME="${LRS_HOME:-${TMPDIR:-/tmp}/touchpoint-lrs}"
LRS_VENV="${LRS_VENV:-$REPO/.venv-lrs}"
LRS_PYTHON="${LRS_PYTHON:-python3}"
LRS_USER="${LRS_USER:-lrs}"
LRS_PASSWORD="${LRS_PASSWORD:-lrs-secret}"
HOST=127.0.0.1
# Written into the venv after a successful install; a different content means
# the pinned packages changed and the venv is updated.
STAMP="$LRS_VENV/.touchpoint-ralph"
WANTED="$RALPH_SPEC $EXTRA_PKGS"

usage() { echo "usage: $0 [PORT] | stop [PORT] | install" >&2; exit 2; }

# Create or update Ralph's venv. Silent when nothing has to be done; one line
# on stderr when it installs; the pip log tail on failure (exit 1).
install_venv() {
  mkdir -p "$LRS_HOME"
  if [[ -x "$LRS_VENV/bin/ralph" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANTED" ]]; then
    return 0
  fi
  # Serialize concurrent installs (two test sessions starting at once).
  exec 9>"$LRS_HOME/install.lock"
  command -v flock >/dev/null && flock 9
  if [[ -x "$LRS_VENV/bin/ralph" && -f "$STAMP" && "$(cat "$STAMP")" == "$WANTED" ]]; then
    exec 9>&-; return 0
  fi
  echo "installing $RALPH_SPEC into $LRS_VENV ..." >&2
  local log="$LRS_HOME/pip-install.log"
  # Recreate a venv whose interpreter no longer runs (moved/upgraded Python).
  if [[ -e "$LRS_VENV" ]] && ! "$LRS_VENV/bin/python" -c '' 2>/dev/null; then
    rm -rf "$LRS_VENV"
  fi
  if ! { { [[ -x "$LRS_VENV/bin/python" ]] || "$LRS_PYTHON" -m venv "$LRS_VENV"; } &&
         "$LRS_VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
           --upgrade pip &&
         "$LRS_VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
           "$RALPH_SPEC" "$EXTRA_PKGS"; } >"$log" 2>&1; then
    echo "error: installing Ralph failed, see $log" >&2
    tail -20 "$log" >&2
    rm -rf "$LRS_VENV"; exit 1
  fi
  echo "$WANTED" >"$STAMP"
  exec 9>&-
}

cmd=start
case "${1:-}" in
  stop) cmd=stop; shift ;;
  install) [[ $# -eq 1 ]] || usage; install_venv; exit 0 ;;
esac
PORT="${1:-8100}"
[[ "$PORT" =~ ^[0-9]+$ ]] || usage

RUN_DIR="$LRS_HOME/run-$PORT"          # per-port: auth file, data, log, pid
PID_FILE="$RUN_DIR/ralph.pid"

print_config() {
  echo "LRS_ENDPOINT=http://$HOST:$PORT/xAPI/"
  echo "LRS_USERNAME=$LRS_USER"
  echo "LRS_PASSWORD=$LRS_PASSWORD"
  echo "LRS_PID=$1"
}

if [[ "$cmd" == stop ]]; then
  if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    kill "$(cat "$PID_FILE")"
    for _ in $(seq 50); do kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break; sleep 0.1; done
    echo "stopped Ralph pid $(cat "$PID_FILE") (port $PORT)"
  else
    echo "no running Ralph recorded for port $PORT"
  fi
  rm -f "$PID_FILE"
  exit 0
fi

# Already running for this port? Report it and exit 0 (idempotent).
if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
  echo "Ralph already running on port $PORT" >&2
  print_config "$(cat "$PID_FILE")"
  exit 0
fi

# Refuse to start if something else already listens on the port.
if "$LRS_PYTHON" - "$HOST" "$PORT" <<'PY'
import socket, sys
s = socket.socket()
s.settimeout(0.5)
sys.exit(0 if s.connect_ex((sys.argv[1], int(sys.argv[2]))) == 0 else 1)
PY
then
  echo "error: $HOST:$PORT is already in use" >&2; exit 1
fi

# 1. venv with Ralph (created once, reused afterwards).
install_venv

# 2. Ralph configuration (environment only; Ralph reads RALPH_* variables).
mkdir -p "$RUN_DIR/data" "$RUN_DIR/app"
if [[ "${LRS_FRESH:-0}" == 1 ]]; then rm -f "$RUN_DIR"/data/*; fi
export RALPH_APP_DIR="$RUN_DIR/app"
export RALPH_AUTH_FILE="$RUN_DIR/app/auth.json"
export RALPH_HISTORY_FILE="$RUN_DIR/app/history.json"
export RALPH_RUNSERVER_BACKEND=fs          # also needed by `ralph auth` (it imports ralph.api)
export RALPH_RUNSERVER_AUTH_BACKENDS=basic
export RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH="$RUN_DIR/data"
export RALPH_BACKENDS__LRS__FS__DEFAULT_LRS_FILE=fs_lrs.jsonl

# 3. Credentials: regenerate the auth file on every start (bcrypt hash). `ralph
#    auth` needs exactly one agent IFI (it becomes the stored `authority`) and
#    rejects special-use domains such as .localhost, hence example.org.
rm -f "$RALPH_AUTH_FILE"
"$LRS_VENV/bin/ralph" auth --write-to-disk \
  --username "$LRS_USER" --password "$LRS_PASSWORD" --scope all \
  --agent-ifi-mbox "mailto:${LRS_USER}@example.org" --agent-name "Local test LRS" \
  >"$RUN_DIR/auth.log" 2>&1 || { cat "$RUN_DIR/auth.log" >&2; exit 1; }

# 4. Start uvicorn in-process (no reloader, one worker) in the background.
#    `ralph runserver` would also work, but it forces uvicorn --reload (an extra
#    watcher process, harder to stop) and gives no place for the patches below.
LOG="$RUN_DIR/ralph.log"
cd "$RUN_DIR"
LRS_BIND_HOST="$HOST" LRS_BIND_PORT="$PORT" \
nohup "$LRS_VENV/bin/python" - >"$LOG" 2>&1 <<'PY' &
import os

import uvicorn

if os.environ.get("LRS_STOCK") != "1":
    # Runtime patches for Ralph 5.1.0's fs backend (README quirks Q2, Q6, Q3).
    #
    # Q2: the fs LRS backend writes with operation_type CREATE, so the 2nd
    # POST/PUT of any kind fails with 500 "Statements bulk indexation failed"
    # (the jsonl file "already exists and overwrite is not allowed"). Append.
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend

    FSLRSBackend.default_operation_type = BaseOperationType.APPEND

    # Q6: GET ?verb= / ?activity= never match with the fs backend: the router
    # passes an IRI RootModel, the filter compares it to a plain str. Unwrap.
    _verb, _act = FSLRSBackend._add_filter_by_verb, FSLRSBackend._add_filter_by_activity
    FSLRSBackend._add_filter_by_verb = staticmethod(
        lambda filters, verb_id: _verb(filters, getattr(verb_id, "root", verb_id)))
    FSLRSBackend._add_filter_by_activity = staticmethod(
        lambda filters, object_id, related: _act(
            filters, getattr(object_id, "root", object_id), related))

    if os.environ.get("LRS_KEEP_HISTORY") != "1":
        # Every read/write rewrites the whole history.json: O(n) per request
        # and useless for tests. Make the bookkeeping a no-op.
        FSLRSBackend.append_to_history = lambda self, event: None

    # Q3: values rejected by custom validators (mbox without "mailto:", a
    # non-URL account.homePage, ...) crash the 422 error serializer (the
    # pydantic ctx holds a ValueError) -> 500 + a dropped keep-alive
    # connection. Stringify ctx so they come back as 422 like other errors.
    import ralph.api.partial_success as _ps

    _ved = _ps._validation_error_detail

    def _safe_ved(exc, index):
        detail = _ved(exc, index)
        for err in detail:
            if isinstance(err.get("ctx"), dict):
                err["ctx"] = {k: str(v) for k, v in err["ctx"].items()}
        return detail

    _ps._validation_error_detail = _safe_ved

uvicorn.run(
    "ralph.api:app",
    host=os.environ["LRS_BIND_HOST"],
    port=int(os.environ["LRS_BIND_PORT"]),
    workers=1,
    log_level="warning",
)
PY
PID=$!
echo "$PID" >"$PID_FILE"

# 5. Wait until it answers an authenticated request.
for _ in $(seq 100); do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "error: Ralph exited during start-up; log:" >&2; cat "$LOG" >&2; rm -f "$PID_FILE"; exit 1
  fi
  if "$LRS_VENV/bin/python" - "$HOST" "$PORT" "$LRS_USER" "$LRS_PASSWORD" <<'PY' 2>/dev/null
import sys, httpx
h, p, u, pw = sys.argv[1:]
r = httpx.get(f"http://{h}:{p}/whoami", auth=(u, pw), timeout=1)
sys.exit(0 if r.status_code == 200 else 1)
PY
  then
    echo "Ralph LRS up on http://$HOST:$PORT (data: $RUN_DIR/data, log: $LOG)" >&2
    print_config "$PID"
    exit 0
  fi
  sleep 0.2
done
echo "error: Ralph did not answer within 20 s; log:" >&2; cat "$LOG" >&2
kill "$PID" 2>/dev/null || true; rm -f "$PID_FILE"; exit 1
