// Re-randomising a sharing by a masked opening (the first step of dealer-assisted truncation, and of
// re-sharing): open c = x + r for a pad r the parties hold shares of; party 0 keeps c − r₀, the others
// −rᵢ. The catalogue varies the pad — a uniform dealer mask (correct), a short, point-mass or zero mask,
// a zero share — around this one step.
import { type RingTensor, ringMask, ringTensor } from '../../../core/ring.ts';
import type { Shape } from '../../../core/shape.ts';
import type { PartyContext } from '../../../runtime/context.ts';
import type { DealerDraws } from '../../../runtime/dealer.ts';
import { openToAll } from '../../../runtime/comm.ts';

/** A defect applied to the dealer's uniform mask r (in place), with the dealer's draws at hand. */
export type MaskDefect = (r: RingTensor, draws: DealerDraws) => void;

/** The parties' shares of a dealer mask of x's shape (request 'mask' under ctx), the defect applied. */
export function dealerMask(ctx: PartyContext, ell: number, shape: Shape, defect?: MaskDefect): RingTensor {
  const v = ctx.deal({
    kind: 'mask',
    label: 'mask',
    items: 1,
    signature: `catalogue ${ell}`,
    generate: (d) => {
      const r = d.ring('r', ell, shape);
      defect?.(r, d);
      return { r };
    },
  });
  return v['r'] as RingTensor;
}

/** Open c = x + r (message 'open' under ctx); party 0's new share is c − r₀, the others' −rᵢ. */
export async function reshare(ctx: PartyContext, x: RingTensor, r: RingTensor): Promise<RingTensor> {
  const { ell } = x;
  const m = ringMask(ell);
  const c = await openToAll(
    ctx,
    'open',
    ringTensor(
      ell,
      x.shape,
      x.data.map((xi, i) => (xi + r.data[i]!) & m),
    ),
  );
  return ringTensor(
    ell,
    x.shape,
    c.data.map((ci, i) => ((ctx.party === 0 ? ci : 0n) - r.data[i]!) & m),
  );
}
