// Reconstruction / opening (ALGORITHMS.md §1): every party sends its share to every other party (1
// round, (n−1)·|x|·ℓ bits each), or every party but the receiver sends to the receiver (1 round).
import * as t from 'io-ts';
import { openToAllCost, openToOneCost } from '../cost.ts';
import { RING } from '../domains.ts';
import { elementwiseShape, vectorShapes } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';
import { sizeOf } from '../../core/shape.ts';

export const ReconstructParams = t.type({ to: t.union([t.literal('all'), t.Int]) });
export type ReconstructParams = t.TypeOf<typeof ReconstructParams>;

export const reconstructSpec: ProtocolSpec<ReconstructParams> = {
  id: 'reconstruct',
  title: 'Reconstruction to all parties or to one',
  family: 'arithmetic',
  source: 'docs/arithmetic.md Opening',
  params: ReconstructParams,
  defaults: { to: 'all' },
  variants: [{ to: 0 as t.Int }, { to: 1 as t.Int }],
  receivers: (config, p) => (p.to === 'all' ? Array.from({ length: config.parties }, (_, i) => i) : [p.to]),
  inputs: () => [{ name: 'x', holder: 'shared', scale: 'int' }],
  outputs: () => [{ name: 'x', delivery: 'clear', scale: 'int' }],
  shapes: (_p, size) => vectorShapes(['x'], size),
  outputShapes: (_p, shapes) => ({ x: elementwiseShape('reconstruct', shapes, ['x']) }),
  unsupported: (config, p) =>
    p.to !== 'all' && (p.to < 0 || p.to >= config.parties)
      ? `receiver ${p.to} is not a party (0…${config.parties - 1})`
      : undefined,
  domain: () => ({ x: RING }),
  ideal: (_p, inputs) => ({ x: inputs['x']! }),
  cost: (config, p, shapes) => {
    const n = sizeOf(shapes['x']!);
    return p.to === 'all' ? openToAllCost(config, n) : openToOneCost(config, p.to, n);
  },
  bounds: () => ({ implementationUlps: 0, approximation: { abs: 0, rel: 0 } }),
};
