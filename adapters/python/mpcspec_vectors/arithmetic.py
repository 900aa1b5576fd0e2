"""The arithmetic protocols (ALGORITHMS.md §1; protocols/arithmetic/*.ts), all parties at once.

Each function takes the World, the group's configuration and params, the shapes and each party's inputs,
and returns each party's outputs. Labels, message order and the dealer's value names are those of the
TypeScript protocols, which is what makes the replay bit-exact.
"""
from . import ring as R
from .tensor import Tensor, ring, size_of
import math


def round_scaled(x: float, rounding: str) -> int:
    """core/fixed.ts roundScaled: toward zero (rounding "trunc", CrypTen) or to nearest, ties to even."""
    if rounding == "trunc":
        return math.trunc(x)
    fl = math.floor(x)
    diff = x - fl
    if diff > 0.5:
        return fl + 1
    if diff < 0.5:
        return fl
    return fl if fl % 2 == 0 else fl + 1


def encode_constant(cfg, v: float) -> int:
    """A public constant v at scale 2^f, rounded as the profile encodes (docs/arithmetic.md)."""
    return round_scaled(v * 2 ** cfg["f"], cfg["rounding"])




# --- truncation by 2^k (spec/arithmetic/truncation.ts) ---
def truncate(w, cfg, method: str, shares: list, k: int, scope: str = "") -> list:
    if k == 0:
        return shares
    ell = cfg["ell"]
    if method == "local-trunc":
        return [ring(ell, s.shape, [R.trunc_shift(v, k, ell) for v in s.values]) for s in shares]
    if method == "local-secureml":
        out = []
        for i, s in enumerate(shares):
            if i == 0:
                out.append(ring(ell, s.shape, [R.floor_shift(v, k, ell) for v in s.values]))
            else:
                out.append(ring(ell, s.shape, [-R.floor_shift(-v & R.mask(ell), k, ell) for v in s.values]))
        return out
    return _dealer_truncate(w, cfg, shares, k, scope + "trunc/")


def _dealer_truncate(w, cfg, shares: list, k: int, scope: str) -> list:
    return dealer_divide(w, cfg, shares, 1 << k, scope)


