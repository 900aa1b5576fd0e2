// Boolean and mixed dealer material (ALGORITHMS.md §2; spec/material.ts):
//   andTriple     — boolean Beaver triple: a, b uniform `width`-bit words, c = a ∧ b; all XOR-shared.
//   dabit         — a random bit r, XOR-shared as `xorWidth`-bit words (value 0/1; CrypTen's B2A_rng
//                   deals a full 64-bit binary word) and shared in Z_2^ℓ. Named values rB, rA.
//   b2aAndTriple  — bits a, b XOR-shared (1-bit words) and a, b, a·b shared in Z_2^ℓ: one AND gate whose
//                   output lands in the ring (the default schedule's last comparison round).
// Every value is a fresh buffer: the dealer splits in place, so values must never alias each other.
import { copyWords } from '../../core/word-pool.ts';
import { type BitTensor, and, bitTensor } from '../../core/bits.ts';
import { type RingTensor, ringTensor } from '../../core/ring.ts';
import { type Shape, formatShape, sizeOf } from '../../core/shape.ts';
import type { PartyContext } from '../context.ts';
import { type MaterialRequest, shapeSignature } from '../dealer.ts';
import { dealAndTriple } from './and-triple-fused.ts';
import { AND_TRIPLE, B2A_AND_TRIPLE, DABIT } from '../../spec/material.ts';

export interface AndTripleShares {
  readonly a: BitTensor;
  readonly b: BitTensor;
  readonly c: BitTensor;
}

/** The dealer request behind andTriple (exported for the test comparing the dealer's two paths). */
export function andTripleRequest(label: string, width: number, shape: Shape): MaterialRequest {
  return {
    kind: AND_TRIPLE,
    label,
    items: sizeOf(shape) * width,
    signature: `bits(${width}) ${formatShape(shape)}`,
    generate: (d) => {
      const a = d.bits('a', width, shape);
      const b = d.bits('b', width, shape);
      return { a, b, c: and(a, b) };
    },
    dealTwoParty: (key, raw) => dealAndTriple(key, raw, width, shape),
  };
}

export function andTriple(ctx: PartyContext, label: string, width: number, shape: Shape): AndTripleShares {
  const v = ctx.deal(andTripleRequest(label, width, shape));
  return { a: v['a'] as BitTensor, b: v['b'] as BitTensor, c: v['c'] as BitTensor };
}

export interface DabitShares {
  readonly rA: RingTensor;
  readonly rB: BitTensor;
}

export function dabit(
  ctx: PartyContext,
  label: string,
  ell: number,
  xorWidth: number,
  shape: Shape,
): DabitShares {
  const v = ctx.deal({
    kind: DABIT,
    label,
    items: sizeOf(shape),
    signature: `${shapeSignature(ell, shape)} xor ${xorWidth}`,
    generate: (d) => {
      const r = d.bits('r', 1, shape).data;
      return {
        rA: ringTensor(ell, shape, copyWords(r)),
        rB: bitTensor(xorWidth, shape, copyWords(r)),
      };
    },
  });
  return { rA: v['rA'] as RingTensor, rB: v['rB'] as BitTensor };
}

export interface B2aAndTripleShares {
  readonly a: BitTensor;
  readonly b: BitTensor;
  readonly A: RingTensor;
  readonly B: RingTensor;
  readonly C: RingTensor;
}

export function b2aAndTriple(
  ctx: PartyContext,
  label: string,
  ell: number,
  shape: Shape,
): B2aAndTripleShares {
  const v = ctx.deal({
    kind: B2A_AND_TRIPLE,
    label,
    items: sizeOf(shape),
    signature: shapeSignature(ell, shape),
    generate: (d) => {
      const a = d.bits('a', 1, shape).data;
      const b = d.bits('b', 1, shape).data;
      return {
        a: bitTensor(1, shape, copyWords(a)),
        b: bitTensor(1, shape, copyWords(b)),
        A: ringTensor(ell, shape, copyWords(a)),
        B: ringTensor(ell, shape, copyWords(b)),
        C: ringTensor(
          ell,
          shape,
          a.map((ai, i) => ai & b[i]!),
        ),
      };
    },
  });
  return {
    a: v['a'] as BitTensor,
    b: v['b'] as BitTensor,
    A: v['A'] as RingTensor,
    B: v['B'] as RingTensor,
    C: v['C'] as RingTensor,
  };
}
