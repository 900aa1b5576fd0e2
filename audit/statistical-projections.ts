// What the statistical mode tests (issue 16 §4), per instance:
//   • every view coordinate and every traffic-shape number (messages, bits, last round, the message
//     sequence's fingerprint, a deviant view's content hash) — no coordinate is left out;
//   • every masked value the relation search found (a relation with a hidden draw: x − a = Σ view
//     terms, any number of terms): its view side, where a short, biased or point-mass mask shows;
//   • received messages against every other coordinate of their width, summed and subtracted (a
//     two-term opening); when those pairs exceed the budget, each message is paired with an evenly
//     spread share of the others, with a per-message offset so that together they reach every
//     coordinate.
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

/** Message coordinate × partner index pairs: all of them, or an even spread of `max` of them. */
function messagePairs(cs: readonly Coordinate[], max: number): { pairs: [number, number][]; total: number } {
  const messages = cs.flatMap((c, i) => (c.message === true ? [i] : []));
  const partners = (i: number): number[] =>
    cs.flatMap((c, j) =>
      j !== i && c.shape !== true && c.width === cs[i]!.width && !(c.message === true && j < i) ? [j] : [],
    );
  const lists = messages.map((i) => [i, partners(i)] as const);
  const total = lists.reduce((a, [, p]) => a + p.length, 0);
  if (total <= max)
    return { pairs: lists.flatMap(([i, p]) => p.map((j): [number, number] => [i, j])), total };
  const each = Math.max(1, Math.floor(max / Math.max(1, messages.length)));
  const pairs: [number, number][] = [];
  lists.forEach(([i, p], k) => {
    if (p.length === 0) return;
    const take = Math.min(each, p.length);
    const step = p.length / take;
    // a per-message offset, so that the messages' shares of partners together cover every coordinate
    const offset = (k * take) % p.length;
    for (let q = 0; q < take; q++) pairs.push([i, p[(offset + Math.floor(q * step)) % p.length]!]);
  });
  return { pairs: pairs.slice(0, Math.max(max, messages.length)), total };
}

export function projections(
  plan: BatchPlan,
  views: InstanceViews,
  openings: readonly Opening[],
  maxPairs: number,
): ProjectionSet {
  const cs = coordinates(plan, views);
  const { pairs, total } = messagePairs(cs, maxPairs);
  return {
    coordinates: cs.length,
    openings: openings.length,
    pairs: pairs.length,
    messagePairs: total,
    *all() {
      for (const c of cs) yield { ...c, bits: c.shape === true ? [] : bitPositions(c.width) };
      for (const o of openings)
        yield {
          name: o.name,
          width: plan.config.ell,
          words: openingWords(plan, views, o),
          bits: bitPositions(plan.config.ell),
        };
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
    },
  };
}
