// Ring tensors over Z_{2^ℓ}, 1 ≤ ℓ ≤ 64 (DESIGN.md, Values). Storage is one BigUint64Array word per
// element holding the canonical representative in [0, 2^ℓ); every operation masks, so small rings
// (ℓ = 4…16, used for exhaustive checks) behave exactly like Z_{2^ℓ}. Tensors are immutable values:
// no operation writes into its operands, so messages and views may share buffers safely.
import { allocWords } from './word-pool.ts';
import { inputError } from './errors.ts';
import { type Shape, assertShape, formatShape, sizeOf } from './shape.ts';

export interface RingTensor {
  readonly kind: 'ring';
  readonly ell: number;
  readonly shape: Shape;
  readonly data: BigUint64Array;
}

export const MIN_RING_BITS = 1;
export const MAX_RING_BITS = 64;

export function assertRingBits(ell: number, what = 'ring'): void {
  if (!Number.isInteger(ell) || ell < MIN_RING_BITS || ell > MAX_RING_BITS) {
    throw inputError(
      `${what}: ring width ℓ must be an integer from ${MIN_RING_BITS} to ${MAX_RING_BITS}, got ${ell}`,
    );
  }
}

const masks: bigint[] = Array.from({ length: 65 }, (_, l) => (1n << BigInt(l)) - 1n);

/** 2^ℓ − 1 as a bigint. */
export const ringMask = (ell: number): bigint => masks[ell] as bigint;
/** 2^(ℓ−1): the sign bit of Z_{2^ℓ} read as two's complement. */
export const ringHalf = (ell: number): bigint => 1n << BigInt(ell - 1);

export function ringTensor(ell: number, shape: Shape, data: BigUint64Array): RingTensor {
  assertRingBits(ell);
  assertShape(shape, 'ring tensor');
  if (data.length !== sizeOf(shape)) {
    throw inputError(`ring tensor: ${data.length} elements do not fill shape ${formatShape(shape)}`);
  }
  return { kind: 'ring', ell, shape: [...shape], data };
}

export const zeros = (ell: number, shape: Shape): RingTensor =>
  ringTensor(ell, shape, allocWords(sizeOf(shape)));

/** Build from arbitrary integers (bigint or safe number), reduced mod 2^ℓ. */
export function fromIntegers(ell: number, shape: Shape, values: ArrayLike<bigint | number>): RingTensor {
  const mask = ringMask(ell);
  const data = allocWords(values.length);
  for (let i = 0; i < values.length; i++) data[i] = BigInt(values[i] as bigint | number) & mask;
  return ringTensor(ell, shape, data);
}

/** Two's-complement reading of one element. */
export const toSigned = (v: bigint, ell: number): bigint => BigInt.asIntN(ell, v);

/** The signed values of a tensor as bigints (not for hot paths). */
export const signedValues = (t: RingTensor): bigint[] => Array.from(t.data, (v) => BigInt.asIntN(t.ell, v));

export const reshape = (t: RingTensor, shape: Shape): RingTensor => ringTensor(t.ell, shape, t.data);

export function describeRing(t: RingTensor): string {
  return `Z_2^${t.ell} tensor of shape ${formatShape(t.shape)}`;
}

/**
 * Build from integers held as float64 (|v| < 2^53), reduced mod 2^ℓ, without a BigInt per element: the
 * two 32-bit halves of each word are written directly (little-endian words, as every kernel assumes).
 */
export function fromSafeIntegers(ell: number, shape: Shape, values: Float64Array): RingTensor {
  const data = allocWords(values.length, false);
  const halves = new Uint32Array(data.buffer, data.byteOffset, 2 * data.length);
  const loMask = ell >= 32 ? 0xffffffff : 2 ** ell - 1;
  const hiMask = ell >= 64 ? 0xffffffff : ell > 32 ? 2 ** (ell - 32) - 1 : 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    halves[2 * i] = (v >>> 0) & loMask;
    halves[2 * i + 1] = (Math.floor(v / 4294967296) >>> 0) & hiMask;
  }
  return ringTensor(ell, shape, data);
}
