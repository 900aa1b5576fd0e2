// The denominator of every attention normaliser (ALGORITHMS.md §3, §4, §6): y = g(x) / (Σ_row g(x) + ε)
// for a non-negative numerator g (exp(x − max), (x + c)², 1 + x + x²/2, ReLU(x)), computed as the
// reciprocal of the row sum, broadcast over the row in one product (spec/rows/cost.ts mulFixedByRow).
//   method newton       CrypTen's Newton–Raphson reciprocal (spec/kernels/reciprocal-nr.ts), with
//                       CrypTen's sign step when `signStep` (its default reciprocal, as MPCFormer calls
//                       it) — under the crypten schedule only: the default schedule never takes it, the
//                       row sum of non-negative numerators being non-negative
//   method goldschmidt  SecFormer's iteration (spec/kernels/reciprocal-goldschmidt.ts), t iterations
// Deflation: a reciprocal converges only on a range (Newton's bound holds on [0.01, 50], Goldschmidt's
// on [1/16, 15/8]), while a row sum grows with the row length N. With `eta` a number, the row sum is
// divided by D = η·N first — η is the mean numerator the reciprocal is centred on — as the public
// product by c = enc(1/D) (one truncation of one value a row), and multiplied by the same c afterwards,
// so the constant's own encoding error cancels. The two schedules differ in where that second product
// falls:
//   crypten  r = c·recip(c·S), then y = g·r — the order of SecFormer's (1/η)·GS(d/η); r ≈ 1/S is a few
//            ulps at f = 16, so its floor alone costs up to a few percent of y
//   default  y = c·(g·recip(c·S)) — the same products, the floor on y instead of on r
// With `eta: "none"` the row sum goes to the reciprocal as it is (the released code of MPCFormer and
// SecFormer): on realistic rows it lies far outside the reciprocal's range (spec/defects.ts).
// ε (ReLU softmax) is added to the row sum by party 0 as an encoded constant; 1e-5 encodes to 0 at f = 16.
import * as t from 'io-ts';
import type { Config } from '../config.ts';
import { chosenBy } from '../codecs.ts';
import { free, seq } from '../cost.ts';
import type { Cost } from '../types.ts';
import { Iterations, PositiveReal } from '../kernels/params.ts';
import {
  GS_RECIPROCAL_DOMAIN,
  reciprocalGoldschmidt,
  reciprocalGoldschmidtCost,
} from '../kernels/reciprocal-goldschmidt.ts';
import { NR_DOMAIN, reciprocalNrPos, reciprocalNrPosCost } from '../kernels/reciprocal-nr.ts';
import { reciprocalNr, reciprocalNrCost } from '../kernels/reciprocal-nr-signed.ts';
import {
  type ErrorModel,
  type Tracked,
  addConst,
  encodedValue,
  exact,
  mulConst,
  mulFixed,
} from '../arithmetic/tracked.ts';
import { truncBitsCost } from '../arithmetic/cost.ts';
import { rowSum } from '../rows/tracked.ts';
import { mulFixedByRowCost } from '../rows/cost.ts';

/** η per element of the row, or no deflation. */
export const Deflation = t.union([t.literal('none'), PositiveReal]);
export type Deflation = t.TypeOf<typeof Deflation>;

export const Denominator = chosenBy('Denominator', 'method', {
  newton: t.type({
    method: t.literal('newton'),
    iterations: Iterations,
    signStep: t.boolean,
    eta: Deflation,
  }),
  goldschmidt: t.type({ method: t.literal('goldschmidt'), t: Iterations, eta: Deflation }),
});
export type Denominator = t.TypeOf<typeof Denominator>;

/** The public divisor D = η·N of a row sum (1 without deflation). */
export const deflationDivisor = (p: Denominator, n: number): number => (p.eta === 'none' ? 1 : p.eta * n);

/** Whether the reciprocal takes CrypTen's sign step in this configuration. */
export const takesSignStep = (config: Config, p: Denominator): boolean =>
  p.method === 'newton' && p.signStep && config.schedule === 'crypten';

/**
 * The range of c·S on which the reciprocal's bound holds. Goldschmidt's relative error after t steps is
 * (1 − b)^(2^t) ≈ e^(−b·2^t): besides its kernel's [1/16, 15/8] it reaches down to b = f·ln 2 / 2^t, where
 * that error is one ulp — a softmax row sum, anywhere in [1, N], needs t ≈ 13 to be covered by one η.
 */
