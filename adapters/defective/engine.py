"""A cleartext fixed-point engine: the steps of mpcspec's references in Z_2^ell, exact floor truncation.

Every step a defect may get wrong is a method (or an attribute) of `Engine`, so a defect is one small
function that replaces it (defects.py). With no defect switched on, every op this engine offers
reproduces mpcspec's reference exactly and conforms.
"""

import math


class Engine:
    def __init__(self, ell=64, f=16, rounding="trunc", schedule="crypten"):
        self.ell, self.f, self.rounding, self.schedule = ell, f, rounding, schedule
        self.F = 1 << f
        # constants some kernels use, kept here so that a defect can change one
        self.reciprocal_offset = 0.003  # y0 = 3·exp(1 − 2x) + 0.003 (CrypTen's reciprocal)
        self.inv_sqrt_guess = (2.2, 0.2)  # y0 = 2.2·exp(−(x/2 + 0.2)) + 0.2 − x/1024 (CrypTen's inv_sqrt)
        self.quad_coefficients = (0.125, 0.25, 0.5)  # MPCFormer's Quad GeLU: x², x, 1
        self.puma_middle_cut = -1.95  # PUMA GeLU: P₃ on [−4, −1.95), P₆ on [−1.95, 3]
        self.puma_one_indicator = False  # True: both polynomials under [−4 ≤ x < cut], x on [cut, 3]
        # which attention denominators divide the row sum by the public D = η·N before the reciprocal
        self.deflates = {"newton": True, "goldschmidt": True}

    # ---- ring and fixed point ----------------------------------------------------------------------
    def wrap(self, v):
        """v mod 2^ell, read as two's complement."""
        v &= (1 << self.ell) - 1
        return v - (1 << self.ell) if v >> (self.ell - 1) else v

    def round_scaled(self, x):
        """A real already scaled by 2^f, to an integer: toward zero (trunc) or to nearest, ties to even."""
        if self.rounding == "trunc":
            return int(x)
        return int(round(x))

    def constant(self, c):
        """The integer a public constant encodes to."""
        return self.round_scaled(c * self.F)

    def shift(self, v, k):
        """Truncation by 2^k: the floor."""
        return v >> k

    def below(self, x, at, inclusive=False):
        """[x < at] (or [x ≤ at]) for a public threshold, exact on the fixed-point grid."""
        a = at * self.F
        return 1 if self.wrap(x - (math.floor(a) + 1 if inclusive else math.ceil(a))) < 0 else 0

    def period_fraction(self, v, period_units, series_period):
        """The fraction of a period a ring value v stands for (spec/kernels/angle.ts): v mod M, exact in
        integers when M is one, else in float64 as fmod; series_period is the period in the series' units."""
        if period_units == int(period_units) and period_units <= 2**53:
            m = int(period_units)
            return (v % m) / m
        return math.fmod(math.fmod(float(v), period_units) + period_units, period_units) / period_units

    def decode(self, v):
        """A fixed-point ring value as a real."""
        return v / self.F

    # ---- steps --------------------------------------------------------------------------------------
    def mul_fx(self, a, b):
        return self.wrap(self.shift(self.wrap(a * b), self.f))

    def square_fx(self, a):
        return self.mul_fx(a, a)

    def add_const(self, a, c):
        return self.wrap(a + self.constant(c))

    def mul_const(self, a, c):
        return self.wrap(self.shift(self.wrap(a * self.constant(c)), self.f))

    def trunc_bits(self, a, k):
        return self.wrap(self.shift(a, k))

    def product(self, a, b):
        """The op-level fixed-point product (mul, square, mul_const): product, then truncation."""
        return self.wrap(self.shift(self.wrap(a * b), self.f))

    def exp_limit(self, x, n):
        y = self.add_const(self.trunc_bits(x, n), 1)
        for _ in range(n):
            y = self.square_fx(y)
        return y

    def sin_cos(self, k, fraction):
        """enc(sin(2πk·φ)) and enc(cos(2πk·φ))."""
        a = 2 * math.pi * ((k * fraction) % 1)
        return self.round_scaled(math.sin(a) * self.F), self.round_scaled(math.cos(a) * self.F)
