// SecFormer's Fourier GeLU (ALGORITHMS.md §4, §6 "GeLU as coded"; SecFormer arXiv 2401.00793 §4.2):
// ½·x·(1 + E(x/√2)) with E the three-segment erf of spec/gelu/fourier-params.ts. Steps:
//   c₀ = [x < −T√2], c₁ = [x < T√2]   two comparisons with public thresholds, exact on the grid
//                                      (spec/comparison/public-cut.ts: z < ±T without computing z);
//   F = Σₖ βₖ·sin(2πk·w/P)             the sine series from ONE dealer-masked opening of w
//                                      (spec/kernels/sine-series.ts; w and its mask per the `mask` option);
//   crypten schedule (SecFormer's code): the comparisons one after the other, then the opening, then
//     E = −c₀ + (c₁ − c₀)·F + (1 − c₁) (one product with a 0/1 selector), then (0.5·x)·(1 + E):
//     19 rounds and 944 bytes per element by CrypTen's counter;
//   default schedule: both comparisons in one ltz call, δ opened in that call's first message (the runtime
//     runs one message sequence per party, so "in parallel" is "in the same message"); then
//     H = ⌊x·(1 + F)/2^(f+1)⌋ (one product, one truncation) and x·(1 − c₁) + (c₁ − c₀)·H as two selector
//     products in one message — the comparison's rounds plus two.
// The ideal is the Fourier GeLU itself (its distance to the exact GeLU, ≤ 0.018 for T = 1.7 and 0.058 for
// T = 2.5, is reported in docs/gelu.md); the bound covers the fixed-point steps, both schedules.
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import {
  type ErrorModel,
  type Tracked,
  addConst,
  cutHolds,
  exact,
  ltPublicCost,
  mulRaw,
  mulRawCost,
  par,
  seq,
  sineAngleUnsupported,
  sineMaskCost,
  sineSeries,
  truncBits,
  truncBitsCost,
} from '../steps.ts';
import { unaryKernelSpec } from '../kernels/unary.ts';
import { EXACT_GELU, GELU_DOCS, geluDomain } from './common.ts';
import { geluGate, geluGateCost } from './gate.ts';
import {
  GeluFourierParams,
  fourierBeta,
  fourierCuts,
  fourierOpening,
  geluFourierIdeal,
} from './fourier-params.ts';

export function geluFourier(m: ErrorModel, x: Tracked, p: GeluFourierParams): Tracked {
  const [low, high] = fourierCuts(p);
  if (cutHolds(low, x.v)) return exact(0);
  const o = fourierOpening(m.config, p);
  const s = (2 ** m.config.f * Number(o.factor)) / o.unitsPerReal;
  const w: Tracked = { v: x.v * s, e: x.e * s, d: x.d * s, w: x.w };
  if (!cutHolds(high, x.v)) return m.config.schedule === 'crypten' ? geluGate(m, x, exact(1)) : x;
  const F = sineSeries(m, w, o.period, fourierBeta(p));
  return m.config.schedule === 'crypten'
    ? geluGate(m, x, F)
    : truncBits(m, mulRaw(x, addConst(m, F, 1)), m.config.f + 1);
}

export function geluFourierCost(config: Config, p: GeluFourierParams, n: number): Cost {
  const K = fourierBeta(p).length;
  // The mask is dealt, then δ is opened with the comparisons (spec/comparison/public-cut.ts), then F's
  // truncation.
  const seriesAndCuts = seq(
    config,
    par(config, sineMaskCost(config, K, n), ltPublicCost(config, n, 2, n)),
    truncBitsCost(config, n),
  );
  if (config.schedule === 'crypten')
    return seq(config, seriesAndCuts, mulRawCost(config, n), geluGateCost(config, n));
  return seq(
    config,
    seriesAndCuts,
    mulRawCost(config, n),
    truncBitsCost(config, n),
    mulRawCost(config, 2 * n),
  );
}

function unsupported(config: Config, p: GeluFourierParams): string | undefined {
  if (p.mask === 'ring-sound' && Math.log2(p.period) + 3 * config.f > config.ell)
    return `period ${p.period} is not ring-sound for ℓ ${config.ell}, f ${config.f}: the masked value is held at scale 2^(3f), so P·2^${3 * config.f} must divide 2^${config.ell}: P ≤ 2^${config.ell - 3 * config.f}`;
  return sineAngleUnsupported(config, fourierOpening(config, p).angle);
}

const SECFORMER_AS_RELEASED: GeluFourierParams = {
  T: 2.5,
  beta: 'released',
  mask: 'secformer',
  period: 20,
  reduction: 'period',
};

export const geluFourierSpec = unaryKernelSpec<GeluFourierParams>({
  id: 'gelu_fourier',
  family: 'gelu',
  title: 'GeLU with SecFormer’s Fourier-series erf: two comparisons and one masked sine opening',
  source: `SecFormer (arXiv 2401.00793) §4.2 and its released code; ${GELU_DOCS}`,
  params: GeluFourierParams,
  defaults: { T: 1.7, beta: 'exact', mask: 'ring-sound', period: 32, reduction: 'period' },
  variants: [
    SECFORMER_AS_RELEASED,
    { T: 2.5, beta: 'exact', mask: 'ring-sound', period: 1024, reduction: 'period' },
  ],
  unsupported,
  domain: () => geluDomain(),
  ideal: geluFourierIdeal,
  approximates: EXACT_GELU,
  cost: (config, p, n) => geluFourierCost(config, p, n),
  steps: (m, p, x) => geluFourier(m, x, p),
  privacy: {
    knownLeak: (p) =>
      p.mask === 'secformer'
        ? 'SecFormer’s sine mask is uniform over the bounded interval [−1024, 0): the opened x − t is only statistically masked (its support moves with x)'
        : undefined,
  },
  releasedDefects: [
    {
      defect: 'fourier-mod-2pi',
      title: 'SecFormer’s released code reduces the opened δ modulo 2π instead of the series period 20',
      params: { ...SECFORMER_AS_RELEASED, reduction: '2pi' },
      claims: SECFORMER_AS_RELEASED,
    },
  ],
});
