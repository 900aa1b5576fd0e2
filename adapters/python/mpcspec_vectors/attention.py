"""The attention normalisers 2Quad and ReLU softmax (docs/attention.md; protocols/attention/*.ts), all
parties at once, and their references.

    softmax_2quad   g = (x + c)^2 — a square pair (default schedule) or the product (x + c)(x + c)
                    (crypten schedule) — then the denominator
    softmax_relu    g = x * (1 - ltz(x)), then the denominator with eps added by party 0

The denominator (spec/attention/denominator.ts): the row sum S (+ eps); with eta a number, S times the
public c = enc(1/(eta*N)) first, and c applied again after the reciprocal — to the reciprocal under the
crypten schedule, to the product under the default; the reciprocal is CrypTen's Newton iteration (with
its sign step under the crypten schedule when asked) or Goldschmidt's (a*m and b*m one after the other
under the crypten schedule, together under the default, the last b*m skipped); one product of every
numerator with its row's reciprocal (a row triple: |x| + rows values opened). Labels, message order and
dealer value names are those of the TypeScript protocols, which is what makes the replay bit-exact.
"""

from . import ring as R
from .arithmetic import beaver_product, encode_constant, truncate
from .fixed_point import add_const, map_shares, mul_const, mul_fixed, mul_fixed_batch, public_minus, square_fixed
from .comparison import ltz_shares
from .kernels import NR_EXP_ITERATIONS, reciprocal_nr_pos
from .tensor import ring




def mul_fixed_by_row(w, cfg, xs, rs, scope):
    """x times one value per row (protocols/rows/mul-by-row.ts), then the truncation."""
    return truncate(w, cfg, cfg["truncation"], beaver_product(w, cfg["ell"], xs, rs, scope), cfg["f"], scope)


