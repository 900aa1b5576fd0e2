// Beaver multiplication (spec/arithmetic/mul.ts). The local steps are fused into two loops over the
// typed arrays (mask both differences into one message; combine and add ε·δ at party 0), because this
// is the hottest kernel of every transformer protocol.
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { assertSameShape } from '../../core/shape.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { exchangeShares } from '../../runtime/comm.ts';
import { sumAll } from '../../core/ring-ops.ts';
import { beaverTriple } from '../../runtime/material/beaver.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Config } from '../../spec/config.ts';
import { type Protocol, ringInput } from '../types.ts';
import { truncate } from './truncate.ts';

/** ⟨x·y⟩ over the ring, no truncation (for integer or 0/1 operands). One round. */
export async function beaverProduct(ctx: PartyContext, x: RingTensor, y: RingTensor): Promise<RingTensor> {
  assertSameShape('mul', x.shape, y.shape, ['x', 'y']);
  const { ell } = x;
  const n = x.data.length;
  const { a, b, c } = beaverTriple(ctx, 'triple', ell, x.shape);
  const m = ringMask(ell);
  const masked = new BigUint64Array(2 * n);
  const xd = x.data;
  const yd = y.data;
  const ad = a.data;
  const bd = b.data;
  for (let i = 0; i < n; i++) {
    masked[i] = (xd[i]! - ad[i]!) & m;
    masked[n + i] = (yd[i]! - bd[i]!) & m;
  }
  const parts = await exchangeShares(ctx, 'open', ringTensor(ell, [2 * n], masked));
  // ε‖δ = Σ parts. With two parties the sum is folded into the combining loop (no temporary). The
  // loops are split by party rather than using `lead ? ε·δ : 0n`: a BigInt-valued conditional in the
  // loop body makes V8 leave its native 64-bit path (measured 30× slower).
  const mine = parts.length === 2 ? masked : sumAll('open', parts).data;
  const other = parts.length === 2 ? parts[1 - ctx.party]!.data : new BigUint64Array(2 * n);
  const cd = c.data;
  const z = new BigUint64Array(n);
  if (ctx.party === 0) {
    for (let i = 0; i < n; i++) {
      const e = mine[i]! + other[i]!;
      const d = mine[n + i]! + other[n + i]!;
      z[i] = (cd[i]! + e * bd[i]! + d * ad[i]! + e * d) & m;
    }
  } else {
    for (let i = 0; i < n; i++)
      z[i] = (cd[i]! + (mine[i]! + other[i]!) * bd[i]! + (mine[n + i]! + other[n + i]!) * ad[i]!) & m;
  }
  return ringTensor(ell, x.shape, z);
}

/** ⟨x·y / 2^f⟩ for fixed-point operands: the Beaver product, then the configured truncation. */
export async function beaverMul(
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  y: RingTensor,
): Promise<RingTensor> {
  return truncate(ctx, config, await beaverProduct(ctx, x, y), config.f, true);
}

export const mulProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await beaverMul(
    ctx,
    config,
    ringInput(ctx, inputs, 'x', config.ell),
    ringInput(ctx, inputs, 'y', config.ell),
  ),
});
