#!/usr/bin/env python3
"""Check mpcspec vector files in Python (standard library only).

    python3 adapters/python/check_vectors.py [FILE_OR_DIR ...] [--json]

Default: vectors/data next to this adapter. Files of protocols this adapter does not implement are
skipped (and listed). Exit status 1 when any case fails.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from mpcspec_vectors.check import check_file  # noqa: E402


def files_at(path: str) -> list:
    if os.path.isdir(path):
        return sorted(os.path.join(path, n) for n in os.listdir(path) if n.endswith(".json"))
    return [path]


def main(argv: list) -> int:
    as_json = "--json" in argv
    paths = [a for a in argv if a != "--json"] or [
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "vectors", "data")
    ]
    reports = [check_file(f) for p in paths for f in files_at(p)]
    checked = sum(r["checked"] for r in reports)
    rejected = sum(r["rejected"] for r in reports)
    failures = [(r["file"], f) for r in reports for f in r["failures"]]
    per_algorithm = {}
    for r in reports:
        if not r["skipped"]:
            a = per_algorithm.setdefault(r["algorithm"], {"files": 0, "checked": 0, "rejected": 0})
            a["files"] += 1
            a["checked"] += r["checked"]
            a["rejected"] += r["rejected"]
    if as_json:
        print(json.dumps({"algorithms": per_algorithm, "failures": failures, "skipped": sorted({r["algorithm"] for r in reports if r["skipped"]})}))
    else:
        for r in reports:
            if r["skipped"]:
                continue
            status = "FAIL" if r["failures"] else "PASS"
            print("%s %s: %d recomputed bit-exactly, %d invalid rejected" % (status, os.path.basename(r["file"]), r["checked"], r["rejected"]))
            for f in r["failures"]:
                print("  " + f)
        skipped = sorted({r["algorithm"] for r in reports if r["skipped"]})
        if skipped:
            print("skipped (not implemented here): " + ", ".join(skipped))
    print("%d passed, %d failed" % (checked + rejected, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
