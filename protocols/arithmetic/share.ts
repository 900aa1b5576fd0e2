// Input sharing, both variants (spec/arithmetic/share.ts).
import { runtimeError } from '../../core/errors.ts';
import type { RingTensor } from '../../core/ring.ts';
import type { Shape } from '../../core/shape.ts';
import { add, sub, sumAll } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { type ShareParams, shareVariant } from '../../spec/arithmetic/share.ts';
import type { Config } from '../../spec/config.ts';
import { type Protocol, ringInput } from '../types.ts';

/**
 * This party's share of a value of `shape` that `p.owner` holds in the clear (`x`, given at the owner
 * only): the owner's input becomes additive shares, by zero-sharing or by the owner sending masks.
 */
export async function share(
  ctx: PartyContext,
  config: Config,
  p: ShareParams,
  shape: Shape,
  x: RingTensor | undefined,
): Promise<RingTensor> {
  const { ell } = config;
  const isOwner = ctx.party === p.owner;
  const own = (): RingTensor => {
    if (x === undefined)
      throw runtimeError(`party ${ctx.party} owns '${ctx.label('share')}' but holds no value`);
    return x;
  };
  if (shareVariant(config, p) === 'zero-sharing') {
    const z = ctx.zeroShare('przs', ell, shape);
    return isOwner ? add(z, own()) : z;
  }
  if (!isOwner) return ctx.recvRing(p.owner, 'share', ell);
  const masks = ctx.others.map((j) => {
    const r = ctx.random(`mask/${j}`, ell, shape);
    ctx.send(j, 'share', r);
    return r;
  });
  return masks.length === 0 ? own() : sub(own(), sumAll('share', masks));
}

export const shareProtocol: Protocol<ShareParams> = async (ctx, { config, params, shapes }, inputs) => ({
  x: await share(
    ctx,
    config,
    params,
    shapes['x']!,
    ctx.party === params.owner ? ringInput(ctx, inputs, 'x', config.ell) : undefined,
  ),
});
