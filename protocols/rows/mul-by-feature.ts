// Products with one value per feature (the last axis's position), as LayerNorm's γ multiplies every
// row: x of shape [..., n] times g of shape [n].
//   mulFixedByFeature   g shared: CrypTen's broadcasting Beaver product with b of g's shape, which opens
//                       ε = x − a (|x| values) and δ = g − b (n values) — here the row-broadcast product
//                       (mul-by-row.ts, a row triple) on the features taken as rows (core/rows.ts
//                       featuresAsRows), so |x| + n values in one round, not the 2|x| of a plain product
//   mulPublicByFeature  g public (encoded fixed point): a local product, then the configured truncation
import type { RingTensor } from '../../core/ring.ts';
import { featuresAsRows, featuresBack, isPerFeatureOf, mulByFeature } from '../../core/rows.ts';
import { inputError } from '../../core/errors.ts';
import { formatShape } from '../../core/shape.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { truncBits } from '../arithmetic/truncate.ts';
import { mulRawByRow } from './mul-by-row.ts';

/** ⟨⌊x·g / 2^f⌋⟩ with the shared g one value per feature of x. One round. */
export async function mulFixedByFeature(
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  g: RingTensor,
): Promise<RingTensor> {
  if (!isPerFeatureOf(g.shape, x.shape))
    throw inputError(
      `mulFixedByFeature: shape mismatch: g is ${formatShape(g.shape)} but x is ${formatShape(x.shape)}; one value per feature is [${x.shape[x.shape.length - 1] ?? 0}]`,
    );
  const product = featuresBack(await mulRawByRow(ctx, featuresAsRows(x), g), x.shape);
  return truncBits(ctx, config, product, config.f, true);
}

/** ⟨⌊x·g / 2^f⌋⟩ with the public g (encoded) one value per feature of x. */
export const mulPublicByFeature = (
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  g: RingTensor,
): Promise<RingTensor> => truncBits(ctx, config, mulByFeature(x, g), config.f, true);
