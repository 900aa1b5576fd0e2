// The secure-step vocabulary: every building block a composite protocol is written in, by the name the
// same operation has in reference/steps.ts (cleartext) and spec/steps.ts (tracked error, cost). A step
// named after a registered protocol runs that protocol's steps, with the protocol's parameters, under
// the context it is given (`ctx.scope(...)` it first so no label is reused). docs/adding-a-protocol.md
// walks through a composite built from these.
// Only composites import this file; the building blocks themselves import each other directly.

// Fixed-point arithmetic (ALGORITHMS.md §1).
export {
  addConst,
  mulConst,
  mulFixed,
  mulFixedBatch,
  mulInt,
  mulRaw,
  squareFixed,
  squareRaw,
  truncBits,
} from './arithmetic/fixed-point.ts';
export { matmulFixed, matmulRaw } from './arithmetic/matmul.ts';
// Rows (the last axis): local sums and public selections, and products with one value per row.
export { broadcastRows, putRows, rowSum, takeRows } from '../core/rows.ts';
export { mulFixedByRow, mulRawByRow } from './rows/mul-by-row.ts';
export { mulConstByRow } from './rows/public-by-row.ts';
export { type RowSet, mapRowSets } from './rows/row-sets.ts';
// Comparisons (ALGORITHMS.md §2): 0/1 results at scale 1.
export { ltz } from './comparison/ltz.ts';
export { ge, gt, le, lt } from './comparison/compare.ts';
export { eq } from './comparison/eq.ts';
export { abs, sign } from './comparison/sign.ts';
export { relu } from './comparison/relu.ts';
export { select } from './comparison/select.ts';
export { argmax, max, min } from './comparison/reduce.ts';
export { maxLogReduction } from './comparison/max-log-reduction.ts';
// Numeric kernels (ALGORITHMS.md §3).
export { exp } from './kernels/exp.ts';
export { expTaylor } from './kernels/exp-taylor.ts';
export { reciprocalNrPos } from './kernels/reciprocal-nr.ts';
export { reciprocalNr } from './kernels/reciprocal-nr-signed.ts';
export { reciprocalGoldschmidt } from './kernels/reciprocal-goldschmidt.ts';
export { invSqrtNr, sqrt } from './kernels/inv-sqrt-nr.ts';
export { invSqrtGoldschmidt } from './kernels/inv-sqrt-goldschmidt.ts';
export { sigmoid, tanh } from './kernels/logistic.ts';
export { erf } from './kernels/erf.ts';
export { sin } from './kernels/sin.ts';
// The attention normalisers' denominator (ALGORITHMS.md §4).
export { normalizeRows } from './attention/normalize-rows.ts';
