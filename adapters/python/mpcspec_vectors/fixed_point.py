"""Fixed-point steps on all parties' shares at once (protocols/arithmetic/fixed-point.ts, mul.ts,
square.ts): each takes and returns a list of Tensors, one per party. A public constant enters through
party 0, encoded by encode_constant; a product of two fixed-point values is truncated once by f with the
run's truncation method. The attention, GeLU and LayerNorm replays are written with these steps.
"""
from .arithmetic import beaver_product, encode_constant, square_raw, truncate
from .tensor import ring


def map_shares(xs, f):
    """f applied to every share word (a local linear step)."""
    return [ring(s.width, s.shape, [f(v) for v in s.values]) for s in xs]


def add_const(cfg, xs, v: float):
    """x + v: party 0 adds encode_constant(v)."""
    k = encode_constant(cfg, v)
    return [ring(s.width, s.shape, [x + k for x in s.values]) if i == 0 else s for i, s in enumerate(xs)]


def public_minus(xs, k: int):
    """k - x for a ring constant k, k entering through party 0."""
    return [ring(s.width, s.shape, [(k if i == 0 else 0) - v for v in s.values]) for i, s in enumerate(xs)]


def add(xs, ys):
    return [ring(x.width, x.shape, [p + q for p, q in zip(x.values, y.values)]) for x, y in zip(xs, ys)]


def sub(xs, ys):
    return [ring(x.width, x.shape, [p - q for p, q in zip(x.values, y.values)]) for x, y in zip(xs, ys)]


def trunc(w, cfg, xs, k: int, scope):
    """x >> k by the run's truncation method."""
    return truncate(w, cfg, cfg["truncation"], xs, k, scope)


def mul_const(w, cfg, xs, v: float, scope):
    """x * v for a public real v: a local product with encode_constant(v), then a truncation by f."""
    k = encode_constant(cfg, v)
    return trunc(w, cfg, map_shares(xs, lambda x: x * k), cfg["f"], scope)


def mul_fixed(w, cfg, xs, ys, scope):
    """x * y: one Beaver product (an opening), then a truncation by f."""
    return trunc(w, cfg, beaver_product(w, cfg["ell"], xs, ys, scope), cfg["f"], scope)


def mul_fixed_batch(w, cfg, pairs, scope):
    """Independent products in one opening: the operands concatenated, one product, split again."""
    ell = cfg["ell"]
    sizes = [len(a[0].values) for a, _ in pairs]
    total = (sum(sizes),)
    left = [ring(ell, total, [v for a, _ in pairs for v in a[i].values]) for i in range(w.n)]
    right = [ring(ell, total, [v for _, b in pairs for v in b[i].values]) for i in range(w.n)]
    z = mul_fixed(w, cfg, left, right, scope)
    out, at = [], 0
    for (a, _), n in zip(pairs, sizes):
        out.append([ring(ell, a[i].shape, z[i].values[at:at + n]) for i in range(w.n)])
        at += n
    return out


def square_fixed(w, cfg, xs, scope):
    """x^2: one square pair (an opening of x only), then a truncation by f."""
    return trunc(w, cfg, square_raw(w, cfg["ell"], xs, scope), cfg["f"], scope)
