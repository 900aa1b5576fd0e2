// Reference of exp_taylor (spec/kernels/exp-taylor.ts): 1 + x + x²/2 with the schedule's truncations.
import type { RingTensor } from '../../core/ring.ts';
import { add } from '../../core/ring-ops.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Config } from '../../spec/config.ts';
import type { Reference } from '../types.ts';
import { addConst, squareFixed, squareRaw, truncBits } from '../arithmetic/fixed-point.ts';

export function expTaylor(c: Config, x: RingTensor): RingTensor {
  const half = c.schedule === 'crypten' ? truncBits(squareFixed(c, x), 1) : truncBits(squareRaw(x), c.f + 1);
  return addConst(c, add(x, half), 1);
}

export const expTaylorReference: Reference<NoParams> = (c, _p, inputs) => ({ z: expTaylor(c, inputs['x']!) });
