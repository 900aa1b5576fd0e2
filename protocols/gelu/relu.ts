// gelu_relu on shares (spec/gelu/relu.ts): the comparison family's relu.
import type { NoParams } from '../../spec/codecs.ts';
import { relu } from '../steps.ts';
import { type Protocol, ringInput } from '../types.ts';

export const geluReluProtocol: Protocol<NoParams> = async (ctx, { config }, inputs) => ({
  z: await relu(ctx.scope('gelu_relu'), config, ringInput(ctx, inputs, 'x', config.ell)),
});
