"""The exponential and the reciprocal kernels on all parties' shares (protocols/kernels/exp.ts,
reciprocal-nr.ts), as the attention normalisers and LayerNorm call them.

    exp_limit          CrypTen's limit method: (1 + x / 2^n)^(2^n), the power by n squarings
    reciprocal_nr_pos  CrypTen's Newton reciprocal of a positive x: y0 = 3 exp(1 - 2x) + 0.003, then
                       `iterations` times y <- y + (y - y^2 x)
"""
from .fixed_point import add_const, map_shares, mul_fixed, square_fixed, trunc
from .tensor import ring

NR_EXP_ITERATIONS = 8


def exp_limit(w, cfg, xs, iterations, scope):
    y = add_const(cfg, trunc(w, cfg, xs, iterations, scope + "scale/"), 1)
    for i in range(iterations):
        y = square_fixed(w, cfg, y, "%ssq%d/" % (scope, i))
    return y


def reciprocal_nr_pos(w, cfg, xs, iterations, scope):
    base = add_const(cfg, map_shares(xs, lambda v: -2 * v), 1)
    y = add_const(cfg, map_shares(exp_limit(w, cfg, base, NR_EXP_ITERATIONS, scope + "guess/"), lambda v: 3 * v), 0.003)
    for i in range(iterations):
        step = "%snr%d/" % (scope, i)
        yx = mul_fixed(w, cfg, square_fixed(w, cfg, y, step + "sq/"), xs, step + "mul/")
        y = [ring(a.width, a.shape, [2 * p - q for p, q in zip(a.values, b.values)]) for a, b in zip(y, yx)]
    return y
