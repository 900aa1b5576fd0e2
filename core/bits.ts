// Packed boolean tensors (DESIGN.md, Values): one 64-bit word per element holding `width` meaningful
// bits (bit-sliced: bit j of every word is one boolean wire), so one AND over a word is `width` gates.
// XOR shares of these are boolean sharings; message cost is elements × width bits.
import { andWords, bitOfWords, xorWords } from './ring-kernels.ts';
import { allocWords, copyWords } from './word-pool.ts';
import { inputError } from './errors.ts';
import { ringMask } from './ring.ts';
import { type Shape, assertSameShape, assertShape, formatShape, sizeOf } from './shape.ts';

export interface BitTensor {
  readonly kind: 'bits';
  readonly width: number;
  readonly shape: Shape;
  readonly data: BigUint64Array;
}

export function bitTensor(width: number, shape: Shape, data: BigUint64Array): BitTensor {
  if (!Number.isInteger(width) || width < 1 || width > 64)
    throw inputError(`bit tensor: width must be 1…64, got ${width}`);
  assertShape(shape, 'bit tensor');
  if (data.length !== sizeOf(shape))
    throw inputError(`bit tensor: ${data.length} words do not fill shape ${formatShape(shape)}`);
  return { kind: 'bits', width, shape: [...shape], data };
}

function assertCompatible(op: string, a: BitTensor, b: BitTensor): void {
  if (a.width !== b.width) throw inputError(`${op}: bit width mismatch: ${a.width} vs ${b.width}`);
  assertSameShape(op, a.shape, b.shape);
}

export function xor(a: BitTensor, b: BitTensor): BitTensor {
  assertCompatible('xor', a, b);
  const out = allocWords(a.data.length, false);
  xorWords([a.data, b.data, out], [], out.length);
  return bitTensor(a.width, a.shape, out);
}

export function and(a: BitTensor, b: BitTensor): BitTensor {
  assertCompatible('and', a, b);
  const out = allocWords(a.data.length, false);
  andWords([a.data, b.data, out], [], out.length);
  return bitTensor(a.width, a.shape, out);
}

export function not(a: BitTensor): BitTensor {
  const m = ringMask(a.width);
  const out = allocWords(a.data.length, false);
  const x = a.data;
  for (let i = 0; i < out.length; i++) out[i] = ~x[i]! & m;
  return bitTensor(a.width, a.shape, out);
}

/** XOR of a list of same-shaped bit tensors (reconstruction of boolean shares). */
export function xorAll(op: string, parts: readonly BitTensor[]): BitTensor {
  const first = parts[0];
  if (first === undefined) throw inputError(`${op}: nothing to combine`);
  const out = copyWords(first.data);
  for (const p of parts.slice(1)) {
    assertCompatible(op, first, p);
    xorWords([out, p.data, out], [], out.length);
  }
  return bitTensor(first.width, first.shape, out);
}

export const bitZeros = (width: number, shape: Shape): BitTensor =>
  bitTensor(width, shape, allocWords(sizeOf(shape)));

/** a ⊕ c for a public word c (only its low `width` bits are used). */
export function xorScalar(a: BitTensor, c: bigint): BitTensor {
  const k = c & ringMask(a.width);
  const out = allocWords(a.data.length, false);
  const x = a.data;
  for (let i = 0; i < out.length; i++) out[i] = x[i]! ^ k;
  return bitTensor(a.width, a.shape, out);
}

/** a ∧ c for a public word c: local on XOR shares (every party masks its own share). */
export function andScalar(a: BitTensor, c: bigint): BitTensor {
  const k = c & ringMask(a.width);
  const out = allocWords(a.data.length, false);
  const x = a.data;
  for (let i = 0; i < out.length; i++) out[i] = x[i]! & k;
  return bitTensor(a.width, a.shape, out);
}

function assertShiftAmount(op: string, a: BitTensor, k: number): void {
  if (!Number.isInteger(k) || k < 0 || k >= a.width)
    throw inputError(
      `${op}: shift amount ${k} must be an integer in [0, ${a.width - 1}] for ${a.width}-bit words`,
    );
}

/**
 * (a ≪ k) mod 2^width. Written as a multiplication by 2^k: V8 lowers a 64-bit BigInt multiply on typed
 * arrays to one instruction but not a shift by a variable amount (core/shift.ts).
 */
export function shiftLeft(a: BitTensor, k: number): BitTensor {
  assertShiftAmount('shiftLeft', a, k);
  const mul = 1n << BigInt(k);
  const m = ringMask(a.width);
  const out = allocWords(a.data.length, false);
  const x = a.data;
  for (let i = 0; i < out.length; i++) out[i] = (x[i]! * mul) & m;
  return bitTensor(a.width, a.shape, out);
}

/** a ≫ k (logical), as an unsigned division by 2^k for the same reason. */
export function shiftRight(a: BitTensor, k: number): BitTensor {
  assertShiftAmount('shiftRight', a, k);
  const div = 1n << BigInt(k);
  const out = allocWords(a.data.length, false);
  const x = a.data;
  for (let i = 0; i < out.length; i++) out[i] = x[i]! / div;
  return bitTensor(a.width, a.shape, out);
}

/**
 * Bit j of every word, as a 1-bit tensor. Read through a 32-bit view of the words (little-endian, as
 * core/prg.ts requires): number shifts by a variable amount are cheap, BigInt ones are not.
 */
export function bitAt(a: BitTensor, j: number): BitTensor {
  assertShiftAmount('bitAt', a, j);
  const out = allocWords(a.data.length, false);
  bitOfWords([a.data, out], [BigInt(j)], out.length);
  return bitTensor(1, a.shape, out);
}

/** The same words read with another width (low `width` bits kept). */
export function withWidth(a: BitTensor, width: number): BitTensor {
  if (width >= a.width) return bitTensor(width, a.shape, a.data);
  return andScalar(bitTensor(width, a.shape, a.data), ringMask(width));
}

/** Stack same-width tensors into one flat tensor (one message instead of several). */
export function concatBits(op: string, parts: readonly BitTensor[]): BitTensor {
  const first = parts[0];
  if (first === undefined) throw inputError(`${op}: nothing to concatenate`);
  const total = parts.reduce((acc, p) => acc + p.data.length, 0);
  const out = allocWords(total);
  let off = 0;
  for (const p of parts) {
    if (p.width !== first.width) throw inputError(`${op}: bit width mismatch: ${first.width} vs ${p.width}`);
    out.set(p.data, off);
    off += p.data.length;
  }
  return bitTensor(first.width, [total], out);
}

/** Split a flat tensor back into pieces of the given shapes (inverse of concatBits). */
export function splitBits(a: BitTensor, shapes: readonly Shape[]): BitTensor[] {
  const total = shapes.reduce((acc, shape) => acc + sizeOf(shape), 0);
  if (total !== a.data.length)
    throw inputError(`split: ${a.data.length} words do not match the pieces (${total} words)`);
  let off = 0;
  return shapes.map((shape) => {
    const n = sizeOf(shape);
    const t = bitTensor(a.width, shape, a.data.subarray(off, off + n));
    off += n;
    return t;
  });
}

export function describeBits(t: BitTensor): string {
  return `${t.width}-bit boolean tensor of shape ${formatShape(t.shape)}`;
}
