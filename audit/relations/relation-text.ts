// A relation of the relation search in words (audit/relations/relation-search.ts): what the party
// computes from its view (view and known coordinates) on the left, the secrets it equals on the right.
// When every coefficient is a multiple of 2^g the relation is divided by it and holds modulo 2^(ℓ−g): it
// determines the low ℓ − g bits (a relation with coefficients 2^(ℓ−1) is one about the lowest bits).
import type { Column } from './columns.ts';
import { signedOf, valuation } from './ring-arith.ts';

/** Signed, except modulo 2 where −1 = 1. */
const signed = (c: bigint, bits: number): bigint => (bits <= 1 ? c & 1n : signedOf(c, bits));

function coefficient(c: bigint, bits: number, constant: boolean): string {
  const s = signed(c, bits);
  const a = s < 0n ? -s : s;
  const text = a < 1n << 20n ? `${a}` : `0x${a.toString(16)}`;
  return constant ? text : a === 1n ? '' : `${text}·`;
}

function side(terms: readonly { readonly c: bigint; readonly name: string }[], bits: number): string {
  if (terms.length === 0) return '0';
  return terms
    .map(({ c, name }, k) => {
      const neg = signed(c, bits) < 0n;
      const sign = k === 0 ? (neg ? '−' : '') : neg ? ' − ' : ' + ';
      const constant = name === '1';
      return `${sign}${coefficient(c, bits, constant)}${constant ? '' : name}`;
    })
    .join('');
}

export interface RelationText {
  /** "left = right" or "left ≡ right (mod 2^k)". */
  readonly text: string;
  /** The secret side alone. */
  readonly secret: string;
  readonly terms: number;
  /** The relation fixes the secret side modulo 2^bits. */
  readonly bits: number;
}

export function relationText(row: ArrayLike<bigint>, columns: readonly Column[], ell: number): RelationText {
  let g = ell;
  for (let j = 0; j < columns.length; j++) if (row[j] !== 0n) g = Math.min(g, valuation(row[j]!));
  const bits = ell - g;
  const left: { c: bigint; name: string }[] = [];
  const right: { c: bigint; name: string }[] = [];
  for (let j = 0; j < columns.length; j++) {
    const c = row[j]!;
    if (c === 0n) continue;
    const reduced = c >> BigInt(g);
    const col = columns[j]!;
    if (col.kind === 'secret') right.push({ c: -reduced, name: col.name });
    else left.push({ c: reduced, name: col.name });
  }
  const secret = side(right, bits);
  const mod = g === 0 ? '' : ` (mod 2^${bits})`;
  return {
    text: `${side(left, bits)} ${g === 0 ? '=' : '≡'} ${secret}${mod}`,
    secret: `${secret}${mod}`,
    terms: left.length + right.length,
    bits,
  };
}
