// Reference of Goldschmidt's reciprocal (spec/kernels/reciprocal-goldschmidt.ts).
import type { RingTensor } from '../../core/ring.ts';
import { neg } from '../../core/ring-ops.ts';
import type { Config } from '../../spec/config.ts';
import { type GoldschmidtParams, deflates } from '../../spec/kernels/reciprocal-goldschmidt.ts';
import type { Reference } from '../types.ts';
import { addConst, mulConst, mulFixed } from '../arithmetic/fixed-point.ts';

/** 2 − b. */
const twoMinus = (c: Config, b: RingTensor): RingTensor => addConst(c, neg(b), 2);

export function reciprocalGoldschmidt(c: Config, d: RingTensor, p: GoldschmidtParams): RingTensor {
  let b = deflates(p) ? mulConst(c, d, 1 / p.eta) : d;
  let a = twoMinus(c, b);
  const lastNeedsB = c.schedule === 'crypten';
  if (p.t > 1 || lastNeedsB) b = mulFixed(c, b, a);
  for (let k = 1; k < p.t; k++) {
    const m = twoMinus(c, b);
    a = mulFixed(c, a, m);
    if (k < p.t - 1 || lastNeedsB) b = mulFixed(c, b, m);
  }
  return deflates(p) ? mulConst(c, a, 1 / p.eta) : a;
}

export const reciprocalGoldschmidtReference: Reference<GoldschmidtParams> = (c, p, inputs) => ({
  z: reciprocalGoldschmidt(c, inputs['x']!, p),
});
