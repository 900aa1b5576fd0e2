"""mpcspec op ids as CrypTen 0.4 code computes them (docs/crypten.md).

Each op is called the way the systems built on CrypTen call it: inputs become `crypten.cryptensor(...,
src=...)`, the op is CrypTen's own method (`mul`, `square`, `matmul`, `lt`, `relu`, `max`, `exp`,
`reciprocal`, `inv_sqrt`, `sqrt`, `sigmoid`, `tanh`, `erf`, ...), and an op's parameters become the
configuration keys CrypTen reads (`cfg.functions.exp_iterations`, `reciprocal_nr_iters`, ...), set for
that call only. Nothing here recomputes what CrypTen computes.

`run_case(task, rank)` runs in each party process. The communication counters are reset after the
inputs are shared and read before the outputs are opened, so they count the op alone, as the spec's
cost does; traffic with CrypTen's trusted third party (TTP) inside a provider call is counted apart
(provider_tap.py), as preprocessing. Outputs are opened as CrypTen's encoded ring words (the share sum), converted from
CrypTen's scale for the tensor to the scale the spec's output has, exactly.
"""

import math

import crypten
import crypten.communicator as comm
import torch
from provider_tap import ProviderTap
from views import MessageTap, party_view

F = 16
EXACT = 1 << 53  # a word below this decodes to a float64 exactly, and CrypTen's encoder gives it back


def _config(overrides):
    return crypten.cfg.temp_override(overrides)


def _unary(method, **cfg_of_params):
    """An elementwise CrypTen method, with op params mapped to CrypTen's configuration keys."""

    def op(x, params):
        overrides = {key: read(params) for key, read in cfg_of_params.items()}
        with _config(overrides):
            return getattr(x["x"], method)()

    return op


def _binary(method):
    return lambda x, params: getattr(x["x"], method)(x["y"])


def _reduce(method):
    """max/min over the last axis: CrypTen returns (values, one-hot argmax) when given a dim."""
    return lambda x, params: getattr(x["x"], method)(dim=-1)[0]


def _reciprocal(all_positive):
    def op(x, params):
        with _config(
            {
                "functions.reciprocal_all_pos": all_positive,
                "functions.reciprocal_nr_iters": params["iterations"],
                "functions.reciprocal_method": "NR",
            }
        ):
            return x["x"].reciprocal()

    return op


def _erf(x, params):
    # CrypTen has one erf: both of the spec's `powers` plans are offered for it (crypten_backend.py),
    # the series it documents (chain) and its pow recursion as released (crypten-pow).
    with _config({"functions.erf_iterations": params["iterations"]}):
        return x["x"].erf()


def _reciprocal_of_row_sum(g, denominator, epsilon=0.0):
    """g / (Σ_row g + ε) as CrypTen code writes it: the row sum, CrypTen's Newton reciprocal (its sign
    step unless all_pos), broadcast over the row in one product. With a deflation η the sum is divided by
    the public D = η·n first and the reciprocal multiplied by 1/D after: c·recip(c·S), then g·r."""
    if denominator["method"] != "newton":
        raise ValueError("CrypTen has no %s reciprocal" % denominator["method"])
    s = g.sum(-1, keepdim=True)
    if epsilon:
        s = s + float(epsilon)
    overrides = {
        "functions.reciprocal_all_pos": not denominator["signStep"],
        "functions.reciprocal_nr_iters": denominator["iterations"],
        "functions.reciprocal_method": "NR",
    }
    with _config(overrides):
        if denominator["eta"] == "none":
            r = s.reciprocal()
        else:
            c = 1.0 / (float(denominator["eta"]) * g.size(-1))
            r = (s * c).reciprocal() * c
    return g * r


def _softmax_2quad(x, params):
    # MPCFormer's released 2Quad: (x + c) * (x + c), a Beaver product, over its row sum.
    a = x["x"] + float(params["c"])
    return _reciprocal_of_row_sum(a * a, params["denominator"])


def _softmax_relu(x, params):
    return _reciprocal_of_row_sum(x["x"].relu(), params["denominator"], params["epsilon"])


def _gelu_tanh(x, params):
    # CrypTen's expression, as SecFormer's crypten_gelu writes it.
    x = x["x"]
    return 0.5 * x * (1 + (math.sqrt(2 / math.pi) * (x + 0.044715 * x.pow(3))).tanh())


def _gelu_erf(x, params):
    x = x["x"]
    with _config({"functions.erf_iterations": params["iterations"]}):
        return 0.5 * x * (1 + (x * (1 / math.sqrt(2))).erf())


