"""The ops the defective backend offers, as mpcspec's references compute them (cleartext).

Each op is `op(engine, inputs, params)`: inputs maps an input name to its signed ring words (a flat,
row-major list, `Words`, that also carries the request's shape: row-wise ops read the row length from
it), the result maps each output name to its ring words. The runner checks the shapes that come back.
"""

import math


class Words(list):
    """A request tensor's signed ring words, flat and row-major, with its shape."""

    def __init__(self, words, shape):
        super().__init__(words)
        self.shape = shape


def mul(e, i, p):
    return {"z": [e.product(x, y) for x, y in zip(i["x"], i["y"])]}


def square(e, i, p):
    return {"z": [e.product(x, x) for x in i["x"]]}


def mul_const(e, i, p):
    return {"z": [e.product(x, e.constant(p["c"])) for x in i["x"]]}


def add_const(e, i, p):
    return {"z": [e.add_const(x, p["c"]) for x in i["x"]]}


def ltz(e, i, p):
    return {"z": [1 if x < 0 else 0 for x in i["x"]]}


def lt(e, i, p):
    return {"z": [1 if e.wrap(x - y) < 0 else 0 for x, y in zip(i["x"], i["y"])]}


def gt(e, i, p):
    return {"z": [1 if e.wrap(y - x) < 0 else 0 for x, y in zip(i["x"], i["y"])]}


def exp(e, i, p):
    return {"z": [e.exp_limit(x, p["iterations"]) for x in i["x"]]}


def reciprocal_positive(e, x, iterations):
    base = e.add_const(e.wrap(-2 * x), 1)
    y = e.add_const(e.wrap(3 * e.exp_limit(base, 8)), e.reciprocal_offset)
    for _ in range(iterations):
        y = e.wrap(y + e.wrap(y - e.mul_fx(e.square_fx(y), x)))
    return y


def reciprocal_nr_pos(e, i, p):
    return {"z": [reciprocal_positive(e, x, p["iterations"]) for x in i["x"]]}


def reciprocal_signed(e, x, iterations):
    sign = -1 if x < 0 else 1
    return e.wrap(sign * reciprocal_positive(e, sign * x, iterations))


def reciprocal_nr(e, i, p):
    return {"z": [reciprocal_signed(e, x, p["iterations"]) for x in i["x"]]}


def goldschmidt_reciprocal(e, d, t, eta):
    two_minus = lambda b: e.add_const(-b, 2)
    b = e.mul_const(d, 1 / eta) if eta != 1 else d
    a = two_minus(b)
    last_needs_b = e.schedule == "crypten"
    if t > 1 or last_needs_b:
        b = e.mul_fx(b, a)
    for k in range(1, t):
        m = two_minus(b)
        a = e.mul_fx(a, m)
        if k < t - 1 or last_needs_b:
            b = e.mul_fx(b, m)
    return e.mul_const(a, 1 / eta) if eta != 1 else a


def reciprocal_goldschmidt(e, i, p):
    return {"z": [goldschmidt_reciprocal(e, x, p["t"], p["eta"]) for x in i["x"]]}


def goldschmidt_inv_sqrt(e, x, t, eta):
    q = e.mul_const(x, 1 / eta) if eta != 1 else x
    y = None
    for k in range(t):
        m = e.trunc_bits(e.add_const(-q, 3), 1)
        if k < t - 1 or e.schedule == "crypten":
            q = e.mul_fx(q, e.square_fx(m))
        y = m if y is None else e.mul_fx(y, m)
    return e.mul_const(y, 1 / math.sqrt(eta)) if eta != 1 else y


def inv_sqrt_goldschmidt(e, i, p):
    return {"z": [goldschmidt_inv_sqrt(e, x, p["t"], p["eta"]) for x in i["x"]]}


def inv_sqrt(e, x, iterations):
    scale, offset = e.inv_sqrt_guess
    g = e.exp_limit(e.wrap(-e.add_const(e.trunc_bits(x, 1), 0.2)), 8)
    y = e.wrap(e.add_const(e.mul_const(g, scale), offset) - e.trunc_bits(x, 10))
    for _ in range(iterations):
        w = e.add_const(e.wrap(-e.mul_fx(x, e.square_fx(y))), 3)
        y = e.trunc_bits(e.mul_fx(y, w), 1)
    return y


