// What every GeLU variant shares (ALGORITHMS.md §4 "GeLU"; docs/gelu.md): the exact GeLU it stands in
// for, and the input range the specs assume — BERT-base MLP pre-activations (x = W₁·LN(h) + b₁ over
// F = 3072 features), which lie within [−12, 12]; the tails beyond are where every variant is 0 or x up to
// its own error, and the comparisons and products here stay far from the ring's edge.
import { erfIdeal } from '../kernels/erf.ts';
import { interval, type RealDomain } from '../kernels/unary.ts';

/** |x| ≤ GELU_RANGE: the pre-activation range the GeLU specs assume. */
export const GELU_RANGE = 12;

export const geluDomain = (): RealDomain => interval(-GELU_RANGE, GELU_RANGE);

/** GeLU(x) = ½·x·(1 + erf(x/√2)), in float64. */
export const geluExact = (x: number): number => 0.5 * x * (1 + erfIdeal(x / Math.SQRT2));

/** What every variant's ideal approximates (reports and `mpcspec plot` measure the distance to it). */
export const EXACT_GELU = { name: 'exact GeLU', at: geluExact } as const;

export const GELU_DOCS = 'docs/gelu.md';
