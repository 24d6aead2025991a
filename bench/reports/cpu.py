#!/usr/bin/env python3
"""CPU seconds used by the platform's JVM, its PostgreSQL (postmaster and children) and named
others, between `cpu.py snap FILE` and `cpu.py diff FILE`. Usage:
  cpu.py snap OUT app_pid postmaster_pid [label=pid ...]
  cpu.py diff OUT app_pid postmaster_pid [label=pid ...]   -> one RESULT line"""
import json, os, sys, time

HZ = os.sysconf("SC_CLK_TCK")

def stat(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
    except OSError:
        return None
    rest = s[s.rindex(")") + 2:].split()
    return int(rest[1]), (int(rest[11]) + int(rest[12])) / HZ  # ppid, utime+stime

def snapshot(app, pm, others):
    pg = 0.0
    for p in os.listdir("/proc"):
        if p.isdigit():
            st = stat(p)
            if st and (int(p) == pm or st[0] == pm):
                pg += st[1]
    out = {"t": time.time(), "java": (stat(app) or (0, 0))[1], "postgres": pg}
    for label, pid in others.items():
        out[label] = (stat(pid) or (0, 0))[1]
    return out

cmd, path, app, pm = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
others = dict((a.split("=")[0], int(a.split("=")[1])) for a in sys.argv[5:])
now = snapshot(app, pm, others)
if cmd == "snap":
    json.dump(now, open(path, "w"))
else:
    before = json.load(open(path))
    wall = now["t"] - before["t"]
    parts = " ".join("%s_cores=%.2f" % (k, (now[k] - before[k]) / wall) for k in now if k != "t")
    print("RESULT cpu wall_s=%.1f %s (of 2)" % (wall, parts))
