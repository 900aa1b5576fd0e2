// Reference of the Newton–Raphson reciprocal (spec/kernels/reciprocal-nr.ts), CrypTen's steps:
// y₀ = 3·exp(1 − 2x) + 0.003, then y ← y + (y − ⌊⌊y²⌋·x⌋).
import type { RingTensor } from '../../core/ring.ts';
import { add, mulScalar, neg, sub } from '../../core/ring-ops.ts';
import type { Config } from '../../spec/config.ts';
import { NR_EXP_ITERATIONS, type ReciprocalNrParams } from '../../spec/kernels/reciprocal-nr.ts';
import type { Reference } from '../types.ts';
import { exp } from './exp.ts';
import { addConst, mulFixed, squareFixed } from '../arithmetic/fixed-point.ts';

export function reciprocalNrPos(c: Config, x: RingTensor, iterations: number): RingTensor {
  const base = addConst(c, neg(mulScalar(x, 2n)), 1);
  let y = addConst(c, mulScalar(exp(c, base, NR_EXP_ITERATIONS), 3n), 0.003);
  for (let i = 0; i < iterations; i++) y = add(y, sub(y, mulFixed(c, squareFixed(c, y), x)));
  return y;
}

export const reciprocalNrPosReference: Reference<ReciprocalNrParams> = (c, p, inputs) => ({
  z: reciprocalNrPos(c, inputs['x']!, p.iterations),
});
