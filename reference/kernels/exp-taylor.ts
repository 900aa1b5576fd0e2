// Reference of exp_taylor (spec/kernels/exp-taylor.ts): 1 + x + x²/2 with the schedule's truncations.
import { add } from '../../core/ring-ops.ts';
import { shiftRightArith } from '../../core/shift.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Reference } from '../types.ts';
import { addConst, mulRaw, squareFx, truncBits } from './fixed-steps.ts';

export const expTaylorReference: Reference<NoParams> = (c, _p, inputs) => {
  const x = inputs['x']!;
  const half =
    c.schedule === 'crypten' ? truncBits(squareFx(c, x), 1) : shiftRightArith(mulRaw(x, x), c.f + 1);
  return { z: addConst(c, add(x, half), 1) };
};
