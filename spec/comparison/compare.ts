// Two-operand comparisons (ALGORITHMS.md §2): lt(x, y) = ltz(x − y), gt(x, y) = ltz(y − x),
// ge = 1 − lt, le = 1 − gt — CrypTen's definitions. Outputs 0/1 shares. Cost = one LTZ (spec ltzCost);
// the subtraction and the complement are local. Exact whenever x − y does not wrap (|x − y| < 2^(ℓ−1)
// ring units): the domain keeps |x|, |y| < 2^(ℓ−2) ring units. Outside it the result is ltz of the
// wrapped difference (e.g. lt(2^(ℓ−1)−1, −1) = 1), which the reference reproduces.
import type * as t from 'io-ts';
import { sizeOf } from '../../core/shape.ts';
import { NoParams } from '../codecs.ts';
import { elementwiseShape, vectorShapes } from '../shapes.ts';
import type { Config } from '../config.ts';
import type { Cost, Domain, ProtocolSpec } from '../types.ts';
import { CRYPTEN_SOURCE, EXACT, compareDomain } from './common.ts';
import { ltzCost } from './cost.ts';

export interface TwoOperandOptions {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly ideal: (x: number, y: number) => boolean;
  readonly domain: (config: Config) => Domain;
  readonly cost: (config: Config, elements: number) => Cost;
  readonly unsupported?: (config: Config) => string | undefined;
}

/** A 0/1 comparison of two shared fixed-point operands of one shape (lt, gt, le, ge, eq). */
export function twoOperandSpec(o: TwoOperandOptions): ProtocolSpec<t.TypeOf<typeof NoParams>> {
  return {
    id: o.id,
    title: o.title,
    family: 'comparison',
    source: o.source,
    params: NoParams,
    defaults: {},
    inputs: () => [
      { name: 'x', holder: 'shared', scale: 'fixed' },
      { name: 'y', holder: 'shared', scale: 'fixed' },
    ],
    outputs: () => [{ name: 'z', delivery: 'shared', scale: 'bit' }],
    shapes: (_p, size) => vectorShapes(['x', 'y'], size),
    outputShapes: (_p, shapes) => ({ z: elementwiseShape(o.id, shapes, ['x', 'y']) }),
    unsupported: (config) => o.unsupported?.(config),
    domain: (config) => ({ x: o.domain(config), y: o.domain(config) }),
    ideal: (_p, inputs) => {
      const y = inputs['y']!;
      return { z: inputs['x']!.map((v, i) => (o.ideal(v, y[i]!) ? 1 : 0)) };
    },
    cost: (config, _p, shapes) => o.cost(config, sizeOf(shapes['x']!)),
    bounds: () => EXACT,
  };
}

const comparisonSpec = (id: string, title: string, ideal: (x: number, y: number) => boolean) =>
  twoOperandSpec({
    id,
    title,
    source: `docs/comparison.md; ${CRYPTEN_SOURCE} (MPCTensor.${id})`,
    ideal,
    domain: compareDomain,
    cost: ltzCost,
  });

export const ltSpec = comparisonSpec('lt', 'x < y as a 0/1 share: ltz(x − y)', (x, y) => x < y);
export const gtSpec = comparisonSpec('gt', 'x > y as a 0/1 share: ltz(y − x)', (x, y) => x > y);
export const leSpec = comparisonSpec('le', 'x ≤ y as a 0/1 share: 1 − gt(x, y)', (x, y) => x <= y);
export const geSpec = comparisonSpec('ge', 'x ≥ y as a 0/1 share: 1 − lt(x, y)', (x, y) => x >= y);
