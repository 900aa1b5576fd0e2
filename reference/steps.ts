// The cleartext-step vocabulary: the fixed-point steps every reference is written in, under the names
// the protocols use for the same operations (protocols/steps.ts) and the tracked error model uses
// (spec/steps.ts). Each truncation is the exact floor. Only composites import this file.

// Fixed-point arithmetic (ALGORITHMS.md §1).
export {
  addConst,
  mulConst,
  mulFixed,
  mulInt,
  mulRaw,
  squareFixed,
  squareRaw,
  truncBits,
} from './arithmetic/fixed-point.ts';
// Rows (the last axis).
export { broadcastRows, putRows, takeRows } from '../core/rows.ts';
export { mapRowSets, mulConstByRow, mulFixedByRow, mulRawByRow, rowSum } from './rows.ts';
// Comparisons (ALGORITHMS.md §2): 0/1 results at scale 1.
export { abs, complement, ltz, relu, select, sign } from './comparison/clear.ts';
export { argmax, max, min } from './comparison/reduce.ts';
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
