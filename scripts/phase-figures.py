#!/usr/bin/env python3
"""phase-figures.py: one line per phase of each run folder's summary.json, for comparing runs side by side.

Usage: scripts/phase-figures.py RUN_DIR... (or summary.json files)

Prints per phase: submits/s sent, submit p50/p99/p99.9 (ms), generator lag p99 (ms, when recorded), and per run
the exit verdict of its thresholds, the load average at start and end, and the generator's CPU time where the
summary has it. Reads only what summary.json holds; nothing is computed that the report would not show.
"""
import json
import pathlib
import sys


def ms(us):
    return "-" if us is None else f"{us / 1000:.2f}"


def main(paths):
    for arg in paths:
        path = pathlib.Path(arg)
        summary_file = path / "summary.json" if path.is_dir() else path
        s = json.loads(summary_file.read_text())
        machine = s.get("machine", {})
        thresholds = s.get("thresholds", [])
        failed = [t.get("rule", "?") for t in thresholds if not t.get("passed", False)]
        generator = s.get("generator") or {}
        cpu = generator.get("cpuSeconds")
        print(f"{summary_file.parent}: {s.get('jdk', '?')} {s.get('transport', '?')}  load "
              f"{machine.get('loadAtStart', '?')} -> {machine.get('loadAtEnd', '?')}  "
              f"thresholds {'all passed' if not failed else 'FAILED: ' + '; '.join(failed)}"
              + (f"  SHORTFALL: {generator['shortfall']}" if generator.get("shortfall") else "")
              + (f"  generator cpu {cpu:.1f} s" if cpu is not None else ""))
        for phase in s.get("phases", []):
            lat = phase.get("latencyUs", {})
            sub = lat.get("submit", {})
            lag = lat.get("lag", {})
            sent = phase.get("submits", {}).get("sent", 0)
            rate = sent / phase["durationS"] if phase.get("durationS") else 0
            print(f"  {phase['name']:<12} {rate:>10,.0f}/s  submit p50 {ms(sub.get('p50'))} p99 "
                  f"{ms(sub.get('p99'))} p99.9 {ms(sub.get('p999'))} ms  lag p99 {ms(lag.get('p99'))} ms")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: phase-figures.py RUN_DIR...")
    main(sys.argv[1:])
