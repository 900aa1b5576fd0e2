// GeLU by its tanh form as CrypTen computes it (ALGORITHMS.md §4, §6 "GeLU as coded"; SecFormer's
// `crypten_gelu`, the baseline of SecFormer's and PriViT's comparisons; the JAX/flax default in SPU):
//   ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
// Steps, crypten schedule (the released code's order):
//   x³ = x.pow(3) = ⌊⌊x²⌋·x⌋ (CrypTen's pow: a square, then a product);
//   y = ⌊enc(√(2/π))·(x + ⌊enc(0.044715)·x³⌋)⌋;  t = tanh(y) (CrypTen's, spec/kernels/logistic.ts);
//   z = (0.5·x)·(1 + t) (spec/gelu/gate.ts).
// CrypTen's counter: 26 rounds, 832 bytes per element. The default schedule takes the same powers,
// y = ⌊(enc(√(2/π))·x + enc(0.044715·√(2/π))·x³)/2^f⌋ with one truncation, its tanh, and the folded gate.
// The ideal is the tanh formula in float64 (itself within 1e-3 of the exact GeLU).
import { NoParams } from '../codecs.ts';
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import {
  type ErrorModel,
  type Tracked,
  add,
  mulConst,
  mulConstSum,
  mulFixed,
  mulFixedCost,
  seq,
  squareFixed,
  squareFixedCost,
  tanh,
  tanhCost,
  truncBitsCost,
} from '../steps.ts';
import { unaryKernelSpec } from '../kernels/unary.ts';
import { EXACT_GELU, GELU_DOCS, geluDomain } from './common.ts';
import { geluGate, geluGateCost } from './gate.ts';

export const TANH_GELU_CUBIC = 0.044715;
export const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

export const geluTanhIdeal = (x: number): number =>
  0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + TANH_GELU_CUBIC * x * x * x)));

export function geluTanh(m: ErrorModel, x: Tracked): Tracked {
  const cube = mulFixed(m, squareFixed(m, x), x);
  const y =
    m.config.schedule === 'crypten'
      ? mulConst(m, add(x, mulConst(m, cube, TANH_GELU_CUBIC)), SQRT_2_OVER_PI)
      : mulConstSum(m, [
          [x, SQRT_2_OVER_PI],
          [cube, TANH_GELU_CUBIC * SQRT_2_OVER_PI],
        ]);
  return geluGate(m, x, tanh(m, y));
}

export const geluTanhCost = (config: Config, n: number): Cost =>
  seq(
    config,
    squareFixedCost(config, n),
    mulFixedCost(config, n),
    ...(config.schedule === 'crypten'
      ? [truncBitsCost(config, n), truncBitsCost(config, n)]
      : [truncBitsCost(config, n)]),
    tanhCost(config, n),
    geluGateCost(config, n),
  );

export const geluTanhSpec = unaryKernelSpec<NoParams>({
  id: 'gelu_tanh',
  family: 'gelu',
  title: 'GeLU, tanh form with CrypTen’s pow(3) and tanh',
  source: `Hendrycks and Gimpel (arXiv 1606.08415) tanh form; CrypTen 0.4 pow and tanh; SecFormer (arXiv 2401.00793) code, crypten_gelu; ${GELU_DOCS}`,
  params: NoParams,
  defaults: {},
  domain: () => geluDomain(),
  ideal: geluTanhIdeal,
  approximates: EXACT_GELU,
  cost: (config, _p, n) => geluTanhCost(config, n),
  steps: (m, _p, x) => geluTanh(m, x),
});
