// Attention scores per head, S = Q·Kᵀ/√d_h (ALGORITHMS.md §4, §6; docs/models.md): Q [N, H·d] and
// K [M, H·d], both shared, as projections leave them; the heads are split locally into [H, N, d] and
// [H, M, d], one batch of matrix triples (one per head) opens every head's Q − A and Kᵀ − B in one
// round — |Q| + |K| elements, what CrypTen's batched matmul opens — and the raw products come back to
// scale 2^f divided by √d_h (spec/linear/scaling.ts: a second truncation under the crypten schedule,
// one folded truncation under default when √d_h is a power of two). Output [H, N, M], a row per query.
import * as t from 'io-ts';
import { inputError } from '../../core/errors.ts';
import { headLayout, matmulBatchReal, splitHeadsReal, transposeBatchReal } from '../../core/heads.ts';
import type { Shape } from '../../core/shape.ts';
import type { Config } from '../config.ts';
import { seq } from '../cost.ts';
import { real } from '../domains.ts';
import { matmulRawCost } from '../arithmetic/cost.ts';
import { errorModel } from '../arithmetic/tracked.ts';
import { inputShape } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';
import { HEAD_CAP, Heads, operandBounds } from './operands.ts';
import { scaleCost, scaledProductBounds } from './scaling.ts';

export const AttentionScoresParams = t.type({ heads: Heads });
export type AttentionScoresParams = t.TypeOf<typeof AttentionScoresParams>;

export interface ScoreDims {
  readonly h: number;
  readonly n: number;
  readonly m: number;
  readonly d: number;
}

/** H, N (queries), M (keys) and d (head width) of Q [N, H·d] and K [M, H·d]. */
export function scoreDims(heads: number, shapes: Readonly<Record<string, Shape>>): ScoreDims {
  const q = headLayout('attention_scores', 'q', inputShape(shapes, 'q', 'attention_scores'), heads);
  const k = headLayout('attention_scores', 'k', inputShape(shapes, 'k', 'attention_scores'), heads);
  if (q.d !== k.d)
    throw inputError(`attention_scores: q has heads of width ${q.d} but k of width ${k.d}; they must agree`);
  return { h: heads, n: q.n, m: k.n, d: q.d };
}

/** The public factor of the scores, 1/√d_h. */
export const scoreFactor = (d: number): number => 1 / Math.sqrt(d);

const bound = (config: Config, d: number): number => operandBounds(config, d, HEAD_CAP, HEAD_CAP).left;

export const attentionScoresSpec: ProtocolSpec<AttentionScoresParams> = {
  id: 'attention_scores',
  title: 'Attention scores Q·Kᵀ/√d_h per head (batched matrix triples)',
  family: 'linear',
  source: 'Vaswani et al. 2017 §3.2.1; CrypTen 0.4 matmul with beaver matrix triples; docs/models.md',
  params: AttentionScoresParams,
  defaults: { heads: 2 as t.Int },
  variants: [{ heads: 1 as t.Int }],
  inputs: () => [
    { name: 'q', holder: 'shared', scale: 'fixed' },
    { name: 'k', holder: 'shared', scale: 'fixed' },
  ],
  outputs: () => [{ name: 's', delivery: 'shared', scale: 'fixed' }],
  // Head widths 1 and 4 take truncations only, the others a public constant.
  shapes: (p, size) => ({ q: [3, p.heads * size], k: [2, p.heads * size] }),
  outputShapes: (p, shapes) => {
    const { h, n, m } = scoreDims(p.heads, shapes);
    return { s: [h, n, m] };
  },
  domain: (config, p, shapes) => {
    const B = bound(config, scoreDims(p.heads, shapes).d);
    return { q: real(-B, B), k: real(-B, B) };
  },
  ideal: (p, inputs, shapes) => {
    const { h, n, m, d } = scoreDims(p.heads, shapes);
    const q = splitHeadsReal(inputs['q']!, n, h, d);
    const kt = transposeBatchReal(splitHeadsReal(inputs['k']!, m, h, d), h, m, d);
    const c = scoreFactor(d);
    return { s: matmulBatchReal(q, kt, h, n, d, m).map((v) => v * c) };
  },
  cost: (config, p, shapes) => {
    const { h, n, m, d } = scoreDims(p.heads, shapes);
    return seq(config, matmulRawCost(config, h, n, d, m), scaleCost(config, scoreFactor(d), h * n * m));
  },
  bounds: (config, p, shapes) => {
    const { d } = scoreDims(p.heads, shapes);
    const B = bound(config, d);
    return scaledProductBounds(errorModel(config), scoreFactor(d), d, d * B * B);
  },
};
