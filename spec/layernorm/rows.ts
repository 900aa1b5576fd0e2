// The rows LayerNorm is meant for (docs/layernorm.md "Domain"): a token's hidden state, x ∈ [−64, 64]
// per feature, with widths 768 (BERT-base) and 192 (ViT-Tiny, MPCViT on Tiny-ImageNet), and a row
// condition on its variance: σ² + ε must lie where the inverse square root converges —
//   goldschmidt      (σ² + ε)·enc(1/η) in [1/16, 2] (spec/kernels/inv-sqrt-goldschmidt.ts): σ² from η/16
//                    to 2η, so η places a band of 1.5 orders of magnitude where the rows' variances lie
//   newton, sqrt-reciprocal   σ² + ε in [0.2, 150] (CrypTen's inv_sqrt, spec/kernels/inv-sqrt-nr.ts):
//                    almost three orders of magnitude
// A constant row (σ² = 0) is outside every method's range: LayerNorm divides 0 by √ε there
// (docs/layernorm.md "Constant rows"). The typical row: σ² log-uniform over the method's range, a mean
// in [−2, 2], Gaussian features — with, in one row of two, an outlier feature six standard deviations
// out, as BERT's outlier dimensions — standardised so that the row has exactly that variance.
import type { Config } from '../config.ts';
import type { RowDomain } from '../types.ts';
import { encodedValue } from '../arithmetic/tracked.ts';
import { GS_INV_SQRT_DOMAIN } from '../kernels/inv-sqrt-goldschmidt.ts';
import { INV_SQRT_DOMAIN } from '../kernels/inv-sqrt-nr.ts';
import { type LayerNormParams, deflationOf, epsilonAdded } from './params.ts';

/** Features lie in [−ELEMENT_RANGE, ELEMENT_RANGE]. */
export const ELEMENT_RANGE = 64;
/** γ and β lie in [−AFFINE_RANGE, AFFINE_RANGE]. */
export const AFFINE_RANGE = 4;
/** Row widths: BERT-base's hidden size, and ViT-Tiny's (PriViT) and MPCViT's Tiny-ImageNet model's. */
export const LAYERNORM_WIDTHS: readonly number[] = [768, 192];

/** Mean and population variance of a row (two passes, float64). */
export function rowMoments(row: ArrayLike<number>): { mean: number; variance: number } {
  const n = row.length;
  let s = 0;
  for (let j = 0; j < n; j++) s += row[j]!;
  const mean = s / n;
  let q = 0;
  for (let j = 0; j < n; j++) q += (row[j]! - mean) ** 2;
  return { mean, variance: q / n };
}

/** The range of σ² + ε (reals) on which the method's inverse square root is bounded. */
export function varianceRange(p: LayerNormParams): { min: number; max: number } {
  const eta = deflationOf(p);
  return p.invSqrt.method === 'goldschmidt'
    ? { min: GS_INV_SQRT_DOMAIN.min * eta, max: GS_INV_SQRT_DOMAIN.max * eta }
    : INV_SQRT_DOMAIN;
}

/** Why the variance of this row (decoded reals) is outside the method's range, or undefined. */
export function varianceOutside(
  config: Config,
  p: LayerNormParams,
  row: ArrayLike<number>,
): string | undefined {
  const eps = epsilonAdded(config, p);
  const s = rowMoments(row).variance + eps;
  const eta = deflationOf(p);
  // Goldschmidt sees s·enc(1/η): the condition is on that value, with the constant as it encodes.
  const c = eta === 1 ? 1 : encodedValue(config, 1 / eta);
  const { min, max } = varianceRange(p);
  const inside = eta === 1 ? s >= min && s <= max : s * c >= min / eta && s * c <= max / eta;
  if (inside) return undefined;
  const show = (v: number): string => (v === 0 ? '0' : v.toPrecision(4));
  return `its σ² + ε = ${show(s)} (σ² ${show(s - eps)}, ε ${show(eps)}) is ${s < min ? 'below' : 'above'} [${min}, ${max}]`;
}

function gaussians(n: number, next: () => number): Float64Array {
  const z = new Float64Array(n);
  for (let j = 0; j < n; j += 2) {
    const r = Math.sqrt(-2 * Math.log(Math.max(next(), 1e-12)));
    const a = 2 * Math.PI * next();
    z[j] = r * Math.cos(a);
    if (j + 1 < n) z[j + 1] = r * Math.sin(a);
  }
  return z;
}

