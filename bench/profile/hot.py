#!/usr/bin/env python3
"""Top frames of a JFR recording's execution samples: self time and inclusive time per method.

Usage: bench/profile/hot.py RECORDING.jfr [FILTER]   (FILTER: only inclusive rows whose method contains it)
"""
import collections, re, subprocess, sys

recording = sys.argv[1]
only = sys.argv[2] if len(sys.argv) > 2 else None
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", recording],
                      capture_output=True, text=True, check=True).stdout
frame = re.compile(r"^\s+([\w$.<>/]+)\(.*line:")
own, total, samples = collections.Counter(), collections.Counter(), 0
for event in text.split("jdk.ExecutionSample")[1:]:
    methods = [m.group(1) for m in map(frame.match, event.splitlines()) if m]
    if not methods:
        continue
    samples += 1
    own[methods[0]] += 1
    for m in set(methods):
        total[m] += 1
print(f"{samples} samples\n\nself:")
for m, n in own.most_common(25):
    print(f"{100 * n / samples:5.1f}%  {m}")
print("\ninclusive:")
rows = [(m, n) for m, n in total.most_common() if only is None or only in m]
for m, n in rows[:60]:
    print(f"{100 * n / samples:5.1f}%  {m}")
