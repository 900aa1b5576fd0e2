"""gelu_quad and gelu_fourier (docs/gelu.md; protocols/gelu/quad.ts, fourier.ts), all parties at once.

gelu_quad: 0.125x^2 + c1*x + c0. crypten: (encode_constant(0.125)*x >> f) times x (a Beaver product), encode_constant(c1)*x >> f,
+ encode_constant(c0); default: one square pair, (x^2 + 8*encode_constant(c1)*x) >> (f + 3), + encode_constant(c0).

gelu_fourier: c0 = [x < -T*sqrt2], c1 = [x < T*sqrt2] (ltz of x minus ceil(a*2^f)); the sine series
F = sum_k beta_k sin(2 pi k w / P) from one dealer-masked opening of delta = w - t (w = x * enc_2f(P/(20
sqrt2)) at scale 2^3f with a ring mask, or w = x with SecFormer's mask t in [-1024, 0)); delta is opened
with the comparisons (under default both thresholds from one ltz mask and one opening, delta in that
opening's message; after the second comparison under crypten); then crypten: E = -c0 + (c1 - c0)*F +
(1 - c1), (0.5*x)*(1 + E); default:
H = x*(1 + F) >> (f + 1), x*(1 - c1) + (c1 - c0)*H with both products in one message.
"""
import math

from . import ring as R
from .arithmetic import beaver_product, encode_constant, round_scaled, square_raw, truncate
from .fixed_point import add, add_const, map_shares, mul_const, mul_fixed, sub
from .comparison import ltz_crypten, ltz_lookup
from .tensor import ring

SERIES_PERIOD = 20
SECFORMER_SPAN = 1024
EXACT_BETA = [1.25772378663, -0.0299153819652, 0.382154875978, -0.0519122917473, 0.196033242446, -0.0624556774812, 0.11809184952]
RELEASED_BETA = [1.25772, -0.0299154, 0.382155, -0.0519123, 0.196033, -0.0624557, 0.118029]


# --- gelu_quad ---
def _quad_coefficients(params):
    return (0.125, 0.25, 0.5) if params["coefficients"] == "mpcformer" else (0.125, 0.5, 0.25)


def gelu_quad(w, cfg, params, shapes, inputs):
    _, linear, constant = _quad_coefficients(params)
    xs = [p["x"] for p in inputs]
    s = "gelu_quad/"
    if cfg["schedule"] == "crypten":
        eighth = mul_const(w, cfg, xs, 0.125, s + "eighth/")
        square = mul_fixed(w, cfg, eighth, xs, s + "square/")
        terms = add(square, mul_const(w, cfg, xs, linear, s + "linear/"))
    else:
        raw = add(square_raw(w, cfg["ell"], xs, s + "square/"), map_shares(xs, lambda v: v * (8 * encode_constant(cfg, linear))))
        terms = truncate(w, cfg, cfg["truncation"], raw, cfg["f"] + 3, s + "eighth/")
    return [{"z": z} for z in add_const(cfg, terms, constant)]


def gelu_quad_reference(algorithm, cfg, params, shapes, clear):
    ell, f = cfg["ell"], cfg["f"]
    _, linear, constant = _quad_coefficients(params)
    out = []
    for x in clear["x"].values:
        if cfg["schedule"] == "crypten":
            eighth = R.floor_shift((x * encode_constant(cfg, 0.125)) & R.mask(ell), f, ell)
            terms = R.floor_shift((eighth * x) & R.mask(ell), f, ell) + R.floor_shift((x * encode_constant(cfg, linear)) & R.mask(ell), f, ell)
        else:
            terms = R.floor_shift((x * x + x * 8 * encode_constant(cfg, linear)) & R.mask(ell), f + 3, ell)
        out.append(terms + encode_constant(cfg, constant))
    return {"z": ring(ell, clear["x"].shape, out)}


