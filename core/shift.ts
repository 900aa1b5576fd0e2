// Divisions of ring values by 2^k, read as two's complement (ALGORITHMS.md §1, truncation).
// V8 on Node 20 lowers BigInt64 division by a variable to a native instruction but not a shift by a
// variable amount (measured: 450 M/s vs 50 M/s), so shifts are written as signed divisions.
import { divideWords64 } from './ring-kernels.ts';
import { allocWords } from './word-pool.ts';
import { inputError } from './errors.ts';
import { type RingTensor, ringHalf, ringMask, ringTensor } from './ring.ts';
import { neg } from './ring-ops.ts';

function assertShift(t: RingTensor, k: number): void {
  if (!Number.isInteger(k) || k < 0 || k >= t.ell) {
    throw inputError(`shift: amount ${k} must be an integer in [0, ${t.ell - 1}] for Z_2^${t.ell}`);
  }
}

/**
 * Where a kernel writes: a fresh array, or `into` — which may be the input's own buffer when the caller
 * owns it (a share it just computed), saving an allocation and a pass on the hot path.
 */
function output(t: RingTensor, into: BigUint64Array | undefined): BigUint64Array {
  if (into === undefined) return allocWords(t.data.length, false);
  if (into.length !== t.data.length)
    throw inputError(`shift: output buffer of ${into.length} words for ${t.data.length} elements`);
  return into;
}

/** Signed value → quotient by 2^k rounded toward zero (CrypTen's per-share `div(…, rounding_mode="trunc")`). */
export function divTowardZero(t: RingTensor, k: number, into?: BigUint64Array): RingTensor {
  assertShift(t, k);
  const d = 1n << BigInt(k);
  const n = t.data.length;
  const out = output(t, into);
  if (t.ell === 64) {
    divideWords64([t.data, out], [d], n);
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
export function shiftRightArith(t: RingTensor, k: number, into?: BigUint64Array): RingTensor {
  assertShift(t, k);
  if (t.ell === 64) return ringTensor(64, t.shape, shiftRightArith64(t.data, k, output(t, into)));
  const d = 1n << BigInt(k);
  const dm1 = d - 1n;
  const n = t.data.length;
  const out = allocWords(n, false);
  const h = ringHalf(t.ell);
  const m = ringMask(t.ell);
  const src = t.data;
  for (let i = 0; i < n; i++) {
    const s = (src[i]! ^ h) - h;
    out[i] = ((s < 0n ? s - dm1 : s) / d) & m;
  }
  return ringTensor(t.ell, t.shape, out);
}

/**
 * Arithmetic shift of 64-bit words on their 32-bit halves (int32 shifts are native; a BigInt conditional
 * is not, measured 2× slower), little-endian: word i is (lo, hi) = (u32[2i], u32[2i+1]).
 */
function shiftRightArith64(src: BigUint64Array, k: number, out: BigUint64Array): BigUint64Array {
  if (k === 0) {
    out.set(src);
    return out;
  }
  const s32 = new Uint32Array(src.buffer, src.byteOffset, 2 * src.length);
  const d32 = new Uint32Array(out.buffer, out.byteOffset, 2 * src.length);
  const n2 = 2 * src.length;
  if (k < 32) {
    const back = 32 - k;
    for (let i = 0; i < n2; i += 2) {
      const hi = s32[i + 1]!;
      d32[i] = ((s32[i]! >>> k) | (hi << back)) >>> 0;
      d32[i + 1] = hi >> k;
    }
  } else {
    const down = k - 32;
    for (let i = 0; i < n2; i += 2) {
      const hi = s32[i + 1]! | 0;
      d32[i] = hi >> down;
      d32[i + 1] = hi >> 31;
    }
  }
  return out;
}

/**
 * Signed value → −⌊−value / 2^k⌋ = ⌈value / 2^k⌉ (SecureML's second party), the negations taken in the
 * ring — so −2^(ℓ−1), its own negative, gives +2^(ℓ−1−k) as negate-shift-negate does. One pass on the
 * words' 32-bit halves at ℓ = 64 (the three BigInt passes it replaces cost 3× as much).
 */
export function shiftRightCeil(t: RingTensor, k: number, into?: BigUint64Array): RingTensor {
  assertShift(t, k);
  if (t.ell !== 64) return neg(shiftRightArith(neg(t), k));
  const out = output(t, into);
  const s32 = new Uint32Array(t.data.buffer, t.data.byteOffset, 2 * t.data.length);
  const d32 = new Uint32Array(out.buffer, out.byteOffset, 2 * t.data.length);
  const n2 = 2 * t.data.length;
  for (let i = 0; i < n2; i += 2) {
    // y = −x on halves, then ⌊y / 2^k⌋ (arithmetic), then −that on halves.
    const lo = s32[i]!;
    const yLo = -lo >>> 0;
    const yHi = (~s32[i + 1]! + (lo === 0 ? 1 : 0)) | 0;
    let qLo: number;
    let qHi: number;
    if (k === 0) {
      qLo = yLo;
      qHi = yHi;
    } else if (k < 32) {
      qLo = ((yLo >>> k) | (yHi << (32 - k))) >>> 0;
      qHi = yHi >> k;
    } else {
      qLo = (yHi >> (k - 32)) >>> 0;
      qHi = yHi >> 31;
    }
    d32[i] = -qLo >>> 0;
    d32[i + 1] = (~qHi + (qLo === 0 ? 1 : 0)) >>> 0;
  }
  return ringTensor(64, t.shape, out);
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
