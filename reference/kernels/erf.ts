// Reference of erf (spec/kernels/erf.ts): the power plan's floored products, each term ⌊x^(2n+1)·enc(cₙ)⌋,
// their sum with x, then ⌊·enc(2/√π)⌋.
import type { RingTensor } from '../../core/ring.ts';
import { add } from '../../core/ring-ops.ts';
import { type ErfParams, TWO_OVER_SQRT_PI, erfCoefficient, erfPlan } from '../../spec/kernels/erf.ts';
import type { Reference } from '../types.ts';
import { mulConst, mulFx, squareFx } from './fixed-steps.ts';

export const erfReference: Reference<ErfParams> = (c, p, inputs) => {
  const x = inputs['x']!;
  const plan = erfPlan(c, p);
  const regs: RingTensor[] = [x];
  for (const level of plan.levels)
    for (const op of level)
      regs[op.dest] = op.kind === 'square' ? squareFx(c, regs[op.a]!) : mulFx(c, regs[op.a]!, regs[op.b]!);
  let sum = x;
  plan.terms.forEach((r, i) => (sum = add(sum, mulConst(c, regs[r]!, erfCoefficient(i + 1)))));
  return { z: mulConst(c, sum, TWO_OVER_SQRT_PI) };
};
