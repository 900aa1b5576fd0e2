// Reference of the secure sine (spec/kernels/sin.ts): enc(sin(2πk·x/P)) per frequency, with x reduced
// modulo the period in ring units first (exact) — the protocol's steps with the mask t = 0.
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import { encodedSinCos, periodFraction, periodUnits } from '../../spec/kernels/angle.ts';
import type { SinParams } from '../../spec/kernels/sin.ts';
import type { Reference } from '../types.ts';

export function sin(c: Config, x: RingTensor, p: SinParams): RingTensor {
  const K = p.frequencies.length;
  const M = periodUnits(c, p.period);
  const m = ringMask(c.ell);
  const z = new BigUint64Array(x.data.length * K);
  for (let i = 0; i < x.data.length; i++) {
    const phase = periodFraction(BigInt.asIntN(c.ell, x.data[i]!), M);
    for (let j = 0; j < K; j++) z[i * K + j] = encodedSinCos(c, p.frequencies[j]!, phase)[0] & m;
  }
  return ringTensor(c.ell, [...x.shape, K], z);
}

export const sinReference: Reference<SinParams> = (c, p, inputs) => ({ z: sin(c, inputs['x']!, p) });
