// max, min and argmax over the last axis by a pairwise tree (ALGORITHMS.md §2 "Max over a row";
// spec/comparison/cost.ts reduceCost). Rows of k values take ⌈log₂k⌉ levels of one batched comparison
// and one batched select; adjacent positions (2q, 2q+1) pair up, an odd last one passes through.
// Ties: the LOWEST index among equal values wins (max keeps the left value when x_left ≥ x_right, min
// when x_left ≤ x_right). argmax returns the index as an integer share (not one-hot).
// `mpcspec run` shapes: x is [4, size] (four rows of `size`); an empty last axis is an input error.
// Differences from CrypTen 0.4: its `log_reduction` halves ⌊ln k⌋ times (pairing the first half with
// the second) and finishes with the all-pairs method, and its argmax is one-hot with ties broken at
// random; mpcspec's crypten schedule keeps the full tree, with CrypTen's ge and where at each level.
import { NoParams } from '../codecs.ts';
import { inputShape } from '../shapes.ts';
import type { ProtocolSpec, Scale } from '../types.ts';
import { EXACT, compareDomain, reductionDims } from './common.ts';
import { type Reduction, reduceCost } from './cost.ts';

export const REDUCTION_ROWS = 4;

function firstBest(row: Float64Array, better: (a: number, b: number) => boolean): number {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (better(row[j]!, row[best]!)) best = j;
  return best;
}

function reductionSpec(op: Reduction, title: string, outputScale: Scale): ProtocolSpec<NoParams> {
  const better = op === 'min' ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  return {
    id: op,
    title,
    family: 'comparison',
    source: 'docs/comparison.md max, min, argmax; CrypTen 0.4 crypten/common/functions/maximum.py',
    params: NoParams,
    defaults: {},
    inputs: () => [{ name: 'x', holder: 'shared', scale: 'fixed' }],
    outputs: () => [{ name: 'z', delivery: 'shared', scale: outputScale }],
    shapes: (_p, size) => ({ x: [REDUCTION_ROWS, size] }),
    outputShapes: (_p, shapes) => {
      const x = inputShape(shapes, 'x', op);
      reductionDims(op, x);
      return { z: x.slice(0, -1) };
    },
    domain: (config) => ({ x: compareDomain(config) }),
    ideal: (_p, inputs, shapes) => {
      const { rows, k } = reductionDims(op, shapes['x']!);
      const x = inputs['x']!;
      return {
        z: Float64Array.from({ length: rows }, (_, r) => {
          const j = firstBest(x.subarray(r * k, (r + 1) * k), better);
          return op === 'argmax' ? j : x[r * k + j]!;
        }),
      };
    },
    cost: (config, _p, shapes) => {
      const { rows, k } = reductionDims(op, shapes['x']!);
      return reduceCost(config, op, rows, k);
    },
    bounds: () => EXACT,
    // At size 1 a row has one element and nothing is compared: audit rows of two.
    privacy: { instanceSize: 2 },
  };
}

export const maxSpec = reductionSpec('max', 'Maximum over the last axis (pairwise tree)', 'fixed');
export const minSpec = reductionSpec('min', 'Minimum over the last axis (pairwise tree)', 'fixed');
export const argmaxSpec = reductionSpec(
  'argmax',
  'Index of the maximum over the last axis (pairwise tree; lowest index wins ties)',
  'int',
);
