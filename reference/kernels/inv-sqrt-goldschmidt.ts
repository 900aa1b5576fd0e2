// Reference of Goldschmidt's inverse square root (spec/kernels/inv-sqrt-goldschmidt.ts).
import type { RingTensor } from '../../core/ring.ts';
import { neg } from '../../core/ring-ops.ts';
import type { Config } from '../../spec/config.ts';
import { type GoldschmidtParams, deflates } from '../../spec/kernels/reciprocal-goldschmidt.ts';
import type { Reference } from '../types.ts';
import { addConst, mulConst, mulFixed, squareFixed, truncBits } from '../arithmetic/fixed-point.ts';

export function invSqrtGoldschmidt(c: Config, x: RingTensor, p: GoldschmidtParams): RingTensor {
  let q = deflates(p) ? mulConst(c, x, 1 / p.eta) : x;
  let y: RingTensor | undefined;
  for (let k = 0; k < p.t; k++) {
    const m = truncBits(addConst(c, neg(q), 3), 1);
    const last = k === p.t - 1;
    if (!last || c.schedule === 'crypten') q = mulFixed(c, q, squareFixed(c, m));
    y = y === undefined ? m : mulFixed(c, y, m);
  }
  return deflates(p) ? mulConst(c, y!, 1 / Math.sqrt(p.eta)) : y!;
}

export const invSqrtGoldschmidtReference: Reference<GoldschmidtParams> = (c, p, inputs) => ({
  z: invSqrtGoldschmidt(c, inputs['x']!, p),
});
