// Local linear operations on additive shares (ALGORITHMS.md §1): x + y, x − y and −x are computed
// share by share — 0 rounds, 0 bits, exact.
import type * as t from 'io-ts';
import { free } from '../cost.ts';
import { linearOperandBound, real } from '../domains.ts';
import { NoParams } from '../codecs.ts';
import { elementwiseShape, vectorShapes } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';

type Ideal = (xs: readonly Float64Array[], i: number) => number;

function localLinearSpec(
  id: string,
  title: string,
  operands: readonly string[],
  ideal: Ideal,
): ProtocolSpec<t.TypeOf<typeof NoParams>> {
  return {
    id,
    title,
    family: 'arithmetic',
    source: 'docs/arithmetic.md Linear operations',
    params: NoParams,
    defaults: {},
    inputs: () => operands.map((name) => ({ name, holder: 'shared', scale: 'fixed' })),
    outputs: () => [{ name: 'z', delivery: 'shared', scale: 'fixed' }],
    shapes: (_p, size) => vectorShapes(operands, size),
    outputShapes: (_p, shapes) => ({ z: elementwiseShape(id, shapes, operands) }),
    // Halved so that a sum or difference of two operands stays representable.
    domain: (config) =>
      Object.fromEntries(
        operands.map((n) => [
          n,
          real(-linearOperandBound(config, 1e6) / 2, linearOperandBound(config, 1e6) / 2),
        ]),
      ),
    ideal: (_p, inputs) => {
      const xs = operands.map((n) => inputs[n]!);
      return { z: Float64Array.from(xs[0]!, (_, i) => ideal(xs, i)) };
    },
    cost: (config) => free(config),
    bounds: () => ({ implementationUlps: 0, approximation: { abs: 0, rel: 0 } }),
  };
}

export const addSpec = localLinearSpec(
  'add',
  'Addition of shared values',
  ['x', 'y'],
  (xs, i) => xs[0]![i]! + xs[1]![i]!,
);
export const subSpec = localLinearSpec(
  'sub',
  'Subtraction of shared values',
  ['x', 'y'],
  (xs, i) => xs[0]![i]! - xs[1]![i]!,
);
export const negSpec = localLinearSpec('neg', 'Negation of a shared value', ['x'], (xs, i) => -xs[0]![i]!);
