// Reciprocal by Goldschmidt's iteration (ALGORITHMS.md §3; SecFormer arXiv 2401.00793 §4):
//   b₀ = ⌊d·enc(1/η)⌋ (deflation; skipped when η = 1, as in the released code), a₁ = m₀ = 2 − b₀,
//   then m = 2 − b, a ← ⌊a·m⌋, b ← ⌊b·m⌋ for t iterations in all; result ⌊a·enc(1/η)⌋ (or a).
// Schedules: crypten — each product its own round, b updated in every iteration (the literal loop);
//            default — a·m and b·m opened together (one round), and the last iteration's unused b·m
//                      skipped: t rounds in all for t ≥ 2.
// Error (exact reals, per input): with δ = 1 − b, δ' = δ² + β, and the invariant I = a·b₀ − b obeys
// I' = m·I − α·b₀ + β (α, β the floors of a·m and b·m); a_t = (1 − δ_t + I_t)/b₀, so
// |a_t − 1/b₀| ≤ (|δ_t| + |I_t|)/b₀ — the relative error (1 − d/η)^(2^t) plus the floors. Goldschmidt
// converges only for 0 < d/η < 2; domain [η/16, 15η/8] (past 2η it diverges, shown by a test).
import * as t from 'io-ts';
import { roundScaled } from '../../core/fixed.ts';
import type { Config } from '../config.ts';
import { free, seq } from '../cost.ts';
import type { Cost } from '../types.ts';
import { type ErrorModel, type Tracked, mulConst, onInexactInput } from '../arithmetic/tracked.ts';
import { Iterations, PositiveReal } from './params.ts';
import { mulFixedCost, truncBitsCost } from '../arithmetic/cost.ts';
import { interval, unaryKernelSpec } from './unary.ts';

export const GoldschmidtParams = t.type({ t: Iterations, eta: PositiveReal });
export type GoldschmidtParams = t.TypeOf<typeof GoldschmidtParams>;

export const GS_RECIPROCAL_DOMAIN = { min: 1 / 16, max: 15 / 8 } as const;

export const deflates = (p: { readonly eta: number }): boolean => p.eta !== 1;

/** The products each schedule takes, as a list of rounds of `count` products each. */
export function goldschmidtReciprocalRounds(config: Config, iterations: number): number[] {
  if (config.schedule === 'crypten') return [1, ...Array.from({ length: 2 * (iterations - 1) }, () => 1)];
  if (iterations === 1) return [];
  return [1, ...Array.from({ length: iterations - 2 }, () => 2), 1];
}

export function reciprocalGoldschmidtCost(config: Config, p: GoldschmidtParams, n: number): Cost {
  const scale = deflates(p) ? truncBitsCost(config, n) : free(config);
  const rounds = goldschmidtReciprocalRounds(config, p.t).map((k) => mulFixedCost(config, k * n));
  return seq(config, scale, ...rounds, scale);
}

/** b₀ as the reference computes it: d, or ⌊d·enc(1/η)⌋. */
export function deflated(m: ErrorModel, d: number, p: { readonly eta: number }, c = 1 / p.eta): number {
  if (!deflates(p)) return d;
  const F = 2 ** m.config.f;
  const C = roundScaled(F * c, m.config.rounding);
  return Math.floor((d * F * C) / F) / F;
}

/** a_t ≈ 1/b₀ with |a_t − 1/b₀| ≤ (|δ_t| + |I_t|)/b₀, when each floor errs in [lo, hi]. */
function reciprocalError(b0: number, iterations: number, lo: number, hi: number): number {
  const mag = Math.max(Math.abs(lo), Math.abs(hi));
  let dLo = 1 - b0;
  let dHi = 1 - b0;
  let I = 0;
  for (let k = 0; k < iterations; k++) {
    const m = 1 + Math.max(Math.abs(dLo), Math.abs(dHi));
    I = m * I + mag * (k === 0 ? 1 : b0 + 1);
    const sq = [dLo * dLo, dHi * dHi];
    const zero = dLo <= 0 && dHi >= 0;
    dLo = (zero ? 0 : Math.min(...sq)) + lo;
    dHi = Math.max(...sq) + hi;
  }
  return (Math.max(Math.abs(dLo), Math.abs(dHi)) + I) / b0;
}

/** The reciprocal's steps from an exact input s. */
function atExact(m: ErrorModel, s: number, p: GoldschmidtParams): Tracked {
  const b0R = deflated(m, s, p);
  const spread = deflates(p) ? m.truncUlps * m.u : 0; // the protocol's b₀ may differ by this
  const eR = reciprocalError(b0R, p.t, 0, m.u);
  const b0P = b0R - spread;
  const eP = reciprocalError(b0P, p.t, -m.truncUlps * m.u, (1 + m.truncUlps) * m.u) + spread / (b0R * b0P);
  const aMax = 1 / b0P + eP;
  const products = goldschmidtReciprocalRounds(m.config, p.t).reduce((s, k) => s + k, 0);
  const w = m.local ? (products * (aMax * 2)) / (m.u * m.u) / m.half : 0;
  const a: Tracked = { v: 1 / b0R, e: eR, d: eR + eP, w };
  return deflates(p) ? mulConst(m, a, 1 / p.eta) : a;
}

/** Goldschmidt's reciprocal of a tracked input (exact, or itself the result of earlier steps). */
export const reciprocalGoldschmidt = (m: ErrorModel, x: Tracked, p: GoldschmidtParams): Tracked =>
  onInexactInput(x, (s) => atExact(m, s, p));

export const reciprocalGoldschmidtSpec = unaryKernelSpec<GoldschmidtParams>({
  id: 'reciprocal_goldschmidt',
  title: "Reciprocal by Goldschmidt's iteration with public deflation η (SecFormer)",
  source: 'docs/kernels.md reciprocal_goldschmidt; SecFormer (arXiv 2401.00793) §4',
  params: GoldschmidtParams,
  defaults: { t: 7 as t.Int, eta: 1 },
  variants: [
    { t: 13 as t.Int, eta: 128 },
    { t: 2 as t.Int, eta: 3 },
  ],
  domain: (_c, p) => interval(GS_RECIPROCAL_DOMAIN.min * p.eta, GS_RECIPROCAL_DOMAIN.max * p.eta),
  ideal: (x) => 1 / x,
  cost: (config, p, n) => reciprocalGoldschmidtCost(config, p, n),
  steps: (m, p, x) => reciprocalGoldschmidt(m, x, p),
});
