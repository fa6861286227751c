#!/usr/bin/env python3
"""Median time a node took for the last jobs, as its own history records it (submitted to
completed, without the CLI's start-up), and from "Running" to "Completed" (the execution: inputs,
engine, results). Usage: bacalhau ... job list --limit N --output json | node-side.py LAUNCHER ARGS...
where LAUNCHER ARGS... is the command that reads a job's history from that node."""
import datetime
import json
import statistics
import subprocess
import sys


def seconds(stamp):
    base, _, frac = stamp.rstrip("Z").partition(".")
    t = datetime.datetime.fromisoformat(base).replace(tzinfo=datetime.timezone.utc).timestamp()
    return t + float("0." + (frac or "0"))


def main():
    jobs = json.load(sys.stdin)
    whole, execution = [], []
    for job in jobs:
        out = subprocess.run(
            sys.argv[1:] + ["job", "history", job["ID"], "--output", "json"],
            capture_output=True, text=True, check=True).stdout
        items = json.loads(out)
        items = items if isinstance(items, list) else items.get("Items", [])
        times = {}
        for e in items:
            message = (e.get("Event") or {}).get("Message", "")
            times.setdefault(message, seconds(e["Time"]))
        if "Job submitted" in times and "Completed successfully" in times:
            whole.append(times["Completed successfully"] - times["Job submitted"])
        if "Running" in times and "Completed successfully" in times:
            execution.append(times["Completed successfully"] - times["Running"])
    if whole:
        print("  node side, median of %d jobs: submitted to completed %.0f ms, Running to Completed %.0f ms"
              % (len(whole), 1000 * statistics.median(whole), 1000 * statistics.median(execution)))


main()
