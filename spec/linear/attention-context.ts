// Attention context per head, Z = P·V (ALGORITHMS.md §4, §6; docs/models.md): the normalised weights
// P [H, N, M] times V [M, H·d], split into heads locally; one batch of matrix triples opens P − A and
// V − B of every head in one round (|P| + |V| elements, what CrypTen's batched matmul opens), the
// products are truncated, and the heads merge back into [N, H·d] for the output projection.
import * as t from 'io-ts';
import { inputError } from '../../core/errors.ts';
import { headLayout, matmulBatchReal, mergeHeadsReal, splitHeadsReal } from '../../core/heads.ts';
import { type Shape, formatShape } from '../../core/shape.ts';
import type { Config } from '../config.ts';
import { real } from '../domains.ts';
import { matmulFixedCost } from '../arithmetic/cost.ts';
import { errorModel } from '../arithmetic/tracked.ts';
import { inputShape } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';
import { ACTIVATION_CAP, Heads, PROBABILITY_CAP, operandBounds } from './operands.ts';
import { scaledProductBounds } from './scaling.ts';

export const AttentionContextParams = t.type({ heads: Heads });
export type AttentionContextParams = t.TypeOf<typeof AttentionContextParams>;

/** H, N (queries), M (keys) and d of P [H, N, M] and V [M, H·d]. */
export function contextDims(
  heads: number,
  shapes: Readonly<Record<string, Shape>>,
): { h: number; n: number; m: number; d: number } {
  const p = inputShape(shapes, 'p', 'attention_context');
  const v = headLayout('attention_context', 'v', inputShape(shapes, 'v', 'attention_context'), heads);
  if (p.length !== 3 || p[0] !== heads || p[2] !== v.n)
    throw inputError(
      `attention_context: shape mismatch: p is ${formatShape(p)} and v is ${formatShape(inputShape(shapes, 'v', 'attention_context'))}; need p [${heads}, N, M] and v [M, ${heads}·d]`,
    );
  return { h: heads, n: p[1]!, m: v.n, d: v.d };
}

const bounds = (config: Config, m: number) => operandBounds(config, m, PROBABILITY_CAP, ACTIVATION_CAP);

export const attentionContextSpec: ProtocolSpec<AttentionContextParams> = {
  id: 'attention_context',
  title: 'Attention context P·V per head, heads merged (batched matrix triples)',
  family: 'linear',
  source: 'Vaswani et al. 2017 §3.2.1; CrypTen 0.4 matmul with beaver matrix triples; docs/models.md',
  params: AttentionContextParams,
  defaults: { heads: 2 as t.Int },
  variants: [{ heads: 1 as t.Int }],
  inputs: () => [
    { name: 'p', holder: 'shared', scale: 'fixed' },
    { name: 'v', holder: 'shared', scale: 'fixed' },
  ],
  outputs: () => [{ name: 'z', delivery: 'shared', scale: 'fixed' }],
  shapes: (p, size) => ({ p: [p.heads, 3, size], v: [size, p.heads * 2] }),
  shapesFor: (p, principal) => ({ p: principal, v: [principal[principal.length - 1] ?? 1, p.heads * 2] }),
  outputShapes: (p, shapes) => {
    const { h, n, d } = contextDims(p.heads, shapes);
    return { z: [n, h * d] };
  },
  domain: (config, p, shapes) => {
    const { left, right } = bounds(config, contextDims(p.heads, shapes).m);
    return { p: real(-left, left), v: real(-right, right) };
  },
  ideal: (p, inputs, shapes) => {
    const { h, n, m, d } = contextDims(p.heads, shapes);
    const v = splitHeadsReal(inputs['v']!, m, h, d);
    return { z: mergeHeadsReal(matmulBatchReal(inputs['p']!, v, h, n, m, d), n, h, d) };
  },
  cost: (config, p, shapes) => {
    const { h, n, m, d } = contextDims(p.heads, shapes);
    return matmulFixedCost(config, h, n, m, d);
  },
  bounds: (config, p, shapes) => {
    const { m } = contextDims(p.heads, shapes);
    const { left, right } = bounds(config, m);
    return scaledProductBounds(errorModel(config), 1, m, m * left * right);
  },
};
