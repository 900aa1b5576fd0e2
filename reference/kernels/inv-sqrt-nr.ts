// References of the Newton inverse square root and of sqrt (spec/kernels/inv-sqrt-nr.ts, sqrt.ts).
import type { RingTensor } from '../../core/ring.ts';
import { mulScalar, neg, sub } from '../../core/ring-ops.ts';
import { shiftRightArith } from '../../core/shift.ts';
import type { Config } from '../../spec/config.ts';
import { INV_SQRT_EXP_ITERATIONS, type InvSqrtNrParams } from '../../spec/kernels/inv-sqrt-nr.ts';
import type { Reference } from '../types.ts';
import { exp } from './exp.ts';
import { addConst, mulConst, mulFixed, mulRaw, squareFixed, truncBits } from '../arithmetic/fixed-point.ts';

export function invSqrtNr(c: Config, x: RingTensor, iterations: number): RingTensor {
  const e = exp(c, neg(addConst(c, truncBits(x, 1), 0.2)), INV_SQRT_EXP_ITERATIONS);
  let y = sub(addConst(c, mulConst(c, e, 2.2), 0.2), truncBits(x, 10));
  for (let i = 0; i < iterations; i++) {
    if (c.schedule === 'crypten') {
      const w = addConst(c, neg(mulFixed(c, x, squareFixed(c, y))), 3);
      y = truncBits(mulFixed(c, y, w), 1);
    } else {
      const r = mulRaw(mulFixed(c, x, y), squareFixed(c, y));
      y = shiftRightArith(sub(mulScalar(y, 3n << BigInt(c.f)), r), c.f + 1);
    }
  }
  return y;
}

export const invSqrtNrReference: Reference<InvSqrtNrParams> = (c, p, inputs) => ({
  z: invSqrtNr(c, inputs['x']!, p.iterations),
});

/** √x = ⌊inv_sqrt(x)·x⌋. */
export const sqrt = (c: Config, x: RingTensor, iterations: number): RingTensor =>
  mulFixed(c, invSqrtNr(c, x, iterations), x);

export const sqrtReference: Reference<InvSqrtNrParams> = (c, p, inputs) => ({
  z: sqrt(c, inputs['x']!, p.iterations),
});
