// References of the Newton inverse square root and of sqrt (spec/kernels/inv-sqrt-nr.ts, sqrt.ts).
import type { RingTensor } from '../../core/ring.ts';
import { mulScalar, neg, sub } from '../../core/ring-ops.ts';
import { shiftRightArith } from '../../core/shift.ts';
import type { Config } from '../../spec/config.ts';
import { INV_SQRT_EXP_ITERATIONS, type InvSqrtNrParams } from '../../spec/kernels/inv-sqrt-nr.ts';
import type { Reference } from '../types.ts';
import { expLimitReference } from './exp.ts';
import { addConst, mulConst, mulFx, mulRaw, squareFx, truncBits } from './fixed-steps.ts';

export function invSqrtReference(c: Config, x: RingTensor, iterations: number): RingTensor {
  const e = expLimitReference(c, neg(addConst(c, truncBits(x, 1), 0.2)), INV_SQRT_EXP_ITERATIONS);
  let y = sub(addConst(c, mulConst(c, e, 2.2), 0.2), truncBits(x, 10));
  for (let i = 0; i < iterations; i++) {
    if (c.schedule === 'crypten') {
      const w = addConst(c, neg(mulFx(c, x, squareFx(c, y))), 3);
      y = truncBits(mulFx(c, y, w), 1);
    } else {
      const r = mulRaw(mulFx(c, x, y), squareFx(c, y));
      y = shiftRightArith(sub(mulScalar(y, 3n << BigInt(c.f)), r), c.f + 1);
    }
  }
  return y;
}

export const invSqrtNrReference: Reference<InvSqrtNrParams> = (c, p, inputs) => ({
  z: invSqrtReference(c, inputs['x']!, p.iterations),
});

export const sqrtReference: Reference<InvSqrtNrParams> = (c, p, inputs) => ({
  z: mulFx(c, invSqrtReference(c, inputs['x']!, p.iterations), inputs['x']!),
});
