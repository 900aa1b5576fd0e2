// Two-operand comparisons as CrypTen defines them (ALGORITHMS.md §2; spec/comparison/compare.ts):
//   lt(x, y) = ltz(x − y)    gt(x, y) = ltz(y − x)    ge = 1 − lt    le = 1 − gt
// Outputs are 0/1 arithmetic shares (scale 1). Exact whenever x − y does not wrap, i.e.
// |x − y| < 2^(ℓ−1) in ring units (always true for operands in (−2^(ℓ−2), 2^(ℓ−2))).
import type { RingTensor } from '../../core/ring.ts';
import { sub } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { publicMinus } from './arith-local.ts';
import { ltz } from './ltz.ts';
import { assertArithmetic, assertSameOperands } from './operands.ts';
import type { NoParams } from '../../spec/codecs.ts';
import { type Protocol, ringInput } from '../types.ts';

function operands(op: string, config: Config, x: RingTensor, y: RingTensor): void {
  assertArithmetic(op, 'x', x, config.ell);
  assertArithmetic(op, 'y', y, config.ell);
  assertSameOperands(op, { x, y });
}

export async function lt(
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  y: RingTensor,
): Promise<RingTensor> {
  operands('lt', config, x, y);
  return ltz(ctx, config, sub(x, y));
}

export async function gt(
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  y: RingTensor,
): Promise<RingTensor> {
  operands('gt', config, x, y);
  return ltz(ctx, config, sub(y, x));
}

export async function ge(
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  y: RingTensor,
): Promise<RingTensor> {
  operands('ge', config, x, y);
  return publicMinus(ctx, 1n, await ltz(ctx, config, sub(x, y)));
}

export async function le(
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  y: RingTensor,
): Promise<RingTensor> {
  operands('le', config, x, y);
  return publicMinus(ctx, 1n, await ltz(ctx, config, sub(y, x)));
}

type Comparison = typeof lt;
const twoOperand =
  (f: Comparison): Protocol<NoParams> =>
  async (ctx, { config }, inputs) => ({
    z: await f(ctx, config, ringInput(ctx, inputs, 'x', config.ell), ringInput(ctx, inputs, 'y', config.ell)),
  });

export const ltProtocol = twoOperand(lt);
export const gtProtocol = twoOperand(gt);
export const leProtocol = twoOperand(le);
export const geProtocol = twoOperand(ge);