def inv_sqrt_nr(e, i, p):
    return {"z": [inv_sqrt(e, x, p["iterations"]) for x in i["x"]]}


def sin(e, i, p):
    """enc(sin(2πk·x/P)) for every frequency k, x reduced modulo the period in ring units first."""
    period_units = int(p["period"] * e.F)
    out = []
    for x in i["x"]:
        fraction = (x % period_units) / period_units
        out.extend(e.sin_cos(k, fraction)[0] for k in p["frequencies"])
    return {"z": out}


def gelu_quad(e, i, p):
    """0.125·x² + c₁·x + c₀, crypten schedule: ⌊⌊enc(0.125)·x⌋·x⌋ + ⌊enc(c₁)·x⌋ + enc(c₀)."""
    a, b, c = e.quad_coefficients
    return {"z": [e.add_const(e.wrap(e.mul_fx(e.mul_const(x, a), x) + e.mul_const(x, b)), c) for x in i["x"]]}


# PUMA's GeLU polynomials (spec/gelu/puma.ts): P₃'s coefficients of x⁰…x³, P₆'s of x⁰, x, x², x⁴, x⁶
PUMA_CUBIC = (-0.5054031199708174, -0.42226581151983866, -0.11807612951181953, -0.011034134030615728)
PUMA_SEXTIC = (0.008526321541038084, 0.5, 0.3603292692789629, -0.037688200365904236, 0.0018067462606141187)


def puma(e, x):
    """Three public comparisons, the powers, each polynomial a truncation per term (crypten schedule)."""
    c0, c1, c2 = e.below(x, -4), e.below(x, e.puma_middle_cut), e.below(x, 3, inclusive=True)
    x2 = e.square_fx(x)
    x3 = e.mul_fx(x, x2)
    x4, x6 = e.square_fx(x2), e.square_fx(x3)
    terms = lambda pairs: e.wrap(sum(e.mul_const(a, k) for a, k in pairs))
    p3 = e.add_const(terms([(x3, PUMA_CUBIC[3]), (x2, PUMA_CUBIC[2]), (x, PUMA_CUBIC[1])]), PUMA_CUBIC[0])
    s0, s1, s2, s4, s6 = PUMA_SEXTIC
    p6 = e.add_const(terms([(x6, s6), (x4, s4), (x2, s2), (x, s1)]), s0)
    if e.puma_one_indicator:
        return e.wrap((c1 - c0) * (p3 + p6) + (c2 - c1) * x)
    return e.wrap((c1 - c0) * p3 + (c2 - c1) * p6 + (1 - c2) * x)


def gelu_puma(e, i, p):
    return {"z": [puma(e, x) for x in i["x"]]}


# SecFormer's Fourier GeLU (spec/gelu/fourier-params.ts): βₖ of erf's sine series, period 20 in z = x/√2
FOURIER_BETA = {
    "exact": (1.25772378663, -0.0299153819652, 0.382154875978, -0.0519122917473, 0.196033242446,
              -0.0624556774812, 0.11809184952),
    "released": (1.25772, -0.0299154, 0.382155, -0.0519123, 0.196033, -0.0624557, 0.118029),
}
SERIES_PERIOD = 20


def sine_series(e, fraction, beta):
    """Σₖ enc(βₖ·sin(2πkφ)), the harmonics by the angle-addition recurrence (as spec/kernels/angle.ts)."""
    a = 2 * math.pi * fraction
    s1, c1 = math.sin(a), math.cos(a)
    s, c, total = s1, c1, 0
    for b in beta:
        total += e.round_scaled(b * s * e.F)
        s, c = s * c1 + c * s1, c * c1 - s * s1
    return e.wrap(total)


def fourier(e, x, p):
    """Two public cuts, the series at x/√2 (ring-sound: x·P/(20√2) at scale 2^(3f)), crypten's selection
    −c₀ + (c₁ − c₀)·F + (1 − c₁), then (0.5·x)·(1 + E)."""
    t = p["T"] * math.sqrt(2)
    c0, c1 = e.below(x, -t), e.below(x, t)
    if p["mask"] == "ring-sound":
        factor = e.round_scaled(p["period"] / (SERIES_PERIOD * math.sqrt(2)) * (1 << (2 * e.f)))
        u, period_units = e.wrap(x * factor), p["period"] * (1 << (3 * e.f))
    else:
        u, period_units = x, SERIES_PERIOD * math.sqrt(2) * e.F
    series = sine_series(e, e.period_fraction(u, period_units, SERIES_PERIOD), FOURIER_BETA[p["beta"]])
    erf = e.wrap((c1 - c0) * series - c0 * e.F + (1 - c1) * e.F)
    return e.mul_fx(e.mul_const(x, 0.5), e.add_const(erf, 1))


