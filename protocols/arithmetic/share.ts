// Input sharing, both variants (spec/arithmetic/share.ts).
import { add, sub, sumAll } from '../../core/ring-ops.ts';
import { type ShareParams, shareVariant } from '../../spec/arithmetic/share.ts';
import { type Protocol, ringInput } from '../types.ts';

export const shareProtocol: Protocol<ShareParams> = async (ctx, { config, params, shapes }, inputs) => {
  const shape = shapes['x']!;
  const { ell } = config;
  const isOwner = ctx.party === params.owner;
  if (shareVariant(config, params) === 'zero-sharing') {
    const z = ctx.zeroShare('przs', ell, shape);
    return { x: isOwner ? add(z, ringInput(ctx, inputs, 'x', ell)) : z };
  }
  if (!isOwner) return { x: await ctx.recvRing(params.owner, 'share', ell) };
  const masks = ctx.others.map((j) => {
    const r = ctx.random(`mask/${j}`, ell, shape);
    ctx.send(j, 'share', r);
    return r;
  });
  const x = ringInput(ctx, inputs, 'x', ell);
  return { x: masks.length === 0 ? x : sub(x, sumAll('share', masks)) };
};
