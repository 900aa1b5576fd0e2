// PUMA's piecewise-polynomial GeLU (ALGORITHMS.md §4 "PUMA GeLU"; PUMA, Dong et al., arXiv 2307.12533):
//   0 for x < −4;  P₃(x) on [−4, −1.95);  P₆(x) on [−1.95, 3];  x above 3,
// P₃ = −0.5054031199708174 − 0.42226581151983866x − 0.11807612951181953x² − 0.011034134030615728x³,
// P₆ = 0.008526321541038084 + 0.5x + 0.3603292692789629x² − 0.037688200365904236x⁴ + 0.0018067462606141187x⁶.
// Steps: three comparisons with public thresholds ([x < −4], [x < −1.95], [x ≤ 3], exact on the grid),
// the powers x², x³ = x·x², x⁴ = (x²)², x⁶ = (x³)², the two polynomials, and the selection
// (c₁ − c₀)·P₃ + (c₂ − c₁)·P₆ + (1 − c₂)·x by products with 0/1 selectors.
//   crypten schedule — SecFormer's re-implementation's order: the comparisons in turn; P₃ (its own x², x³)
//     and its product; P₆ (x², x³ again, x⁴, x⁶, one product a round) and its product; then (1 − c₂)·x;
//     each term of a polynomial truncated on its own: 33 rounds, 1 520 bytes per element by CrypTen's counter;
//   default schedule — the comparisons from one masked opening, then x², x³ and x⁴ in one message, x⁶, each
//     polynomial with one truncation (both in one call), the three selections in one message.
// Released-code form (spec/defects.ts 'puma-breakpoint'): SecFormer's re-implementation compares with
// +1.95 and multiplies both polynomials by one indicator: (c₁' − c₀)·(P₃ + P₆) + (c₂ − c₁')·x with
// c₁' = [x < 1.95] — so [−1.95, 1.95) takes P₃ + P₆, [1.95, 3] takes x, and x > 3 gives 0.
import * as t from 'io-ts';
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import {
  type ErrorModel,
  type PublicCut,
  type Tracked,
  add,
  addConst,
  cutHolds,
  exact,
  ltPublicCost,
  mulConst,
  mulConstSum,
  mulFixed,
  mulFixedCost,
  mulRawCost,
  seq,
  squareFixed,
  squareFixedCost,
  truncBitsCost,
} from '../steps.ts';
import { unaryKernelSpec } from '../kernels/unary.ts';
import { EXACT_GELU, GELU_DOCS, geluDomain } from './common.ts';

export const GeluPumaParams = t.type({ form: t.keyof({ puma: null, secformer: null }) });
export type GeluPumaParams = t.TypeOf<typeof GeluPumaParams>;

/** P₃'s coefficients of x⁰…x³. */
export const PUMA_CUBIC = [
  -0.5054031199708174, -0.42226581151983866, -0.11807612951181953, -0.011034134030615728,
] as const;
/** P₆'s coefficients of x⁰, x¹, x², x⁴, x⁶. */
export const PUMA_SEXTIC = {
  c0: 0.008526321541038084,
  c1: 0.5,
  c2: 0.3603292692789629,
  c4: -0.037688200365904236,
  c6: 0.0018067462606141187,
} as const;

/** [x < −4], [x < ±1.95], [x ≤ 3]. */
export const pumaCuts = (p: GeluPumaParams): readonly [PublicCut, PublicCut, PublicCut] => [
  { at: -4 },
  { at: p.form === 'puma' ? -1.95 : 1.95 },
  { at: 3, inclusive: true },
];

const cubic = (x: number): number =>
  PUMA_CUBIC[0] + x * (PUMA_CUBIC[1] + x * (PUMA_CUBIC[2] + x * PUMA_CUBIC[3]));
const sextic = (x: number): number => {
  const x2 = x * x;
  const s = PUMA_SEXTIC;
  return s.c0 + s.c1 * x + s.c2 * x2 + s.c4 * x2 * x2 + s.c6 * x2 * x2 * x2;
};

/** Which piece x takes: 0, 1 (P₃), 2 (P₆) or 3 (x), by the cuts. */
export function pumaSegment(p: GeluPumaParams, x: number): 0 | 1 | 2 | 3 {
  const [a, b, c] = pumaCuts(p);
  if (cutHolds(a, x)) return 0;
  if (cutHolds(b, x)) return 1;
  return cutHolds(c, x) ? 2 : 3;
}

export function geluPumaIdeal(x: number, p: GeluPumaParams): number {
  const seg = pumaSegment(p, x);
  if (p.form === 'puma') return [0, cubic(x), sextic(x), x][seg]!;
  return [0, cubic(x) + sextic(x), x, 0][seg]!;
}

