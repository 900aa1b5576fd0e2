// The cleartext comparison steps (ALGORITHMS.md §2), under the names the protocols use for the same
// operations (protocols/comparison/*.ts): every value is a ring tensor, every result exact; 0/1 results
// have scale 1. One monomorphic loop each (the references run on every property case).
import { type RingTensor, ringHalf, ringMask, ringTensor } from '../../core/ring.ts';
import { addScalar, mul, mulScalar } from '../../core/ring-ops.ts';
import type { Config } from '../../spec/config.ts';
import { type PublicCut, cutUnits } from '../../spec/comparison/public-cut.ts';

/** [x < 0] as 0/1: bit ℓ−1, read as the quotient by 2^(ℓ−1) (no variable-amount shift). */
export function ltz(x: RingTensor): RingTensor {
  const h = ringHalf(x.ell);
  const out = new BigUint64Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = x.data[i]! / h;
  return ringTensor(x.ell, x.shape, out);
}

/** 1 − b for 0/1 values. */
export function complement(b: RingTensor): RingTensor {
  const out = new BigUint64Array(b.data.length);
  for (let i = 0; i < out.length; i++) out[i] = 1n - b.data[i]!;
  return ringTensor(b.ell, b.shape, out);
}

/** b ? x : y as b·(x − y) + y in Z_2^ℓ, for a 0/1 ring tensor b. */
export function select(b: RingTensor, x: RingTensor, y: RingTensor): RingTensor {
  const m = ringMask(x.ell);
  const out = new BigUint64Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (b.data[i]! * (x.data[i]! - y.data[i]!) + y.data[i]!) & m;
  return ringTensor(x.ell, x.shape, out);
}

/** 1 − 2·[x < 0] (+1 at 0, as CrypTen: "0 is considered positive"). */
export const sign = (x: RingTensor): RingTensor => addScalar(mulScalar(ltz(x), -2n), 1n);

/** x·sign(x) (|−2^(ℓ−1)| wraps to itself, as on shares). */
export const abs = (x: RingTensor): RingTensor => mul(x, sign(x));

/** x·(1 − [x < 0]). */
export const relu = (x: RingTensor): RingTensor => mul(x, complement(ltz(x)));

/** [x < a] (or [x ≤ a]) for each public threshold, exact on the grid (spec/comparison/public-cut.ts). */
export const ltPublic = (c: Config, x: RingTensor, cuts: readonly PublicCut[]): RingTensor[] =>
  cuts.map((cut) => ltz(addScalar(x, -cutUnits(c, cut))));
