// LTZ — [x < 0] for x read as ℓ-bit two's complement (ALGORITHMS.md §2 "LTZ / MSB"). The output is a
// 0/1 arithmetic share (scale 'bit'). Exact on the whole ring under both schedules.
//   crypten: A2B by CrypTen's adder tree, sign bit, daBit B2A opening an ℓ-bit word.
//            2 parties: rounds 2 + ⌈log₂ℓ⌉, bits/element/party ℓ·(3 + 4⌈log₂ℓ⌉).
//   default: open x + r, look up 8-bit chunks of x + r in the dealer's tables, AND tree, mixed final
//            round: rounds 1 + ⌈log₂⌈(ℓ−1)/8⌉⌉ (2 when ℓ ≤ 9), any number of parties.
// The exact formulas are spec/comparison/cost.ts ltzCost; docs/comparison.md tabulates them.
import { sizeOf } from '../../core/shape.ts';
import { NoParams } from '../codecs.ts';
import { RING } from '../domains.ts';
import { elementwiseShape, vectorShapes } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';
import { CRYPTEN_SOURCE, EXACT } from './common.ts';
import { ltzCost } from './cost.ts';

export const ltzSpec: ProtocolSpec<NoParams> = {
  id: 'ltz',
  title: 'Less than zero (the sign bit): [x < 0] as a 0/1 share',
  family: 'comparison',
  source: `docs/comparison.md ltz; ${CRYPTEN_SOURCE} (MPCTensor._ltz)`,
  params: NoParams,
  defaults: {},
  inputs: () => [{ name: 'x', holder: 'shared', scale: 'fixed' }],
  outputs: () => [{ name: 'z', delivery: 'shared', scale: 'bit' }],
  shapes: (_p, size) => vectorShapes(['x'], size),
  outputShapes: (_p, shapes) => ({ z: elementwiseShape('ltz', shapes, ['x']) }),
  domain: () => ({ x: RING }),
  ideal: (_p, inputs) => ({ z: inputs['x']!.map((v) => (v < 0 ? 1 : 0)) }),
  cost: (config, _p, shapes) => ltzCost(config, sizeOf(shapes['x']!)),
  bounds: () => EXACT,
};
