// Reference of erf (spec/kernels/erf.ts): the power plan's floored products, each term ⌊x^(2n+1)·enc(cₙ)⌋,
// their sum with x, then ⌊·enc(2/√π)⌋.
import type { RingTensor } from '../../core/ring.ts';
import type { Config } from '../../spec/config.ts';
import { add } from '../../core/ring-ops.ts';
import { type ErfParams, TWO_OVER_SQRT_PI, erfCoefficient, erfPlan } from '../../spec/kernels/erf.ts';
import type { Reference } from '../types.ts';
import { mulConst, mulFixed, squareFixed } from '../arithmetic/fixed-point.ts';

export function erf(c: Config, x: RingTensor, p: ErfParams): RingTensor {
  const plan = erfPlan(c, p);
  const regs: RingTensor[] = [x];
  for (const level of plan.levels)
    for (const op of level)
      regs[op.dest] =
        op.kind === 'square' ? squareFixed(c, regs[op.a]!) : mulFixed(c, regs[op.a]!, regs[op.b]!);
  let sum = x;
  plan.terms.forEach((r, i) => (sum = add(sum, mulConst(c, regs[r]!, erfCoefficient(i + 1)))));
  return mulConst(c, sum, TWO_OVER_SQRT_PI);
}

export const erfReference: Reference<ErfParams> = (c, p, inputs) => ({ z: erf(c, inputs['x']!, p) });
