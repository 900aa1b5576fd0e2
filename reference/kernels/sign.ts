// The cleartext side of the comparison steps the kernels use (ALGORITHMS.md §2): ltz(x) = [x < 0] and
// sign(x) = 1 − 2·ltz(x) as ring integers (scale 1), and select(b, x, y) = b ? x : y — all exact.
import { type RingTensor, ringMask, ringTensor } from '../../core/ring.ts';

export function ltzReference(x: RingTensor): RingTensor {
  const out = new BigUint64Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = BigInt.asIntN(x.ell, x.data[i]!) < 0n ? 1n : 0n;
  return ringTensor(x.ell, x.shape, out);
}

/** x·sign(x) and the sign itself (+1 for x ≥ 0, as CrypTen: "0 is considered positive"). */
export function absAndSign(x: RingTensor): { abs: RingTensor; sign: RingTensor } {
  const m = ringMask(x.ell);
  const abs = new BigUint64Array(x.data.length);
  const sign = new BigUint64Array(x.data.length);
  for (let i = 0; i < abs.length; i++) {
    const negative = BigInt.asIntN(x.ell, x.data[i]!) < 0n;
    abs[i] = negative ? -x.data[i]! & m : x.data[i]!;
    sign[i] = negative ? m : 1n;
  }
  return { abs: ringTensor(x.ell, x.shape, abs), sign: ringTensor(x.ell, x.shape, sign) };
}

/** b ? x : y for a 0/1 ring tensor b. */
export function selectReference(b: RingTensor, x: RingTensor, y: RingTensor): RingTensor {
  const out = new BigUint64Array(b.data.length);
  for (let i = 0; i < out.length; i++) out[i] = b.data[i]! === 1n ? x.data[i]! : y.data[i]!;
  return ringTensor(b.ell, b.shape, out);
}
