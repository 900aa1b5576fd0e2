// Elementwise and linear-algebra operations on ring tensors (DESIGN.md, Values).
// Each kernel is one monomorphic loop over BigUint64Arrays: V8 lowers 64-bit BigInt multiply, add and
// mask to native instructions there (measured ≈400–550 M elements/s on the 2-core machine).
import { addWords, multiplyWords, subtractWords } from './ring-kernels.ts';
import { matmulAccumulate, matmulAccumulateBatch } from './ring-matmul.ts';
import { allocWords, copyWords } from './word-pool.ts';
import { inputError } from './errors.ts';
import { type RingTensor, ringMask, ringTensor } from './ring.ts';
import { type Shape, assertSameShape, formatShape, sizeOf } from './shape.ts';

function assertCompatible(op: string, a: RingTensor, b: RingTensor): void {
  if (a.ell !== b.ell) throw inputError(`${op}: ring mismatch: Z_2^${a.ell} vs Z_2^${b.ell}`);
  assertSameShape(op, a.shape, b.shape);
}

function binary(
  op: string,
  a: RingTensor,
  b: RingTensor,
  kernel: (x: BigUint64Array, y: BigUint64Array, out: BigUint64Array, mask: bigint) => void,
): RingTensor {
  assertCompatible(op, a, b);
  const out = allocWords(a.data.length, false);
  kernel(a.data, b.data, out, ringMask(a.ell));
  return ringTensor(a.ell, a.shape, out);
}

export const add = (a: RingTensor, b: RingTensor): RingTensor =>
  binary('add', a, b, (x, y, out, m) => addWords([x, y, out], [m], out.length));

export const sub = (a: RingTensor, b: RingTensor): RingTensor =>
  binary('sub', a, b, (x, y, out, m) => subtractWords([x, y, out], [m], out.length));

export const mul = (a: RingTensor, b: RingTensor): RingTensor =>
  binary('mul', a, b, (x, y, out, m) => multiplyWords([x, y, out], [m], out.length));

export function neg(a: RingTensor): RingTensor {
  const m = ringMask(a.ell);
  const x = a.data;
  const out = allocWords(x.length, false);
  for (let i = 0; i < out.length; i++) out[i] = -x[i]! & m;
  return ringTensor(a.ell, a.shape, out);
}

/** a · c for a public integer c (any bigint, reduced mod 2^ℓ). */
export function mulScalar(a: RingTensor, c: bigint): RingTensor {
  const m = ringMask(a.ell);
  const k = c & m;
  const x = a.data;
  const out = allocWords(x.length, false);
  for (let i = 0; i < out.length; i++) out[i] = (x[i]! * k) & m;
  return ringTensor(a.ell, a.shape, out);
}

/** a + c for a public integer c. */
export function addScalar(a: RingTensor, c: bigint): RingTensor {
  const m = ringMask(a.ell);
  const k = c & m;
  const x = a.data;
  const out = allocWords(x.length, false);
  for (let i = 0; i < out.length; i++) out[i] = (x[i]! + k) & m;
  return ringTensor(a.ell, a.shape, out);
}

/** Sum of a list of same-shaped tensors (reconstruction of additive shares). */
export function sumAll(op: string, parts: readonly RingTensor[]): RingTensor {
  const first = parts[0];
  if (first === undefined) throw inputError(`${op}: nothing to sum`);
  const m = ringMask(first.ell);
  const out = copyWords(first.data);
  for (const p of parts.slice(1)) {
    assertCompatible(op, first, p);
    addWords([out, p.data, out], [m], out.length);
  }
  return ringTensor(first.ell, first.shape, out);
}

/** Sum over the last axis: shape [..., k] → [...]. */
export function sumLastAxis(a: RingTensor): RingTensor {
  const k = a.shape[a.shape.length - 1];
  if (k === undefined || k === 0)
    throw inputError(`sum: tensor of shape ${formatShape(a.shape)} has no non-empty last axis`);
  const rows = a.data.length / k;
  const m = ringMask(a.ell);
  const out = allocWords(rows);
  const x = a.data;
  for (let r = 0; r < rows; r++) {
    let acc = 0n;
    for (let j = r * k, end = j + k; j < end; j++) acc += x[j]!;
    out[r] = acc & m;
  }
  return ringTensor(a.ell, a.shape.slice(0, -1), out);
}

/** Matrix product [m,k]·[k,n] → [m,n] in Z_{2^ℓ} (core/ring-matmul.ts). */
export function matmul(a: RingTensor, b: RingTensor): RingTensor {
  if (a.ell !== b.ell) throw inputError(`matmul: ring mismatch: Z_2^${a.ell} vs Z_2^${b.ell}`);
  const [m, k] = a.shape;
  const [k2, n] = b.shape;
  if (
    a.shape.length !== 2 ||
    b.shape.length !== 2 ||
    m === undefined ||
    k === undefined ||
    n === undefined ||
    k !== k2
  ) {
    throw inputError(
      `matmul: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not chain as [m,k]·[k,n]`,
    );
  }
  const out = allocWords(m * n);
  matmulAccumulate(a.data, b.data, out, m, k, n);
  const mask = ringMask(a.ell);
  for (let i = 0; i < out.length; i++) out[i] = out[i]! & mask;
  return ringTensor(a.ell, [m, n], out);
}

/**
 * A batch of matrix products [b,m,k]·[b,k,n] → [b,m,n] in Z_{2^ℓ} (one product per attention head), or
 * [b,m,k]·[k,n] with one right operand for every product.
 */
export function matmulBatch(a: RingTensor, b: RingTensor): RingTensor {
  if (a.ell !== b.ell) throw inputError(`matmul: ring mismatch: Z_2^${a.ell} vs Z_2^${b.ell}`);
  const [batch, m, k] = a.shape;
  const shared = b.shape.length === 2;
  const [k2, n] = shared ? b.shape : b.shape.slice(1);
  if (
    a.shape.length !== 3 ||
    (!shared && (b.shape.length !== 3 || b.shape[0] !== batch)) ||
    batch === undefined ||
    m === undefined ||
    k === undefined ||
    n === undefined ||
    k !== k2
  ) {
    throw inputError(
      `matmul: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not chain as [b,m,k]·[b,k,n]`,
    );
  }
  const out = allocWords(batch * m * n);
  matmulAccumulateBatch(a.data, b.data, out, batch, m, k, n, shared);
  const mask = ringMask(a.ell);
  if (a.ell < 64) for (let i = 0; i < out.length; i++) out[i] = out[i]! & mask;
  return ringTensor(a.ell, [batch, m, n], out);
}

export function concat(parts: readonly RingTensor[]): BigUint64Array {
  const total = parts.reduce((acc, p) => acc + p.data.length, 0);
  const out = allocWords(total);
  let off = 0;
  for (const p of parts) {
    out.set(p.data, off);
    off += p.data.length;
  }
  return out;
}

/** Split a flat buffer back into tensors of the given shapes (inverse of concat). */
export function split(ell: number, data: BigUint64Array, shapes: readonly Shape[]): RingTensor[] {
  let off = 0;
  return shapes.map((shape) => {
    const n = sizeOf(shape);
    const t = ringTensor(ell, shape, data.subarray(off, off + n));
    off += n;
    return t;
  });
}
