// The tracked error model of the row steps (spec/arithmetic/tracked.ts; protocols/rows/, reference/rows.ts
// under the same names): a row is an array of Tracked values, one per element.
//   rowSum        exact on shares: values, errors and wrap probabilities add up — a wrap anywhere in
//                 the row spoils the sum, and everything computed from it
//   mulFixedByRow each element times the row's value, as a fixed-point product
//   mulConstByRow each element times the row's public constant
//   mulFixedByFeature, mulPublicByFeature   element j times the j-th shared or public value
import { type ErrorModel, type Tracked, add, exact, mulConst, mulFixed } from '../arithmetic/tracked.ts';

/** Σ of a row (of raw products too: the sum keeps its terms' scale). */
export const rowSum = (row: readonly Tracked[]): Tracked =>
  row.length === 0 ? exact(0) : row.slice(1).reduce((s, x) => add(s, x), row[0]!);

export const mulFixedByRow = (m: ErrorModel, row: readonly Tracked[], r: Tracked): Tracked[] =>
  row.map((x) => mulFixed(m, x, r));

export const mulConstByRow = (m: ErrorModel, row: readonly Tracked[], c: number): Tracked[] =>
  row.map((x) => mulConst(m, x, c));

export const mulFixedByFeature = (m: ErrorModel, row: readonly Tracked[], g: readonly Tracked[]): Tracked[] =>
  row.map((x, j) => mulFixed(m, x, g[j]!));

/** Public per-feature values as decoded (exactly representable, so enc(g_j) = g_j). */
export const mulPublicByFeature = (m: ErrorModel, row: readonly Tracked[], g: ArrayLike<number>): Tracked[] =>
  row.map((x, j) => mulConst(m, x, g[j]!));
