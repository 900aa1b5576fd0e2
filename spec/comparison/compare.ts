// Two-operand comparisons (ALGORITHMS.md §2): lt(x, y) = ltz(x − y), gt(x, y) = ltz(y − x),
// ge = 1 − lt, le = 1 − gt — CrypTen's definitions. Outputs 0/1 shares. Cost = one LTZ (spec ltzCost);
// the subtraction and the complement are local. Exact whenever x − y does not wrap (|x − y| < 2^(ℓ−1)
// ring units): the domain keeps |x|, |y| < 2^(ℓ−2) ring units. Outside it the result is ltz of the
// wrapped difference (e.g. lt(2^(ℓ−1)−1, −1) = 1), which the reference reproduces.
import type * as t from 'io-ts';
import { sizeOf } from '../../core/shape.ts';
import { NoParams } from '../codecs.ts';
import { elementwiseShape, vectorShapes } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';
import { CRYPTEN_SOURCE, EXACT, compareDomain } from './common.ts';
import { ltzCost } from './cost.ts';

function comparisonSpec(
  id: string,
  title: string,
  ideal: (x: number, y: number) => boolean,
): ProtocolSpec<t.TypeOf<typeof NoParams>> {
  return {
    id,
    title,
    family: 'comparison',
    source: `ALGORITHMS.md §2; ${CRYPTEN_SOURCE} (MPCTensor.${id})`,
    params: NoParams,
    defaults: {},
    inputs: () => [
      { name: 'x', holder: 'shared', scale: 'fixed' },
      { name: 'y', holder: 'shared', scale: 'fixed' },
    ],
    outputs: () => [{ name: 'z', delivery: 'shared', scale: 'bit' }],
    shapes: (_p, size) => vectorShapes(['x', 'y'], size),
    outputShapes: (_p, shapes) => ({ z: elementwiseShape(id, shapes, ['x', 'y']) }),
    domain: (config) => ({ x: compareDomain(config), y: compareDomain(config) }),
    ideal: (_p, inputs) => {
      const y = inputs['y']!;
      return { z: inputs['x']!.map((v, i) => (ideal(v, y[i]!) ? 1 : 0)) };
    },
    cost: (config, _p, shapes) => ltzCost(config, sizeOf(shapes['x']!)),
    bounds: () => EXACT,
  };
}

export const ltSpec = comparisonSpec('lt', 'x < y as a 0/1 share: ltz(x − y)', (x, y) => x < y);
export const gtSpec = comparisonSpec('gt', 'x > y as a 0/1 share: ltz(y − x)', (x, y) => x > y);
export const leSpec = comparisonSpec('le', 'x ≤ y as a 0/1 share: 1 − gt(x, y)', (x, y) => x <= y);
export const geSpec = comparisonSpec('ge', 'x ≥ y as a 0/1 share: 1 − lt(x, y)', (x, y) => x >= y);
