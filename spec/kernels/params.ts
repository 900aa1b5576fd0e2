// Parameter codecs shared by the numeric kernels (ALGORITHMS.md §3). Each refinement is named after
// the range it enforces, so a bad parameter fails in registry/entry.ts `bind` with a message such as
// "reciprocal_goldschmidt params: $.eta: expected number > 0, got -1" — the parameter and its range.
import * as t from 'io-ts';

/** An iteration count: an integer from 1 to 64 (more never changes a 64-bit fixed-point result). */
export const Iterations = t.refinement(t.Int, (n) => n >= 1 && n <= 64, 'integer from 1 to 64');

/** A finite positive real (deflation constants η, periods). */
export const PositiveReal = t.refinement(t.number, (v) => Number.isFinite(v) && v > 0, 'number > 0');

/** Frequencies of the sine kernel: 1 to 32 distinct positive integers. */
export const Frequencies = t.refinement(
  t.array(t.Int),
  (ks) => ks.length >= 1 && ks.length <= 32 && ks.every((k) => k >= 1) && new Set(ks).size === ks.length,
  'list of 1 to 32 distinct integers ≥ 1',
);