export function reciprocalRange(config: Config, p: Denominator): { min: number; max: number } {
  if (p.method === 'newton') return NR_DOMAIN;
  const reach = (config.f * Math.LN2) / 2 ** p.t;
  return { min: Math.min(GS_RECIPROCAL_DOMAIN.min, reach), max: GS_RECIPROCAL_DOMAIN.max };
}

/**
 * Why a row sum S (reals, ε included) is outside the reciprocal's range after deflation, or undefined.
 * The deflated value is S·enc(1/D), with the constant as it encodes.
 */
export function rowSumOutside(config: Config, p: Denominator, n: number, S: number): string | undefined {
  const D = deflationDivisor(p, n);
  const c = D === 1 ? 1 : encodedValue(config, 1 / D);
  const { min, max } = reciprocalRange(config, p);
  const scaled = S * c;
  if (scaled >= min && scaled <= max) return undefined;
  return `its row sum ${S.toPrecision(4)}${D === 1 ? '' : ` deflated by ${D} (× ${c.toPrecision(3)}) to ${scaled.toPrecision(4)}`} lies outside the ${p.method} reciprocal's range [${Number(min.toPrecision(4))}, ${max}]`;
}

function reciprocalTracked(m: ErrorModel, p: Denominator, s: Tracked): Tracked {
  if (p.method === 'goldschmidt') return reciprocalGoldschmidt(m, s, { t: p.t, eta: 1 });
  return takesSignStep(m.config, p) ? reciprocalNr(m, s, p.iterations) : reciprocalNrPos(m, s, p.iterations);
}

/** A numerator that is 0 in the reference and in the protocol alike (ReLU of a non-positive score). */
const isExactZero = (g: Tracked): boolean => g.v === 0 && g.e === 0 && g.d === 0;

/**
 * y = g / (Σ_row g + ε) on one row of tracked numerators. A row of exact zeros (ReLU softmax on a row
 * with no positive score) has the row sum ε — 0 when ε encodes to 0 — outside every reciprocal's range:
 * the reciprocal is then some finite value (Newton doubles its guess, Goldschmidt doubles a) or, after a
 * wrap, garbage, but its product with the zero numerators is 0 in the ring all the same; only the
 * truncations of that product remain, so the row's output is 0 within their ulps.
 */
export function normalizeRows(
  m: ErrorModel,
  numerators: readonly Tracked[],
  p: Denominator,
  epsilon: number,
): Tracked[] {
  const n = numerators.length;
  const D = deflationDivisor(p, n);
  const sum = epsilon === 0 ? rowSum(numerators) : addConst(m, rowSum(numerators), epsilon);
  const scaled = D === 1 ? sum : mulConst(m, sum, 1 / D);
  const r = numerators.every(isExactZero) ? exact(0) : reciprocalTracked(m, p, scaled);
  if (D === 1) return numerators.map((g) => mulFixed(m, g, r));
  if (m.config.schedule === 'crypten') {
    const inflated = mulConst(m, r, 1 / D);
    return numerators.map((g) => mulFixed(m, g, inflated));
  }
  return numerators.map((g) => mulConst(m, mulFixed(m, g, r), 1 / D));
}

function reciprocalCost(config: Config, p: Denominator, rows: number): Cost {
  if (p.method === 'goldschmidt') return reciprocalGoldschmidtCost(config, { t: p.t, eta: 1 }, rows);
  return takesSignStep(config, p)
    ? reciprocalNrCost(config, p.iterations, rows)
    : reciprocalNrPosCost(config, p.iterations, rows);
}

/** The cost of normalizeRows over `rows` rows of n, the numerators given. */
export function normalizeRowsCost(config: Config, p: Denominator, rows: number, n: number): Cost {
  const deflated = deflationDivisor(p, n) !== 1;
  const deflate = deflated ? truncBitsCost(config, rows) : free(config);
  const inflate = deflated
    ? truncBitsCost(config, config.schedule === 'crypten' ? rows : rows * n)
    : free(config);
  const product = mulFixedByRowCost(config, rows * n, rows);
  return config.schedule === 'crypten'
    ? seq(config, deflate, reciprocalCost(config, p, rows), inflate, product)
    : seq(config, deflate, reciprocalCost(config, p, rows), product, inflate);
}
