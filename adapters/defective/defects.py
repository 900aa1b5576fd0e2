"""The defects this backend can be switched into, one small function each. Where a defect is in
mpcspec's catalogue (spec/defects.ts) the switch has its id.

A defect receives the engine and the op table (a copy per run) and replaces the one step it gets
wrong. `mpcspec conform` must fail every op a defect touches and name the defect from the outputs
alone (tests: test/backend/defective-backend.test.ts). To add one for a new op, write the op in
ops.py (its constants on the engine) and a function here that changes the one step, as quad_swapped
below does for gelu_quad.
"""

import math

DEFECTS = {}


def defect(name, summary):
    def register(fn):
        DEFECTS[name] = (summary, fn)
        return fn

    return register


def wrap_op(ops, name, around):
    """Replace ops[name] by around(original)."""
    original = ops[name]
    ops[name] = around(original)


@defect("decode-negatives", "decodes a negative fixed-point value v as v / (2^f - 1) instead of v / 2^f")
def decode_negatives(engine, ops, views):
    engine.decode = lambda v: v / (engine.F - 1) if v < 0 else v / engine.F


@defect("decode-off-by-one", "decodes negatives with a quotient truncated toward zero and a floored remainder (off by 1.0)")
def decode_off_by_one(engine, ops, views):
    def decode(v):
        quotient = -((-v) // engine.F) if v < 0 else v // engine.F  # toward zero
        return quotient + (v % engine.F) / engine.F  # remainder floored: wrong for negatives

    engine.decode = decode


@defect("rounding", "rounds the other way: constants to nearest instead of toward zero, truncations up instead of down")
def rounding(engine, ops, views):
    engine.rounding = "nearest" if engine.rounding == "trunc" else "trunc"
    engine.shift = lambda v, k: -((-v) >> k)


@defect("no-truncation", "forgets the truncation after a fixed-point product (mul, square, mul_const)")
def no_truncation(engine, ops, views):
    engine.product = lambda a, b: engine.wrap(a * b)


@defect("unsigned-shift", "truncates a product by an unsigned (logical) shift of its ring word")
def unsigned_shift(engine, ops, views):
    mask = (1 << engine.ell) - 1
    engine.product = lambda a, b: engine.wrap((engine.wrap(a * b) & mask) >> engine.f)


@defect("goldschmidt-undeflated", "runs Goldschmidt's reciprocal and inverse square root without the deflation by eta (also 2Quad's row sum)")
def goldschmidt_undeflated(engine, ops, views):
    for name in ("reciprocal_goldschmidt", "inv_sqrt_goldschmidt"):
        wrap_op(ops, name, lambda op: lambda e, i, p: op(e, i, dict(p, eta=1)))
    engine.deflates["goldschmidt"] = False


@defect("nr-all-positive", "feeds negative inputs to the all-positive Newton reciprocal (outside its domain)")
def nr_all_positive(engine, ops, views):
    ops["reciprocal_nr"] = ops["reciprocal_nr_pos"]


@defect("exp-iterations", "runs exp's limit method with 5 squarings where it claims 8")
def exp_iterations(engine, ops, views):
    wrap_op(ops, "exp", lambda op: lambda e, i, p: op(e, i, dict(p, iterations=5)))


@defect("sin-period", "computes the sine with twice the period (pi for 2 pi)")
def sin_period(engine, ops, views):
    wrap_op(ops, "sin", lambda op: lambda e, i, p: op(e, i, dict(p, period=2 * p["period"])))


@defect("sine-real-mask", "masks the sine's opening with t uniform over the reals in [-1024, 0), not over the ring")
def sine_real_mask(engine, ops, views):
    views.sin_mask = lambda rng: -1 - rng.randrange(1024 * engine.F)


@defect("split-when-negative", "sends mul's openings as two messages instead of one when some x is negative (traffic shape)")
def split_when_negative(engine, ops, views):
    views.split_when_negative = True


@defect("swap-constants", "swaps the two constants of the inverse square root's initial guess (2.2 and 0.2)")
def swap_constants(engine, ops, views):
    scale, offset = engine.inv_sqrt_guess
    engine.inv_sqrt_guess = (offset, scale)


@defect("epsilon-zero", "encodes the reciprocal's small offset 0.003 as 0 (as an epsilon below 2^-f would)")
def epsilon_zero(engine, ops, views):
    engine.reciprocal_offset = 0.0


@defect("operands-swapped", "computes lt(x, y) as y < x")
def operands_swapped(engine, ops, views):
    wrap_op(ops, "lt", lambda op: lambda e, i, p: op(e, {"x": i["y"], "y": i["x"]}, p))


@defect("quad-swapped", "computes Quad GeLU as 0.125x² + 0.5x + 0.25 (linear and constant coefficients swapped)")
def quad_swapped(engine, ops, views):
    quadratic, linear, constant = engine.quad_coefficients
    engine.quad_coefficients = (quadratic, constant, linear)


@defect("puma-breakpoint", "computes PUMA GeLU as SecFormer re-implemented it: cut at +1.95, both polynomials under one indicator")
def puma_breakpoint(engine, ops, views):
    engine.puma_middle_cut = -engine.puma_middle_cut
    engine.puma_one_indicator = True


@defect("fourier-mod-2pi", "reduces Fourier GeLU's opened value, read in z = x/sqrt 2, modulo 2 pi instead of the series period 20")
def fourier_mod_2pi(engine, ops, views):
    def fraction(v, period_units, series_period):
        z = v / period_units * series_period
        return math.fmod(math.fmod(z, 2 * math.pi) + 2 * math.pi, 2 * math.pi) / series_period

    engine.period_fraction = fraction


@defect("newton-large-sum", "feeds CrypTen's Newton reciprocal the undeflated row sum (2Quad's sums lie far above its range)")
def newton_large_sum(engine, ops, views):
    engine.deflates["newton"] = False


def apply(names, engine, ops, views):
    for name in names:
        DEFECTS[name][1](engine, ops, views)
