// Reconstruction to all or to one party (spec/arithmetic/reconstruct.ts).
import { openTo, openToAll } from '../../runtime/comm.ts';
import type { ReconstructParams } from '../../spec/arithmetic/reconstruct.ts';
import { type PartyOutputs, type Protocol, ringInput } from '../types.ts';

export const reconstructProtocol: Protocol<ReconstructParams> = async (ctx, { config, params }, inputs) => {
  const x = ringInput(ctx, inputs, 'x', config.ell);
  if (params.to === 'all') return { x: await openToAll(ctx, 'open', x) };
  const v = await openTo(ctx, params.to, 'open', x);
  const out: PartyOutputs = {};
  if (v !== undefined) out['x'] = v;
  return out;
};
