// The spec-side vocabulary of composition: for every step of protocols/steps.ts and reference/steps.ts,
// under the same name, its tracked error model (a Tracked value carries the exact-real value and bounds
// on the reference's and the protocol's errors and on the wrap probability, spec/arithmetic/tracked.ts),
// and `<name>Cost`, its exact cost. A composite spec replays its steps on Tracked values to derive its
// bounds, and composes the costs with spec/cost.ts (`seq`, `par`, `repeat`). Only composites import
// this file.

// The error model and fixed-point arithmetic (ALGORITHMS.md §1).
export {
  type ErrorModel,
  type Tracked,
  add,
  addConst,
  encodedValue,
  errorModel,
  exact,
  mulConst,
  mulFixed,
  mulInt,
  mulRaw,
  neg,
  squareFixed,
  squareRaw,
  sub,
  truncBits,
} from './arithmetic/tracked.ts';
export {
  mulFixedCost,
  mulRawCost,
  squareFixedCost,
  squareRawCost,
  truncBitsCost,
} from './arithmetic/cost.ts';
export { free, par, repeat, seq } from './cost.ts';
// Rows (the last axis).
export { mulConstByRow, mulFixedByRow, rowSum } from './rows/tracked.ts';
export { mulConstByRowCost, mulFixedByRowCost, mulRawByRowCost } from './rows/cost.ts';
// Comparisons (ALGORITHMS.md §2): exact, so only their input's error passes on; their costs (relu and
// abs cost ltzThenProductCost; softmax's row max under the crypten schedule, maxLogReductionCost).
export { relu } from './comparison/tracked.ts';
export { ltzCost, ltzThenProductCost, reduceCost, selectCost } from './comparison/cost.ts';
export { maxLogReductionCost } from './comparison/max-log-reduction.ts';
// Numeric kernels (ALGORITHMS.md §3).
export { exp, expCost } from './kernels/exp.ts';
export { expTaylor, expTaylorCost } from './kernels/exp-taylor.ts';
export { reciprocalNrPos, reciprocalNrPosCost } from './kernels/reciprocal-nr.ts';
export { reciprocalNr, reciprocalNrCost } from './kernels/reciprocal-nr-signed.ts';
export { reciprocalGoldschmidt, reciprocalGoldschmidtCost } from './kernels/reciprocal-goldschmidt.ts';
export { invSqrtNr, invSqrtNrCost } from './kernels/inv-sqrt-nr.ts';
export { sqrt, sqrtCost } from './kernels/sqrt.ts';
export { invSqrtGoldschmidt, invSqrtGoldschmidtCost } from './kernels/inv-sqrt-goldschmidt.ts';
export { sigmoid, sigmoidCost, tanh, tanhCost } from './kernels/logistic.ts';
export { erf, erfCost } from './kernels/erf.ts';
export { sinCost } from './kernels/sin.ts';
// Composition: a kernel's exact-input model applied to a computed input.
export { onInexactInput } from './arithmetic/tracked.ts';
// The attention normalisers' denominator (ALGORITHMS.md §4): its parameters, steps, cost and range.
export { Denominator, normalizeRows, normalizeRowsCost, rowSumOutside } from './attention/denominator.ts';
