"""LayerNorm over the last axis (spec/layernorm/layernorm.ts, docs/layernorm.md), all parties at once.

Per row: mu = floor(sum / n) (a division of the shares by the integer n); d = x - mu; the variance by one
square per feature (crypten: floor(sum floor(d^2) / n); default: floor(sum d^2 / (n 2^f))); plus epsilon;
r = 1/sqrt(s) by Goldschmidt (deflated by eta), CrypTen's Newton inv_sqrt, or sqrt then the Newton
reciprocal (with CrypTen's sign step under the crypten schedule); the row-broadcast product
d*r; then gamma (shared: a feature triple; public: a local product) and beta. Labels, message order and
dealer value names are those of protocols/layernorm/layernorm.ts and the steps it calls.
"""
import math

from . import ring as R
from .arithmetic import beaver_product, dealer_divide, encode_constant, square_raw
from .fixed_point import add_const, map_shares, mul_const, mul_fixed, mul_fixed_batch, square_fixed, sub, trunc
from .comparison import a2b_words, b2a_with_dabit
from .kernels import exp_limit, reciprocal_nr_pos
from .tensor import bits, ring


def _div_int(w, cfg, xs, d: int, scope):
    """floor(x / d) for a public integer d (protocols/arithmetic/divide.ts)."""
    if d == 1:
        return xs
    ell, method = cfg["ell"], cfg["truncation"]
    if method == "local-trunc":

        def toward_zero(v):
            s = R.signed(v, ell)
            q = abs(s) // d
            return -q if s < 0 else q

        return map_shares(xs, toward_zero)
    if method == "local-secureml":
        return [
            ring(ell, s.shape, [(R.signed(v, ell) // d) if i == 0 else -((-R.signed(v, ell)) // d) for v in s.values])
            for i, s in enumerate(xs)
        ]
    return dealer_divide(w, cfg, xs, d, scope + "div/")


def _neg(cfg, xs):
    return map_shares(xs, lambda v: -v)


def _row_sum(cfg, xs, n):
    return [ring(cfg["ell"], s.shape[:-1], [sum(s.values[r * n:(r + 1) * n]) for r in range(len(s.values) // n)]) for s in xs]


def _broadcast_rows(cfg, per, shape, n):
    return [ring(cfg["ell"], shape, [v for v in p.values for _ in range(n)]) for p in per]


# --- the inverse square roots (protocols/kernels/inv-sqrt-goldschmidt.ts, inv-sqrt-nr.ts, exp.ts) ---
def _inv_sqrt_goldschmidt(w, cfg, q, t: int, scope):
    y = None
    for k in range(t):
        step = "%sgs%d/" % (scope, k)
        m = trunc(w, cfg, add_const(cfg, _neg(cfg, q), 3), 1, step + "m/")
        last = k == t - 1
        if cfg["schedule"] == "crypten":
            q = mul_fixed(w, cfg, q, square_fixed(w, cfg, m, step + "m2/"), step + "q/")
            y = m if y is None else mul_fixed(w, cfg, y, m, step + "y/")
        elif last:
            y = m if y is None else mul_fixed(w, cfg, y, m, step + "y/")
        elif y is None:
            q = mul_fixed(w, cfg, q, square_fixed(w, cfg, m, step + "m2/"), step + "q/")
            y = m
        else:
            m2, ym = mul_fixed_batch(w, cfg, [(m, m), (y, m)], step + "m2,y/")
            q = mul_fixed(w, cfg, q, m2, step + "q/")
            y = ym
    return y


def _inv_sqrt_nr(w, cfg, x, iterations: int, scope):
    f = cfg["f"]
    half = trunc(w, cfg, x, 1, scope + "half/")
    e = exp_limit(w, cfg, _neg(cfg, add_const(cfg, half, 0.2)), 8, scope + "guess/")
    scaled = add_const(cfg, mul_const(w, cfg, e, 2.2, scope + "times2.2/"), 0.2)
    y = sub(scaled, trunc(w, cfg, x, 10, scope + "x/1024/"))
    for i in range(iterations):
        step = "%snr%d/" % (scope, i)
        if cfg["schedule"] == "crypten":
            xy2 = mul_fixed(w, cfg, x, square_fixed(w, cfg, y, step + "y2/"), step + "x*y2/")
            wv = add_const(cfg, _neg(cfg, xy2), 3)
            y = trunc(w, cfg, mul_fixed(w, cfg, y, wv, step + "y*w/"), 1, step + "half/")
        else:
            p, q = mul_fixed_batch(w, cfg, [(x, y), (y, y)], step + "xy,y2/")
            r = beaver_product(w, cfg["ell"], p, q, step + "xy3/")
            three = 3 << f
            y = trunc(w, cfg, sub(map_shares(y, lambda v: v * three), r), f + 1, step + "fold/")
    return y


def _reciprocal_nr(w, cfg, x, iterations: int, scope):
    """CrypTen's sign step around it (protocols/kernels/reciprocal-nr-signed.ts, signed.ts): ltz by A2B
    and a daBit B2A (the crypten schedule's), sign = 1 - 2 ltz, |x| = sign x, sign recip(|x|)."""
    ell = cfg["ell"]
    words = a2b_words(w, scope + "ltz/a2b", ell, x)
    top = [bits(ell, x[0].shape, [v >> (ell - 1) for v in s.values]) for s in words]
    negative = b2a_with_dabit(w, scope + "ltz/b2a", ell, top)
    sign = [ring(ell, b.shape, [(1 if i == 0 else 0) - 2 * v for v in b.values]) for i, b in enumerate(negative)]
    y = reciprocal_nr_pos(w, cfg, beaver_product(w, ell, sign, x, scope + "abs/"), iterations, scope)
    return beaver_product(w, ell, sign, y, scope + "signed/")


# --- epsilon and the method ---
def _epsilon(cfg, params) -> float:
    k = encode_constant(cfg, params["epsilon"])
    if k == 0 and params["epsilon"] > 0 and params["epsilonEncoding"] == "at-least-one-ulp":
        k = 1
    return k * 2.0 ** -cfg["f"]


def _eta(params) -> float:
    inv = params["invSqrt"]
    return inv["eta"] if inv["method"] == "goldschmidt" else 1


def _inv_sqrt(w, cfg, inv, s, scope):
    if inv["method"] == "goldschmidt":
        q0 = s if inv["eta"] == 1 else mul_const(w, cfg, s, 1 / inv["eta"], scope + "deflate/")
        return _inv_sqrt_goldschmidt(w, cfg, q0, inv["t"], scope)
    if inv["method"] == "newton":
        return _inv_sqrt_nr(w, cfg, s, inv["iterations"], scope)
    root = mul_fixed(w, cfg, _inv_sqrt_nr(w, cfg, s, inv["sqrtIterations"], scope + "sqrt/"), s, scope + "sqrt/times-x/")
    recip = _reciprocal_nr if cfg["schedule"] == "crypten" else reciprocal_nr_pos
    return recip(w, cfg, root, inv["reciprocalIterations"], scope + "reciprocal/")


def layernorm(w, cfg, params, shapes, inputs):
    f = cfg["f"]
    shape = shapes["x"]
    n = shape[-1]
    x = [p["x"] for p in inputs]
    scope = "layernorm/"
    mu = _div_int(w, cfg, _row_sum(cfg, x, n), n, scope + "mean/")
    d = sub(x, _broadcast_rows(cfg, mu, shape, n))
    if cfg["schedule"] == "crypten":
        variance = _div_int(w, cfg, _row_sum(cfg, square_fixed(w, cfg, d, scope + "square/"), n), n, scope + "variance/")
    else:
        variance = _div_int(w, cfg, _row_sum(cfg, square_raw(w, cfg["ell"], d, scope + "square/"), n), n << f, scope + "variance/")
    s = add_const(cfg, variance, _epsilon(cfg, params))
    r = _inv_sqrt(w, cfg, params["invSqrt"], s, scope + "inv-sqrt/")
    eta = _eta(params)
    if cfg["schedule"] == "crypten":
        if eta != 1:
            r = mul_const(w, cfg, r, 1 / math.sqrt(eta), scope + "inflate/")
        y = trunc(w, cfg, beaver_product(w, cfg["ell"], d, r, scope + "normalise/"), f, scope + "normalise/")
        eta = 1
    else:
        y = trunc(w, cfg, beaver_product(w, cfg["ell"], d, r, scope + "normalise/"), f, scope + "normalise/")
    z = _affine(w, cfg, params, y, inputs, eta, n, scope)
    return [{"z": zi} for zi in z]


def _affine(w, cfg, params, y, inputs, eta, n, scope):
    ell, f = cfg["ell"], cfg["f"]
    inflate = 1 / math.sqrt(eta)
    affine = params["affine"]
    if affine == "none":
        return y if eta == 1 else mul_const(w, cfg, y, inflate, scope + "inflate/")
    gamma = [p["gamma"] for p in inputs]
    beta = [p["beta"] for p in inputs]
    by_feature = lambda j: j % n
    if affine == "public":
        g = gamma[0]
        if eta != 1:
            k = encode_constant(cfg, inflate)
            g = ring(ell, g.shape, [R.floor_shift((v * k) & R.mask(ell), f, ell) for v in g.values])
        scaled = trunc(w, cfg, [ring(ell, yi.shape, [v * g.values[by_feature(j)] for j, v in enumerate(yi.values)]) for yi in y], f, scope + "gamma/")
        return [
            ring(ell, s.shape, [v + (beta[0].values[by_feature(j)] if i == 0 else 0) for j, v in enumerate(s.values)])
            for i, s in enumerate(scaled)
        ]
    g = gamma if eta == 1 else mul_const(w, cfg, gamma, inflate, scope + "inflate/")
    scaled = trunc(w, cfg, beaver_product(w, cfg["ell"], y, g, scope + "gamma/", by_feature=True), f, scope + "gamma/")
    return [ring(ell, s.shape, [v + beta[i].values[by_feature(j)] for j, v in enumerate(s.values)]) for i, s in enumerate(scaled)]


# --- the reference (reference/layernorm/layernorm.ts): the same steps on clear values, floors exact ---
class _Clear:
    """Signed ring arithmetic: every result wraps to Z_2^ell read as signed, every floor is exact."""

    def __init__(self, cfg):
        self.ell, self.f, self.cfg = cfg["ell"], cfg["f"], cfg

    def wrap(self, v):
        return R.signed(v & R.mask(self.ell), self.ell)

    def fdiv(self, v, d):
        return self.wrap(v) // d

    def mul(self, a, b):  # floor(a*b / 2^f)
        return self.fdiv(a * b, 1 << self.f)

    def const(self, c):
        return encode_constant(self.cfg, c)


def _ref_inv_sqrt(k: _Clear, inv, s):
    f = k.f
    if inv["method"] == "goldschmidt":
        q = s if inv["eta"] == 1 else k.mul(s, k.const(1 / inv["eta"]))
        y = None
        for it in range(inv["t"]):
            m = k.fdiv(k.wrap((3 << f) - q), 2)
            if it < inv["t"] - 1 or k.cfg["schedule"] == "crypten":
                q = k.mul(q, k.mul(m, m))
            y = m if y is None else k.mul(y, m)
        return y
    if inv["method"] == "newton":
        x = s
        e = _ref_exp(k, k.wrap(-(k.fdiv(x, 2) + k.const(0.2))), 8)
        y = k.wrap(k.mul(e, k.const(2.2)) + k.const(0.2) - k.fdiv(x, 1 << 10))
        for _ in range(inv["iterations"]):
            if k.cfg["schedule"] == "crypten":
                wv = k.wrap(k.const(3) - k.mul(x, k.mul(y, y)))
                y = k.fdiv(k.mul(y, wv), 2)
            else:
                r = k.wrap(k.mul(x, y) * k.mul(y, y))
                y = k.fdiv(k.wrap(y * (3 << f) - r), 1 << (f + 1))
        return y
    root = k.mul(_ref_inv_sqrt(k, {"method": "newton", "iterations": inv["sqrtIterations"]}, s), s)
    negative = root < 0 and k.cfg["schedule"] == "crypten"
    y = _ref_reciprocal_pos(k, -root if negative else root, inv["reciprocalIterations"])
    return -y if negative else y


def _ref_exp(k: _Clear, x, iterations: int):
    e = k.wrap(k.fdiv(x, 1 << iterations) + k.const(1))
    for _ in range(iterations):
        e = k.mul(e, e)
    return e


def _ref_reciprocal_pos(k: _Clear, x, iterations: int):
    y = k.wrap(3 * _ref_exp(k, k.wrap(k.const(1) - 2 * x), 8) + k.const(0.003))
    for _ in range(iterations):
        y = k.wrap(2 * y - k.mul(k.mul(y, y), x))
    return y


def layernorm_reference(algorithm, cfg, params, shapes, clear):
    k = _Clear(cfg)
    ell, f = cfg["ell"], cfg["f"]
    n = shapes["x"][-1]
    xs = [R.signed(v, ell) for v in clear["x"].values]
    rows = len(xs) // n
    eta = _eta(params)
    crypten = cfg["schedule"] == "crypten"
    inflate = k.const(1 / math.sqrt(eta))
    gamma = [R.signed(v, ell) for v in clear["gamma"].values] if params["affine"] != "none" else None
    beta = [R.signed(v, ell) for v in clear["beta"].values] if params["affine"] != "none" else None
    out = []
    for r in range(rows):
        row = xs[r * n:(r + 1) * n]
        mu = k.fdiv(sum(row), n)
        d = [k.wrap(v - mu) for v in row]
        if crypten:
            var = k.fdiv(sum(k.mul(v, v) for v in d), n)
        else:
            var = k.fdiv(sum(v * v for v in d), n << f)
        s = k.wrap(var + k.const(_epsilon(cfg, params)))
        rv = _ref_inv_sqrt(k, params["invSqrt"], s)
        if crypten and eta != 1:
            rv = k.mul(rv, inflate)
        y = [k.mul(v, rv) for v in d]
        if params["affine"] == "none":
            z = y if crypten or eta == 1 else [k.mul(v, inflate) for v in y]
        else:
            g = gamma if crypten or eta == 1 else [k.mul(v, inflate) for v in gamma]
            z = [k.wrap(k.mul(v, g[j]) + beta[j]) for j, v in enumerate(y)]
        out.extend(z)
    return {"z": ring(ell, shapes["x"], out)}
