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
import { assertOperands } from './operands.ts';
import type { NoParams } from '../../spec/codecs.ts';
import { type Protocol, ringInput } from '../types.ts';

type Comparison = (ctx: PartyContext, config: Config, x: RingTensor, y: RingTensor) => Promise<RingTensor>;

/** ltz of x − y (or of y − x when `swap`), complemented by party 0 when `complement`. */
const comparison =
  (op: string, swap: boolean, complement: boolean): Comparison =>
  async (ctx, config, x, y) => {
    assertOperands(op, config.ell, { x, y });
    const negative = await ltz(ctx, config, swap ? sub(y, x) : sub(x, y));
    return complement ? publicMinus(ctx, 1n, negative) : negative;
  };

export const lt = comparison('lt', false, false);
export const gt = comparison('gt', true, false);
export const ge = comparison('ge', false, true);
export const le = comparison('le', true, true);

const twoOperand =
  (f: Comparison): Protocol<NoParams> =>
  async (ctx, { config }, inputs) => ({
    z: await f(ctx, config, ringInput(ctx, inputs, 'x', config.ell), ringInput(ctx, inputs, 'y', config.ell)),
  });

export const ltProtocol = twoOperand(lt);
export const gtProtocol = twoOperand(gt);
export const leProtocol = twoOperand(le);
export const geProtocol = twoOperand(ge);
