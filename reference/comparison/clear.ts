// Cleartext ring kernels the comparison references share: the sign bit of ℓ-bit two's complement and
// its 0/1 complement, one monomorphic loop each (the reference runs on every property case).
import { type RingTensor, ringHalf, ringMask, ringTensor } from '../../core/ring.ts';

/** [x < 0] as 0/1: bit ℓ−1, read as the quotient by 2^(ℓ−1) (no variable-amount shift). */
export function signBit(x: RingTensor): RingTensor {
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

/** b·(x − y) + y in Z_2^ℓ. */
export function selectClear(b: RingTensor, x: RingTensor, y: RingTensor): RingTensor {
  const m = ringMask(x.ell);
  const out = new BigUint64Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (b.data[i]! * (x.data[i]! - y.data[i]!) + y.data[i]!) & m;
  return ringTensor(x.ell, x.shape, out);
}
