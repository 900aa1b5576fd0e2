// Beaver multiplication (ALGORITHMS.md §1): the dealer gives ⟨a⟩,⟨b⟩,⟨c = ab⟩; ε = x − a and δ = y − b
// are opened together in one message (1 round, 2·|x|·ℓ bits to each other party); z_i = c_i + ε·b_i +
// δ·a_i, party 0 adds ε·δ; then truncation by 2^f. Reference: ⌊x·y / 2^f⌋.
import { sizeOf } from '../../core/shape.ts';
import { NoParams } from '../codecs.ts';
import type { Config } from '../config.ts';
import { productOperandBound, real } from '../domains.ts';
import { elementwiseShape, vectorShapes } from '../shapes.ts';
import type { Bounds, ProtocolSpec } from '../types.ts';
import { truncationBounds } from './truncation.ts';
import { mulFixedCost } from './cost.ts';

/** Operands of a product: |x|, |y| ≤ 100 at ℓ 64 (attention scores), less in small rings. */
export const productBound = (config: Config): number => productOperandBound(config, 100);

/** Bounds of one fixed-point product of operands bounded by B: floor (< 1 ulp) vs the exact product. */
export const productBounds = (config: Config, B: number): Bounds => ({
  ...truncationBounds(config, config.f, B * B * 2 ** (2 * config.f)),
  approximation: { abs: 2 ** -config.f, rel: 0 },
});

export const mulSpec: ProtocolSpec<NoParams> = {
  id: 'mul',
  title: 'Beaver multiplication of shared fixed-point values',
  family: 'arithmetic',
  source: 'docs/arithmetic.md Products (Beaver); Beaver, CRYPTO 1991',
  params: NoParams,
  defaults: {},
  inputs: () => [
    { name: 'x', holder: 'shared', scale: 'fixed' },
    { name: 'y', holder: 'shared', scale: 'fixed' },
  ],
  outputs: () => [{ name: 'z', delivery: 'shared', scale: 'fixed' }],
  shapes: (_p, size) => vectorShapes(['x', 'y'], size),
  outputShapes: (_p, shapes) => ({ z: elementwiseShape('mul', shapes, ['x', 'y']) }),
  domain: (config) => ({
    x: real(-productBound(config), productBound(config)),
    y: real(-productBound(config), productBound(config)),
  }),
  ideal: (_p, inputs) => ({ z: inputs['x']!.map((v, i) => v * inputs['y']![i]!) }),
  cost: (config, _p, shapes) => mulFixedCost(config, sizeOf(shapes['x']!)),
  bounds: (config) => productBounds(config, productBound(config)),
};