def row_sum(xs):
    shape = xs[0].shape
    n = shape[-1]
    return [ring(s.width, shape[:-1], [sum(s.values[r * n:(r + 1) * n]) for r in range(len(s.values) // n)]) for s in xs]


# --- kernels on shares (protocols/kernels/*.ts) ---
def reciprocal_nr(w, cfg, xs, iterations, scope):
    """CrypTen's sign step around the positive reciprocal (protocols/kernels/reciprocal-nr-signed.ts)."""
    negative = ltz_shares(w, cfg, xs, scope)
    sign = [ring(s.width, s.shape, [(1 if i == 0 else 0) - 2 * v for v in s.values]) for i, s in enumerate(negative)]
    absolute = beaver_product(w, cfg["ell"], sign, xs, scope + "abs/")
    y = reciprocal_nr_pos(w, cfg, absolute, iterations, scope)
    return beaver_product(w, cfg["ell"], sign, y, scope + "signed/")


def reciprocal_goldschmidt(w, cfg, ds, t, scope):
    crypten = cfg["schedule"] == "crypten"
    b = ds
    a = add_const(cfg, map_shares(b, lambda v: -v), 2)
    if t > 1 or crypten:
        b = mul_fixed(w, cfg, b, a, scope + "gs0/b/")
    for k in range(1, t):
        step = "%sgs%d/" % (scope, k)
        m = add_const(cfg, map_shares(b, lambda v: -v), 2)
        if crypten:
            a = mul_fixed(w, cfg, a, m, step + "a/")
            b = mul_fixed(w, cfg, b, m, step + "b/")
        elif k < t - 1:
            a, b = mul_fixed_batch(w, cfg, [(a, m), (b, m)], step + "ab/")
        else:
            a = mul_fixed(w, cfg, a, m, step + "a/")
    return a


def _divisor(p, n):
    return 1 if p["eta"] == "none" else p["eta"] * n


def _sign_step(cfg, p):
    return p["method"] == "newton" and p["signStep"] and cfg["schedule"] == "crypten"


def normalize_rows(w, cfg, gs, p, epsilon, scope):
    n = gs[0].shape[-1]
    D = _divisor(p, n)
    total = row_sum(gs)
    s = total if epsilon == 0 else add_const(cfg, total, epsilon)
    scaled = s if D == 1 else mul_const(w, cfg, s, 1 / D, scope + "deflate/")
    if p["method"] == "goldschmidt":
        r = reciprocal_goldschmidt(w, cfg, scaled, p["t"], scope + "reciprocal/")
    elif _sign_step(cfg, p):
        r = reciprocal_nr(w, cfg, scaled, p["iterations"], scope + "reciprocal/")
    else:
        r = reciprocal_nr_pos(w, cfg, scaled, p["iterations"], scope + "reciprocal/")
    if D == 1:
        return mul_fixed_by_row(w, cfg, gs, r, scope + "normalise/")
    if cfg["schedule"] == "crypten":
        return mul_fixed_by_row(w, cfg, gs, mul_const(w, cfg, r, 1 / D, scope + "inflate/"), scope + "normalise/")
    return mul_const(w, cfg, mul_fixed_by_row(w, cfg, gs, r, scope + "normalise/"), 1 / D, scope + "inflate/")


# --- protocols ---
def softmax_2quad(w, cfg, params, shapes, inputs):
    scope = "softmax_2quad/"
    a = add_const(cfg, [p["x"] for p in inputs], params["c"])
    if cfg["schedule"] == "crypten":
        g = mul_fixed(w, cfg, a, a, scope + "numerator/")
    else:
        g = square_fixed(w, cfg, a, scope + "numerator/")
    return [{"z": z} for z in normalize_rows(w, cfg, g, params["denominator"], 0, scope)]


def softmax_relu(w, cfg, params, shapes, inputs):
    scope = "softmax_relu/"
    xs = [p["x"] for p in inputs]
    relu = scope + "numerator/relu/"
    g = beaver_product(w, cfg["ell"], xs, public_minus(ltz_shares(w, cfg, xs, relu), 1), relu)
    return [{"z": z} for z in normalize_rows(w, cfg, g, params["denominator"], params["epsilon"], scope)]


# --- references (reference/attention/*.ts): the same steps in the clear, each floor exact ---
class _Clear:
    def __init__(self, cfg):
        self.cfg, self.ell, self.f = cfg, cfg["ell"], cfg["f"]

    def red(self, v):
        return v & R.mask(self.ell)

    def floor(self, v, k):
        return R.floor_shift(self.red(v), k, self.ell)

    def add_const(self, xs, v):
        k = encode_constant(self.cfg, v)
        return [self.red(x + k) for x in xs]

    def mul_const(self, xs, v):
        k = encode_constant(self.cfg, v)
        return [self.floor(x * k, self.f) for x in xs]

    def mul_fixed(self, xs, ys):
        return [self.floor(x * y, self.f) for x, y in zip(xs, ys)]

    def exp(self, xs, iterations):
        y = self.add_const([self.floor(x, iterations) for x in xs], 1)
        for _ in range(iterations):
            y = self.mul_fixed(y, y)
        return y

    def recip_nr_pos(self, xs, iterations):
        y = self.exp(self.add_const([self.red(-2 * x) for x in xs], 1), NR_EXP_ITERATIONS)
        y = self.add_const([self.red(3 * v) for v in y], 0.003)
        for _ in range(iterations):
            yx = self.mul_fixed(self.mul_fixed(y, y), xs)
            y = [self.red(2 * p - q) for p, q in zip(y, yx)]
        return y

    def recip_nr(self, xs, iterations):
        sign = [-1 if R.signed(x, self.ell) < 0 else 1 for x in xs]
        y = self.recip_nr_pos([self.red(s * x) for s, x in zip(sign, xs)], iterations)
        return [self.red(s * v) for s, v in zip(sign, y)]

    def recip_gs(self, ds, t):
        crypten = self.cfg["schedule"] == "crypten"
        b = ds
        a = self.add_const([self.red(-v) for v in b], 2)
        if t > 1 or crypten:
            b = self.mul_fixed(b, a)
        for k in range(1, t):
            m = self.add_const([self.red(-v) for v in b], 2)
            a = self.mul_fixed(a, m)
            if k < t - 1 or crypten:
                b = self.mul_fixed(b, m)
        return a

    def normalize_rows(self, g, n, p, epsilon):
        D = _divisor(p, n)
        rows = len(g) // n
        s = [self.red(sum(g[r * n:(r + 1) * n])) for r in range(rows)]
        if epsilon != 0:
            s = self.add_const(s, epsilon)
        scaled = s if D == 1 else self.mul_const(s, 1 / D)
        if p["method"] == "goldschmidt":
            r = self.recip_gs(scaled, p["t"])
        elif _sign_step(self.cfg, p):
            r = self.recip_nr(scaled, p["iterations"])
        else:
            r = self.recip_nr_pos(scaled, p["iterations"])
        if D != 1 and self.cfg["schedule"] == "crypten":
            r = self.mul_const(r, 1 / D)
        y = [self.floor(g[k] * r[k // n], self.f) for k in range(len(g))]
        return y if D == 1 or self.cfg["schedule"] == "crypten" else self.mul_const(y, 1 / D)


def reference(algorithm, cfg, params, shapes, clear):
    c = _Clear(cfg)
    x = clear["x"]
    n = x.shape[-1]
    if algorithm == "softmax_2quad":
        a = c.add_const(list(x.values), params["c"])
        g = c.mul_fixed(a, a)
        return {"z": ring(c.ell, x.shape, c.normalize_rows(g, n, params["denominator"], 0))}
    if algorithm == "softmax_relu":
        g = [v if R.signed(v, c.ell) >= 0 else 0 for v in x.values]
        return {"z": ring(c.ell, x.shape, c.normalize_rows(g, n, params["denominator"], params["epsilon"]))}
    raise KeyError(algorithm)


PROTOCOLS = {"softmax_2quad": softmax_2quad, "softmax_relu": softmax_relu}
