#!/usr/bin/env python3
"""A deliberately defective backend for `mpcspec conform --backend` (standard library only).

    mpcspec conform --backend "python3 adapters/defective/defective_backend.py --defect decode-negatives"

With no --defect it computes every op it offers as mpcspec's references do and passes; each --defect
switches on one mistake (defects.py; --list shows them), which the runner must fail and name. Outputs
go back as decoded reals, so a wrong decode shows; mul and sin also report every party's view.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))

import mpcspec_backend  # noqa: E402
from defects import DEFECTS, apply  # noqa: E402
from engine import Engine  # noqa: E402
from ops import OFFERED, OPS, Words  # noqa: E402
from views import Views  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--defect", action="append", default=[], help="switch a defect on (repeatable)")
    parser.add_argument("--list", action="store_true", help="list the defects and exit")
    args = parser.parse_args()
    if args.list:
        for name, (summary, _) in DEFECTS.items():
            print("%-24s %s" % (name, summary))
        return 0
    unknown = [d for d in args.defect if d not in DEFECTS]
    if unknown:
        parser.error("unknown defect %s; --list shows them" % ", ".join(unknown))
    engine = Engine()
    ops = dict(OPS)
    views = Views(engine)
    apply(args.defect, engine, ops, views)
    handshake = {
        "backend": {"name": "defective", "version": "1 (%s)" % (", ".join(args.defect) or "no defect")},
        "parties": 2,
        "profile": "crypten",
        "ops": OFFERED,
    }

    def answer(case):
        op = case["op"]
        inputs = {name: Words(mpcspec_backend.ring(t), t["shape"]) for name, t in case["inputs"].items()}
        if case.get("views"):
            return {"views": views.of(op, case, inputs, case["params"])}
        outputs = ops[op](engine, inputs, case["params"])
        scales = {name: d["scale"] for name, d in case["outputs"].items()}
        return {
            "outputs": {
                name: {"real": [engine.decode(v) if scales[name] == "fixed" else v for v in values]}
                for name, values in outputs.items()
            }
        }

    mpcspec_backend.serve(handshake, answer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
