// CrypTen 0.4's max over the last axis as softmax calls it (spec/comparison/max-log-reduction.ts):
// ⌊ln k⌋ halvings (first half against second: ge, then where), the pairwise stage on what is left (ge
// against every rotation, a product tree, weighted_index, Σ x·one-hot), then the one-hot argmax over
// the whole row that max(dim) also returns (eq with the max, weighted_index), computed and dropped as
// softmax drops it. The max is exact and deterministic (every maximal position holds the same value);
// only the discarded one-hot depends on the parties' random bits. Labels under '<scope>/max_log/…'.
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';
import { neg, sub } from '../../core/ring-ops.ts';
import { broadcastRows, rowDims, rowSum } from '../../core/rows.ts';
import { allocWords } from '../../core/word-pool.ts';
import { MpcspecError } from '../../core/errors.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import {
  logReductionPlan,
  pairwiseCopies,
  productTreeLevels,
} from '../../spec/comparison/max-log-reduction.ts';
import { mulRaw } from '../arithmetic/mul.ts';
import { publicMinus } from './arith-local.ts';
import { ge } from './compare.ts';
import { eq } from './eq.ts';
import { ltz } from './ltz.ts';
import { select } from './select.ts';
import { weightedIndex } from './weighted-index.ts';

/** Columns [from, to) of each row of a [rows, m] buffer, as one [rows·(to − from)] buffer. */
function columns(v: BigUint64Array, rows: number, m: number, from: number, to: number): BigUint64Array {
  const w = to - from;
  const out = allocWords(rows * w, false);
  for (let r = 0; r < rows; r++) out.set(v.subarray(r * m + from, r * m + to), r * w);
  return out;
}

/** Row-wise concatenation of [rows, a] and [rows, b] buffers. */
function joinColumns(
  x: BigUint64Array,
  a: number,
  y: BigUint64Array,
  b: number,
  rows: number,
): BigUint64Array {
  const out = allocWords(rows * (a + b), false);
  for (let r = 0; r < rows; r++) {
    out.set(x.subarray(r * a, (r + 1) * a), r * (a + b));
    out.set(y.subarray(r * b, (r + 1) * b), r * (a + b) + a);
  }
  return out;
}

/** CrypTen's eq: _eqz_2PC for two parties; 1 − Σ ltz([d; −d]) for more (mpc.py eq, ne). */
async function cryptenEq(
  ctx: PartyContext,
  config: Config,
  x: RingTensor,
  y: RingTensor,
): Promise<RingTensor> {
  if (ctx.parties === 2) return eq(ctx, config, x, y);
  const d = sub(x, y);
  const n = d.data.length;
  const both = allocWords(2 * n, false);
  both.set(d.data);
  both.set(neg(d).data, n);
  const s = await ltz(ctx.scope('ne'), config, ringTensor(config.ell, [2 * n], both));
  const m = ringMask(config.ell);
  const ne = allocWords(n, false);
  for (let i = 0; i < n; i++) ne[i] = (s.data[i]! + s.data[n + i]!) & m;
  return publicMinus(ctx, 1n, ringTensor(config.ell, x.shape, ne));
}

/** ⟨max⟩ of each row of x ([..., k] → [...]) as CrypTen 0.4's max(dim) by log reduction computes it. */
export async function maxLogReduction(ctx: PartyContext, config: Config, x: RingTensor): Promise<RingTensor> {
  const c = ctx.scope('max_log');
  const { ell } = config;
  const { rows, n: k } = rowDims('max_log_reduction', 'x', x.shape);
  const ring = (d: BigUint64Array): RingTensor => ringTensor(ell, [d.length], d);
  const { halves, rest } = logReductionPlan(k);
  let cur = x.data;
  let m = k;
  for (const [s, h] of halves.entries()) {
    const step = c.scope(`step${s}`);
    const A = ring(columns(cur, rows, m, 0, h));
    const B = ring(columns(cur, rows, m, h, 2 * h));
    const won = await select(step, config, await ge(step, config, A, B), A, B);
    cur = joinColumns(won.data, h, columns(cur, rows, m, 2 * h, m), m - 2 * h, rows);
    m = h + (m % 2);
  }
  // Pairwise: each value against its rotations by 1 … copies (torch.roll: rotation i puts x[j − i] at j).
  const copies = pairwiseCopies(rest);
  if (copies >= 128)
    throw new MpcspecError(
      'internal',
      `max_log_reduction: ${copies} rotations; CrypTen switches to a sum of comparisons there`,
    );
  const block = rows * rest;
  const mine = allocWords(copies * block, false);
  const rotated = allocWords(copies * block, false);
  for (let i = 0; i < copies; i++) {
    mine.set(cur.subarray(0, block), i * block);
    const s = (i + 1) % rest;
    for (let r = 0; r < rows; r++) {
      const row = cur.subarray(r * rest, (r + 1) * rest);
      const at = i * block + r * rest;
      rotated.set(row.subarray(rest - s), at);
      rotated.set(row.subarray(0, rest - s), at + s);
    }
  }
  const pair = c.scope('pairwise');
  let factors = (await ge(pair, config, ring(mine), ring(rotated))).data;
  for (const [level, p] of productTreeLevels(copies).entries()) {
    const product = await mulRaw(
      pair.scope(`prod${level}`),
      ring(factors.subarray(0, p * block)),
      ring(factors.subarray(p * block, 2 * p * block)),
    );
    const left = factors.length / block - 2 * p;
    const next = allocWords((p + left) * block, false);
    next.set(product.data);
    next.set(factors.subarray(2 * p * block), p * block);
    factors = next;
  }
  const oneHot = await weightedIndex(pair, config, ringTensor(ell, [rows, rest], factors));
  const picked = await mulRaw(pair.scope('pick'), ringTensor(ell, [rows, rest], cur), oneHot);
  const max = ringTensor(ell, x.shape.slice(0, -1), rowSum(picked).data);
  // The one-hot argmax over the whole row, as max(dim) returns it (softmax ignores it).
  const hit = await cryptenEq(c.scope('argmax'), config, x, broadcastRows(max, x.shape));
  await weightedIndex(c.scope('argmax'), config, hit);
  return max;
}
