// Comparisons with public thresholds on shares (spec/comparison/public-cut.ts): ltz of x minus each
// threshold's grid integer — under the crypten schedule one threshold after the other, party 0
// subtracting the integer (labels '<scope>/cut<i>/ltz/…'); under the default schedule all thresholds
// from one mask and one opening, their trees side by side (ltzLookupCuts, labels '<scope>/cuts/ltz/…').
// Results are 0/1 shares at scale 1, one per threshold, in the given order. `ltPublicAlongside` also
// opens another value: in the opening's message (default), or after the last comparison (crypten, label
// '<scope>/cut<k−1>/ltz/alongside').
import type { RingTensor } from '../../core/ring.ts';
import { addScalar } from '../../core/ring-ops.ts';
import { openToAll } from '../../runtime/comm.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { type PublicCut, cutUnits } from '../../spec/comparison/public-cut.ts';
import { ltz } from './ltz.ts';
import { ltzLookupCuts } from './ltz-lookup.ts';
import { assertArithmetic } from './operands.ts';

export async function ltPublic(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  cuts: readonly PublicCut[],
): Promise<RingTensor[]> {
  return (await compare(ctx, c, x, cuts, undefined)).bits;
}

/** The same, with another value opened alongside (spec/comparison/public-cut.ts `ltPublicCost`). */
export async function ltPublicAlongside(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  cuts: readonly PublicCut[],
  alongside: RingTensor,
): Promise<{ readonly bits: RingTensor[]; readonly opened: RingTensor }> {
  const r = await compare(ctx, c, x, cuts, alongside);
  return { bits: r.bits, opened: r.opened! };
}

async function compare(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  cuts: readonly PublicCut[],
  alongside: RingTensor | undefined,
): Promise<{ readonly bits: RingTensor[]; readonly opened?: RingTensor }> {
  assertArithmetic('ltPublic', 'x', x, c.ell);
  if (c.schedule === 'default')
    return ltzLookupCuts(
      ctx.scope('cuts').scope('ltz'),
      x,
      cuts.map((cut) => cutUnits(c, cut)),
      alongside,
    );
  const bits: RingTensor[] = [];
  for (const [i, cut] of cuts.entries())
    bits.push(await ltz(ctx.scope(`cut${i}`), c, ctx.party === 0 ? addScalar(x, -cutUnits(c, cut)) : x));
  if (alongside === undefined) return { bits };
  const after = ctx.scope(`cut${cuts.length - 1}`).scope('ltz');
  return { bits, opened: await openToAll(after, 'alongside', alongside) };
}