def gelu_fourier(e, i, p):
    return {"z": [fourier(e, x, p) for x in i["x"]]}


def rows(words):
    n = words.shape[-1]
    return [words[k : k + n] for k in range(0, len(words), n)]


def denominator(e, g, d):
    """g / Σ_row g (spec/attention/denominator.ts): the row sum, deflated by c = enc(1/D), D = η·N,
    CrypTen's Newton reciprocal (with its sign step, as the crypten schedule takes it) or Goldschmidt's,
    then c·r times g."""
    deflated = d["eta"] != "none" and e.deflates[d["method"]]
    c = 1 / (d["eta"] * len(g)) if deflated else None
    s = e.wrap(sum(g))
    s = e.mul_const(s, c) if deflated else s
    if d["method"] == "newton":
        newton = reciprocal_signed if d["signStep"] else reciprocal_positive
        r = newton(e, s, d["iterations"])
    else:
        r = goldschmidt_reciprocal(e, s, d["t"], 1)
    r = e.mul_const(r, c) if deflated else r
    return [e.mul_fx(v, r) for v in g]


def softmax_2quad(e, i, p):
    """(x + c)² / Σ_row (x + c)², the square as one fixed-point product."""
    out = []
    for row in rows(i["x"]):
        out.extend(denominator(e, [e.square_fx(e.add_const(x, p["c"])) for x in row], p["denominator"]))
    return {"z": out}


OPS = {
    "mul": mul,
    "square": square,
    "mul_const": mul_const,
    "add_const": add_const,
    "ltz": ltz,
    "lt": lt,
    "gt": gt,
    "exp": exp,
    "reciprocal_nr_pos": reciprocal_nr_pos,
    "reciprocal_nr": reciprocal_nr,
    "reciprocal_goldschmidt": reciprocal_goldschmidt,
    "inv_sqrt_goldschmidt": inv_sqrt_goldschmidt,
    "inv_sqrt_nr": inv_sqrt_nr,
    "sin": sin,
    "gelu_quad": gelu_quad,
    "gelu_puma": gelu_puma,
    "gelu_fourier": gelu_fourier,
    "softmax_2quad": softmax_2quad,
}

# What the backend offers: op id and parameters (the spec's defaults are filled in by the runner).
OFFERED = [
    {"id": "mul", "views": True},
    {"id": "square"},
    {"id": "mul_const", "params": {"c": 0.3}},
    {"id": "mul_const", "params": {"c": -2.75}},
    {"id": "add_const", "params": {"c": 1.5}},
    {"id": "ltz"},
    {"id": "lt"},
    {"id": "gt"},
    {"id": "exp"},
    {"id": "reciprocal_nr_pos"},
    {"id": "reciprocal_nr"},
    {"id": "reciprocal_goldschmidt", "params": {"t": 7, "eta": 1}},
    {"id": "reciprocal_goldschmidt", "params": {"t": 13, "eta": 128}},
    {"id": "inv_sqrt_goldschmidt", "params": {"t": 7, "eta": 1}},
    {"id": "inv_sqrt_goldschmidt", "params": {"t": 8, "eta": 100}},
    {"id": "inv_sqrt_nr"},
    {"id": "sin", "views": True},
    {"id": "sin", "params": {"variant": "ring", "period": 1024, "frequencies": [1, 3, 8]}, "views": True},
    {"id": "gelu_quad"},
    {"id": "gelu_puma"},
    {"id": "gelu_fourier"},
    {
        "id": "gelu_fourier",
        "params": {"T": 2.5, "beta": "released", "mask": "secformer", "period": 20, "reduction": "period"},
    },
    {"id": "softmax_2quad"},
    {
        "id": "softmax_2quad",
        "params": {"c": 5, "denominator": {"method": "newton", "iterations": 10, "signStep": True, "eta": 4}},
    },
]
