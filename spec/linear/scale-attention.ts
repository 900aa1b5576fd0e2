// MPCViT's ScaleAttn with the product reassociated (ALGORITHMS.md §6; MPCViT, arXiv 2211.13955 §3.2;
// docs/models.md): ScaleAttn replaces softmax by S/N, so its context (Q·Kᵀ/√d_h)/N·V equals
// Q·(Kᵀ·V)/(√d_h·N), which never forms the N×N matrix. Per head: T = Kᵀ·V [d, d] (one batch of matrix
// triples opening K and V), truncated; then Q·T (a second batch opening Q and T), brought back to scale
// 2^f times the public factor 1/(√d_h·N) (spec/linear/scaling.ts). N is the number of tokens (65 for
// CIFAR, 257 for Tiny-ImageNet) unless given. Input Q [N, H·d], K and V [M, H·d]; output [N, H·d].
import * as t from 'io-ts';
import { inputError } from '../../core/errors.ts';
import {
  headLayout,
  matmulBatchReal,
  mergeHeadsReal,
  splitHeadsReal,
  transposeBatchReal,
} from '../../core/heads.ts';
import type { Shape } from '../../core/shape.ts';
import type { Config } from '../config.ts';
import { seq } from '../cost.ts';
import { real } from '../domains.ts';
import { matmulFixedCost, matmulRawCost } from '../arithmetic/cost.ts';
import { errorModel } from '../arithmetic/tracked.ts';
import { inputShape } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';
import { HEAD_CAP, Heads } from './operands.ts';
import { scaleCost, scaleTracked, scaledProductBounds } from './scaling.ts';

const TokenCount = t.refinement(t.Int, (n) => n >= 1, 'integer ≥ 1');
export const ScaleAttentionParams = t.type({
  heads: Heads,
  /** The divisor N: 'keys' for the number of key tokens M, or a number (PriViT-style hard-coded N). */
  tokens: t.union([t.literal('keys'), TokenCount]),
});
export type ScaleAttentionParams = t.TypeOf<typeof ScaleAttentionParams>;

export function scaleAttentionDims(
  heads: number,
  shapes: Readonly<Record<string, Shape>>,
): { h: number; n: number; m: number; d: number } {
  const op = 'scale_attention';
  const q = headLayout(op, 'q', inputShape(shapes, 'q', op), heads);
  const k = headLayout(op, 'k', inputShape(shapes, 'k', op), heads);
  const v = headLayout(op, 'v', inputShape(shapes, 'v', op), heads);
  if (q.d !== k.d || k.d !== v.d || k.n !== v.n)
    throw inputError(
      `${op}: q, k and v must have heads of one width and k, v one token count; got widths ${q.d}, ${k.d}, ${v.d} and ${k.n}, ${v.n} tokens`,
    );
  return { h: heads, n: q.n, m: k.n, d: q.d };
}

/** The public factor 1/(√d_h·N). */
export const scaleAttentionFactor = (p: ScaleAttentionParams, m: number, d: number): number =>
  1 / (Math.sqrt(d) * (p.tokens === 'keys' ? m : p.tokens));

/** |q|, |k|, |v| ≤ B with M·d·B³·2^(2f) ≤ 2^(ℓ−3): both products stay inside the ring. */
const bound = (config: Config, m: number, d: number): number =>
  Math.min(HEAD_CAP, Math.cbrt(2 ** (config.ell - 3 - 2 * config.f) / (m * d)));

export const scaleAttentionSpec: ProtocolSpec<ScaleAttentionParams> = {
  id: 'scale_attention',
  title: 'ScaleAttn reassociated: Q·(Kᵀ·V)/(√d_h·N) per head',
  family: 'linear',
  source: 'MPCViT (Zeng et al., arXiv 2211.13955) §3.2 ScaleAttn; docs/models.md',
  params: ScaleAttentionParams,
  defaults: { heads: 2 as t.Int, tokens: 'keys' },
  variants: [{ heads: 1 as t.Int, tokens: 4 as t.Int }],
  inputs: () => ['q', 'k', 'v'].map((name) => ({ name, holder: 'shared' as const, scale: 'fixed' as const })),
  outputs: () => [{ name: 'z', delivery: 'shared', scale: 'fixed' }],
  shapes: (p, size) => ({ q: [3, p.heads * 2], k: [size, p.heads * 2], v: [size, p.heads * 2] }),
  outputShapes: (p, shapes) => {
    const { h, n, d } = scaleAttentionDims(p.heads, shapes);
    return { z: [n, h * d] };
  },
  domain: (config, p, shapes) => {
    const { m, d } = scaleAttentionDims(p.heads, shapes);
    const B = bound(config, m, d);
    return { q: real(-B, B), k: real(-B, B), v: real(-B, B) };
  },
  ideal: (p, inputs, shapes) => {
    const { h, n, m, d } = scaleAttentionDims(p.heads, shapes);
    const kt = transposeBatchReal(splitHeadsReal(inputs['k']!, m, h, d), h, m, d);
    const kv = matmulBatchReal(kt, splitHeadsReal(inputs['v']!, m, h, d), h, d, m, d);
    const c = scaleAttentionFactor(p, m, d);
    const z = matmulBatchReal(splitHeadsReal(inputs['q']!, n, h, d), kv, h, n, d, d).map((x) => x * c);
    return { z: mergeHeadsReal(z, n, h, d) };
  },
  cost: (config, p, shapes) => {
    const { h, n, m, d } = scaleAttentionDims(p.heads, shapes);
    return seq(
      config,
      matmulFixedCost(config, h, d, m, d),
      matmulRawCost(config, h, n, d, d),
      scaleCost(config, scaleAttentionFactor(p, m, d), h * n * d),
    );
  },
  bounds: (config, p, shapes) => {
    const { m, d } = scaleAttentionDims(p.heads, shapes);
    const B = bound(config, m, d);
    const model = errorModel(config);
    const kv = scaleTracked(model, 1, { v: m * B * B, e: 0, d: 0, w: 0, raw: true });
    // Each of the d terms of Q·T carries T's errors, scaled by |q| ≤ B.
    return scaledProductBounds(model, scaleAttentionFactor(p, m, d), m * d, d * B * kv.v, {
      e: d * B * kv.e,
      d: d * B * kv.d,
      w: kv.w,
    });
  },
};
