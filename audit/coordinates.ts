// A view coordinate across instances (statistical mode): one element of one view item, for every
// instance of the batch, as raw words and as the forms the tests read — the signed value (two's
// complement in its width, as a float64: order-preserving, which is all the rank tests need).
import { ringMask } from '../core/ring.ts';
import { type BatchPlan, position } from './batch-plan.ts';
import type { InstanceViews } from './instance-views.ts';

export interface Coordinate {
  readonly name: string;
  readonly width: number;
  /** One word per instance. */
  readonly words: BigUint64Array;
}

export function coordinates(plan: BatchPlan, views: InstanceViews): Coordinate[] {
  const B = views.batch;
  const out: Coordinate[] = [];
  plan.items.forEach((it, k) => {
    const data = views.data[k]!;
    for (let t = 0; t < it.perInstance; t++) {
      const words = new BigUint64Array(B);
      for (let b = 0, p = position(t, 0, it.segment, B); b < B; b++, p += it.segment) words[b] = data[p]!;
      out.push({ name: `${it.name}[${t}]`, width: it.width, words });
    }
  });
  return out;
}

/** Signed values of words[from, to) in a `width`-bit ring, ascending. */
export function signedSorted(words: BigUint64Array, width: number, from: number, to: number): Float64Array {
  const out = new Float64Array(to - from);
  const half = width === 64 ? 0n : 1n << BigInt(width - 1);
  for (let i = from; i < to; i++) {
    const w = words[i]!;
    out[i - from] = width === 64 ? Number(BigInt.asIntN(64, w)) : Number(w >= half ? w - 2n * half : w);
  }
  return out.sort();
}

/** (a ± b) mod 2^width, elementwise. */
export function combine(a: BigUint64Array, b: BigUint64Array, width: number, sign: 1 | -1): BigUint64Array {
  const m = ringMask(width);
  const out = new BigUint64Array(a.length);
  if (sign === 1) for (let i = 0; i < a.length; i++) out[i] = (a[i]! + b[i]!) & m;
  else for (let i = 0; i < a.length; i++) out[i] = (a[i]! - b[i]!) & m;
  return out;
}

/** Histogram of bit fields: counts of (w >> shift) & (2^bits − 1) over words[from, to). */
export function fieldCounts(
  words: BigUint64Array,
  shift: number,
  bits: number,
  from: number,
  to: number,
): Int32Array {
  const counts = new Int32Array(2 ** bits);
  const s = BigInt(shift);
  const m = (1n << BigInt(bits)) - 1n;
  for (let i = from; i < to; i++) counts[Number((words[i]! >> s) & m)]! += 1;
  return counts;
}
