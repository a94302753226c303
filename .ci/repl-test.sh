#!/usr/bin/env bash
# Drives the built REPL in a real terminal (tmux): a query and its table, tab completion, a
# multi-line statement, Ctrl-C on a long query, and history across a restart.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$PWD/.build/debug/paperql"
work=$(mktemp -d)
session="paperql-ci-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
export PAPERQL_HISTORY="$work/history"

fail() { echo "repl-test: FAIL: $1"; echo "--- screen ---"; tmux capture-pane -t "$session" -p || true; exit 1; }

# Wait until the screen shows $1 (up to 20 s).
wait_for() {
    for _ in $(seq 1 200); do
        if tmux capture-pane -t "$session" -p | grep -qF -- "$1"; then return 0; fi
        sleep 0.1
    done
    fail "expected to see: $1"
}

start() {
    tmux new-session -d -s "$session" -x 150 -y 50 "$bin $*"
    wait_for "paperql>"
}

# A corpus where one regex takes long enough to interrupt.
python3 - "$work/slow.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(60000):
        f.write(json.dumps({"id": f"s{i}", "title": f"Slow paper {i}", "abstract": "x" * 16}) + "\n")
PY

start
tmux send-keys -t "$session" 'papers where topic = "moe" and params > 100B select id, params limit 3' Enter
wait_for "(3 of "
wait_for "│"
echo "repl-test: query table ok"

tmux send-keys -t "$session" 'papers where pa' Tab
wait_for "papers where params"
tmux send-keys -t "$session" C-u
echo "repl-test: completion ok"

tmux send-keys -t "$session" 'count papers where' Enter
wait_for "...>"
tmux send-keys -t "$session" '  has code and (' Enter
tmux send-keys -t "$session" '  topic = "llm")' Enter
wait_for " count"
echo "repl-test: multi-line ok"

tmux send-keys -t "$session" '.quit' Enter
sleep 0.5
start --corpus "$work/slow.jsonl"
tmux send-keys -t "$session" 'count papers where abstract matches /(x+x+)+y/' Enter
sleep 1.5
tmux send-keys -t "$session" C-c
wait_for "cancelled"
tmux send-keys -t "$session" 'count papers' Enter
wait_for "60000"
echo "repl-test: Ctrl-C ok"

tmux send-keys -t "$session" C-d
sleep 0.5
start
tmux send-keys -t "$session" Up
wait_for "paperql> count papers"
grep -q 'matches /(x+x+)+y/' "$PAPERQL_HISTORY" || fail "history file lacks the query"
[ "$(stat -c %a "$PAPERQL_HISTORY")" = "600" ] || fail "history file is not 0600"
echo "repl-test: history ok"
tmux send-keys -t "$session" C-d
echo "repl-test: all passed"
