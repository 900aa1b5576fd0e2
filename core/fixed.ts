// Fixed-point encoding (DESIGN.md, Values; ALGORITHMS.md §1): a real v is the ring element ⌊v·2^f⌉
// under an explicit rounding mode, read back as two's complement / 2^f. CrypTen rounds toward zero
// (`trunc`), so ε = 1e-5 encodes to 0 at f = 16; `nearest` rounds half to even.
import { allocWords } from './word-pool.ts';
import { inputError } from './errors.ts';
import { type RingTensor, assertRingBits, ringMask, ringTensor } from './ring.ts';
import { type Shape, sizeOf } from './shape.ts';

export type Rounding = 'trunc' | 'nearest';

export interface FixedPointFormat {
  readonly ell: number;
  readonly f: number;
  readonly rounding: Rounding;
}

export function assertFormat(fmt: FixedPointFormat): void {
  assertRingBits(fmt.ell);
  if (!Number.isInteger(fmt.f) || fmt.f < 0 || fmt.f >= fmt.ell) {
    throw inputError(
      `fixed point: f must be an integer in [0, ${fmt.ell - 1}] for ℓ = ${fmt.ell}, got ${fmt.f}`,
    );
  }
}

/** Round a real (already scaled by 2^f) to an integer under the rounding mode. */
export function roundScaled(x: number, rounding: Rounding): number {
  if (rounding === 'trunc') return Math.trunc(x);
  const fl = Math.floor(x);
  const diff = x - fl;
  if (diff > 0.5) return fl + 1;
  if (diff < 0.5) return fl;
  return fl % 2 === 0 ? fl : fl + 1; // ties to even
}

/** The scaled integer that encodes v, or an error naming where v came from. */
export function encodeScalar(v: number, fmt: FixedPointFormat, where = 'value'): bigint {
  if (!Number.isFinite(v)) throw inputError(`${where}: ${v} is not a finite number`);
  const scaled = roundScaled(v * 2 ** fmt.f, fmt.rounding);
  const limit = 2 ** (fmt.ell - 1);
  if (scaled < -limit || scaled >= limit) {
    const lo = -limit / 2 ** fmt.f;
    const hi = (limit - 1) / 2 ** fmt.f;
    throw inputError(
      `${where}: ${v} is outside the representable range [${lo}, ${hi}] of ℓ = ${fmt.ell}, f = ${fmt.f}`,
    );
  }
  return BigInt(scaled);
}

/** Whether 32-bit halves of a 64-bit word sit low first (x86, ARM): the fast paths below need it. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function encode(
  values: ArrayLike<number>,
  shape: Shape,
  fmt: FixedPointFormat,
  name = 'input',
): RingTensor {
  assertFormat(fmt);
  if (values.length !== sizeOf(shape))
    throw inputError(`${name}: ${values.length} values do not fill shape [${shape.join(', ')}]`);
  const mask = ringMask(fmt.ell);
  const data = allocWords(values.length);
  if (fmt.ell === 64 && LITTLE_ENDIAN) {
    // Each scaled integer (|v| < 2^53 after the range check, or an error) written as two 32-bit halves:
    // the same words as BigInt(v) & mask, without a BigInt per element.
    const halves = new Uint32Array(data.buffer, data.byteOffset, 2 * values.length);
    const scale = 2 ** fmt.f;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      const scaled = roundScaled(v * scale, fmt.rounding);
      if (!Number.isFinite(v) || !(Math.abs(scaled) < 2 ** 53)) {
        data[i] = encodeScalar(v, fmt, `${name}[${i}]`) & mask; // throws unless it fits
        continue;
      }
      const hi = Math.floor(scaled / 2 ** 32);
      halves[2 * i] = scaled - hi * 2 ** 32;
      halves[2 * i + 1] = hi;
    }
    return ringTensor(fmt.ell, shape, data);
  }
  for (let i = 0; i < values.length; i++)
    data[i] = encodeScalar(values[i] as number, fmt, `${name}[${i}]`) & mask;
  return ringTensor(fmt.ell, shape, data);
}

/** Exact two's-complement decode: signed(v) / 2^f (the float64 nearest to it when |signed| > 2^53). */
export function decode(t: RingTensor, f: number): Float64Array {
  const out = new Float64Array(t.data.length);
  const scale = 2 ** -f;
  if (t.ell === 64 && LITTLE_ENDIAN) {
    // hi·2^32 is exact and adding lo rounds once: the nearest float64 to the signed word, as Number(BigInt).
    const halves = new Uint32Array(t.data.buffer, t.data.byteOffset, 2 * t.data.length);
    const signed = new Int32Array(t.data.buffer, t.data.byteOffset, 2 * t.data.length);
    for (let i = 0; i < out.length; i++) out[i] = (signed[2 * i + 1]! * 2 ** 32 + halves[2 * i]!) * scale;
    return out;
  }
  for (let i = 0; i < out.length; i++) out[i] = Number(BigInt.asIntN(t.ell, t.data[i]!)) * scale;
  return out;
}

/** One ulp of the format: the real value of the ring element 1. */
export const ulp = (f: number): number => 2 ** -f;
