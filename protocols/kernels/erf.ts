// erf on shares (spec/kernels/erf.ts): the power plan level by level (a level's products in one
// message under the default schedule), the coefficient products truncated one by one (crypten) or all
// at once (default), then the factor 2/√π.
import { type RingTensor, ringTensor } from '../../core/ring.ts';
import { add, concat, mulScalar, split } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { encodedConstant } from '../../spec/arithmetic/public-constant.ts';
import { type ErfParams, TWO_OVER_SQRT_PI, erfCoefficient, erfPlan } from '../../spec/kernels/erf.ts';
import { type Protocol, ringInput } from '../types.ts';
import { mulConst, mulFixed, mulFixedBatch, squareFixed, truncBits } from '../arithmetic/fixed-point.ts';

/** ⟨erf(x)⟩ by the Taylor series, under `ctx` (the protocol scopes it 'erf'). */
export async function erf(ctx: PartyContext, c: Config, x: RingTensor, p: ErfParams): Promise<RingTensor> {
  const plan = erfPlan(c, p);
  const regs: RingTensor[] = [x];
  for (const [l, level] of plan.levels.entries()) {
    const step = ctx.scope(`pow${l}`);
    const op = level[0]!;
    if (level.length === 1)
      regs[op.dest] =
        op.kind === 'square'
          ? await squareFixed(step, c, regs[op.a]!)
          : await mulFixed(step, c, regs[op.a]!, regs[op.b]!);
    else {
      const out = await mulFixedBatch(
        step,
        c,
        level.map((o) => [regs[o.a]!, regs[o.b]!] as const),
      );
      level.forEach((o, i) => (regs[o.dest] = out[i]!));
    }
  }
  let terms: RingTensor[];
  if (c.schedule === 'crypten') {
    terms = [];
    for (const [i, r] of plan.terms.entries())
      terms.push(await mulConst(ctx.scope(`term${i + 1}`), c, regs[r]!, erfCoefficient(i + 1)));
  } else {
    const scaled = plan.terms.map((r, i) => mulScalar(regs[r]!, encodedConstant(c, erfCoefficient(i + 1))));
    const all = ringTensor(c.ell, [scaled.length * x.data.length], concat(scaled));
    terms = split(
      c.ell,
      (await truncBits(ctx.scope('terms'), c, all, c.f)).data,
      scaled.map((s) => s.shape),
    );
  }
  const sum = terms.reduce((acc, t) => add(acc, t), x);
  return mulConst(ctx.scope('scale'), c, sum, TWO_OVER_SQRT_PI);
}

export const erfProtocol: Protocol<ErfParams> = async (ctx, { config, params }, inputs) => ({
  z: await erf(ctx.scope('erf'), config, ringInput(ctx, inputs, 'x', config.ell), params),
});
