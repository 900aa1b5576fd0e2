// The linear layers on shares (spec/linear/): the owner shares its weights, batched matrix triples
// multiply, the scale steps truncate, heads are split and merged locally. Labels under the protocol's id,
// then 'w', 'b' (sharing), 'matmul' (or 'kv', 'qkv'), 'scale'.
import { mergeHeads, splitHeads, transposeBatch } from '../../core/heads.ts';
import { type RingTensor, ringTensor } from '../../core/ring.ts';
import { addToRows } from '../../core/rows.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { type LinearParams, linearDims, weightSharing } from '../../spec/linear/dense.ts';
import { type AttentionScoresParams, scoreDims, scoreFactor } from '../../spec/linear/attention-scores.ts';
import { type AttentionContextParams, contextDims } from '../../spec/linear/attention-context.ts';
import {
  type ScaleAttentionParams,
  scaleAttentionDims,
  scaleAttentionFactor,
} from '../../spec/linear/scale-attention.ts';
import { matmulRawBatch } from '../arithmetic/matmul.ts';
import { share } from '../arithmetic/share.ts';
import { type PartyInputs, type Protocol, ringInput } from '../types.ts';
import { scaleRaw } from './scaling.ts';

/** This party's owner-held input `name`, or undefined at the other parties. */
const ownerInput = (
  ctx: PartyContext,
  inputs: PartyInputs,
  name: string,
  ell: number,
  owner: number,
): RingTensor | undefined => (ctx.party === owner ? ringInput(ctx, inputs, name, ell) : undefined);

/** ⟨x·W + b⟩ with W and b held in the clear by their owner (given there, undefined elsewhere). */
export async function linear(
  ctx: PartyContext,
  config: Config,
  p: LinearParams,
  x: RingTensor,
  w: RingTensor | undefined,
  b: RingTensor | undefined,
  wShape: readonly number[],
): Promise<RingTensor> {
  const shapes = { x: x.shape, w: wShape, ...(p.bias ? { b: [wShape[1]!] } : {}) };
  const { rows, k, n, lead } = linearDims(p, shapes);
  const sharing = weightSharing(p);
  const W = await share(ctx.scope('w'), config, sharing, [k, n], w);
  const B = p.bias ? await share(ctx.scope('b'), config, sharing, [n], b) : undefined;
  const raw = await matmulRawBatch(ctx.scope('matmul'), x, W, 1, rows, k, n);
  const z = await scaleRaw(ctx, config, raw, 1);
  const biased = B === undefined ? z : addToRows(z, B);
  return ringTensor(biased.ell, [...lead, n], biased.data);
}

export const linearProtocol: Protocol<LinearParams> = async (ctx, { config, params, shapes }, inputs) => {
  const { ell } = config;
  return {
    z: await linear(
      ctx.scope('linear'),
      config,
      params,
      ringInput(ctx, inputs, 'x', ell),
      ownerInput(ctx, inputs, 'w', ell, params.owner),
      params.bias ? ownerInput(ctx, inputs, 'b', ell, params.owner) : undefined,
      shapes['w']!,
    ),
  };
};

/** ⟨Q·Kᵀ/√d_h⟩ per head: [H, N, M]. */
export async function attentionScores(
  ctx: PartyContext,
  config: Config,
  heads: number,
  q: RingTensor,
  k: RingTensor,
): Promise<RingTensor> {
  const { h, n, m, d } = scoreDims(heads, { q: q.shape, k: k.shape });
  const kt = transposeBatch(splitHeads(k, h));
  const raw = await matmulRawBatch(ctx.scope('matmul'), splitHeads(q, h), kt, h, n, d, m);
  return scaleRaw(ctx, config, raw, scoreFactor(d));
}

export const attentionScoresProtocol: Protocol<AttentionScoresParams> = async (
  ctx,
  { config, params },
  inputs,
) => ({
  s: await attentionScores(
    ctx.scope('attention_scores'),
    config,
    params.heads,
    ringInput(ctx, inputs, 'q', config.ell),
    ringInput(ctx, inputs, 'k', config.ell),
  ),
});

/** ⟨P·V⟩ per head, heads merged: [N, H·d]. */
export async function attentionContext(
  ctx: PartyContext,
  config: Config,
  heads: number,
  p: RingTensor,
  v: RingTensor,
): Promise<RingTensor> {
  const { h, n, m, d } = contextDims(heads, { p: p.shape, v: v.shape });
  const raw = await matmulRawBatch(ctx.scope('matmul'), p, splitHeads(v, h), h, n, m, d);
  return mergeHeads(await scaleRaw(ctx, config, raw, 1));
}

export const attentionContextProtocol: Protocol<AttentionContextParams> = async (
  ctx,
  { config, params },
  inputs,
) => ({
  z: await attentionContext(
    ctx.scope('attention_context'),
    config,
    params.heads,
    ringInput(ctx, inputs, 'p', config.ell),
    ringInput(ctx, inputs, 'v', config.ell),
  ),
});

/** ⟨Q·(Kᵀ·V)/(√d_h·N)⟩ per head, heads merged: [N, H·d]. */
export async function scaleAttention(
  ctx: PartyContext,
  config: Config,
  p: ScaleAttentionParams,
  q: RingTensor,
  k: RingTensor,
  v: RingTensor,
): Promise<RingTensor> {
  const { h, n, m, d } = scaleAttentionDims(p.heads, { q: q.shape, k: k.shape, v: v.shape });
  const kvRaw = await matmulRawBatch(
    ctx.scope('kv'),
    transposeBatch(splitHeads(k, h)),
    splitHeads(v, h),
    h,
    d,
    m,
    d,
  );
  const kv = await scaleRaw(ctx.scope('kv'), config, kvRaw, 1);
  const raw = await matmulRawBatch(ctx.scope('qkv'), splitHeads(q, h), kv, h, n, d, d);
  return mergeHeads(await scaleRaw(ctx.scope('qkv'), config, raw, scaleAttentionFactor(p, m, d)));
}

export const scaleAttentionProtocol: Protocol<ScaleAttentionParams> = async (
  ctx,
  { config, params },
  inputs,
) => ({
  z: await scaleAttention(
    ctx.scope('scale_attention'),
    config,
    params,
    ringInput(ctx, inputs, 'q', config.ell),
    ringInput(ctx, inputs, 'k', config.ell),
    ringInput(ctx, inputs, 'v', config.ell),
  ),
});
