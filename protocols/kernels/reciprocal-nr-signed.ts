// The signed Newton reciprocal on shares (spec/kernels/reciprocal-nr-signed.ts): CrypTen's sign step
// around the positive reciprocal.
import type { ReciprocalNrParams } from '../../spec/kernels/reciprocal-nr.ts';
import { beaverProduct } from '../arithmetic/mul.ts';
import { type Protocol, ringInput } from '../types.ts';
import { reciprocalPositive } from './reciprocal-nr.ts';
import { signSplit } from './signed.ts';

export const reciprocalNrProtocol: Protocol<ReciprocalNrParams> = async (
  ctx0,
  { config, params },
  inputs,
) => {
  const ctx = ctx0.scope('reciprocal');
  const { sign, abs } = await signSplit(ctx, config, ringInput(ctx0, inputs, 'x', config.ell));
  const y = await reciprocalPositive(ctx, config, abs, params.iterations);
  return { z: await beaverProduct(ctx.scope('signed'), sign, y) };
};
