// MPCFormer's Quad GeLU (ALGORITHMS.md §4; MPCFormer arXiv 2211.01452 §3.2): 0.125·x² + 0.25·x + 0.5,
// a polynomial that only stands in for GeLU in a model distilled to use it — its distance to the exact
// GeLU grows with |x| (docs/gelu.md). Released-code form (spec/defects.ts 'quad-swapped'): the released
// benchmark swaps the linear and constant coefficients, 0.125·x² + 0.5·x + 0.25.
// Steps, crypten schedule (the released code's `0.125*x*x + c₁*x + c₀`): ⌊⌊enc(0.125)·x⌋·x⌋, a Beaver
// product; ⌊enc(c₁)·x⌋; + enc(c₀). Default schedule: one square pair and one truncation for both terms,
// ⌊(x² + 8·enc(c₁)·x)/2^(f+3)⌋ + enc(c₀) (0.125 folded into the truncation).
import * as t from 'io-ts';
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import {
  type ErrorModel,
  type Tracked,
  add,
  addConst,
  encodedValue,
  mulConst,
  mulFixed,
  mulFixedCost,
  seq,
  squareRaw,
  squareRawCost,
  truncBits,
  truncBitsCost,
} from '../steps.ts';
import { unaryKernelSpec } from '../kernels/unary.ts';
import { EXACT_GELU, GELU_DOCS, geluDomain } from './common.ts';

export const GeluQuadParams = t.type({ coefficients: t.keyof({ mpcformer: null, swapped: null }) });
export type GeluQuadParams = t.TypeOf<typeof GeluQuadParams>;

/** [quadratic, linear, constant]. */
export function quadCoefficients(p: GeluQuadParams): readonly [number, number, number] {
  return p.coefficients === 'mpcformer' ? [0.125, 0.25, 0.5] : [0.125, 0.5, 0.25];
}

/** 8·enc(c₁)·x held as a raw product (scale 2^(2f)), to share the square's truncation. */
function linearRaw(m: ErrorModel, x: Tracked, linear: number): Tracked {
  const k = 8 * encodedValue(m.config, linear);
  return { v: k * x.v, e: k * x.e, d: k * x.d, w: x.w, raw: true };
}

export function geluQuad(m: ErrorModel, x: Tracked, p: GeluQuadParams): Tracked {
  const [, linear, constant] = quadCoefficients(p);
  const terms =
    m.config.schedule === 'crypten'
      ? add(mulFixed(m, mulConst(m, x, 0.125), x), mulConst(m, x, linear))
      : truncBits(m, add(squareRaw(x), linearRaw(m, x, linear)), m.config.f + 3);
  return addConst(m, terms, constant);
}

export const geluQuadCost = (config: Config, n: number): Cost =>
  config.schedule === 'crypten'
    ? seq(config, truncBitsCost(config, n), mulFixedCost(config, n), truncBitsCost(config, n))
    : seq(config, squareRawCost(config, n), truncBitsCost(config, n));

export const geluQuadSpec = unaryKernelSpec<GeluQuadParams>({
  id: 'gelu_quad',
  family: 'gelu',
  title: 'GeLU replaced by MPCFormer’s Quad, 0.125x² + 0.25x + 0.5',
  source: `MPCFormer (arXiv 2211.01452) §3.2 and its released benchmark code; ${GELU_DOCS}`,
  params: GeluQuadParams,
  defaults: { coefficients: 'mpcformer' },
  domain: () => geluDomain(),
  ideal: (x, p) => {
    const [a, b, c] = quadCoefficients(p);
    return a * x * x + b * x + c;
  },
  approximates: EXACT_GELU,
  cost: (config, _p, n) => geluQuadCost(config, n),
  steps: (m, p, x) => geluQuad(m, x, p),
  releasedDefects: [
    {
      defect: 'quad-swapped',
      title: 'MPCFormer’s released benchmark: 0.125x² + 0.5x + 0.25 (linear and constant swapped)',
      params: { coefficients: 'swapped' },
      claims: { coefficients: 'mpcformer' },
    },
  ],
});
