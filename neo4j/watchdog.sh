#!/usr/bin/env bash
# Runs Neo4j's java so that it cannot outlive the process that started it
# (src/graph/local-neo4j.ts starts every local Neo4j through this script).
#
#   watchdog.sh <pid-file> <command> [args...]
#
# The parent holds a pipe on this script's stdin and never writes to it, so end-of-file on it
# means the parent is gone, whatever ended it: a clean exit, SIGKILL, running out of memory.
# A signal that ends a process cannot be caught by that process, but the kernel still closes
# its end of the pipe, which is why this is a pipe and not a handler in the parent.
#
# On that end-of-file, or on SIGTERM, SIGINT or SIGHUP, the command gets SIGTERM, and SIGKILL
# if it is still running NEO4J_WATCHDOG_KILL_AFTER seconds later (default 30). Neo4j's
# transaction log keeps every committed write across a SIGKILL. This script exits only after
# the command has, with its status, so a parent waiting for this script waits for Neo4j.
#
# <pid-file> gets "java <pid>", "watchdog <pid>" and "parent <pid>" lines while the command
# runs, so that a later start can find an instance left running if this script was killed too.
set -u

if [ "$#" -lt 2 ]; then
  echo "usage: $0 <pid-file> <command> [args...]" >&2
  exit 2
fi
pid_file=$1
shift
kill_after=${NEO4J_WATCHDOG_KILL_AFTER:-30}

child=
killer=
reader=
stop_reason=

log() {
  printf '[watchdog %s] %s\n' "$$" "$*" >&2
}

stop_child() {
  kill -TERM "$child" 2>/dev/null
  (
    # Cancelled (SIGTERM) once the command has exited; its sleep goes with it.
    nap=
    trap '[ -n "$nap" ] && kill "$nap" 2>/dev/null && wait "$nap"; exit 0' TERM
    sleep "$kill_after" &
    nap=$!
    wait "$nap"
    log "pid $child still running ${kill_after} s after SIGTERM: SIGKILL"
    kill -KILL "$child" 2>/dev/null
  ) </dev/null 3<&- &
  killer=$!
}

request_stop() {
  # Later signals change nothing: the command is already stopping, on a bounded clock.
  [ -n "$stop_reason" ] && return
  stop_reason=$1
  if [ -n "$child" ]; then
    log "$stop_reason: stopping pid $child"
    stop_child
  fi
}

trap 'request_stop SIGTERM' TERM
trap 'request_stop SIGINT' INT
trap 'request_stop SIGHUP' HUP
trap 'request_stop "the parent process is gone"' USR1

# Background jobs of a non-interactive shell read /dev/null unless told otherwise: keep the
# parent's pipe on fd 3 for the reader below, and give the command neither.
exec 3<&0
"$@" </dev/null 3<&- &
child=$!

mkdir -p "$(dirname "$pid_file")"
printf 'java %s\nwatchdog %s\nparent %s\n' "$child" "$$" "$PPID" >"$pid_file.$$" && mv -f "$pid_file.$$" "$pid_file"

# Ends (and tells this script) when the parent's end of the pipe closes.
(
  while read -r _; do :; done
  kill -USR1 "$$" 2>/dev/null
) <&3 &
reader=$!
exec 3<&- 0</dev/null

# A signal that arrived while the command was being started.
if [ -n "$stop_reason" ]; then
  log "$stop_reason: stopping pid $child"
  stop_child
fi

# `wait` returns early when a trapped signal arrives, with the command still running.
while :; do
  wait "$child"
  status=$?
  kill -0 "$child" 2>/dev/null || break
done
# If the command exited during the trap that cut the last wait short, that status is the
# signal's; bash keeps the command's own for another wait (older ones may say 127: not a child).
if [ "$status" -gt 128 ]; then
  wait "$child" 2>/dev/null
  own=$?
  [ "$own" -ne 127 ] && status=$own
fi

for helper in $killer $reader; do
  kill "$helper" 2>/dev/null
  wait "$helper" 2>/dev/null
done
# Only our own entry: a later start may already have written its own.
if [ -f "$pid_file" ] && IFS= read -r first <"$pid_file" && [ "$first" = "java $child" ]; then
  rm -f "$pid_file"
fi
[ -n "$stop_reason" ] && log "pid $child exited with status $status"
exit "$status"
