// Truncation as a protocol of its own (spec/arithmetic/trunc.ts).
import { type TruncParams, truncConfig, truncParamBits } from '../../spec/arithmetic/trunc.ts';
import { type Protocol, ringInput } from '../types.ts';
import { truncBits } from './truncate.ts';

export const truncProtocol: Protocol<TruncParams> = async (ctx, { config, params }, inputs) => ({
  z: await truncBits(
    ctx,
    truncConfig(config, params),
    ringInput(ctx, inputs, 'x', config.ell),
    truncParamBits(config, params),
  ),
});
