// Angles of the secure sine (ALGORITHMS.md §3; SecFormer arXiv 2401.00793 §4.2, Zheng et al. 2023):
// a masked value u (a ring element) stands for the angle 2π·k·u / M, M the period in ring units
// (P·2^f for a value at scale 2^f). Reducing u modulo M first keeps float64 exact: for M a power of
// two dividing 2^ℓ the reduction of the ring element is the reduction of the real (that is what makes
// the ring-uniform mask sound); a bounded mask never wraps, so any real M works for it.
import { roundScaled } from '../../core/fixed.ts';
import type { Config } from '../config.ts';

/** M = P·2^f, the period in ring units of a value at scale 2^f. */
export const periodUnits = (config: Config, period: number): number => period * 2 ** config.f;

/**
 * How an opened δ = u − t becomes an angle, and how the dealer draws the mask t.
 *   ring     — t uniform in Z_2^ℓ: δ is perfectly masked; sound only when M is a power of two
 *              dividing 2^ℓ (the ring's wrap-around is then a whole number of periods).
 *   bounded  — t uniform over [−span, 0) ring units (SecFormer's real-interval mask): δ does not wrap,
 *              any real M works, but δ is only STATISTICALLY masked.
 * `reduceMod2pi` reproduces a released-code defect (spec/defects.ts 'fourier-mod-2pi'): the opened δ,
 * read in the series' own units (one period = `seriesPeriod`), is reduced modulo 2π instead of modulo
 * the period before the angle is taken.
 */
export interface SineAngle {
  readonly periodUnits: number;
  readonly mask: { readonly kind: 'ring' } | { readonly kind: 'bounded'; readonly span: bigint };
  readonly reduceMod2pi?: { readonly seriesPeriod: number };
}

/** v mod M as a fraction of the period in [0, 1), for a ring element read as signed. */
export function periodFraction(signed: bigint, M: number): number {
  if (Number.isInteger(M) && M <= 2 ** 53) {
    const m = BigInt(M);
    const r = ((signed % m) + m) % m;
    return Number(r) / M;
  }
  const v = Number(signed);
  return (((v % M) + M) % M) / M;
}

const TWO_PI = 2 * Math.PI;

/** The fraction of a period an opened (or cleartext) value stands for, under the angle's reduction. */
export function angleFraction(angle: SineAngle, signed: bigint): number {
  const r = angle.reduceMod2pi;
  if (r === undefined) return periodFraction(signed, angle.periodUnits);
  const s = (Number(signed) / angle.periodUnits) * r.seriesPeriod;
  return (((s % TWO_PI) + TWO_PI) % TWO_PI) / r.seriesPeriod;
}

/**
 * The fraction of a period each ring element stands for (angleFraction, element by element). A power-
 * of-two period of at most 2^53 ring units that divides 2^ℓ reads the low bits of each word's halves
 * (the same values, without a BigInt per element); any other angle goes element by element.
 */
export function angleFractions(angle: SineAngle, ell: number, words: BigUint64Array): Float64Array {
  const M = angle.periodUnits;
  const out = new Float64Array(words.length);
  const fast =
    angle.reduceMod2pi === undefined &&
    Number.isInteger(Math.log2(M)) &&
    M >= 1 &&
    M <= 2 ** Math.min(53, ell);
  if (!fast) {
    for (let i = 0; i < words.length; i++) out[i] = angleFraction(angle, BigInt.asIntN(ell, words[i]!));
    return out;
  }
  const halves = new Uint32Array(words.buffer, words.byteOffset, 2 * words.length);
  const lowMask = M >= 2 ** 32 ? 0xffffffff : M - 1;
  const highMask = M > 2 ** 32 ? M / 2 ** 32 - 1 : 0;
  for (let i = 0; i < words.length; i++)
    out[i] = ((halves[2 * i]! & lowMask) >>> 0) / M + ((halves[2 * i + 1]! & highMask) * 2 ** 32) / M;
  return out;
}

/**
 * The harmonics k = 1…K of each angle, encoded: enc(wₖ·sin(2πkφᵢ)) into word k·n + i of `sin` and
 * enc(wₖ·cos(2πkφᵢ)) into `cos` (frequency-major, n = fractions.length; wₖ = 1 without weights), as
 * ring elements. sin and cos of 2πφ are evaluated once; the higher harmonics follow by the angle-
 * addition recurrence sₖ₊₁ = sₖc₁ + cₖs₁, cₖ₊₁ = cₖc₁ − sₖs₁, in this order (float64 error ≈ k·2^−53,
 * far below the ulp the encoding rounds to; a reimplementation must take the same steps to get the same
 * encodings). The words' 32-bit halves are written directly (little-endian words, as every kernel assumes).
 */
export function encodeHarmonicsWords(
  config: Config,
  fractions: Float64Array,
  count: number,
  weights: readonly number[] | undefined,
  sin: BigUint64Array,
  cos: BigUint64Array,
): void {
  const n = fractions.length;
  const F = 2 ** config.f;
  const r = config.rounding;
  const ws = Float64Array.from({ length: count }, (_, k) => (weights === undefined ? 1 : weights[k]!));
  const sh = new Uint32Array(sin.buffer, sin.byteOffset, 2 * sin.length);
  const ch = new Uint32Array(cos.buffer, cos.byteOffset, 2 * cos.length);
  const loMask = config.ell >= 32 ? 0xffffffff : 2 ** config.ell - 1;
  const hiMask = config.ell >= 64 ? 0xffffffff : config.ell > 32 ? 2 ** (config.ell - 32) - 1 : 0;
  const put = (halves: Uint32Array, word: number, v: number): void => {
    halves[2 * word] = (v >>> 0) & loMask;
    halves[2 * word + 1] = (Math.floor(v / 4294967296) >>> 0) & hiMask;
  };
  for (let i = 0; i < n; i++) {
    const a = 2 * Math.PI * fractions[i]!;
    const s1 = Math.sin(a);
    const c1 = Math.cos(a);
    let s = s1;
    let c = c1;
    for (let k = 0; k < count; k++) {
      const w = ws[k]!;
      put(sh, k * n + i, roundScaled(w * s * F, r));
      put(ch, k * n + i, roundScaled(w * c * F, r));
      const s2 = s * c1 + c * s1;
      c = c * c1 - s * s1;
      s = s2;
    }
  }
}

/** The same for a list of frequencies, each evaluated on its own (the `sin` kernel's columns). */
export function encodeFrequenciesInto(
  config: Config,
  fraction: number,
  frequencies: readonly number[],
  sin: Float64Array,
  cos: Float64Array,
  at: number,
): void {
  const F = 2 ** config.f;
  for (let j = 0; j < frequencies.length; j++) {
    const a = 2 * Math.PI * ((frequencies[j]! * fraction) % 1);
    sin[at + j] = roundScaled(Math.sin(a) * F, config.rounding);
    cos[at + j] = roundScaled(Math.cos(a) * F, config.rounding);
  }
}
