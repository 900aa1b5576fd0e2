// Local linear operations and public constants (spec/arithmetic/linear.ts, public-constant.ts): no
// messages; a public constant is added by party 0 only, a public product by every party.
import { add, neg, sub } from '../../core/ring-ops.ts';
import type { ConstParams, IntConstParams } from '../../spec/arithmetic/public-constant.ts';
import type { NoParams } from '../../spec/codecs.ts';
import { type Protocol, ringInput } from '../types.ts';
import { addConst, mulConst, mulInt } from './public-constant.ts';

export const addProtocol: Protocol<NoParams> = (ctx, { config }, inputs) =>
  Promise.resolve({
    z: add(ringInput(ctx, inputs, 'x', config.ell), ringInput(ctx, inputs, 'y', config.ell)),
  });

export const subProtocol: Protocol<NoParams> = (ctx, { config }, inputs) =>
  Promise.resolve({
    z: sub(ringInput(ctx, inputs, 'x', config.ell), ringInput(ctx, inputs, 'y', config.ell)),
  });

export const negProtocol: Protocol<NoParams> = (ctx, { config }, inputs) =>
  Promise.resolve({ z: neg(ringInput(ctx, inputs, 'x', config.ell)) });

export const addConstProtocol: Protocol<ConstParams> = (ctx, { config, params }, inputs) =>
  Promise.resolve({ z: addConst(ctx, config, ringInput(ctx, inputs, 'x', config.ell), params.c) });

export const mulConstProtocol: Protocol<ConstParams> = async (ctx, { config, params }, inputs) => ({
  z: await mulConst(ctx, config, ringInput(ctx, inputs, 'x', config.ell), params.c),
});

export const mulIntProtocol: Protocol<IntConstParams> = (ctx, { config, params }, inputs) =>
  Promise.resolve({ z: mulInt(ringInput(ctx, inputs, 'x', config.ell), BigInt(params.k)) });
