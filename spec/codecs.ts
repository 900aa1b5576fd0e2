// io-ts building blocks for protocol parameters.
import * as t from 'io-ts';

/** A safe integer (io-ts' Int, re-exported so specs need one import). */
export const Int = t.Int;

export const PartyIndex = t.Int;

/** A finite float64. */
export const Finite = t.refinement(t.number, Number.isFinite, 'Finite');

export const NoParams = t.type({});
export type NoParams = t.TypeOf<typeof NoParams>;

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * A union of object codecs whose member the data names — by the value of a tag (`{ method: "newton", … }`)
 * or, with `tag` undefined, by which member's key is present (`{ mask: … }` or `{ budget: … }`) — so a
 * bad value is reported inside the member the user meant ("$.rows.budget: expected integer ≥ 0, got
 * -1"), not as a failure of every member at once.
 */
export function chosenBy<M extends Record<string, t.Mixed>>(
  name: string,
  tag: string | undefined,
  members: M,
): t.Type<t.TypeOf<M[keyof M]>, t.OutputOf<M[keyof M]>, unknown> {
  const names = Object.keys(members);
  const choices = t.keyof(Object.fromEntries(names.map((k) => [k, null])) as Record<string, null>);
  const expected = new t.Type<never>(
    tag === undefined
      ? `an object with ${names.map((n) => `'${n}'`).join(' or ')}`
      : `an object with ${tag} ${choices.name}`,
    (_): _ is never => false,
    (u, c) => t.failure(u, c),
    (a) => a,
  );
  const memberOf = (u: Record<string, unknown>): string | undefined =>
    tag === undefined
      ? names.find((k) => k in u)
      : typeof u[tag] === 'string'
        ? names.find((k) => k === u[tag])
        : undefined;
  return new t.Type(
    name,
    (u): u is t.TypeOf<M[keyof M]> => Object.values(members).some((m) => m.is(u)),
    (u, c) => {
      const k = isRecord(u) ? memberOf(u) : undefined;
      if (k !== undefined) return members[k]!.validate(u, c);
      if (!isRecord(u) || tag === undefined)
        return t.failure(u, [...c, { key: '', type: expected, actual: u }]);
      return t.failure(u[tag], [...c, { key: tag, type: choices, actual: u[tag] }]);
    },
    (a) => {
      const k = isRecord(a) ? memberOf(a) : undefined;
      return (k === undefined ? a : members[k]!.encode(a)) as t.OutputOf<M[keyof M]>;
    },
  );
}
