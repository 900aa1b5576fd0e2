// Secure sine on shares (spec/kernels/sin.ts, spec/kernels/sine-series.ts): the dealer's trig mask,
// one opening of δ = u − t, then per frequency k
//   ⟨w·sin(k·u)⟩ = enc(w·sin(kδ))·⟨cos(kt)⟩ + enc(w·cos(kδ))·⟨sin(kt)⟩,
// truncated once — per frequency for the `sin` kernel (one output column each), or summed over the
// harmonics with the series' weights wₖ = βₖ for a sine series (one output). The products and sums are
// the ring's elementwise kernels (SIMD, split across the helper thread) over whole rows: the series'
// factors are laid out frequency-major, so harmonic k is one contiguous row of n words.
import { type RingTensor, fromSafeIntegers, ringMask, ringTensor } from '../../core/ring.ts';
import { addWords, multiplyWords } from '../../core/ring-kernels.ts';
import { allocWords } from '../../core/word-pool.ts';
import { sub } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { openToAll } from '../../runtime/comm.ts';
import { type TrigMask, trigMask } from '../../runtime/material/trig.ts';
import type { Config } from '../../spec/config.ts';
import {
  type SineAngle,
  angleFractions,
  encodeFrequenciesInto,
  encodeHarmonicsWords,
} from '../../spec/kernels/angle.ts';
import { type SinParams, sinAngle } from '../../spec/kernels/sin.ts';
import type { SineSeriesParams } from '../../spec/kernels/sine-series.ts';
import { truncBits } from '../arithmetic/truncate.ts';
import { type Protocol, ringInput } from '../types.ts';

/**
 * out = Σ_k a_k·b_k + c_k·d_k mod 2^ℓ over `rows` rows of n words each (row k at k·n): two products and
 * two sums a row, with `scratch` for the products.
 */
function crossSums(
  ell: number,
  rows: number,
  n: number,
  [a, b, c, d]: readonly [BigUint64Array, BigUint64Array, BigUint64Array, BigUint64Array],
): BigUint64Array {
  const m = [ringMask(ell)];
  const out = allocWords(n);
  const scratch = allocWords(n, false);
  for (let k = 0; k < rows; k++) {
    const row = (x: BigUint64Array): BigUint64Array => x.subarray(k * n, (k + 1) * n);
    multiplyWords([row(a), row(b), scratch], m, n);
    addWords([out, scratch, out], m, n);
    multiplyWords([row(c), row(d), scratch], m, n);
    addWords([out, scratch, out], m, n);
  }
  return out;
}

/** ⟨sin(2πk·x/P)⟩ for every frequency k: shape [..., K]. One round. */
export async function sin(ctx: PartyContext, c: Config, x: RingTensor, p: SinParams): Promise<RingTensor> {
  const angle = sinAngle(c, p);
  const K = p.frequencies.length;
  const mask = trigMask(ctx, 'mask', c, angle, { kind: 'list', ks: p.frequencies }, x.shape);
  const delta = await openToAll(ctx, 'open', sub(x, mask.t));
  const fractions = angleFractions(angle, c.ell, delta.data);
  const s = new Float64Array(fractions.length * K);
  const co = new Float64Array(fractions.length * K);
  for (let i = 0; i < fractions.length; i++)
    encodeFrequenciesInto(c, fractions[i]!, p.frequencies, s, co, i * K);
  const shape = [...x.shape, K];
  const factors = [fromSafeIntegers(c.ell, shape, s), mask.cos, fromSafeIntegers(c.ell, shape, co), mask.sin];
  const z = crossSums(
    c.ell,
    1,
    s.length,
    factors.map((t) => t.data) as [BigUint64Array, BigUint64Array, BigUint64Array, BigUint64Array],
  );
  return truncBits(ctx.scope('trunc'), c, ringTensor(c.ell, shape, z), c.f);
}

/** ⟨Σₖ βₖ·sin(2πk·u/M)⟩ over the harmonics k = 1…K, from one opening; shape of u. One round. */
export async function sineSeries(
  ctx: PartyContext,
  c: Config,
  u: RingTensor,
  p: SineSeriesParams,
): Promise<RingTensor> {
  const s = maskSineSeries(ctx, c, u, p);
  return s.finish(await openToAll(ctx, 'open', s.masked));
}

/** A sine series whose one opening the caller sends (e.g. inside a comparison's first message). */
export interface MaskedSineSeries {
  /** This party's share of δ = u − t, to be opened. */
  readonly masked: RingTensor;
  /** The series from the opened δ: local, then one truncation (a round with the dealer's truncation). */
  finish(delta: RingTensor): Promise<RingTensor>;
}

/** The series' public factors from the opened δ, frequency-major like the dealer's material. */
function seriesFactors(
  c: Config,
  delta: RingTensor,
  angle: SineAngle,
  weights: readonly number[],
): [BigUint64Array, BigUint64Array] {
  const n = delta.data.length;
  const sinD = allocWords(n * weights.length, false);
  const cosD = allocWords(n * weights.length, false);
  encodeHarmonicsWords(c, angleFractions(angle, c.ell, delta.data), weights.length, weights, sinD, cosD);
  return [sinD, cosD];
}

/** The dealer's mask for a sine series, and how to finish it once δ is open (labels as sineSeries). */
export function maskSineSeries(
  ctx: PartyContext,
  c: Config,
  u: RingTensor,
  p: SineSeriesParams,
): MaskedSineSeries {
  const K = p.coefficients.length;
  const mask: TrigMask = trigMask(ctx, 'mask', c, p.angle, { kind: 'harmonics', count: K }, u.shape);
  return {
    masked: sub(u, mask.t),
    finish: (delta) => {
      const [sinD, cosD] = seriesFactors(c, delta, p.angle, p.coefficients);
      const n = delta.data.length;
      const z = crossSums(c.ell, K, n, [sinD, mask.cos.data, cosD, mask.sin.data]);
      return truncBits(ctx.scope('trunc'), c, ringTensor(c.ell, u.shape, z), c.f);
    },
  };
}

export const sinProtocol: Protocol<SinParams> = async (ctx, { config, params }, inputs) => ({
  z: await sin(ctx.scope('sin'), config, ringInput(ctx, inputs, 'x', config.ell), params),
});
