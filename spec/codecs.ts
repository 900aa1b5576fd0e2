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
 * A union of object codecs told apart by a tag field (`{ method: "newton", … } | { method: … }`): an
 * unknown or missing tag fails at the tag itself ("$.invSqrt.method: expected "goldschmidt" |
 * "newton", got "foo""), and a known one is checked by its own member, so its errors name that
 * member's fields — where a plain t.union would report every member's whole shape at once.
 */
export function taggedUnion<A>(
  name: string,
  tag: string,
  members: Readonly<Record<string, t.Mixed>>,
): t.Type<A, unknown, unknown> {
  const tags = t.keyof(Object.fromEntries(Object.keys(members).map((k) => [k, null])));
  const isObject = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null;
  return new t.Type<A, unknown, unknown>(
    name,
    (u): u is A => isObject(u) && Object.values(members).some((m) => m.is(u)),
    (u, c) => {
      if (!isObject(u)) return t.failure(u, c, `expected an object with a '${tag}' field`);
      const member = typeof u[tag] === 'string' ? members[u[tag] as string] : undefined;
      if (member === undefined) return t.failure(u[tag], [...c, { key: tag, type: tags, actual: u[tag] }]);
      return member.validate(u, c) as t.Validation<A>;
    },
    (a) => {
      const member = members[(a as Record<string, unknown>)[tag] as string];
      return member === undefined ? a : (member.encode(a) as unknown);
    },
  );
}
