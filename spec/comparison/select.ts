// select(b, x, y) = b ? x : y for a 0/1 share b (ALGORITHMS.md §2 "Select"), exact on the whole ring.
//   default: b·(x − y) + y — one Beaver product (1 round, 2ℓ bits per element per other party).
//   crypten: CrypTen's `where`, x·b + (1 − b)·y — two Beaver products one after the other (2 rounds).
// b must be 0 or 1: any other value gives b·(x − y) + y, which the reference reproduces.
import { sizeOf } from '../../core/shape.ts';
import { NoParams } from '../codecs.ts';
import { RING } from '../domains.ts';
import { elementwiseShape, vectorShapes } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';
import { CRYPTEN_SOURCE, EXACT } from './common.ts';
import { selectCost } from './cost.ts';

export const selectSpec: ProtocolSpec<NoParams> = {
  id: 'select',
  title: 'b ? x : y for a 0/1 share b',
  family: 'comparison',
  source: `docs/comparison.md select; ${CRYPTEN_SOURCE} (MPCTensor.where)`,
  params: NoParams,
  defaults: {},
  inputs: () => [
    { name: 'b', holder: 'shared', scale: 'bit' },
    { name: 'x', holder: 'shared', scale: 'fixed' },
    { name: 'y', holder: 'shared', scale: 'fixed' },
  ],
  outputs: () => [{ name: 'z', delivery: 'shared', scale: 'fixed' }],
  shapes: (_p, size) => vectorShapes(['b', 'x', 'y'], size),
  outputShapes: (_p, shapes) => ({ z: elementwiseShape('select', shapes, ['b', 'x', 'y']) }),
  domain: () => ({ b: RING, x: RING, y: RING }),
  ideal: (_p, inputs) => {
    const x = inputs['x']!;
    const y = inputs['y']!;
    return { z: inputs['b']!.map((b, i) => (b === 1 ? x[i]! : y[i]!)) };
  },
  cost: (config, _p, shapes) => selectCost(config, sizeOf(shapes['x']!)),
  bounds: () => EXACT,
};