/** A typical hidden state of n features whose σ² + ε lies inside the method's range. */
export function typicalRow(config: Config, p: LayerNormParams, n: number, next: () => number): Float64Array {
  const { min, max } = varianceRange(p);
  const eps = epsilonAdded(config, p);
  // Strictly inside the range (the encoded row's variance differs from the target by a few ulps).
  const lo = Math.max(min * 1.1, eps) - eps;
  const hi = max / 1.1 - eps;
  const variance = Math.exp(Math.log(lo) + next() * (Math.log(hi) - Math.log(lo)));
  const sd = Math.sqrt(variance);
  const mean = (2 * next() - 1) * Math.max(0, Math.min(2, ELEMENT_RANGE - 8 * sd));
  const z = gaussians(n, next);
  if (n >= 16 && next() < 0.5) z[Math.floor(next() * n)] = (next() < 0.5 ? -6 : 6) + z[0]!;
  const m = rowMoments(z);
  const scale = m.variance > 0 ? sd / Math.sqrt(m.variance) : sd;
  return z.map((v, j) => {
    const u = m.variance > 0 ? v - m.mean : j % 2 === 0 ? 1 : -1;
    return Math.min(ELEMENT_RANGE, Math.max(-ELEMENT_RANGE, mean + scale * u));
  });
}

/**
 * A row of n values with exactly this mean and variance: its first feature stands `spike` standard
 * deviations out, its second sits on the mean (where γ·(x − μ)·r is smallest but its error is not), the
 * rest balance the spike and alternate around; undefined if it leaves [−64, 64].
 */
function spikeRow(n: number, mean: number, variance: number, spike: number): Float64Array | undefined {
  const rest = n - 2;
  // The alternating part pairs up (an odd one out stays at 0), so the row's mean is exactly `mean`.
  const alternate = (j: number): number => (rest % 2 === 1 && j === n - 1 ? 0 : j % 2 === 0 ? 1 : -1);
  const z = Float64Array.from({ length: n }, (_, j) =>
    j === 0 ? spike : j === 1 ? (rest === 0 ? -spike : 0) : -spike / rest + alternate(j),
  );
  const m = rowMoments(z);
  if (m.variance === 0) return undefined;
  const scale = Math.sqrt(variance / m.variance);
  const row = z.map((v) => mean + scale * (v - m.mean));
  return row.every((v) => Math.abs(v) <= ELEMENT_RANGE) ? row : undefined;
}

/**
 * The rows where LayerNorm's error peaks: the variance at both ends of the method's range and at
 * eleven points between (the inverse square root's error is largest at an end; a small σ magnifies the mean's
 * error),
 * each with the largest spike that fits in [−64, 64] — a normalised value as far out as √(n − 1), since
 * the error of γ·(x − μ)·r grows with |x − μ| — pointing up and down, at mean 0 and at mean 2.
 */
export function extremeRows(config: Config, p: LayerNormParams, n: number): Float64Array[] {
  const { min, max } = varianceRange(p);
  const eps = epsilonAdded(config, p);
  const lo = min * 1.02 - eps;
  const hi = max / 1.02 - eps;
  const rows: Float64Array[] = [];
  const steps = 12;
  const variances = Array.from({ length: steps + 1 }, (_, k) => lo * (hi / lo) ** (k / steps));
  for (const variance of variances)
    for (const mean of [0, 2])
      for (const sign of [1, -1]) {
        // Spikes from the largest a row can hold down to a few σ, the first that fits.
        const spikes = [n - 1, 64, 32, 16, 8, 4, 2].map((k) => sign * Math.sqrt(k));
        for (const spike of spikes) {
          const row = spikeRow(n, mean, variance, spike);
          if (row !== undefined) {
            rows.push(row);
            break;
          }
        }
      }
  return rows;
}

/** The row condition of LayerNorm's domain under these parameters. */
export function layerNormRowDomain(config: Config, p: LayerNormParams): RowDomain {
  const { min, max } = varianceRange(p);
  return {
    what: `σ² + ε in [${min}, ${max}], where the ${p.invSqrt.method} inverse square root converges`,
    check: (row) => varianceOutside(config, p, row),
    sample: (n, next) => typicalRow(config, p, n, next),
    extremes: (n) => extremeRows(config, p, n),
  };
}
