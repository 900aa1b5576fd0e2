// max, min and argmax over the last axis by a pairwise tree ("log reduction", ALGORITHMS.md §2;
// spec/comparison/reduce.ts). A row of k values is reduced in ⌈log₂k⌉ levels; level L pairs positions
// (2q, 2q+1) of the current row, compares each pair with ONE batched comparison over all rows and
// pairs (label '<scope>/<op>/level<L>/ltz/…') and selects with ONE batched select ('…/select/…'); an odd
// last position passes through to the end of the next row. Adjacent pairing keeps every tree node a
// contiguous run of indices, so "keep the left on ties" means the lowest index among tied values wins.
//   max:    b = ge(A, B) = 1 − ltz(A − B),  keep A when b = 1
//   min:    b = le(A, B) = 1 − ltz(B − A),  keep A when b = 1
//   argmax: as max, and the index travels with the value (one select on the stacked [value; index]);
//           the last level selects the index only. Output: the index as an integer share (not one-hot).
// Comparisons are exact when no difference wraps: |x| < 2^(ℓ−2) ring units.
import { allocWords } from '../../core/word-pool.ts';
import { type RingTensor, ringTensor } from '../../core/ring.ts';
import type { PartyContext } from '../../runtime/context.ts';
import { reductionDims } from '../../spec/comparison/common.ts';
import type { Reduction } from '../../spec/comparison/cost.ts';
import type { Config } from '../../spec/config.ts';
import { ge, le } from './compare.ts';
import { assertArithmetic } from './operands.ts';
import { select } from './select.ts';
import type { NoParams } from '../../spec/codecs.ts';
import { type Protocol, ringInput } from '../types.ts';

/** Entries (r, 2q + offset) of a [rows, s] buffer, q < pairs, as one [rows·pairs] buffer. */
function gather(v: BigUint64Array, rows: number, s: number, pairs: number, offset: number): BigUint64Array {
  const out = allocWords(rows * pairs);
  for (let r = 0; r < rows; r++)
    for (let q = 0; q < pairs; q++) out[r * pairs + q] = v[r * s + 2 * q + offset]!;
  return out;
}

/** The next row: the pair winners, then the odd last entry of each row. */
function nextRow(
  won: BigUint64Array,
  v: BigUint64Array,
  rows: number,
  s: number,
  pairs: number,
): BigUint64Array {
  const t = pairs + (s % 2);
  const out = allocWords(rows * t);
  for (let r = 0; r < rows; r++) {
    out.set(won.subarray(r * pairs, (r + 1) * pairs), r * t);
    if (s % 2 === 1) out[r * t + pairs] = v[r * s + s - 1]!;
  }
  return out;
}

export async function reduceLastAxis(
  ctx: PartyContext,
  config: Config,
  op: Reduction,
  x: RingTensor,
): Promise<RingTensor> {
  assertArithmetic(op, 'x', x, config.ell);
  const { rows, k } = reductionDims(op, x.shape);
  const { ell } = config;
  const c = ctx.scope(op);
  let values: BigUint64Array = x.data;
  // Index j of every row, as a public constant entered through party 0's share.
  let indices: BigUint64Array = allocWords(rows * k);
  if (op === 'argmax' && ctx.party === 0) for (let i = 0; i < indices.length; i++) indices[i] = BigInt(i % k);
  for (let level = 0, s = k; s > 1; level++, s = Math.ceil(s / 2)) {
    const step = c.scope(`level${level}`);
    const pairs = Math.floor(s / 2);
    const ring = (d: BigUint64Array): RingTensor => ringTensor(ell, [d.length], d);
    const A = ring(gather(values, rows, s, pairs, 0));
    const B = ring(gather(values, rows, s, pairs, 1));
    const keepLeft = op === 'min' ? await le(step, config, A, B) : await ge(step, config, A, B);
    if (op !== 'argmax') {
      values = nextRow((await select(step, config, keepLeft, A, B)).data, values, rows, s, pairs);
      continue;
    }
    const IA = gather(indices, rows, s, pairs, 0);
    const IB = gather(indices, rows, s, pairs, 1);
    if (s === 2) {
      indices = (await select(step, config, keepLeft, ring(IA), ring(IB))).data;
      continue;
    }
    const n = rows * pairs;
    const stack = (u: BigUint64Array, w: BigUint64Array): RingTensor => {
      const out = allocWords(2 * n);
      out.set(u);
      out.set(w, n);
      return ring(out);
    };
    const won = (
      await select(step, config, stack(keepLeft.data, keepLeft.data), stack(A.data, IA), stack(B.data, IB))
    ).data;
    indices = nextRow(won.subarray(n), indices, rows, s, pairs);
    values = nextRow(won.subarray(0, n), values, rows, s, pairs);
  }
  return ringTensor(ell, x.shape.slice(0, -1), op === 'argmax' ? indices : values);
}

export const max = (ctx: PartyContext, config: Config, x: RingTensor): Promise<RingTensor> =>
  reduceLastAxis(ctx, config, 'max', x);
export const min = (ctx: PartyContext, config: Config, x: RingTensor): Promise<RingTensor> =>
  reduceLastAxis(ctx, config, 'min', x);
export const argmax = (ctx: PartyContext, config: Config, x: RingTensor): Promise<RingTensor> =>
  reduceLastAxis(ctx, config, 'argmax', x);

const reduction =
  (op: Reduction): Protocol<NoParams> =>
  async (ctx, { config }, inputs) => ({
    z: await reduceLastAxis(ctx, config, op, ringInput(ctx, inputs, 'x', config.ell)),
  });

export const maxProtocol = reduction('max');
export const minProtocol = reduction('min');
export const argmaxProtocol = reduction('argmax');
