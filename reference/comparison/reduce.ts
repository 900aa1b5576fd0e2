// References of max, min and argmax (spec/comparison/reduce.ts): the protocol's tree on clear values —
// adjacent pairs, keep the left when x_left ≥ x_right (max, argmax) or x_left ≤ x_right (min), an odd
// last entry passes through — comparing by the sign bit of the ring difference as the protocol does.
import { type RingTensor, ringHalf, ringMask, ringTensor } from '../../core/ring.ts';
import { reductionDims } from '../../spec/comparison/common.ts';
import type { Reduction } from '../../spec/comparison/cost.ts';
import type { NoParams } from '../../spec/codecs.ts';
import type { Reference } from '../types.ts';

function reduceRow(row: readonly bigint[], op: Reduction, ell: number): bigint {
  const m = ringMask(ell);
  const h = ringHalf(ell);
  let values = [...row];
  let indices = row.map((_, j) => BigInt(j));
  while (values.length > 1) {
    const nextValues: bigint[] = [];
    const nextIndices: bigint[] = [];
    for (let q = 0; 2 * q + 1 < values.length; q++) {
      const [a, b] = [values[2 * q]!, values[2 * q + 1]!];
      const diff = op === 'min' ? (b - a) & m : (a - b) & m;
      const keepLeft = diff < h; // sign bit clear: a ≥ b (max) or a ≤ b (min)
      nextValues.push(keepLeft ? a : b);
      nextIndices.push(keepLeft ? indices[2 * q]! : indices[2 * q + 1]!);
    }
    if (values.length % 2 === 1) {
      nextValues.push(values[values.length - 1]!);
      nextIndices.push(indices[indices.length - 1]!);
    }
    values = nextValues;
    indices = nextIndices;
  }
  return op === 'argmax' ? indices[0]! : values[0]!;
}

/** The reduction over the last axis: shape [..., k] → [...]. */
function reduceLastAxis(op: Reduction, x: RingTensor): RingTensor {
  const { rows, k } = reductionDims(op, x.shape);
  const out = new BigUint64Array(rows);
  for (let r = 0; r < rows; r++)
    out[r] = reduceRow(Array.from(x.data.subarray(r * k, (r + 1) * k)), op, x.ell);
  return ringTensor(x.ell, x.shape.slice(0, -1), out);
}

export const max = (x: RingTensor): RingTensor => reduceLastAxis('max', x);
export const min = (x: RingTensor): RingTensor => reduceLastAxis('min', x);
export const argmax = (x: RingTensor): RingTensor => reduceLastAxis('argmax', x);

const reduceReference =
  (op: Reduction): Reference<NoParams> =>
  (_c, _p, inputs) => ({ z: reduceLastAxis(op, inputs['x']!) });

export const maxReference = reduceReference('max');
export const minReference = reduceReference('min');
export const argmaxReference = reduceReference('argmax');
