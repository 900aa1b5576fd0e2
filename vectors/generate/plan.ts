// Which groups a vector file holds (docs/vectors.md, "Groups"): the profile's own ring with 2 parties
// (where the invalid cases live, in the default profile's file only: what they break does not depend
// on the profile), with 3 parties (dealer truncation), and a small ring ℓ = 16 with 2
// parties (small rings are first class, and their truncation wraps are common enough to find), and one
// 2-party group per parameter variant the spec declares (truncation methods, sharing variants, …). Shapes
// are kept small — two to four elements per input, more only where the smallest meaningful instance
// needs them (rows of two for max), fewer than four for protocols that send or preprocess much, judged
// by the spec's own cost formulas; a row-wise spec whose smallest such case records too much gets one
// row — so that the committed files stay a few MB in all.
import { type Shape, sizeOf } from '../../core/shape.ts';
import type { BoundProtocol } from '../../registry/index.ts';
import type { Config } from '../../spec/config.ts';

export interface GroupPlan {
  /** Names the group in seeds and messages. */
  readonly key: string;
  readonly parties: number;
  /** A ring other than the profile's. */
  readonly ell?: number;
  /** Whether the group carries the file's invalid cases (in the INVALID_CASES_PROFILE file). */
  readonly invalid: boolean;
  /** Parameters other than the spec's defaults (one of the spec's declared variants). */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Added to every case's rank: only the first group is always kept; variants give way first. */
  readonly rankOffset: number;
}

export const INVALID_CASES_PROFILE = 'default';

export const GROUP_PLANS: readonly GroupPlan[] = [
  { key: '2p', parties: 2, invalid: true, rankOffset: 0 },
  { key: '3p', parties: 3, invalid: false, rankOffset: 1 },
  { key: '2p-l16', parties: 2, ell: 16, invalid: false, rankOffset: 1 },
];

/** The fixed plans, then one 2-party group per parameter variant the spec declares. */
export const groupPlans = (variants: readonly Readonly<Record<string, unknown>>[]): GroupPlan[] => [
  ...GROUP_PLANS,
  ...variants.map((params, i) => ({
    key: `2p-variant${i}`,
    parties: 2,
    params,
    invalid: false,
    rankOffset: 2,
  })),
];

const MAX_ELEMENTS = 4;
/** Ring elements one case may record (inputs, shares, messages, preprocessing, outputs). */
const MAX_RECORDED_ELEMENTS = 160;

/** Elements a case of these shapes records, from the spec's exact cost. */
function recordedElements(protocol: BoundProtocol, config: Config, size: number): number {
  const shapes = protocol.shapes(size);
  const cost = protocol.cost(config, shapes);
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const inputs = Object.values(shapes).map(sizeOf);
  const outputs = Object.values(protocol.outputShapes(shapes)).map(sizeOf);
  return (
    (sum(cost.bitsSent) + sum(cost.offlineBits)) / config.ell +
    sum(inputs) * (config.parties + 1) +
    sum(outputs) * (config.parties + 2)
  );
}

/**
 * The shapes of a group's cases: those of the largest size of 2…4 with at most four elements per input
 * and a small record, but never below the smallest size that tests anything the spec cares about: two
 * elements, so that layouts over elements (gate-major AND batches, per-element tables) are visible, and
 * the spec's smallest meaningful instance (`privacy.instanceSize`: max, min and argmax compare nothing in
 * rows of one). A protocol whose smallest such case records more than the limit still gets it — for a
 * row-wise spec as one row of that length, or of its fixed length (a row of one value is degenerate for
 * a normaliser: softmax of one value is 1, with no message); the file budget then keeps fewer of its cases.
 */
export function caseShapes(protocol: BoundProtocol, config: Config): Readonly<Record<string, Shape>> {
  const least = Math.max(2, protocol.privacy().instanceSize);
  const elements = (s: number): number => Math.max(0, ...Object.values(protocol.shapes(s)).map(sizeOf));
  const small = (s: number, limit: number): boolean =>
    elements(s) <= limit && recordedElements(protocol, config, s) <= MAX_RECORDED_ELEMENTS;
  const limit = Math.max(MAX_ELEMENTS, elements(least));
  for (let s = Math.max(MAX_ELEMENTS, least); s > least; s--) if (small(s, limit)) return protocol.shapes(s);
  const rows = protocol.rows;
  if (rows === undefined || small(least, MAX_ELEMENTS)) return protocol.shapes(least);
  const n = rows.fixedLength ?? least;
  return protocol.shapesFor(rows.shapeOf?.(1, n) ?? [1, n]);
}