def dealer_divide(w, cfg, xs, d: int, scope):
    """Shares of x divided by a public integer d with a dealer pair (truncation is d = 2^k)."""
    ell = cfg["ell"]
    shape = xs[0].shape
    low = R.mask(ell - 1)

    def generate(draw):
        r = draw("r", ell, shape)
        return {
            "r": r,
            "rLow": ring(ell, shape, [(v & low) // d for v in r.values]),
            "rMsb": ring(ell, shape, [v >> (ell - 1) for v in r.values]),
        }

    pair = w.deal("trunc-pair", scope + "pair", generate)
    shift = 1 << (ell - 2)
    masked = [
        ring(ell, shape, [x + r + (shift if i == 0 else 0) for x, r in zip(xs[i].values, pair[i]["r"].values)])
        for i in range(w.n)
    ]
    c = w.open_to_all(scope + "open", masked)
    weight, unshift = (1 << (ell - 1)) // d, (1 << (ell - 2)) // d
    out = []
    for i in range(w.n):
        vals = []
        for ci, r_low, r_msb in zip(c.values, pair[i]["rLow"].values, pair[i]["rMsb"].values):
            c_msb = ci >> (ell - 1)
            b = (c_msb if i == 0 else 0) + (r_msb if c_msb == 0 else -r_msb)
            pub = ((ci & low) // d) - unshift if i == 0 else 0
            vals.append(pub - r_low + weight * b)
        out.append(ring(ell, shape, vals))
    return out


def _truncation_method(cfg, params) -> str:
    method = params.get("method", "profile")
    return cfg["truncation"] if method == "profile" else method


# --- protocols ---
def share(w, cfg, params, shapes, inputs):
    ell, n, owner = cfg["ell"], w.n, params["owner"]
    shape = shapes["x"]
    variant = cfg["inputSharing"] if params["variant"] == "profile" else params["variant"]
    if variant == "zero-sharing":
        outs = []
        for i in range(n):
            z = w.zero_share(i, "przs", ell, shape)
            if i == owner:
                z = ring(ell, shape, [a + b for a, b in zip(z.values, inputs[i]["x"].values)])
            outs.append({"x": z})
        return outs
    outs = [dict() for _ in range(n)]
    masks = []
    for j in range(n):
        if j == owner:
            continue
        r = ring(ell, shape, w.tapes[owner]["party"].ring("mask/%d" % j, ell, size_of(shape)))
        w.receive(j, w.send(owner, j, "share", r))
        outs[j]["x"] = r
        masks.append(r)
    x = inputs[owner]["x"].values
    outs[owner]["x"] = ring(ell, shape, [v - sum(col) for v, col in zip(x, zip(*(m.values for m in masks)))] if masks else x)
    return outs


def reconstruct(w, cfg, params, shapes, inputs):
    shares = [inputs[i]["x"] for i in range(w.n)]
    if params["to"] == "all":
        v = w.open_to_all("open", shares)
        return [{"x": v} for _ in range(w.n)]
    v = w.open_to(params["to"], "open", shares)
    return [({"x": v} if i == params["to"] else {}) for i in range(w.n)]


def beaver_product(w, ell, xs, ys, scope="", by_feature=False):
    """x*y with a Beaver triple; y of x's shape, one value per row of x (a row triple: CrypTen's
    broadcasting mul, protocols/rows/mul-by-row.ts) or, with by_feature, one value per feature of x (a
    feature triple: LayerNorm's shared γ, protocols/rows/mul-by-feature.ts); opens |x| + |y| values."""
    shape, y_shape = xs[0].shape, ys[0].shape
    n, m = len(xs[0].values), len(ys[0].values)
    if by_feature:
        kind, index = "feature-triple", lambda k: k % m
    else:
        per = n // m  # values of x per value of y: 1, or the row length
        kind, index = "beaver-triple" if per == 1 else "row-triple", lambda k: k // per

    def generate(draw):
        a, b = draw("a", ell, shape), draw("b", ell, y_shape)
        return {"a": a, "b": b, "c": ring(ell, shape, [a.values[k] * b.values[index(k)] for k in range(n)])}

    t = w.deal(kind, scope + "triple", generate)
    masked = [
        ring(ell, (n + m,), [x - a for x, a in zip(xs[i].values, t[i]["a"].values)]
             + [y - b for y, b in zip(ys[i].values, t[i]["b"].values)])
        for i in range(w.n)
    ]
    opened = w.open_to_all(scope + "open", masked).values
    eps, dlt = opened[:n], opened[n:]
    out = []
    for i in range(w.n):
        a, b, c = t[i]["a"].values, t[i]["b"].values, t[i]["c"].values
        out.append(ring(ell, shape, [c[k] + eps[k] * b[index(k)] + dlt[index(k)] * a[k] + (eps[k] * dlt[index(k)] if i == 0 else 0) for k in range(n)]))
    return out


def mul(w, cfg, params, shapes, inputs):
    z = beaver_product(w, cfg["ell"], [p["x"] for p in inputs], [p["y"] for p in inputs])
    return [{"z": s} for s in truncate(w, cfg, cfg["truncation"], z, cfg["f"])]


def square_raw(w, ell, xs, scope=""):
    """<x>^2 at scale 2^(2f), no truncation: one square pair (r, r^2) and e = x - r opened;
    party 0 holds r2 + 2er + e^2, the others r2 + 2er (docs/arithmetic.md, the square pair)."""
    shape = xs[0].shape

    def generate(draw):
        r = draw("r", ell, shape)
        return {"r": r, "r2": ring(ell, shape, [v * v for v in r.values])}

    pair = w.deal("square-pair", scope + "pair", generate)
    masked = [ring(ell, shape, [x - r for x, r in zip(xs[i].values, pair[i]["r"].values)]) for i in range(w.n)]
    e = w.open_to_all(scope + "open", masked).values
    return [
        ring(ell, shape, [r2 + 2 * ek * r + (ek * ek if i == 0 else 0) for ek, r, r2 in zip(e, pair[i]["r"].values, pair[i]["r2"].values)])
        for i in range(w.n)
    ]


def square(w, cfg, params, shapes, inputs):
    z = square_raw(w, cfg["ell"], [p["x"] for p in inputs])
    return [{"z": s} for s in truncate(w, cfg, cfg["truncation"], z, cfg["f"])]


def matmul(w, cfg, params, shapes, inputs):
    ell = cfg["ell"]
    (m, k), (_, n) = shapes["x"], shapes["y"]

    def generate(draw):
        A, B = draw("A", ell, (m, k)), draw("B", ell, (k, n))
        return {"A": A, "B": B, "C": ring(ell, (m, n), R.matmul(A.values, B.values, m, k, n, ell))}

    t = w.deal("matmul-triple", "triple", generate)
    masked = [
        ring(ell, (m * k + k * n,), [x - a for x, a in zip(inputs[i]["x"].values, t[i]["A"].values)]
             + [y - b for y, b in zip(inputs[i]["y"].values, t[i]["B"].values)])
        for i in range(w.n)
    ]
    opened = w.open_to_all("open", masked).values
    E, F = list(opened[: m * k]), list(opened[m * k:])
    z = []
    for i in range(w.n):
        right = [b + (f if i == 0 else 0) for b, f in zip(t[i]["B"].values, F)]
        eb = R.matmul(E, right, m, k, n, ell)
        af = R.matmul(list(t[i]["A"].values), F, m, k, n, ell)
        z.append(ring(ell, (m, n), [c + p + q for c, p, q in zip(t[i]["C"].values, eb, af)]))
    return [{"z": s} for s in truncate(w, cfg, cfg["truncation"], z, cfg["f"])]


def trunc(w, cfg, params, shapes, inputs):
    k = cfg["f"] if params["bits"] == "f" else params["bits"]
    z = truncate(w, cfg, _truncation_method(cfg, params), [p["x"] for p in inputs], k)
    return [{"z": s} for s in z]


# --- references (reference/arithmetic/*.ts): the exact fixed-point steps in the clear ---
def reference(algorithm, cfg, params, shapes, clear) -> dict:
    ell, f = cfg["ell"], cfg["f"]
    if algorithm in ("share", "reconstruct"):
        return {"x": clear["x"]}
    if algorithm == "mul":
        x, y = clear["x"], clear["y"]
        return {"z": ring(ell, x.shape, [R.floor_shift((a * b) & R.mask(ell), f, ell) for a, b in zip(x.values, y.values)])}
    if algorithm == "square":
        x = clear["x"]
        return {"z": ring(ell, x.shape, [R.floor_shift((a * a) & R.mask(ell), f, ell) for a in x.values])}
    if algorithm == "matmul":
        (m, k), (_, n) = shapes["x"], shapes["y"]
        prod = R.matmul(list(clear["x"].values), list(clear["y"].values), m, k, n, ell)
        return {"z": ring(ell, (m, n), [R.floor_shift(v, f, ell) for v in prod])}
    if algorithm == "trunc":
        k = f if params["bits"] == "f" else params["bits"]
        return {"z": ring(ell, clear["x"].shape, [R.floor_shift(v, k, ell) for v in clear["x"].values])}
    raise KeyError(algorithm)


PROTOCOLS = {"share": share, "reconstruct": reconstruct, "mul": mul, "square": square, "matmul": matmul, "trunc": trunc}
