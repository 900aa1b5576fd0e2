// Local operations on boolean (XOR) shares (ALGORITHMS.md §2; issue 3 §1): XOR of two shared values is
// the XOR of the shares; a public constant is XORed in by party 0 only; NOT is XOR with all ones; AND
// with a public constant and shifts act on every share. No messages.
import { type BitTensor, andScalar, not, shiftLeft, shiftRight, xor, xorScalar } from '../../../core/bits.ts';
import { ringMask } from '../../../core/ring.ts';
import type { PartyContext } from '../../../runtime/context.ts';

export const xorShares = (a: BitTensor, b: BitTensor): BitTensor => xor(a, b);

/** ⟨a ⊕ c⟩ for a public word c: party 0 XORs it in. */
export const xorPublic = (ctx: PartyContext, a: BitTensor, c: bigint): BitTensor =>
  ctx.party === 0 ? xorScalar(a, c) : a;

/** ⟨¬a⟩ = ⟨a⟩ ⊕ 1…1 (party 0 flips its share). */
export const notShare = (ctx: PartyContext, a: BitTensor): BitTensor => (ctx.party === 0 ? not(a) : a);

/** ⟨a ∧ c⟩ for a public word c: every party masks its own share. */
export const andPublic = (a: BitTensor, c: bigint): BitTensor => andScalar(a, c);

/** ⟨a ≪ k⟩ and ⟨a ≫ k⟩ (logical): shifts commute with XOR, so each party shifts its own share. */
export const shiftLeftShare = (a: BitTensor, k: number): BitTensor => shiftLeft(a, k);
export const shiftRightShare = (a: BitTensor, k: number): BitTensor => shiftRight(a, k);

/** All ones in a word of `width` bits. */
export const ones = (width: number): bigint => ringMask(width);
