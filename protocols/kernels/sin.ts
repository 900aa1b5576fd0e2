// Secure sine on shares (spec/kernels/sin.ts, spec/kernels/sine-series.ts): the dealer's trig mask,
// one opening of δ = u − t, then per frequency k
//   ⟨w·sin(k·u)⟩ = enc(w·sin(kδ))·⟨cos(kt)⟩ + enc(w·cos(kδ))·⟨sin(kt)⟩,
// truncated once — per frequency for the `sin` kernel (one output column each), or summed over the
// harmonics with the series' weights wₖ = βₖ for a sine series (one output).
import { type RingTensor, fromSafeIntegers, ringMask, ringTensor } from '../../core/ring.ts';
import { allocWords } from '../../core/word-pool.ts';
import { sub } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { openToAll } from '../../runtime/comm.ts';
import {
  type TrigFrequencies,
  type TrigMask,
  frequencyCount,
  trigMask,
} from '../../runtime/material/trig.ts';
import type { Config } from '../../spec/config.ts';
import {
  type SineAngle,
  angleFractions,
  encodeFrequenciesInto,
  encodeHarmonicsInto,
} from '../../spec/kernels/angle.ts';
import { type SinParams, sinAngle } from '../../spec/kernels/sin.ts';
import type { SineSeriesParams } from '../../spec/kernels/sine-series.ts';
import { truncBits } from '../arithmetic/truncate.ts';
import { type Protocol, ringInput } from '../types.ts';

interface Opened {
  /** enc(w·sin(kδ)) and enc(w·cos(kδ)), [..., K], as ring elements. */
  readonly sinDelta: RingTensor;
  readonly cosDelta: RingTensor;
  /** The dealer's ⟨sin(kt)⟩ and ⟨cos(kt)⟩, [..., K]. */
  readonly sinT: RingTensor;
  readonly cosT: RingTensor;
}

/** The public factors of every frequency from the opened δ, beside the dealer's shares. */
function factors(
  c: Config,
  delta: RingTensor,
  mask: TrigMask,
  angle: SineAngle,
  frequencies: TrigFrequencies,
  weights: readonly number[] | undefined,
): Opened {
  const K = frequencyCount(frequencies);
  const n = delta.data.length;
  const fractions = angleFractions(angle, c.ell, delta.data);
  const s = new Float64Array(n * K);
  const co = new Float64Array(n * K);
  for (let i = 0; i < n; i++)
    if (frequencies.kind === 'list') encodeFrequenciesInto(c, fractions[i]!, frequencies.ks, s, co, i * K);
    else encodeHarmonicsInto(c, fractions[i]!, K, weights, s, co, i * K);
  const shape = [...delta.shape, K];
  return {
    sinDelta: fromSafeIntegers(c.ell, shape, s),
    cosDelta: fromSafeIntegers(c.ell, shape, co),
    sinT: mask.sin,
    cosT: mask.cos,
  };
}

/** The trig mask, the one opening, and the public factors of every frequency. */
async function openMasked(
  ctx: PartyContext,
  c: Config,
  u: RingTensor,
  angle: SineAngle,
  frequencies: TrigFrequencies,
  weights: readonly number[] | undefined,
): Promise<Opened> {
  const mask = trigMask(ctx, 'mask', c, angle, frequencies, u.shape);
  const delta = await openToAll(ctx, 'open', sub(u, mask.t));
  return factors(c, delta, mask, angle, frequencies, weights);
}

/** out[i] = Σ_{j<K} a[iK+j]·b[iK+j] + c[iK+j]·d[iK+j] mod 2^ℓ (K = 1: the elementwise form). */
function crossSums(o: Opened, K: number, ell: number): BigUint64Array {
  const a = o.sinDelta.data;
  const b = o.cosT.data;
  const cc = o.cosDelta.data;
  const d = o.sinT.data;
  const m = ringMask(ell);
  const n = a.length / K;
  const out = allocWords(n, false);
  for (let i = 0, o2 = 0; i < n; i++) {
    let acc = 0n;
    for (let j = 0; j < K; j++, o2++) acc = (acc + a[o2]! * b[o2]! + cc[o2]! * d[o2]!) & m;
    out[i] = acc;
  }
  return out;
}

/** ⟨sin(2πk·x/P)⟩ for every frequency k: shape [..., K]. One round. */
export async function sin(ctx: PartyContext, c: Config, x: RingTensor, p: SinParams): Promise<RingTensor> {
  const frequencies: TrigFrequencies = { kind: 'list', ks: p.frequencies };
  const o = await openMasked(ctx, c, x, sinAngle(c, p), frequencies, undefined);
  const z = crossSums(o, 1, c.ell);
  return truncBits(ctx.scope('trunc'), c, ringTensor(c.ell, o.sinDelta.shape, z), c.f);
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

/** The dealer's mask for a sine series, and how to finish it once δ is open (labels as sineSeries). */
export function maskSineSeries(
  ctx: PartyContext,
  c: Config,
  u: RingTensor,
  p: SineSeriesParams,
): MaskedSineSeries {
  const K = p.coefficients.length;
  const harmonics: TrigFrequencies = { kind: 'harmonics', count: K };
  const mask = trigMask(ctx, 'mask', c, p.angle, harmonics, u.shape);
  return {
    masked: sub(u, mask.t),
    finish: (delta) => {
      const o = factors(c, delta, mask, p.angle, harmonics, p.coefficients);
      return truncBits(ctx.scope('trunc'), c, ringTensor(c.ell, u.shape, crossSums(o, K, c.ell)), c.f);
    },
  };
}

export const sinProtocol: Protocol<SinParams> = async (ctx, { config, params }, inputs) => ({
  z: await sin(ctx.scope('sin'), config, ringInput(ctx, inputs, 'x', config.ell), params),
});
