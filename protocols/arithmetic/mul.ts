// Beaver multiplication (spec/arithmetic/mul.ts). The local steps are fused into two loops over the
// typed arrays (mask both differences into one message; combine and add ε·δ at party 0), because this
// is the hottest kernel of every transformer protocol; the loops are in beaver-kernels.ts.
import { allocWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { assertSameShape } from '../../core/shape.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { exchangeShares } from '../../runtime/comm.ts';
import { concat, split, sumAll } from '../../core/ring-ops.ts';
import { beaverTriple } from '../../runtime/material/beaver.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Config } from '../../spec/config.ts';
import { type Protocol, ringInput } from '../types.ts';
import { truncBits } from './truncate.ts';
import { combineLead, combineOther, maskBoth } from './beaver-kernels.ts';

/** ⟨x·y⟩ over the ring, no truncation (for integer or 0/1 operands). One round. */
export async function mulRaw(ctx: PartyContext, x: RingTensor, y: RingTensor): Promise<RingTensor> {
  assertSameShape('mul', x.shape, y.shape, ['x', 'y']);
  const { ell } = x;
  const n = x.data.length;
  const { a, b, c } = beaverTriple(ctx, 'triple', ell, x.shape);
  const m = ringMask(ell);
  const masked = allocWords(2 * n, false);
  maskBoth([x.data, a.data, y.data, b.data, masked], [m], n);
  const parts = await exchangeShares(ctx, 'open', ringTensor(ell, [2 * n], masked));
  // ε‖δ = Σ parts. With two parties the sum is folded into the combining loop (no temporary).
  const mine = parts.length === 2 ? masked : sumAll('open', parts).data;
  const other = parts.length === 2 ? parts[1 - ctx.party]!.data : allocWords(2 * n);
  const z = allocWords(n, false);
  (ctx.party === 0 ? combineLead : combineOther)([c.data, a.data, b.data, mine, other, z], [m], n);
  return ringTensor(ell, x.shape, z);
}

/** ⟨x·y / 2^f⟩ for fixed-point operands: the Beaver product, then the configured truncation. */
export async function mulFixed(
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  y: RingTensor,
): Promise<RingTensor> {
  return truncBits(ctx, config, await mulRaw(ctx, x, y), config.f, true);
}

type Pairs = readonly (readonly [RingTensor, RingTensor])[];

/** Independent products of one batch, concatenated into one product and split back (one message). */
async function batched(
  ell: number,
  pairs: Pairs,
  product: (x: RingTensor, y: RingTensor) => Promise<RingTensor>,
): Promise<RingTensor[]> {
  const left = concat(pairs.map((p) => p[0]));
  const right = concat(pairs.map((p) => p[1]));
  const n = left.length;
  const z = await product(ringTensor(ell, [n], left), ringTensor(ell, [n], right));
  return split(
    ell,
    z.data,
    pairs.map((p) => p[0].shape),
  );
}

/**
 * Independent fixed-point products in one round: [⌊aᵢ·bᵢ / 2^f⌋], opened in one message and truncated
 * together (the default schedule's batch).
 */
export const mulFixedBatch = (ctx: PartyContext, config: Config, pairs: Pairs): Promise<RingTensor[]> =>
  batched(config.ell, pairs, (x, y) => mulFixed(ctx, config, x, y));

/**
 * Independent raw products in one round: [aᵢ·bᵢ] with no truncation (a 0/1 selector times a value, say),
 * opened in one message.
 */
export const mulRawBatch = (ctx: PartyContext, config: Config, pairs: Pairs): Promise<RingTensor[]> =>
  batched(config.ell, pairs, (x, y) => mulRaw(ctx, x, y));

export const mulProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await mulFixed(
    ctx,
    config,
    ringInput(ctx, inputs, 'x', config.ell),
    ringInput(ctx, inputs, 'y', config.ell),
  ),
});
