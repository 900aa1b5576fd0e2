// Packed boolean tensors (DESIGN.md, Values): one 64-bit word per element holding `width` meaningful
// bits (bit-sliced: bit j of every word is one boolean wire), so one AND over a word is `width` gates.
// XOR shares of these are boolean sharings; message cost is elements × width bits.
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
  const out = new BigUint64Array(a.data.length);
  const x = a.data;
  const y = b.data;
  for (let i = 0; i < out.length; i++) out[i] = x[i]! ^ y[i]!;
  return bitTensor(a.width, a.shape, out);
}

export function and(a: BitTensor, b: BitTensor): BitTensor {
  assertCompatible('and', a, b);
  const out = new BigUint64Array(a.data.length);
  const x = a.data;
  const y = b.data;
  for (let i = 0; i < out.length; i++) out[i] = x[i]! & y[i]!;
  return bitTensor(a.width, a.shape, out);
}

export function not(a: BitTensor): BitTensor {
  const m = ringMask(a.width);
  const out = new BigUint64Array(a.data.length);
  const x = a.data;
  for (let i = 0; i < out.length; i++) out[i] = ~x[i]! & m;
  return bitTensor(a.width, a.shape, out);
}

/** XOR of a list of same-shaped bit tensors (reconstruction of boolean shares). */
export function xorAll(op: string, parts: readonly BitTensor[]): BitTensor {
  const first = parts[0];
  if (first === undefined) throw inputError(`${op}: nothing to combine`);
  const out = new BigUint64Array(first.data);
  for (const p of parts.slice(1)) {
    assertCompatible(op, first, p);
    for (let i = 0; i < out.length; i++) out[i] = out[i]! ^ p.data[i]!;
  }
  return bitTensor(first.width, first.shape, out);
}
