// GeLU by its erf form with CrypTen's erf (ALGORITHMS.md §3 erf, §4): ½·x·(1 + erf(x/√2)), the exact
// GeLU, with erf by CrypTen's Taylor series (spec/kernels/erf.ts; its parameters pass through: eight
// terms, powers by a chain or by CrypTen's own `pow` recursion as released, 35 rounds by CrypTen's counter).
// Steps: z = ⌊x·enc(1/√2)⌋, e = erf(z), then the gate ½·x·(1 + e) (spec/gelu/gate.ts).
// Domain: the series diverges once |x/√2| passes about 2.5 (CrypTen's own note), so the spec assumes
// |x| ≤ 2.8 — far short of the pre-activation range the other variants cover; beyond it the output is
// garbage (tested in test/gelu/out-of-domain.test.ts), which is why released code does not use it.
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import { type ErrorModel, type Tracked, erf, erfCost, mulConst, seq, truncBitsCost } from '../steps.ts';
import { ErfParams } from '../kernels/erf.ts';
import { interval, unaryKernelSpec } from '../kernels/unary.ts';
import { EXACT_GELU, GELU_DOCS, geluExact } from './common.ts';
import { geluGate, geluGateCost } from './gate.ts';

/** |x| ≤ ERF_GELU_RANGE keeps x/√2 inside the erf series' domain [−2, 2]. */
export const ERF_GELU_RANGE = 2.8;

export function geluErf(m: ErrorModel, x: Tracked, p: ErfParams): Tracked {
  return geluGate(m, x, erf(m, mulConst(m, x, Math.SQRT1_2), p));
}

export const geluErfCost = (config: Config, p: ErfParams, n: number): Cost =>
  seq(config, truncBitsCost(config, n), erfCost(config, p, n), geluGateCost(config, n));

export const geluErfSpec = unaryKernelSpec<ErfParams>({
  id: 'gelu_erf',
  family: 'gelu',
  title: 'GeLU, erf form with CrypTen’s erf series',
  source: `Hendrycks and Gimpel (arXiv 1606.08415); CrypTen 0.4 erf; ${GELU_DOCS}`,
  params: ErfParams,
  defaults: { iterations: 8 as ErfParams['iterations'], powers: 'chain' },
  domain: () => interval(-ERF_GELU_RANGE, ERF_GELU_RANGE),
  ideal: geluExact,
  approximates: EXACT_GELU,
  cost: (config, p, n) => geluErfCost(config, p, n),
  steps: (m, p, x) => geluErf(m, x, p),
});
