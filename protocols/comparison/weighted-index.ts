// CrypTen 0.4's random tie-breaking (crypten/common/functions/sampling.py; spec/comparison/
// max-log-reduction.ts): `rand` and `weighted_index` as its max(dim) uses them.
//   rand           a shared uniform in [0, 1) at scale 2^f: every party draws f random bits a value from
//                  its own tape (their XOR is the value's bits, a binary sharing), each bit is made
//                  arithmetic with a daBit (an ℓ-bit word opened per bit under the crypten schedule, as
//                  CrypTen's B2A_single_bit), and the bits are summed with weights 2^j. Labels
//                  '<scope>/rand/bits' (tape), '<scope>/rand/b2a/…'.
//   weightedIndex  over rows of 0/1 values t (scale 1): c = cumulative sums along the row (local),
//                  u = rand()·c_last (one product, no truncation: c_last has scale 1), g = [c > u]
//                  (gt with c re-encoded at scale 2^f), and g minus g shifted by one: a one-hot at the
//                  first position whose cumulative sum exceeds u — uniform among the 1s of t.
import { bitTensor } from '../../core/bits.ts';
import { type RingTensor, reshape, ringMask, ringTensor } from '../../core/ring.ts';
import { mulScalar, sub } from '../../core/ring-ops.ts';
import { broadcastRows, rowDims } from '../../core/rows.ts';
import { allocWords } from '../../core/word-pool.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { mulRaw } from '../arithmetic/mul.ts';
import { b2a } from './b2a.ts';
import { gt } from './compare.ts';

/** ⟨u⟩, u uniform in [0, 1) with f bits, one per entry of `shape`. */
export async function rand(ctx: PartyContext, config: Config, count: number): Promise<RingTensor> {
  const c = ctx.scope('rand');
  const { f, ell } = config;
  const mine = c.random('bits', Math.max(f, 1), [count]).data;
  // Bit planes, plane j first (CrypTen stacks binary_tensor >> j for j < f).
  const planes = allocWords(f * count);
  for (let j = 0; j < f; j++) {
    const shift = BigInt(j);
    for (let i = 0; i < count; i++) planes[j * count + i] = (mine[i]! >> shift) & 1n;
  }
  const bits = await b2a(c, config, bitTensor(ell, [f * count], planes));
  const m = ringMask(ell);
  const out = allocWords(count);
  for (let j = 0; j < f; j++) {
    const shift = BigInt(j);
    for (let i = 0; i < count; i++) out[i] = (out[i]! + (bits.data[j * count + i]! << shift)) & m;
  }
  return ringTensor(ell, [count], out);
}

/** Cumulative sums along each row of [rows, w] words, mod 2^64, on their 32-bit halves (no BigInts). */
function rowPrefixSums(t: BigUint64Array, rows: number, w: number): BigUint64Array {
  const out = allocWords(rows * w, false);
  const h = new Uint32Array(t.buffer, t.byteOffset, 2 * t.length);
  const o = new Uint32Array(out.buffer, out.byteOffset, 2 * out.length);
  for (let r = 0; r < rows; r++) {
    let lo = 0;
    let hi = 0;
    for (let k = 2 * r * w; k < 2 * (r + 1) * w; k += 2) {
      lo += h[k]!;
      hi += h[k + 1]!;
      if (lo >= WORD) {
        lo -= WORD;
        hi += 1;
      }
      o[k] = lo;
      o[k + 1] = hi >>> 0; // hi < w·2^32 + w stays exact; ToUint32 reduces it mod 2^32
    }
  }
  return out;
}

const WORD = 4294967296;

/** A one-hot along each row of t (0/1 at scale 1, shape [..., w]), at a uniformly chosen 1 of the row. */
export async function weightedIndex(ctx: PartyContext, config: Config, t: RingTensor): Promise<RingTensor> {
  const c = ctx.scope('weighted_index');
  const { rows, n: w } = rowDims('weighted_index', 't', t.shape);
  const { ell, f } = config;
  const m = ringMask(ell);
  const cum = ringTensor(ell, [rows, w], rowPrefixSums(t.data, rows, w));
  if (ell < 64) for (let k = 0; k < cum.data.length; k++) cum.data[k] = cum.data[k]! & m;
  const last = allocWords(rows, false);
  for (let r = 0; r < rows; r++) last[r] = cum.data[r * w + w - 1]!;
  const u = await rand(c, config, rows);
  const threshold = await mulRaw(c.scope('scale'), u, ringTensor(ell, [rows], last));
  // [c > u]: c re-encoded from scale 1 to scale 2^f (CrypTen's encode_as_ before the subtraction).
  const g = await gt(
    c,
    config,
    reshape(mulScalar(cum, 1n << BigInt(f)), [rows * w]),
    reshape(broadcastRows(threshold, [rows, w]), [rows * w]),
  );
  // g minus g shifted by one place along the row (0 shifted in).
  const shifted = allocWords(rows * w);
  for (let r = 0; r < rows; r++) shifted.set(g.data.subarray(r * w, (r + 1) * w - 1), r * w + 1);
  return reshape(sub(g, ringTensor(ell, g.shape, shifted)), t.shape);
}
