// Inverse square root by Goldschmidt's iteration (ALGORITHMS.md §3; SecFormer arXiv 2401.00793 §4):
//   q₀ = ⌊x·enc(1/η)⌋ (skipped when η = 1, as in the released code), y₀ = 1; t times:
//   m = ⌊(3 − q)/2⌋, q ← ⌊q·⌊m²⌋⌋, y ← ⌊y·m⌋ (y₁ = m₀ exactly); result ⌊y·enc(1/√η)⌋ (or y).
// Schedules: crypten — m², q·m², y·m each their own round, q updated every iteration;
//            default — m² and y·m opened together, then q·m²; the last iteration only y·m.
// Error (exact reals, per input): with e = 1 − q, e' = (3/4)e² + (1/4)e³ + the floors; and
// J = q / y² stays q₀ up to a drift |ln(J'/J)| ≤ σ/m² + σ/(q·m²) + 2ν/(y·m) per step, so
// y_t = √(q_t / J_t) ∈ √q_t·exp(±L/2)/√q₀. Converges only for 0 < x/η < 3; domain [η/16, 2η]
// (without deflation a variance ≥ 3 diverges, shown by a test).
import type * as t from 'io-ts';
import type { Config } from '../config.ts';
import { free, seq } from '../cost.ts';
import type { Cost } from '../types.ts';
import { type ErrorModel, type Tracked, mulConst, onInexactInput } from '../arithmetic/tracked.ts';
import { GoldschmidtParams, deflated, deflates } from './reciprocal-goldschmidt.ts';
import { mulFixedCost, squareFixedCost, truncBitsCost } from '../arithmetic/cost.ts';
import { interval, unaryKernelSpec } from './unary.ts';

export const GS_INV_SQRT_DOMAIN = { min: 1 / 16, max: 2 } as const;

function iterationCost(config: Config, k: number, iterations: number, n: number): Cost {
  const m = truncBitsCost(config, n);
  const last = k === iterations - 1;
  if (config.schedule === 'crypten')
    return k === 0
      ? seq(config, m, squareFixedCost(config, n), mulFixedCost(config, n))
      : seq(config, m, squareFixedCost(config, n), mulFixedCost(config, n), mulFixedCost(config, n));
  if (last) return k === 0 ? m : seq(config, m, mulFixedCost(config, n));
  return k === 0
    ? seq(config, m, squareFixedCost(config, n), mulFixedCost(config, n))
    : seq(config, m, mulFixedCost(config, 2 * n), mulFixedCost(config, n));
}

export function invSqrtGoldschmidtCost(config: Config, p: GoldschmidtParams, n: number): Cost {
  const scale = deflates(p) ? truncBitsCost(config, n) : free(config);
  const steps = Array.from({ length: p.t }, (_, k) => iterationCost(config, k, p.t, n));
  return seq(config, scale, ...steps, scale);
}

/** e ↦ (3/4)e² + (1/4)e³ falls on (−2, 0) and rises above 0: the image of [lo, hi]. */
function contract(lo: number, hi: number): [number, number] {
  const g = (e: number): number => 0.75 * e * e + 0.25 * e * e * e;
  const a = g(lo);
  const b = g(hi);
  return [lo <= 0 && hi >= 0 ? 0 : Math.min(a, b), Math.max(a, b)];
}

/** Bound on |y_t − 1/√q₀| when every truncation errs by at most `t` (and q₀ by `q0Spread`). */
function invSqrtError(q0: number, iterations: number, t: number, q0Spread: number): number {
  let lo = 1 - q0;
  let hi = 1 - q0;
  let L = q0Spread / q0; // |ln(J/q₀)|
  for (let k = 0; k < iterations; k++) {
    if (lo <= -2 || hi >= 1) return Infinity;
    const qMin = 1 - hi;
    const mMin = Math.max(1 + lo / 2 - t, t); // m = (2 + e)/2 − μ
    const mMax = 1 + hi / 2 + t;
    const yMin = (Math.sqrt(qMin / q0) * Math.exp(-L / 2)) / (1 + 1e-9);
    const drift = t / (mMin * mMin) + t / (qMin * mMin * mMin) + (k === 0 ? 0 : (2 * t) / (yMin * mMin));
    L += drift * 1.01; // −ln(1 − s) ≤ 1.01·s for the s ≤ 1e-2 seen here
    const [glo, ghi] = contract(lo, hi);
    const qMax = 1 - lo;
    const floors = 2 * qMax * mMax * t + qMax * t + t; // 2q·m·μ + q·σ₁ + σ₂ (qμ² < t)
    lo = glo - t * t * qMax - floors;
    hi = ghi + floors;
  }
  if (lo <= -1 || hi >= 1) return Infinity;
  const r = 1 / Math.sqrt(q0);
  const far = Math.max(
    Math.abs(Math.sqrt(1 - lo) * Math.exp(L / 2) - 1),
    Math.abs(Math.sqrt(1 - hi) * Math.exp(-L / 2) - 1),
  );
  return r * far;
}

/** The steps from an exact input s. */
function atExact(m: ErrorModel, s: number, p: GoldschmidtParams): Tracked {
  const q0 = deflated(m, s, p);
  const spread = deflates(p) ? m.truncUlps * m.u : 0;
  const eR = invSqrtError(q0, p.t, m.u, 0);
  const eP = invSqrtError(q0, p.t, (1 + m.truncUlps) * m.u, spread);
  // Local truncation wraps: every product is below 4·2^(2f) in magnitude (q, m, y ≤ 2 on the domain).
  const products = 3 * p.t + 1;
  const w = m.local ? (products * 4 * 2 ** (2 * m.config.f)) / m.half : 0;
  const y: Tracked = { v: 1 / Math.sqrt(q0), e: eR, d: eR + eP, w };
  return deflates(p) ? mulConst(m, y, 1 / Math.sqrt(p.eta)) : y;
}

/** Goldschmidt's inverse square root of a tracked input (exact, or the result of earlier steps). */
export const invSqrtGoldschmidt = (m: ErrorModel, x: Tracked, p: GoldschmidtParams): Tracked =>
  onInexactInput(x, (s) => atExact(m, s, p));

export const invSqrtGoldschmidtSpec = unaryKernelSpec<GoldschmidtParams>({
  id: 'inv_sqrt_goldschmidt',
  title: "Inverse square root by Goldschmidt's iteration with public deflation η (SecFormer)",
  source: 'docs/kernels.md inv_sqrt_goldschmidt; SecFormer (arXiv 2401.00793) §4',
  params: GoldschmidtParams,
  defaults: { t: 7 as t.Int, eta: 1 },
  variants: [
    { t: 8 as t.Int, eta: 100 },
    { t: 1 as t.Int, eta: 2 },
  ],
  domain: (_c, p) => interval(GS_INV_SQRT_DOMAIN.min * p.eta, GS_INV_SQRT_DOMAIN.max * p.eta),
  ideal: (x) => 1 / Math.sqrt(x),
  cost: (config, p, n) => invSqrtGoldschmidtCost(config, p, n),
  steps: (m, p, x) => invSqrtGoldschmidt(m, x, p),
});
