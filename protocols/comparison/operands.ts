// Operand checks shared by the comparison family (issue 3, "Bad input"): a ring-width or shape mismatch,
// or a boolean tensor where an arithmetic one is expected (or the reverse), fails with an error naming
// the operation, the operand and its shape — before any message is sent.
import { type BitTensor, describeBits } from '../../core/bits.ts';
import { inputError } from '../../core/errors.ts';
import { type RingTensor, describeRing } from '../../core/ring.ts';
import { formatShape, sameShape } from '../../core/shape.ts';
import type { Payload } from '../../runtime/payload.ts';

const describe = (v: Payload): string => (v.kind === 'ring' ? describeRing(v) : describeBits(v));

/** `v` must be an arithmetic share in Z_2^ℓ. */
export function assertArithmetic(op: string, name: string, v: Payload, ell: number): RingTensor {
  if (v.kind !== 'ring')
    throw inputError(
      `${op}: operand ${name} must be an arithmetic share in Z_2^${ell}, got a boolean (XOR-shared) ${describe(v)}; convert it with b2a first`,
    );
  if (v.ell !== ell)
    throw inputError(`${op}: operand ${name} is a ${describe(v)} but the run uses ℓ = ${ell}`);
  return v;
}

/** `v` must be a boolean (XOR) share. */
export function assertBoolean(op: string, name: string, v: Payload): BitTensor {
  if (v.kind !== 'bits')
    throw inputError(
      `${op}: operand ${name} must be a boolean (XOR-shared) tensor, got an arithmetic ${describe(v)}; convert it with a2b first`,
    );
  return v;
}

/** Elementwise operands: same kind, ring and shape as the first. */
export function assertSameOperands(op: string, operands: Readonly<Record<string, RingTensor>>): void {
  const entries = Object.entries(operands);
  const [firstName, first] = entries[0]!;
  for (const [name, v] of entries.slice(1)) {
    if (v.ell !== first.ell)
      throw inputError(
        `${op}: ring mismatch: ${firstName} is a ${describe(first)} but ${name} is a ${describe(v)}`,
      );
    if (!sameShape(v.shape, first.shape))
      throw inputError(
        `${op}: shape mismatch: ${firstName} is ${formatShape(first.shape)} but ${name} is ${formatShape(v.shape)}`,
      );
  }
}

/** Elementwise arithmetic operands: each a share in Z_2^ℓ, all of one shape. */
export function assertOperands(op: string, ell: number, operands: Readonly<Record<string, Payload>>): void {
  const rings = Object.fromEntries(
    Object.entries(operands).map(([name, v]) => [name, assertArithmetic(op, name, v, ell)]),
  );
  assertSameOperands(op, rings);
}
