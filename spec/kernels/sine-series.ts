// A sine series from one dealer-masked opening (ALGORITHMS.md §3 Secure sine; SecFormer arXiv
// 2401.00793 §4.2 and its Fourier GeLU): with the `sin` kernel's trig mask — t and enc(sin(2πk·t/M)),
// enc(cos(2πk·t/M)) for the harmonics k = 1…K — the parties open δ = u − t once and compute, locally,
//   Σₖ βₖ·sin(2πk·u/M) = Σₖ enc(βₖ·sin(2πk·δ/M))·⟨cos(2πk·t/M)⟩ + enc(βₖ·cos(2πk·δ/M))·⟨sin(2πk·t/M)⟩,
// one truncation for the whole sum (the weights βₖ ride on the public factors, so a weighted series
// costs what one sine does). The harmonics are evaluated by the angle-addition recurrence
// (spec/kernels/angle.ts). Reference: the same steps with t = 0, i.e. Σₖ enc(βₖ·sin(2πk·u/M)).
// Error model (per element, ε = 1 ulp under trunc encoding, ½ under nearest): the reference's K
// encodings; the protocol's per harmonic |a·cos + c·sin| ≤ √2·ε (the public factors' encodings a, c),
// |βₖ|·|b·sin + d·cos| ≤ √2·ε·|βₖ| (the dealer's encodings b, d) and a·b + c·d ≤ 2ε² ulp², then the
// truncation; an inexact input moves every harmonic by at most 2πk/P times its error.
import { free, openToAllCost, dealerCost, par, seq } from '../cost.ts';
import type { Config } from '../config.ts';
import { TRIG_MASK } from '../material.ts';
import type { Cost } from '../types.ts';
import { truncBitsCost } from '../arithmetic/cost.ts';
import { type ErrorModel, type Tracked, truncBits } from '../arithmetic/tracked.ts';
import type { SineAngle } from './angle.ts';

export interface SineSeriesParams {
  /** How the opened δ becomes an angle and how the mask is drawn. */
  readonly angle: SineAngle;
  /** β₁…β_K: the weight of each harmonic. */
  readonly coefficients: readonly number[];
}

/** Why this angle cannot run in this ring (a ring mask whose period does not divide 2^ℓ), or undefined. */
export function sineAngleUnsupported(config: Config, angle: SineAngle): string | undefined {
  if (angle.mask.kind !== 'ring') return undefined;
  const M = angle.periodUnits;
  if (!(Number.isInteger(Math.log2(M)) && M >= 1 && Math.log2(M) <= config.ell))
    return `a ring-uniform mask needs a period of 2^j ring units with j ≤ ℓ = ${config.ell} (got ${M})`;
  return undefined;
}

/** The dealer's trig mask for n elements: t and the sine and cosine of every harmonic (offline only). */
export const sineMaskCost = (config: Config, harmonics: number, n: number): Cost =>
  dealerCost(config, TRIG_MASK, n, n * (1 + 2 * harmonics));

/** The mask, one opening of n elements, then one truncation of n elements. */
export const sineSeriesCost = (config: Config, harmonics: number, n: number): Cost =>
  n === 0
    ? free(config)
    : seq(
        config,
        par(config, sineMaskCost(config, harmonics, n), openToAllCost(config, n)),
        truncBitsCost(config, n),
      );

/**
 * The series of a tracked input u, whose period in u's real units is `period`: Σₖ βₖ·sin(2πk·u/period).
 * (A released code's faulty reduction of δ depends on the mask and has no such model: such forms are
 * judged by the faithful parameters they claim.)
 */
export function sineSeries(
  m: ErrorModel,
  u: Tracked,
  period: number,
  coefficients: readonly number[],
): Tracked {
  const eps = m.config.rounding === 'trunc' ? 1 : 0.5;
  const phase = (2 * Math.PI * u.v) / period;
  let v = 0;
  let slope = 0;
  let protocolUlps = 0;
  coefficients.forEach((b, j) => {
    const k = j + 1;
    v += b * Math.sin(k * phase);
    slope += (Math.abs(b) * 2 * Math.PI * k) / period;
    protocolUlps += Math.SQRT2 * eps * (1 + Math.abs(b)) + 2 * eps * eps * m.u;
  });
  const reference = coefficients.length * eps * m.u;
  return truncBits(
    m,
    {
      v,
      e: reference + slope * u.e,
      d: protocolUlps * m.u + reference + slope * u.d,
      w: u.w,
      raw: true,
    },
    m.config.f,
  );
}
