// Ring words on the wire (docs/backends.md, "Values"): JSON numbers lose precision past 2^53, so a ring
// element travels as a decimal string — the runner writes the signed representative in
// [−2^(ℓ−1), 2^(ℓ−1)); an adapter may answer with a decimal string or a JSON integer, signed or
// unsigned, anywhere in [−2^(ℓ−1), 2^ℓ). Both sides reduce mod 2^ℓ.
import * as t from 'io-ts';
import { ringMask } from '../../core/ring.ts';
import { withSchema } from '../../vectors/format/json-schema.ts';

const DECIMAL = /^-?(0|[1-9][0-9]*)$/;

/** A ring word as the runner writes it: a signed decimal string. */
export const RingWordString = withSchema(
  t.refinement(t.string, (s) => DECIMAL.test(s) && s.length <= 21, 'RingWordString'),
  { type: 'string', pattern: '^-?(0|[1-9][0-9]*)$', maxLength: 21 },
);

/** A ring word as an adapter may write it: a decimal string or a JSON integer (decoded to a bigint). */
export const RingWord = withSchema(
  new t.Type<bigint, string, unknown>(
    'RingWord',
    (u): u is bigint => typeof u === 'bigint',
    (u, c) => {
      if (typeof u === 'string' && DECIMAL.test(u) && u.length <= 21) return t.success(BigInt(u));
      if (typeof u === 'number' && Number.isSafeInteger(u)) return t.success(BigInt(u));
      return t.failure(u, c);
    },
    (b) => b.toString(),
  ),
  {
    anyOf: [
      { type: 'string', pattern: '^-?(0|[1-9][0-9]*)$', maxLength: 21 },
      { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
    ],
  },
);

/** The signed decimal strings of a ring tensor's words (what the runner writes). */
export function wordsToWire(data: BigUint64Array, ell: number): string[] {
  const out = new Array<string>(data.length);
  for (let i = 0; i < data.length; i++) out[i] = BigInt.asIntN(ell, data[i]!).toString();
  return out;
}

/**
 * Words read from an adapter, reduced mod 2^ℓ, or the index of the first one outside [−2^(ℓ−1), 2^ℓ)
 * (a word that does not belong to the ring is a malformed answer, not a value to wrap silently).
 */
export function wordsFromWire(
  words: readonly bigint[],
  ell: number,
): { data: BigUint64Array } | { outOfRange: number } {
  const lo = -(1n << BigInt(ell - 1));
  const hi = 1n << BigInt(ell);
  const m = ringMask(ell);
  const data = new BigUint64Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w < lo || w >= hi) return { outOfRange: i };
    data[i] = w & m;
  }
  return { data };
}