GELU_QUAD_COEFFICIENTS = {"mpcformer": (0.25, 0.5), "swapped": (0.5, 0.25)}


def _gelu_quad(x, params):
    # MPCFormer's released Quad: 0.125*x*x + c1*x + c0.
    c1, c0 = GELU_QUAD_COEFFICIENTS[params["coefficients"]]
    x = x["x"]
    return 0.125 * x * x + c1 * x + c0


def _layernorm(x, params):
    """LayerNorm over the last axis as CrypTen code writes it: mean, d = x - mean, var as the mean of
    d.square(), then CrypTen's inv_sqrt (or sqrt then reciprocal, with its sign step), d * r, γ, β."""
    inv = params["invSqrt"]
    if inv["method"] == "goldschmidt":
        raise ValueError("CrypTen has no Goldschmidt inverse square root")
    if params["epsilonEncoding"] != "as-profile":
        raise ValueError("CrypTen encodes epsilon as any public constant (epsilonEncoding as-profile)")
    v = x["x"]
    d = v - v.mean(-1, keepdim=True)
    s = d.square().mean(-1, keepdim=True) + float(params["epsilon"])
    if inv["method"] == "newton":
        with _config({"functions.sqrt_nr_iters": inv["iterations"]}):
            r = s.inv_sqrt()
    else:
        with _config(
            {
                "functions.sqrt_nr_iters": inv["sqrtIterations"],
                "functions.reciprocal_nr_iters": inv["reciprocalIterations"],
                "functions.reciprocal_all_pos": False,
                "functions.reciprocal_method": "NR",
            }
        ):
            r = s.sqrt().reciprocal()
    y = d * r
    if params["affine"] == "none":
        return y
    return y * x["gamma"] + x["beta"]


OPS = {
    "add": lambda x, p: x["x"] + x["y"],
    "sub": lambda x, p: x["x"] - x["y"],
    "neg": lambda x, p: -x["x"],
    "add_const": lambda x, p: x["x"] + float(p["c"]),
    "mul_const": lambda x, p: x["x"] * float(p["c"]),
    "mul": _binary("mul"),
    "square": lambda x, p: x["x"].square(),
    "matmul": _binary("matmul"),
    "exp": _unary("exp", **{"functions.exp_iterations": lambda p: p["iterations"]}),
    "reciprocal_nr_pos": _reciprocal(True),
    "reciprocal_nr": _reciprocal(False),
    "inv_sqrt_nr": _unary("inv_sqrt", **{"functions.sqrt_nr_iters": lambda p: p["iterations"]}),
    "sqrt": _unary("sqrt", **{"functions.sqrt_nr_iters": lambda p: p["iterations"]}),
    "erf": _erf,
    "sigmoid": _unary("sigmoid"),
    "tanh": _unary("tanh"),
    "ltz": lambda x, p: x["x"].lt(0),
    "lt": _binary("lt"),
    "gt": _binary("gt"),
    "le": _binary("le"),
    "ge": _binary("ge"),
    "eq": _binary("eq"),
    "sign": lambda x, p: x["x"].sign(),
    "abs": lambda x, p: x["x"].abs(),
    "relu": lambda x, p: x["x"].relu(),
    "select": lambda x, p: x["x"].where(x["b"], x["y"]),
    "max": _reduce("max"),
    "min": _reduce("min"),
    "argmax": lambda x, p: x["x"].argmax(dim=-1, one_hot=False),
    "softmax": lambda x, p: x["x"].softmax(-1),
    "softmax_2quad": _softmax_2quad,
    "softmax_relu": _softmax_relu,
    "gelu_tanh": _gelu_tanh,
    "gelu_erf": _gelu_erf,
    "gelu_quad": _gelu_quad,
    "layernorm": _layernorm,
}

_NEWTON_SIGN_STEP = {"method": "newton", "iterations": 10, "signStep": True}

# Ops offered with parameters of their own rather than the spec's defaults: the spec's default is a
# protocol CrypTen has no call for (Goldschmidt), so the parameter set the crypten-profile variant or the
# released code takes is offered instead; a second row is a released-code form (docs/crypten.md).
OFFERED_PARAMS = {
    "softmax_2quad": [
        {"c": 5, "denominator": dict(_NEWTON_SIGN_STEP, eta=4)},  # MPCFormer, deflated (the spec's variant)
        {"c": 5, "denominator": dict(_NEWTON_SIGN_STEP, eta="none")},  # MPCFormer's released code
    ],
    "softmax_relu": [
        None,  # MPCViT's RSAttn: Newton without the sign step, deflated, epsilon 1e-5
        {"epsilon": 0, "denominator": dict(_NEWTON_SIGN_STEP, eta=0.25)},  # MPCFormer's 2ReLU, deflated
    ],
    "gelu_erf": [None, {"iterations": 8, "powers": "crypten-pow"}],
    "layernorm": [
        {
            "invSqrt": {"method": "newton", "iterations": 3},
            "epsilon": 1e-5,
            "epsilonEncoding": "as-profile",
            "affine": "public",
        },
        {
            "invSqrt": {"method": "sqrt-reciprocal", "sqrtIterations": 3, "reciprocalIterations": 10},
            "epsilon": 1e-12,
            "epsilonEncoding": "as-profile",
            "affine": "none",
        },
    ],
}

