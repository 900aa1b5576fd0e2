// The denominator of the attention normalisers on shares (spec/attention/denominator.ts): the row sum
// (local) + ε (party 0), deflated by the public c = enc(1/D), its reciprocal, and one row-broadcast
// product with the numerators (protocols/rows/mul-by-row.ts: |x| + rows values opened) — with c applied
// to r (crypten schedule) or to the product (default schedule). Labels: '<scope>/deflate', '…/reciprocal',
// '…/inflate', '…/normalise'.
import type { RingTensor } from '../../core/ring.ts';
import { rowDims, rowSum } from '../../core/rows.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { type Denominator, deflationDivisor, takesSignStep } from '../../spec/attention/denominator.ts';
import { addConst, mulConst } from '../arithmetic/fixed-point.ts';
import { reciprocalGoldschmidt } from '../kernels/reciprocal-goldschmidt.ts';
import { reciprocalNrPos } from '../kernels/reciprocal-nr.ts';
import { reciprocalNr } from '../kernels/reciprocal-nr-signed.ts';
import { mulFixedByRow } from '../rows/mul-by-row.ts';

function reciprocal(ctx: PartyContext, c: Config, p: Denominator, s: RingTensor): Promise<RingTensor> {
  if (p.method === 'goldschmidt') return reciprocalGoldschmidt(ctx, c, s, { t: p.t, eta: 1 });
  return takesSignStep(c, p)
    ? reciprocalNr(ctx, c, s, p.iterations)
    : reciprocalNrPos(ctx, c, s, p.iterations);
}

/** ⟨g / (Σ_row g + ε)⟩, g of shape [..., n]. */
export async function normalizeRows(
  ctx: PartyContext,
  c: Config,
  g: RingTensor,
  p: Denominator,
  epsilon: number,
): Promise<RingTensor> {
  const { n } = rowDims('normalizeRows', 'numerators', g.shape);
  const D = deflationDivisor(p, n);
  const sum = epsilon === 0 ? rowSum(g) : addConst(ctx, c, rowSum(g), epsilon);
  const scaled = D === 1 ? sum : await mulConst(ctx.scope('deflate'), c, sum, 1 / D);
  const r = await reciprocal(ctx.scope('reciprocal'), c, p, scaled);
  if (D === 1) return mulFixedByRow(ctx.scope('normalise'), c, g, r);
  if (c.schedule === 'crypten') {
    const inflated = await mulConst(ctx.scope('inflate'), c, r, 1 / D);
    return mulFixedByRow(ctx.scope('normalise'), c, g, inflated);
  }
  const y = await mulFixedByRow(ctx.scope('normalise'), c, g, r);
  return mulConst(ctx.scope('inflate'), c, y, 1 / D);
}