interface Powers {
  readonly x2: Tracked;
  readonly x3: Tracked;
  readonly x4: Tracked;
  readonly x6: Tracked;
}

function powers(m: ErrorModel, x: Tracked): Powers {
  const x2 = squareFixed(m, x);
  const x3 = mulFixed(m, x, x2);
  // x⁴: a square pair in the released order; a product batched with x³ under the default schedule.
  const x4 = m.config.schedule === 'crypten' ? squareFixed(m, x2) : mulFixed(m, x2, x2);
  return { x2, x3, x4, x6: squareFixed(m, x3) };
}

/** P₃: one truncation per term (crypten) or one for the sum (default). */
function cubicTracked(m: ErrorModel, x: Tracked, q: Powers): Tracked {
  const [a0, a1, a2, a3] = PUMA_CUBIC;
  if (m.config.schedule === 'crypten')
    return addConst(m, add(add(mulConst(m, q.x3, a3), mulConst(m, q.x2, a2)), mulConst(m, x, a1)), a0);
  return addConst(
    m,
    mulConstSum(m, [
      [x, a1],
      [q.x2, a2],
      [q.x3, a3],
    ]),
    a0,
  );
}

function sexticTracked(m: ErrorModel, x: Tracked, q: Powers): Tracked {
  const s = PUMA_SEXTIC;
  if (m.config.schedule === 'crypten')
    return addConst(
      m,
      add(
        add(add(mulConst(m, q.x6, s.c6), mulConst(m, q.x4, s.c4)), mulConst(m, q.x2, s.c2)),
        mulConst(m, x, s.c1),
      ),
      s.c0,
    );
  return addConst(
    m,
    mulConstSum(m, [
      [x, s.c1],
      [q.x2, s.c2],
      [q.x4, s.c4],
      [q.x6, s.c6],
    ]),
    s.c0,
  );
}

export function geluPuma(m: ErrorModel, x: Tracked, p: GeluPumaParams): Tracked {
  const seg = pumaSegment(p, x.v);
  // A 0/1 selector times a value is exact in the ring, and a piece multiplied by 0 contributes exactly 0
  // (even a wrapped one): the output is the selected piece's value, tracked.
  if (p.form === 'puma') {
    if (seg === 0) return exact(0);
    if (seg === 3) return x;
    const q = powers(m, x);
    return seg === 1 ? cubicTracked(m, x, q) : sexticTracked(m, x, q);
  }
  if (seg === 0 || seg === 3) return exact(0);
  if (seg === 2) return x;
  const q = powers(m, x);
  return add(cubicTracked(m, x, q), sexticTracked(m, x, q));
}

export function geluPumaCost(config: Config, n: number): Cost {
  if (config.schedule === 'crypten')
    return seq(
      config,
      ltPublicCost(config, n, 3),
      squareFixedCost(config, n),
      mulFixedCost(config, n),
      truncBitsCost(config, 3 * n),
      mulRawCost(config, n),
      squareFixedCost(config, n),
      mulFixedCost(config, n),
      squareFixedCost(config, n),
      squareFixedCost(config, n),
      truncBitsCost(config, 4 * n),
      mulRawCost(config, n),
      mulRawCost(config, n),
    );
  return seq(
    config,
    ltPublicCost(config, n, 3),
    squareFixedCost(config, n),
    mulFixedCost(config, 2 * n),
    squareFixedCost(config, n),
    truncBitsCost(config, 2 * n),
    mulRawCost(config, 3 * n),
  );
}

export const geluPumaSpec = unaryKernelSpec<GeluPumaParams>({
  id: 'gelu_puma',
  family: 'gelu',
  title: 'GeLU by PUMA’s piecewise polynomials (cubic, degree 6, x)',
  source: `PUMA (Dong et al., arXiv 2307.12533) §4; SecFormer (arXiv 2401.00793) code, puma_gelu; ${GELU_DOCS}`,
  params: GeluPumaParams,
  defaults: { form: 'puma' },
  domain: () => geluDomain(),
  ideal: geluPumaIdeal,
  approximates: EXACT_GELU,
  cost: (config, _p, n) => geluPumaCost(config, n),
  steps: (m, p, x) => geluPuma(m, x, p),
  releasedDefects: [
    {
      defect: 'puma-breakpoint',
      title: 'SecFormer’s puma_gelu: breakpoint +1.95, both polynomials under one indicator, 0 above 3',
      params: { form: 'secformer' },
      claims: { form: 'puma' },
    },
  ],
});
