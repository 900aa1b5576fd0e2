// Scalar codecs of the vector format (docs/vectors.md, "Encoding"), each with its JSON Schema:
// integers with ranges, seeds and big integers as decimal strings (JSON numbers lose precision past
// 2^53), floats that may be non-finite (an ideal 1/0), and lower-case hex words.
import * as t from 'io-ts';
import { withSchema } from './json-schema.ts';

const intIn = (name: string, min: number, max?: number): t.Type<number, number, unknown> =>
  withSchema(
    t.refinement(t.Int, (n) => n >= min && (max === undefined || n <= max), name) as unknown as t.Type<
      number,
      number,
      unknown
    >,
    { type: 'integer', minimum: min, ...(max === undefined ? {} : { maximum: max }) },
  );

export const NonNegativeInt = intIn('NonNegativeInt', 0);
export const PositiveInt = intIn('PositiveInt', 1);
export const RingWidth = intIn('RingWidth', 1, 64);

/** A non-negative integer of any size, as a decimal string without leading zeros. */
export const DecimalString = withSchema(
  t.refinement(t.string, (s) => /^(0|[1-9][0-9]*)$/.test(s), 'DecimalString'),
  { type: 'string', pattern: '^(0|[1-9][0-9]*)$' },
);

/** A 64-bit seed: a decimal string in [0, 2^64 − 1]. */
export const SeedString = withSchema(
  t.refinement(t.string, (s) => /^(0|[1-9][0-9]{0,19})$/.test(s) && BigInt(s) < 1n << 64n, 'SeedString'),
  { type: 'string', pattern: '^(0|[1-9][0-9]{0,19})$' },
);

/** 1 to 16 lower-case hex digits (one ring element or packed bit word; the width is checked per tensor). */
export const HexWord = withSchema(
  t.refinement(t.string, (s) => /^[0-9a-f]{1,16}$/.test(s), 'HexWord'),
  { type: 'string', pattern: '^[0-9a-f]{1,16}$' },
);

/** A 32-byte key as 64 lower-case hex digits. */
export const KeyHex = withSchema(
  t.refinement(t.string, (s) => /^[0-9a-f]{64}$/.test(s), 'KeyHex'),
  { type: 'string', pattern: '^[0-9a-f]{64}$' },
);

/** A float64: a JSON number, or "Infinity", "-Infinity", "NaN" (JSON has no literal for those). */
export const JsonFloat = t.union([t.number, t.keyof({ Infinity: null, '-Infinity': null, NaN: null })]);
export type JsonFloat = t.TypeOf<typeof JsonFloat>;

export const floatToJson = (x: number): JsonFloat =>
  Number.isNaN(x) ? 'NaN' : x === Infinity ? 'Infinity' : x === -Infinity ? '-Infinity' : x;

export const floatFromJson = (x: JsonFloat): number => (typeof x === 'number' ? x : Number(x));
