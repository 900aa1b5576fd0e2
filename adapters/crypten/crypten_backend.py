#!/usr/bin/env python3
"""CrypTen 0.4 behind mpcspec's backend protocol (docs/backends.md, docs/crypten.md).

    mpcspec conform --backend "adapters/crypten/run.sh" --profile crypten

Two CrypTen parties (crypten.mpc.run_multiprocess, kept warm across cases: parties.py) compute each
op with CrypTen's own call (ops.py); the answer holds the outputs as CrypTen's ring words and CrypTen's
own counters (cfg.communicator.verbose: rounds, bytes sent + received per party). Needs torch and the
crypten package on the path (adapters/crypten/setup.sh); without them the handshake is a `skip` error,
so `conform` prints one line and exits 3.
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "python"))

import mpcspec_backend  # noqa: E402


class CrypTenError(Exception):
    """CrypTen raised in a party: the case's error quotes CrypTen's own message."""


def unavailable(message):
    """Answer the hello with a skip: the engine is not available on this machine."""
    for line in sys.stdin:
        if line.strip():
            sys.stdout.write('{"type":"error","skip":true,"message":%s}\n' % _json_string(message))
            sys.stdout.flush()
            return 3
    return 3


def _json_string(text):
    import json

    return json.dumps(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--provider", choices=["TFP", "TTP"], default="TFP", help="CrypTen's triple provider")
    parser.add_argument("--timeout", type=float, default=50.0, help="seconds CrypTen may take per case")
    parser.add_argument("--ops", help="comma-separated op ids to offer (default: every op CrypTen has)")
    parser.add_argument("--views", help="comma-separated op ids whose views are reported (for --audit)")
    args = parser.parse_args()
    try:
        import torch  # noqa: F401
        import crypten
    except Exception as e:  # ImportError, or a torch that fails to load
        return unavailable("CrypTen cannot be imported: %s: %s" % (type(e).__name__, e))

    from ops import NOT_IN_CRYPTEN, OFFERED_PARAMS, OPS, run_case
    from parties import Parties

    offered = sorted(OPS) if args.ops is None else args.ops.split(",")
    with_views = set(args.views.split(",")) if args.views else set()
    unknown = [op for op in offered if op not in OPS]
    extra = [row for row in EXTRA_ROWS if row["id"] in offered]
    if unknown:
        parser.error("CrypTen has no call for %s" % ", ".join(unknown))
    for op, why in sorted(NOT_IN_CRYPTEN.items()):
        print("crypten adapter: not offered: %s (%s)" % (op, why), file=sys.stderr)
    parties = Parties(run_case, args.provider, args.timeout)
    handshake = {
        "backend": {"name": "crypten", "version": "%s (provider %s)" % (crypten.__version__, args.provider)},
        "parties": 2,
        "profile": "crypten",
        "ops": [row for op in offered for row in _rows(op, OFFERED_PARAMS, with_views)] + extra,
    }

    def answer(case):
        task = {
            "op": case["op"],
            "params": case["params"],
            "inputs": {
                name: {
                    "words": mpcspec_backend.ring(t),
                    "shape": t["shape"],
                    "scale": t["scale"],
                    "owner": t.get("owner"),
                    "public": t["holder"] == "public",
                }
                for name, t in case["inputs"].items()
            },
            "outputs": {name: d["scale"] for name, d in case["outputs"].items()},
            "views": bool(case.get("views")),
            "instances": case.get("instances", 1),
        }
        answers = parties.run(task)
        errors = [a["error"] for a in answers if "error" in a]
        if errors:
            raise CrypTenError(errors[0])
        ok = [a["ok"] for a in answers]
        if task["views"]:
            return {"views": [{"party": rank, "items": a["views"]} for rank, a in enumerate(ok)]}
        return {
            "outputs": {name: {"ring": mpcspec_backend.words(w)} for name, w in ok[0]["outputs"].items()},
            "cost": {
                "rounds": max(a["rounds"] for a in ok),
                "parties": [{"bytes": int(a["bytes"])} for a in ok],
            },
            # not part of the protocol (ignored by the runner): what CrypTen counted inside provider calls
            "dealerTraffic": [a["dealer"] for a in ok],
        }

    try:
        mpcspec_backend.serve(handshake, answer)
    finally:
        parties.stop()
    return 0


# CrypTen's erf is offered a second time, judged as the spec's form of its released pow recursion:
# which of the two it matches is part of the verdict (docs/crypten.md).
EXTRA_ROWS = [{"id": "erf", "params": {"powers": "crypten-pow"}}]


def _rows(op, offered_params, with_views):
    """The handshake rows of one op: the spec's defaults, or each parameter set ops.py offers it with."""
    rows = []
    for params in offered_params.get(op, [None]):
        row = {"id": op}
        if params is not None:
            row["params"] = params
        if op in with_views:
            row["views"] = True
        rows.append(row if len(row) > 1 else op)
    return rows


if __name__ == "__main__":
    sys.exit(main())
