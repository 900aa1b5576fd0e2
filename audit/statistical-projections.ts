// What the statistical mode tests (issue 16 §4), per instance:
//   • every view coordinate and every traffic-shape number (messages, bits, last round, the message
//     sequence's fingerprint, a deviant view's content hash) — no coordinate is left out;
//   • every masked value the relation search found (a relation with a hidden draw: x − a = Σ view
//     terms, any number of terms): its view side, where a short, biased or point-mass mask shows;
//   • received messages against every other coordinate of their width, summed and subtracted (a
//     two-term opening); when those pairs exceed the budget, each message is paired with an evenly
//     spread share of the others, with a per-message offset so that together they reach every
//     coordinate;
//   • for views another engine reports (no relation search names their masked values): received
//     messages with every two other coordinates of their width, each combination of signs (a
//     three-term opening: own share of x − own share of the mask + the other's message), spread over
//     a budget as the pairs are.
import { ringMask } from '../core/ring.ts';
import { position } from './batch-layout.ts';
import type { BatchPlan } from './batch-plan.ts';
import { type Coordinate, combine, coordinates } from './coordinates.ts';
import type { InstanceViews } from './instance-views.ts';
import type { Opening } from './relations/relation-search.ts';
import { type Projection, bitPositions } from './statistical-tests.ts';

export interface ProjectionSet {
  readonly coordinates: number;
  readonly openings: number;
  readonly pairs: number;
  readonly messagePairs: number;
  /** Three-term sums with a message tested, of `messageTriples` there were (reported views only). */
  readonly triples: number;
  readonly messageTriples: number;
  /** Yields every projection, built on demand. */
  all(): Generator<Projection>;
}

function openingWords(plan: BatchPlan, views: InstanceViews, o: Opening): BigUint64Array {
  const B = views.batch;
  const m = ringMask(plan.config.ell);
  const out = new BigUint64Array(B);
  for (const term of o.terms) {
    const it = plan.items[term.item]!;
    const data = views.data[term.item]!;
    const lane = term.lane === undefined ? undefined : BigInt(term.lane);
    for (let b = 0; b < B; b++) {
      const w = data[position(it.parts, term.element, b, B)]!;
      out[b] = (out[b]! + term.coefficient * (lane === undefined ? w : (w >> lane) & 1n)) & m;
    }
  }
  return out;
}

/** An even spread of `max` of the lists' entries, with a per-list offset so that together they reach every entry. */
function spread<T>(lists: readonly (readonly T[])[], max: number): T[] {
  const total = lists.reduce((a, p) => a + p.length, 0);
  if (total <= max) return lists.flat();
  const each = Math.max(1, Math.floor(max / Math.max(1, lists.length)));
  const out: T[] = [];
  lists.forEach((p, k) => {
    if (p.length === 0) return;
    const take = Math.min(each, p.length);
    const step = p.length / take;
    const offset = (k * take) % p.length;
    for (let q = 0; q < take; q++) out.push(p[(offset + Math.floor(q * step)) % p.length]!);
  });
  return out.slice(0, Math.max(max, lists.length));
}

/** Message coordinate × partner pairs: all of them, or an even spread of `max` of them. */
function messagePairs(cs: readonly Coordinate[], max: number): { pairs: [number, number][]; total: number } {
  const lists = cs.flatMap((c, i) =>
    c.message === true
      ? [
          cs.flatMap((d, j): [number, number][] =>
            j !== i && d.shape !== true && d.width === c.width && !(d.message === true && j < i)
              ? [[i, j]]
              : [],
          ),
        ]
      : [],
  );
  return { pairs: spread(lists, max), total: lists.reduce((a, l) => a + l.length, 0) };
}

/** Message coordinate × two other coordinates of its width: all of them, or an even spread of `max`. */
function messageTriples(
  cs: readonly Coordinate[],
  max: number,
): { triples: [number, number, number][]; total: number } {
  const lists = cs.flatMap((c, i) => {
    if (c.message !== true) return [];
    const others = cs.flatMap((d, j) => (j !== i && d.shape !== true && d.width === c.width ? [j] : []));
    const out: [number, number, number][] = [];
    for (let a = 0; a < others.length; a++)
      for (let b = a + 1; b < others.length; b++) out.push([i, others[a]!, others[b]!]);
    return [out];
  });
  return { triples: spread(lists, max), total: lists.reduce((a, l) => a + l.length, 0) };
}

/** The projections of a protocol run's views: its coordinates, the masked values found, message pairs. */
export const projections = (
  plan: BatchPlan,
  views: InstanceViews,
  openings: readonly Opening[],
  maxPairs: number,
): ProjectionSet =>
  projectionsOf(
    coordinates(plan, views),
    maxPairs,
    openings.map((o) => () => ({
      name: o.name,
      width: plan.config.ell,
      words: openingWords(plan, views, o),
      bits: bitPositions(plan.config.ell),
    })),
  );

/**
 * The projections of view coordinates wherever they came from (this engine's runs, or views another
 * engine reported through the backend protocol): every coordinate (traffic-shape numbers included),
 * the given extra projections (built on demand), and message pairs within `maxPairs`.
 */
export function projectionsOf(
  cs: readonly Coordinate[],
  maxPairs: number,
  extra: readonly (() => Projection)[] = [],
  maxTriples = 0,
): ProjectionSet {
  const { pairs, total } = messagePairs(cs, maxPairs);
  const { triples, total: tripleTotal } =
    maxTriples > 0 ? messageTriples(cs, maxTriples) : { triples: [], total: 0 };
  return {
    coordinates: cs.length,
    openings: extra.length,
    pairs: pairs.length,
    messagePairs: total,
    triples: triples.length,
    messageTriples: tripleTotal,
    *all() {
      for (const c of cs) yield { ...c, bits: c.shape === true ? [] : bitPositions(c.width) };
      for (const make of extra) yield make();
      for (const [i, j] of pairs)
        for (const sign of [1, -1] as const) {
          const x = cs[i]!;
          const y = cs[j]!;
          yield {
            name: `${x.name} ${sign === 1 ? '+' : '−'} ${y.name}`,
            width: x.width,
            words: combine(x.words, y.words, x.width, sign),
            bits: [0],
          };
        }
      for (const [i, j, k] of triples)
        for (const [s1, s2] of SIGNS) {
          const [x, y, z] = [cs[i]!, cs[j]!, cs[k]!];
          yield {
            name: `${x.name} ${s1 === 1 ? '+' : '−'} ${y.name} ${s2 === 1 ? '+' : '−'} ${z.name}`,
            width: x.width,
            words: combine(combine(x.words, y.words, x.width, s1), z.words, x.width, s2),
            bits: [0],
          };
        }
    },
  };
}

const SIGNS = [
  [1, 1],
  [1, -1],
  [-1, 1],
  [-1, -1],
] as const;
