"""Checking vector files (docs/vectors.md "Results"): every case is recomputed from its seed and
cleartext inputs, and the file's record must match bit for bit; `valid` / `acceptable` must agree with
the output's distance to the reference; an `invalid` case must be rejected."""
import json

from . import ring as R
from .arithmetic import PROTOCOLS as ARITHMETIC, reference as arithmetic_reference
from .tensor import parse
from .world import World, combine, share_inputs

from .comparison import ltz, ltz_reference
from .attention import PROTOCOLS as ATTENTION, reference as attention_reference

PROTOCOLS = dict(ARITHMETIC, ltz=ltz, **ATTENTION)
REFERENCES = dict(
    {name: arithmetic_reference for name in ARITHMETIC},
    ltz=ltz_reference,
    **{name: attention_reference for name in ATTENTION},
)


def register(name, protocol, reference):
    """Add a protocol (e.g. ltz) to the checker."""
    PROTOCOLS[name] = protocol
    REFERENCES[name] = reference


class Mismatch(Exception):
    pass


def _expect(what: str, recorded, regenerated) -> None:
    if recorded != regenerated:
        raise Mismatch("%s: file has %s, regenerated %s" % (what, _show(recorded), _show(regenerated)))


def _show(v) -> str:
    s = json.dumps(v)
    return s if len(s) < 90 else s[:87] + "..."


def _tensors(m: dict) -> dict:
    return {k: v.encode() for k, v in m.items()}


def _classify(out, ref, bounds) -> str:
    """valid (equal), acceptable (within implementationUlps or a wrap), or violation."""
    ell = out.width
    ulps = bounds["implementationUlps"]
    wrap = bounds.get("wrap")
    kind = "valid"
    for o, r in zip(out.values, ref.values):
        d = R.signed((o - r) & R.mask(ell), ell)
        if d == 0:
            continue
        if abs(d) <= ulps:
            kind = "acceptable"
            continue
        if wrap is not None:
            rem = (d & R.mask(ell)) % int(wrap["modulus"])
            if rem <= ulps or int(wrap["modulus"]) - rem <= ulps:
                kind = "acceptable"
                continue
        return "violation"
    return kind


def check_case(algorithm: str, group: dict, test: dict) -> None:
    """Raise Mismatch at the first difference between the file and the recomputation."""
    cfg = group
    n, ell = group["parties"], group["ell"]
    w = World(int(test["seed"]), n)
    _expect("keys.root", test["keys"]["root"], w.keys["root"].hex())
    _expect("keys.harness", test["keys"]["harness"], w.keys["harness"].hex())
    _expect("keys.dealer", test["keys"]["dealer"], w.keys["dealer"].hex())
    _expect("keys.parties", test["keys"]["parties"], [k.hex() for k in w.keys["parties"]])
    _expect("keys.przs", test["keys"]["przs"], [k.hex() for k in w.keys["przs"]])
    clear = {k: parse(v) for k, v in test["inputs"].items()}
    inputs = share_inputs(w, group["inputs"], clear, ell)
    shapes = {k: tuple(v) for k, v in group["shapes"].items()}
    outputs = PROTOCOLS[algorithm](w, cfg, group["params"], shapes, inputs)
    for i, p in enumerate(test["parties"]):
        at = "parties[%d]" % i
        _expect(at + ".inputs", p["inputs"], _tensors(inputs[i]))
        draws = [{"tape": t, "label": l, "words": c} for t in ("party", "przs-next", "przs-prev") for l, c in w.tapes[i][t].draws]
        _expect(at + ".draws", p["draws"], draws)
        pre = [{"kind": k, "label": l, "values": _tensors(v)} for k, l, v in w.preprocessing[i]]
        for j in range(max(len(pre), len(p["preprocessing"]))):
            _expect("%s.preprocessing[%d]" % (at, j), p["preprocessing"][j] if j < len(p["preprocessing"]) else None, pre[j] if j < len(pre) else None)
        sent = [{"round": r, "to": to, "label": l, "value": t.encode()} for r, to, l, t in w.sent[i]]
        for j in range(max(len(sent), len(p["sent"]))):
            _expect("%s.sent[%d]" % (at, j), p["sent"][j] if j < len(p["sent"]) else None, sent[j] if j < len(sent) else None)
        _expect(at + ".outputs", p["outputs"], _tensors(outputs[i]))
    combined = {}
    for decl in group["outputs"]:
        name = decl["name"]
        held = [o[name] for o in outputs if name in o]
        combined[name] = combine(held) if decl["delivery"] == "shared" else held[0]
    _expect("expected.outputs", test["expected"]["outputs"], _tensors(combined))
    ref = REFERENCES[algorithm](algorithm, cfg, group["params"], shapes, clear)
    _expect("expected.reference", test["expected"]["reference"], _tensors(ref))
    kinds = {_classify(combined[k], ref[k], group["bounds"]) for k in combined}
    verdict = "violation" if "violation" in kinds else "acceptable" if "acceptable" in kinds else "valid"
    if verdict == "violation":
        raise Mismatch("expected.outputs: beyond the implementation bound of the reference")
    _expect("result", test["result"], verdict)


def check_file(path: str) -> dict:
    """Per-case outcomes of one file: passed (valid/acceptable recomputed, invalid rejected) or failed."""
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh)
    algorithm = doc["algorithm"]
    report = {"file": path, "algorithm": algorithm, "checked": 0, "rejected": 0, "failures": [], "skipped": False}
    if algorithm not in PROTOCOLS:
        report["skipped"] = True
        return report
    for group in doc["testGroups"]:
        for test in group["tests"]:
            try:
                check_case(algorithm, group, test)
                problem = None
            except Mismatch as e:
                problem = str(e)
            if test["result"] == "invalid":
                if problem is None:
                    report["failures"].append("tcId %d: invalid case recomputed as correct" % test["tcId"])
                else:
                    report["rejected"] += 1
            elif problem is not None:
                report["failures"].append("tcId %d (%s): %s" % (test["tcId"], test["result"], problem))
            else:
                report["checked"] += 1
    return report
