// gelu_identity on shares (spec/gelu/identity.ts): each party's output share is its input share.
import type { NoParams } from '../../spec/codecs.ts';
import { type Protocol, ringInput } from '../types.ts';

export const geluIdentityProtocol: Protocol<NoParams> = (ctx, { config }, inputs) =>
  Promise.resolve({ z: ringInput(ctx, inputs, 'x', config.ell) });