# mpcspec protocols CrypTen 0.4 has no call for: not offered, so never faked.
NOT_IN_CRYPTEN = {
    "share": "input sharing is part of every case (crypten.cryptensor), not an op of its own",
    "reconstruct": "opening is part of every case (get_plain_text), not an op of its own",
    "mul_int": "CrypTen multiplies by a Python int through the same path as by a float",
    "trunc": "CrypTen exposes no truncation of a shared integer as an op",
    "exp_taylor": "CrypTen's exp is the limit method only",
    "reciprocal_goldschmidt": "CrypTen's reciprocal is Newton-Raphson (or exp(-log x))",
    "inv_sqrt_goldschmidt": "CrypTen's inv_sqrt is Newton-Raphson",
    "sin": "CrypTen's sin is (1 + ix/2^n)^(2^n), not a dealer-masked sine",
    "softmax_taylor": "CrypTen's softmax is exp(x - max) / sum",
    "gelu_fourier": "SecFormer's Fourier GeLU needs a dealer-masked sine CrypTen does not have",
}


def _share(spec, rank):
    """One input as CrypTen's users share it: crypten.cryptensor(values, src=owner)."""
    words = spec["words"]
    shape = spec["shape"]
    if spec.get("public"):
        # A public input (LayerNorm's public γ, β) is a plain torch tensor, as CrypTen code holds weights.
        return torch.tensor([w / (1 << F) for w in words], dtype=torch.float64).reshape(shape)
    src = spec.get("owner", 0) or 0
    fixed = spec["scale"] == "fixed"
    precision = F if fixed else 0
    if all(-EXACT < w < EXACT for w in words):
        if fixed:
            values = torch.tensor([w / (1 << F) for w in words], dtype=torch.float64)
        else:
            values = torch.tensor(words, dtype=torch.long)
        values = values.reshape(shape)
        mine = values if rank == src else torch.zeros_like(values)
        return crypten.cryptensor(mine, src=src, precision=precision)
    # A ring-edge word has no float64 CrypTen's encoder would return it from: share zero, then add
    # the word to the source's share, which is what the encoder's result would have been.
    t = crypten.cryptensor(torch.zeros(shape, dtype=torch.float64), src=src, precision=precision)
    if rank == src:
        t._tensor.share += torch.tensor(words, dtype=torch.long).reshape(shape)
    return t


def _open(z, scale):
    """The output's ring words at the spec's scale (fixed: 2^F, int and bit: 1)."""
    words = z._tensor.reveal().reshape(-1)
    have = z.encoder.scale
    want = (1 << F) if scale == "fixed" else 1
    if have == want:
        return [int(w) for w in words.tolist()]
    if want % have == 0:
        return [int(w) * (want // have) for w in words.tolist()]
    if have % want == 0:
        q = have // want
        return [int(w) // q if int(w) % q == 0 else None for w in words.tolist()]
    raise ValueError("CrypTen's output scale %d does not convert to %d" % (have, want))


def run_case(task, rank):
    """Run one case in this party: share the inputs, count the op, open the outputs."""
    inputs = {name: _share(spec, rank) for name, spec in task["inputs"].items()}
    c = comm.get()
    c.reset_communication_stats()
    with ProviderTap(c) as dealer, MessageTap(c, dealer.inside) as messages:
        z = OPS[task["op"]](inputs, task["params"])
    stats = c.get_communication_stats()
    if task.get("views"):
        return {"views": party_view(inputs, dealer, messages, task["instances"])}
    ((name, scale),) = task["outputs"].items()
    words = _open(z, scale)
    if any(w is None for w in words):
        raise ValueError("CrypTen's output is not an integer at the spec's scale")
    return {
        "outputs": {name: words},
        "rounds": stats["rounds"] - dealer.rounds,
        "bytes": stats["bytes"] - dealer.bytes,
        "dealer": {"rounds": dealer.rounds, "bytes": dealer.bytes},
    }
