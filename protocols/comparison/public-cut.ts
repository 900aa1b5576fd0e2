// Comparisons with public thresholds on shares (spec/comparison/public-cut.ts): party 0 subtracts the
// threshold's grid integer, then ltz — one threshold after the other under the crypten schedule
// (labels '<scope>/cut<i>/…'), all thresholds stacked into one ltz call under the default schedule
// (labels '<scope>/cuts/…'). Results are 0/1 shares at scale 1, one per threshold, in the given order.
// `ltPublicAlongside` also opens another value: in the stacked comparison's first message (default), or
// after the last comparison (crypten, label '<scope>/cut<k−1>/ltz/alongside').
import { type RingTensor, ringTensor } from '../../core/ring.ts';
import { addScalar, concat, split } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { type PublicCut, cutUnits } from '../../spec/comparison/public-cut.ts';
import { ltz, ltzAlongside } from './ltz.ts';

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
  const shifted = cuts.map((cut) => (ctx.party === 0 ? addScalar(x, -cutUnits(c, cut)) : x));
  if (c.schedule === 'crypten') {
    const bits: RingTensor[] = [];
    let opened: RingTensor | undefined;
    for (const [i, d] of shifted.entries()) {
      const step = ctx.scope(`cut${i}`);
      if (alongside !== undefined && i === shifted.length - 1) {
        const r = await ltzAlongside(step, c, d, alongside);
        bits.push(r.bits);
        opened = r.opened;
      } else bits.push(await ltz(step, c, d));
    }
    return opened === undefined ? { bits } : { bits, opened };
  }
  const stacked = ringTensor(c.ell, [cuts.length * x.data.length], concat(shifted));
  const r =
    alongside === undefined
      ? { bits: await ltz(ctx.scope('cuts'), c, stacked) }
      : await ltzAlongside(ctx.scope('cuts'), c, stacked, alongside);
  const bits = split(
    c.ell,
    r.bits.data,
    cuts.map(() => x.shape),
  );
  return 'opened' in r ? { bits, opened: r.opened } : { bits };
}
