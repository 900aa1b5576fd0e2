// Products with one value per feature (the last axis's position), as LayerNorm's γ multiplies every
// row: x of shape [..., n] times g of shape [n].
//   mulFixedByFeature   g shared: CrypTen's broadcasting Beaver product for a weight of shape [n] — the
//                       dealer's feature triple (a like x, b like g, c = a·b broadcast over the rows), and
//                       ε = x − a (|x| values) and δ = g − b (n values) opened in one message, so |x| + n
//                       values in one round, not the 2|x| of a plain product of g broadcast
//   mulPublicByFeature  g public (encoded fixed point): a local product, then the configured truncation
import { allocWords } from '../../core/word-pool.ts';
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { sumAll } from '../../core/ring-ops.ts';
import { isPerFeatureOf, mulByFeature, rowDims } from '../../core/rows.ts';
import { inputError } from '../../core/errors.ts';
import { formatShape } from '../../core/shape.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { exchangeShares } from '../../runtime/comm.ts';
import { featureTriple } from '../../runtime/material/feature-triple.ts';
import type { Config } from '../../spec/config.ts';
import { truncBits } from '../arithmetic/truncate.ts';
import { combineByFeatureLead, combineByFeatureOther, maskByFeature } from './feature-kernels.ts';

function assertPerFeature(op: string, x: RingTensor, g: RingTensor): void {
  if (!isPerFeatureOf(g.shape, x.shape))
    throw inputError(
      `${op}: shape mismatch: g is ${formatShape(g.shape)} but x is ${formatShape(x.shape)}; one value per feature is [${x.shape[x.shape.length - 1] ?? 0}]`,
    );
}

/** ⟨x·g⟩ with the shared g one value per feature of x, no truncation. One round. */
export async function mulRawByFeature(ctx: PartyContext, x: RingTensor, g: RingTensor): Promise<RingTensor> {
  assertPerFeature('mulRawByFeature', x, g);
  const { n } = rowDims('mulRawByFeature', 'x', x.shape);
  const { ell } = x;
  const N = x.data.length;
  const { a, b, c } = featureTriple(ctx, 'triple', ell, x.shape);
  const m = ringMask(ell);
  const masked = allocWords(N + n, false);
  maskByFeature([x.data, a.data, g.data, b.data, masked], [m], N);
  const parts = await exchangeShares(ctx, 'open', ringTensor(ell, [N + n], masked));
  // With two parties the sum ε‖δ = Σ parts is folded into the combining loop (as in mul.ts).
  const mine = parts.length === 2 ? masked : sumAll('open', parts).data;
  const other = parts.length === 2 ? parts[1 - ctx.party]!.data : allocWords(N + n);
  const z = allocWords(N, false);
  (ctx.party === 0 ? combineByFeatureLead : combineByFeatureOther)(
    [c.data, a.data, b.data, mine, other, z],
    [m, BigInt(n)],
    N,
  );
  return ringTensor(ell, x.shape, z);
}

/** ⟨⌊x·g / 2^f⌋⟩ with the shared g one value per feature of x. One round. */
export async function mulFixedByFeature(
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  g: RingTensor,
): Promise<RingTensor> {
  return truncBits(ctx, config, await mulRawByFeature(ctx, x, g), config.f, true);
}

/** ⟨⌊x·g / 2^f⌋⟩ with the public g (encoded) one value per feature of x. */
export const mulPublicByFeature = (
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  g: RingTensor,
): Promise<RingTensor> => truncBits(ctx, config, mulByFeature(x, g), config.f, true);
