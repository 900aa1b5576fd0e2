// The parameters of SecFormer's Fourier GeLU (ALGORITHMS.md §4 "Fourier"; SecFormer arXiv 2401.00793
// §4.2) and what follows from them: the segment thresholds, the sine series' coefficients, and the angle
// of its one masked opening. With z = x/√2,
//   erf(z) ≈ −1 for z < −T,   Σₖ₌₁..₇ βₖ·sin(kπz/10) for −T ≤ z < T,   +1 for z ≥ T,
// βₖ = (1/10)∫₋₁₀¹⁰ erf(z)·sin(kπz/10) dz: the Fourier sine series of erf on [−10, 10] (period 20 in z).
// Parameters:
//   T         — the middle segment's half-width in z (SecFormer's code: 2.5; a later re-implementation:
//               1.7, which is the more accurate: max |GeLU error| 0.018 against 0.058);
//   beta      — 'exact': the integrals above; 'released': SecFormer's table as coded (six digits,
//               β₇ = 0.118029 with two digits swapped);
//   mask      — 'ring-sound': the masked value is w = x·P/(20√2) held at scale 2^(3f), so one period
//               P of w is one period of the series, and the mask is uniform in Z_2^ℓ: with P a power
//               of two and P·2^(3f) dividing 2^ℓ the ring's wrap-around is a whole number of periods
//               and δ = w − t is perfectly masked; 'secformer': SecFormer's mask, t uniform over
//               [−1024, 0) on x itself, period 20√2 in x (20 in z) — δ never wraps, but it is only
//               STATISTICALLY masked (its distribution shifts with x; the view audit is expected to
//               find it, spec/privacy.ts knownLeak);
//   period    — P, the masked value's period: a power of two for 'ring-sound', 20 (the series' own)
//               for 'secformer';
//   reduction — 'period' (faithful); '2pi' reproduces the released code's defect: the opened δ, read
//               in z, reduced modulo 2π instead of 20 (spec/defects.ts 'fourier-mod-2pi').
import * as t from 'io-ts';
import { roundScaled } from '../../core/fixed.ts';
import { crossChecked } from '../codecs.ts';
import type { Config } from '../config.ts';
import type { PublicCut, SineAngle } from '../steps.ts';
import { PositiveReal } from '../kernels/params.ts';

/** βₖ = (1/10)∫₋₁₀¹⁰ erf(z)·sin(kπz/10) dz, k = 1…7 (test/gelu/fourier-coefficients.test.ts integrates them). */
export const EXACT_BETA: readonly number[] = [
  1.25772378663, -0.0299153819652, 0.382154875978, -0.0519122917473, 0.196033242446, -0.0624556774812,
  0.11809184952,
];
/** SecFormer's table as released: six digits, β₇ = 0.118029 (digits swapped). */
export const RELEASED_BETA: readonly number[] = [
  1.25772, -0.0299154, 0.382155, -0.0519123, 0.196033, -0.0624557, 0.118029,
];
/** The series' period in z = x/√2. */
export const SERIES_PERIOD = 20;
/** SecFormer's mask interval [−SECFORMER_SPAN, 0), in the units of the masked value. */
export const SECFORMER_SPAN = 1024;

const isPowerOfTwo = (p: number): boolean => p >= 1 && Number.isInteger(Math.log2(p));

const FourierBase = t.type({
  T: PositiveReal,
  beta: t.keyof({ exact: null, released: null }),
  mask: t.keyof({ 'ring-sound': null, secformer: null }),
  period: PositiveReal,
  reduction: t.keyof({ period: null, '2pi': null }),
});

export const GeluFourierParams = crossChecked(FourierBase, (p) => {
  if (p.mask === 'ring-sound' && !isPowerOfTwo(p.period))
    return {
      key: 'period',
      expected:
        "a power of two (1, 2, 4, …, 32, …) with mask 'ring-sound' — a uniform ring mask is sound only for those; SecFormer's period 20 needs mask 'secformer'",
    };
  if (p.mask === 'secformer' && p.period !== SERIES_PERIOD)
    return {
      key: 'period',
      expected: "20 with mask 'secformer' (the series' own period, as SecFormer runs it)",
    };
  return undefined;
});
export type GeluFourierParams = t.TypeOf<typeof FourierBase>;

export const fourierBeta = (p: GeluFourierParams): readonly number[] =>
  p.beta === 'exact' ? EXACT_BETA : RELEASED_BETA;

/** The two thresholds in x: c₀ = [z < −T] = [x < −T√2], c₁ = [z < T] = [x < T√2]. */
export const fourierCuts = (p: GeluFourierParams): readonly [PublicCut, PublicCut] => [
  { at: -p.T * Math.SQRT2 },
  { at: p.T * Math.SQRT2 },
];

/** The ring-sound rescaling w = x·c, c = P/(20√2) encoded with 2f fractional bits (w at scale 2^(3f)). */
export const ringSoundScale = (config: Config, p: GeluFourierParams): bigint =>
  BigInt(roundScaled((p.period / (SERIES_PERIOD * Math.SQRT2)) * 2 ** (2 * config.f), config.rounding));

/**
 * What is masked and opened: its scale factor on x (w = x·factor, as ring integers), the period of w in
 * real units of w, and the angle of the opening.
 */
export interface FourierOpening {
  readonly factor: bigint;
  /** w's ring units per real unit: 2^(3f) (ring-sound) or 2^f (secformer). */
  readonly unitsPerReal: number;
  /** The series' period in real units of w. */
  readonly period: number;
  readonly angle: SineAngle;
}

export function fourierOpening(config: Config, p: GeluFourierParams): FourierOpening {
  const defect = p.reduction === '2pi' ? { reduceMod2pi: { seriesPeriod: SERIES_PERIOD } } : {};
  if (p.mask === 'ring-sound') {
    const unitsPerReal = 2 ** (3 * config.f);
    return {
      factor: ringSoundScale(config, p),
      unitsPerReal,
      period: p.period,
      angle: { periodUnits: p.period * unitsPerReal, mask: { kind: 'ring' }, ...defect },
    };
  }
  const unitsPerReal = 2 ** config.f;
  const period = SERIES_PERIOD * Math.SQRT2;
  return {
    factor: 1n,
    unitsPerReal,
    period,
    angle: {
      periodUnits: period * unitsPerReal,
      mask: { kind: 'bounded', span: BigInt(SECFORMER_SPAN) << BigInt(config.f) },
      ...defect,
    },
  };
}

/** The ideal: ½·x·(1 + E(x/√2)) with the three segments. */
export function geluFourierIdeal(x: number, p: GeluFourierParams): number {
  const [low, high] = fourierCuts(p);
  if (x < low.at) return 0;
  if (!(x < high.at)) return x;
  const beta = fourierBeta(p);
  const phase = (2 * Math.PI * (x / Math.SQRT2)) / SERIES_PERIOD;
  let s = 0;
  beta.forEach((b, j) => (s += b * Math.sin((j + 1) * phase)));
  return 0.5 * x * (1 + s);
}
