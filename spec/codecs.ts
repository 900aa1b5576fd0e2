// io-ts building blocks for protocol parameters.
import * as t from 'io-ts';

/** A safe integer (io-ts' Int, re-exported so specs need one import). */
export const Int = t.Int;

export const PartyIndex = t.Int;

/** A finite float64. */
export const Finite = t.refinement(t.number, Number.isFinite, 'Finite');

export const NoParams = t.type({});
export type NoParams = t.TypeOf<typeof NoParams>;

/**
 * A codec with a check across fields, reported on the field it names: `check` returns the key whose
 * value is wrong here and what is allowed (e.g. { key: 'period', expected: 'a power of two with …' }),
 * so the error reads "$.period: expected a power of two with …, got 20".
 */
export function crossChecked<A extends Record<string, unknown>, O>(
  base: t.Type<A, O, unknown>,
  check: (a: A) => { readonly key: keyof A & string; readonly expected: string } | undefined,
): t.Type<A, O, unknown> {
  return new t.Type<A, O, unknown>(
    base.name,
    base.is,
    (u, c) => {
      const r = base.validate(u, c);
      if (r._tag === 'Left') return r;
      const bad = check(r.right);
      if (bad === undefined) return r;
      const field = new t.Type<unknown>(bad.expected, (_): _ is unknown => false, t.failure, t.identity);
      return t.failure(r.right[bad.key], [...c, { key: bad.key, type: field, actual: r.right[bad.key] }]);
    },
    base.encode,
  );
}
