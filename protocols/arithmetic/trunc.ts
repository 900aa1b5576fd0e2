// Truncation as a protocol of its own (spec/arithmetic/trunc.ts).
import { type TruncParams, truncBits, truncConfig } from '../../spec/arithmetic/trunc.ts';
import { type Protocol, ringInput } from '../types.ts';
import { truncate } from './truncate.ts';

export const truncProtocol: Protocol<TruncParams> = async (ctx, { config, params }, inputs) => ({
  z: await truncate(
    ctx,
    truncConfig(config, params),
    ringInput(ctx, inputs, 'x', config.ell),
    truncBits(config, params),
  ),
});
