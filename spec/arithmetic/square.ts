// Squaring with a square pair (ALGORITHMS.md §1): the dealer gives ⟨r⟩, ⟨r²⟩; e = x − r is opened
// (1 round, |x|·ℓ bits to each other party); x² = r² + 2·e·r + e² (party 0 adds e²); then truncation.
import { sizeOf } from '../../core/shape.ts';
import { NoParams } from '../codecs.ts';
import { real } from '../domains.ts';
import { elementwiseShape, vectorShapes } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';
import { productBound, productBounds } from './mul.ts';
import { squareFixedCost } from './cost.ts';

export const squareSpec: ProtocolSpec<NoParams> = {
  id: 'square',
  title: 'Squaring of a shared fixed-point value with a square pair',
  family: 'arithmetic',
  source: 'docs/arithmetic.md Products (square)',
  params: NoParams,
  defaults: {},
  inputs: () => [{ name: 'x', holder: 'shared', scale: 'fixed' }],
  outputs: () => [{ name: 'z', delivery: 'shared', scale: 'fixed' }],
  shapes: (_p, size) => vectorShapes(['x'], size),
  outputShapes: (_p, shapes) => ({ z: elementwiseShape('square', shapes, ['x']) }),
  domain: (config) => ({ x: real(-productBound(config), productBound(config)) }),
  ideal: (_p, inputs) => ({ z: inputs['x']!.map((v) => v * v) }),
  cost: (config, _p, shapes) => squareFixedCost(config, sizeOf(shapes['x']!)),
  bounds: (config) => productBounds(config, productBound(config)),
};
