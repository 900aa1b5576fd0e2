// Reference of exp by the limit method (spec/kernels/exp.ts): y = 1 + ⌊x/2ⁿ⌋, then n floored squares.
import type { RingTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import type { ExpParams } from '../../spec/kernels/exp.ts';
import type { Reference } from '../types.ts';
import { addConst, squareFixed, truncBits } from '../arithmetic/fixed-point.ts';

export function exp(c: Config, x: RingTensor, iterations: number): RingTensor {
  let y = addConst(c, truncBits(x, iterations), 1);
  for (let i = 0; i < iterations; i++) y = squareFixed(c, y);
  return y;
}

export const expReference: Reference<ExpParams> = (c, p, inputs) => ({
  z: exp(c, inputs['x']!, p.iterations),
});
