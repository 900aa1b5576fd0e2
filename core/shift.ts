// Divisions of ring values by 2^k, read as two's complement (ALGORITHMS.md §1, truncation).
// V8 on Node 20 lowers BigInt64 division by a variable to a native instruction but not a shift by a
// variable amount (measured: 450 M/s vs 50 M/s), so shifts are written as signed divisions.
import { inputError } from './errors.ts';
import { type RingTensor, ringHalf, ringMask, ringTensor } from './ring.ts';

function assertShift(t: RingTensor, k: number): void {
  if (!Number.isInteger(k) || k < 0 || k >= t.ell) {
    throw inputError(`shift: amount ${k} must be an integer in [0, ${t.ell - 1}] for Z_2^${t.ell}`);
  }
}

/** Signed value → quotient by 2^k rounded toward zero (CrypTen's per-share `div(…, rounding_mode="trunc")`). */
export function divTowardZero(t: RingTensor, k: number): RingTensor {
  assertShift(t, k);
  const d = 1n << BigInt(k);
  const n = t.data.length;
  const out = new BigUint64Array(n);
  if (t.ell === 64) {
    const src = new BigInt64Array(t.data.buffer, t.data.byteOffset, n);
    const dst = new BigInt64Array(out.buffer);
    for (let i = 0; i < n; i++) dst[i] = src[i]! / d;
  } else {
    // Sign-extend ℓ-bit values with (v ⊕ h) − h, h = 2^(ℓ−1), then mask the quotient back to ℓ bits.
    const h = ringHalf(t.ell);
    const m = ringMask(t.ell);
    const src = t.data;
    for (let i = 0; i < n; i++) out[i] = (((src[i]! ^ h) - h) / d) & m;
  }
  return ringTensor(t.ell, t.shape, out);
}

/** Signed value → ⌊value / 2^k⌋ (arithmetic shift right): ⌊s/d⌋ = trunc((s − d + 1)/d) for s < 0. */
export function shiftRightArith(t: RingTensor, k: number): RingTensor {
  assertShift(t, k);
  const d = 1n << BigInt(k);
  const dm1 = d - 1n;
  const n = t.data.length;
  const out = new BigUint64Array(n);
  if (t.ell === 64) {
    const src = new BigInt64Array(t.data.buffer, t.data.byteOffset, n);
    const dst = new BigInt64Array(out.buffer);
    for (let i = 0; i < n; i++) {
      const s = src[i]!;
      dst[i] = (s < 0n ? s - dm1 : s) / d;
    }
  } else {
    const h = ringHalf(t.ell);
    const m = ringMask(t.ell);
    const src = t.data;
    for (let i = 0; i < n; i++) {
      const s = (src[i]! ^ h) - h;
      out[i] = ((s < 0n ? s - dm1 : s) / d) & m;
    }
  }
  return ringTensor(t.ell, t.shape, out);
}

/** Unsigned value → ⌊value / 2^k⌋ (logical shift right): the arithmetic shift with the sign bits cleared. */
export function shiftRightLogical(t: RingTensor, k: number): RingTensor {
  assertShift(t, k);
  const keep = ringMask(t.ell - k);
  const arith = shiftRightArith(t, k);
  const out = arith.data;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! & keep;
  return arith;
}
