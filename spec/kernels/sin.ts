// Secure sine (ALGORITHMS.md §3 "Secure sine"; SecFormer arXiv 2401.00793 §4.2; Zheng et al. 2023):
// the dealer shares a mask t with sin(2πk·t/P) and cos(2πk·t/P) for every frequency k; the parties open
// δ = x − t (one round, one element each) and compute, locally,
//   sin(2πk·x/P) = sin(2πk·δ/P)·cos(2πk·t/P) + cos(2πk·δ/P)·sin(2πk·t/P),
// one truncation for all frequencies. Output: shape [..., K], one column per frequency.
// Variants (the `variant` parameter):
//   ring      — t uniform in Z_2^ℓ; sound only when P is a power of two with P·2^f | 2^ℓ (the ring's
//               wrap-around is then a whole number of periods), and δ is then perfectly masked.
//   secformer — SecFormer's released code: P = 20 allowed, t uniform over the fixed-point reals in
//               [−1024, 0): δ = x − t does not wrap, so the result is right, but δ is only
//               STATISTICALLY masked (its distribution depends on x; the view check tells them apart).
// Reference: enc(sin(2πk·x/P)) — the protocol with t = 0. The protocol errs from it by the encodings of
// the four sines (each < ε ulp: ε = 1 under trunc encoding, ½ under nearest), combined through
// |e₁cos b + e₂sin b| ≤ √2·ε, plus the truncation.
import * as t from 'io-ts';
import { sizeOf } from '../../core/shape.ts';
import type { Config } from '../config.ts';
import { dealerCost, openToAllCost, par, seq } from '../cost.ts';
import { TRIG_MASK } from '../material.ts';
import { inputShape, vectorShapes } from '../shapes.ts';
import type { Bounds, Cost, ProtocolSpec } from '../types.ts';
import { truncationBounds, truncationCost } from '../arithmetic/truncation.ts';
import { Frequencies, PositiveReal } from './params.ts';
import { interval } from './unary.ts';

const isPowerOfTwo = (p: number): boolean => Number.isInteger(Math.log2(p)) && p >= 1;

/** A power of two ≥ 1: the periods for which the ring variant is sound. */
const PowerOfTwoPeriod = t.refinement(
  t.number,
  isPowerOfTwo,
  'power-of-two period (1, 2, 4, …) — the ring variant is sound only for these; use variant "secformer" for others',
);

export const SinParams = t.union([
  t.type({ variant: t.literal('ring'), period: PowerOfTwoPeriod, frequencies: Frequencies }),
  t.type({ variant: t.literal('secformer'), period: PositiveReal, frequencies: Frequencies }),
]);
export type SinParams = t.TypeOf<typeof SinParams>;

/** SecFormer's released mask interval [−MASK_RANGE, 0). */
export const SECFORMER_MASK_RANGE = 1024;

/** Whether δ is perfectly or only statistically masked. */
export const sinMasking = (p: SinParams): 'perfect' | 'statistical' =>
  p.variant === 'ring' ? 'perfect' : 'statistical';

/** |x| bound: x and x − t stay exact in float64 and far from the ring's edge. */
export const sinInputBound = (config: Config): number => 2 ** (Math.min(config.ell, 53) - config.f - 2);

function unsupported(config: Config, p: SinParams): string | undefined {
  if (p.variant === 'ring' && Math.log2(p.period) + config.f > config.ell)
    return `period ${p.period} is not ring-sound for ℓ ${config.ell}, f ${config.f}: P·2^f must divide 2^ℓ, so P ≤ 2^${config.ell - config.f}`;
  if (p.variant === 'secformer' && SECFORMER_MASK_RANGE * 2 >= sinInputBound(config))
    return `the secformer variant's mask [−${SECFORMER_MASK_RANGE}, 0) does not fit ℓ ${config.ell}, f ${config.f}`;
  if (!Number.isInteger(p.period * 2 ** config.f))
    return `period ${p.period} is not a whole number of ulps at f = ${config.f}`;
  return undefined;
}

export const sinCost = (config: Config, p: SinParams, n: number): Cost => {
  const K = p.frequencies.length;
  return seq(
    config,
    par(config, dealerCost(config, TRIG_MASK, n, n * (1 + 2 * K)), openToAllCost(config, n)),
    truncationCost(config, n * K),
  );
};

export function sinBounds(config: Config): Bounds {
  const eps = config.rounding === 'trunc' ? 1 : 0.5;
  const F = 2 ** config.f;
  const trunc = truncationBounds(config, config.f, 2 * F * F + 4 * F);
  // protocol vs exact: 2√2·ε (+ε²-terms) + 1 (floor) + trunc ulps; reference vs exact: ε
  const ulps =
    2 * Math.SQRT2 * eps * (1 + eps / F) + (2 * eps * eps) / F + 1 + trunc.implementationUlps + eps;
  return {
    implementationUlps: Math.ceil(ulps),
    ...(trunc.wrap === undefined ? {} : { wrap: trunc.wrap }),
    approximation: { abs: eps / F + 1e-12, rel: 0 },
  };
}

export const sinSpec: ProtocolSpec<SinParams> = {
  id: 'sin',
  title: 'Sine at several frequencies from one dealer-masked opening (ring-sound or SecFormer)',
  family: 'kernels',
  source: 'docs/kernels.md sin; SecFormer (arXiv 2401.00793) §4.2; Zheng et al. 2023',
  params: SinParams,
  defaults: { variant: 'ring', period: 32, frequencies: [1] as t.Int[] },
  variants: [{ variant: 'ring', period: 1024, frequencies: [1, 3, 8] as t.Int[] }],
  inputs: () => [{ name: 'x', holder: 'shared', scale: 'fixed' }],
  outputs: () => [{ name: 'z', delivery: 'shared', scale: 'fixed' }],
  shapes: (_p, size) => vectorShapes(['x'], size),
  outputShapes: (p, shapes) => ({ z: [...inputShape(shapes, 'x', 'sin'), p.frequencies.length] }),
  unsupported,
  domain: (config) => ({ x: interval(-sinInputBound(config), sinInputBound(config)) }),
  ideal: (p, inputs) => {
    const x = inputs['x']!;
    const K = p.frequencies.length;
    const z = new Float64Array(x.length * K);
    for (let i = 0; i < x.length; i++) {
      const phase = (((x[i]! % p.period) + p.period) % p.period) / p.period; // exact for these x
      p.frequencies.forEach((k, j) => (z[i * K + j] = Math.sin(2 * Math.PI * ((k * phase) % 1))));
    }
    return { z };
  },
  cost: (config, p, shapes) => sinCost(config, p, sizeOf(shapes['x']!)),
  bounds: (config) => sinBounds(config),
};
