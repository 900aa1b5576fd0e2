// References of the fixed-point products (spec/arithmetic/mul.ts, square.ts, matmul.ts): the exact ring
// product, then ⌊· / 2^f⌋.
import type { RingTensor } from '../../core/ring.ts';
import { matmul, mul } from '../../core/ring-ops.ts';
import { shiftRightArith } from '../../core/shift.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Reference } from '../types.ts';

export const mulReference: Reference<NoParams> = (c, _p, inputs) => ({
  z: shiftRightArith(mul(inputs['x']!, inputs['y']!), c.f),
});
export const squareReference: Reference<NoParams> = (c, _p, inputs) => ({
  z: shiftRightArith(mul(inputs['x']!, inputs['x']!), c.f),
});
export const matmulReference: Reference<NoParams> = (c, _p, inputs) => ({
  z: shiftRightArith(matmul(inputs['x']! as RingTensor, inputs['y']!), c.f),
});