# --- the sine series' angle (spec/kernels/angle.ts, spec/gelu/fourier-params.ts) ---
def _opening(cfg, params):
    """(factor on x, period in ring units M, mask span or None for a ring mask, reduce mod 2pi?)"""
    f = cfg["f"]
    if params["mask"] == "ring-sound":
        factor = round_scaled((params["period"] / (SERIES_PERIOD * math.sqrt(2))) * 2 ** (2 * f), cfg["rounding"])
        return factor, params["period"] * 2 ** (3 * f), None
    return 1, (SERIES_PERIOD * math.sqrt(2)) * 2 ** f, SECFORMER_SPAN << f


def _period_fraction(signed: int, M) -> float:
    if float(M).is_integer() and M <= 2 ** 53:
        m = int(M)
        return (signed % m) / M
    v = float(signed)
    return math.fmod(math.fmod(v, M) + M, M) / M


def _fraction(cfg, M, value: int, reduce_2pi: bool) -> float:
    ell = cfg["ell"]
    signed = R.signed(value, ell)
    if reduce_2pi:
        s = (float(signed) / M) * SERIES_PERIOD
        two_pi = 2 * math.pi
        return math.fmod(math.fmod(s, two_pi) + two_pi, two_pi) / SERIES_PERIOD
    is_pow2 = float(M).is_integer() and M >= 1 and (int(M) & (int(M) - 1)) == 0
    if is_pow2 and M <= 2 ** min(53, ell):
        return (value % int(M)) / M  # exact: M divides 2^ell
    return _period_fraction(signed, M)


def _harmonics(cfg, fraction: float, weights):
    """encode_constant(w_k sin(2 pi k phi)), encode_constant(w_k cos(2 pi k phi)) for k = 1..K, by the angle-addition recurrence."""
    a = 2 * math.pi * fraction
    s1, c1 = math.sin(a), math.cos(a)
    F = 2 ** cfg["f"]
    s, c = s1, c1
    sins, coss = [], []
    for wk in weights:
        sins.append(round_scaled(wk * s * F, cfg["rounding"]))
        coss.append(round_scaled(wk * c * F, cfg["rounding"]))
        s, c = s * c1 + c * s1, c * c1 - s * s1
    return sins, coss


def _trig_mask(w, cfg, scope, M, span, K, shape):
    ell = cfg["ell"]
    m = R.mask(ell)

    def generate(draw):
        t = draw("t", ell, shape)
        tv = list(t.values)
        if span is not None:
            tv = [((v % span) - span) & m for v in tv]
        per = [_harmonics(cfg, _fraction(cfg, M, v, False), [1] * K) for v in tv]
        # frequency-major: harmonic j of element i at j*n + i, shape (K,) + shape
        sins = [per[i][0][j] for j in range(K) for i in range(len(tv))]
        coss = [per[i][1][j] for j in range(K) for i in range(len(tv))]
        return {"t": ring(ell, shape, tv), "sin": ring(ell, (K,) + tuple(shape), sins), "cos": ring(ell, (K,) + tuple(shape), coss)}

    return w.deal("trig-mask", scope + "mask", generate)


def _series_finish(w, cfg, scope, mask, delta, M, beta, reduce_2pi):
    ell, K = cfg["ell"], len(beta)
    out = []
    pub = []
    for d in delta.values:
        pub.append(_harmonics(cfg, _fraction(cfg, M, d, reduce_2pi), beta))
    n = len(delta.values)
    for i in range(w.n):
        sin_t, cos_t = mask[i]["sin"].values, mask[i]["cos"].values
        vals = []
        for k, (sd, cd) in enumerate(pub):
            vals.append(sum(sd[j] * cos_t[j * n + k] + cd[j] * sin_t[j * n + k] for j in range(K)))
        out.append(ring(ell, delta.shape, vals))
    return truncate(w, cfg, cfg["truncation"], out, cfg["f"], scope)


def _cut_units(cfg, at: float) -> int:
    return math.ceil(at * 2 ** cfg["f"])


def gelu_fourier(w, cfg, params, shapes, inputs):
    ell, f = cfg["ell"], cfg["f"]
    s = "gelu_fourier/"
    xs = [p["x"] for p in inputs]
    shape, n = xs[0].shape, len(xs[0].values)
    beta = EXACT_BETA if params["beta"] == "exact" else RELEASED_BETA
    factor, M, span = _opening(cfg, params)
    reduce_2pi = params["reduction"] == "2pi"
    ws = xs if factor == 1 else map_shares(xs, lambda v: v * (factor))
    mask = _trig_mask(w, cfg, s + "series/", M, span, len(beta), shape)
    masked = [ring(ell, shape, [u - t for u, t in zip(ws[i].values, mask[i]["t"].values)]) for i in range(w.n)]
    cuts = [-params["T"] * math.sqrt(2), params["T"] * math.sqrt(2)]
    if cfg["schedule"] == "crypten":
        shifted = [[ring(ell, shape, [x - (_cut_units(cfg, a) if i == 0 else 0) for x in xs[i].values]) for i in range(w.n)] for a in cuts]
        c0 = ltz_crypten(w, ell, shifted[0], s + "cut0/")
        c1 = ltz_crypten(w, ell, shifted[1], s + "cut1/")
        delta = w.open_to_all(s + "cut1/ltz/alongside", masked)
    else:
        (c0, c1), delta = ltz_lookup(w, ell, xs, s + "cuts/", masked, [_cut_units(cfg, a) for a in cuts])
    F = _series_finish(w, cfg, s + "series/trunc/", mask, delta, M, beta, reduce_2pi)
    not_c1 = [ring(ell, shape, [(1 if i == 0 else 0) - v for v in c1[i].values]) for i in range(w.n)]
    inside = sub(c1, c0)
    if cfg["schedule"] == "crypten":
        middle = beaver_product(w, ell, inside, F, s + "select/")
        e = add(sub(middle, map_shares(c0, lambda v: v * (1 << f))), map_shares(not_c1, lambda v: v * (1 << f)))
        half = mul_const(w, cfg, xs, 0.5, s + "gate/half/")
        z = mul_fixed(w, cfg, half, add_const(cfg, e, 1), s + "gate/product/")
        return [{"z": v} for v in z]
    raw = beaver_product(w, ell, xs, add_const(cfg, F, 1), s + "middle/")
    half = truncate(w, cfg, cfg["truncation"], raw, f + 1, s + "half/")
    left = [ring(ell, (2 * n,), list(xs[i].values) + list(half[i].values)) for i in range(w.n)]
    right = [ring(ell, (2 * n,), list(not_c1[i].values) + list(inside[i].values)) for i in range(w.n)]
    prod = beaver_product(w, ell, left, right, s + "select/")
    return [{"z": ring(ell, shape, [a + b for a, b in zip(p.values[:n], p.values[n:])])} for p in prod]


def gelu_fourier_reference(algorithm, cfg, params, shapes, clear):
    ell, f = cfg["ell"], cfg["f"]
    beta = EXACT_BETA if params["beta"] == "exact" else RELEASED_BETA
    factor, M, _ = _opening(cfg, params)
    reduce_2pi = params["reduction"] == "2pi"
    cuts = [-params["T"] * math.sqrt(2), params["T"] * math.sqrt(2)]
    one = 1 << f
    out = []
    for x in clear["x"].values:
        c0, c1 = ((R.signed(x, ell) < _cut_units(cfg, a)) * 1 for a in cuts)
        F = sum(_harmonics(cfg, _fraction(cfg, M, (x * factor) & R.mask(ell), reduce_2pi), beta)[0])
        if cfg["schedule"] == "crypten":
            e = (c1 - c0) * F - c0 * one + (1 - c1) * one
            half = R.floor_shift((x * encode_constant(cfg, 0.5)) & R.mask(ell), f, ell)
            out.append(R.floor_shift((half * (e + encode_constant(cfg, 1))) & R.mask(ell), f, ell))
        else:
            h = R.floor_shift((x * (F + encode_constant(cfg, 1))) & R.mask(ell), f + 1, ell)
            out.append(x * (1 - c1) + h * (c1 - c0))
    return {"z": ring(ell, clear["x"].shape, out)}
