// Truncation as a protocol of its own (ALGORITHMS.md §1): a shared integer x becomes ⌊x / 2^k⌋ (up to
// the method's ulp error) by the method named in the params or, by default, the profile's.
import * as t from 'io-ts';
import { sizeOf } from '../../core/shape.ts';
import type { Config } from '../config.ts';
import { real } from '../domains.ts';
import { elementwiseShape, vectorShapes } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';
import { truncationBounds, truncationCost } from './truncation.ts';

export const TruncParams = t.type({
  bits: t.union([t.literal('f'), t.Int]),
  method: t.keyof({ profile: null, 'local-trunc': null, 'local-secureml': null, dealer: null }),
});
export type TruncParams = t.TypeOf<typeof TruncParams>;

export const truncConfig = (config: Config, p: TruncParams): Config =>
  p.method === 'profile' ? config : { ...config, truncation: p.method };
export const truncParamBits = (config: Config, p: TruncParams): number =>
  p.bits === 'f' ? config.f : p.bits;
/** Inputs up to 2^(ℓ−3): inside dealer truncation's exact range (|x| < 2^(ℓ−2)). */
const inputBound = (config: Config): number => 2 ** (config.ell - 3);

export const truncSpec: ProtocolSpec<TruncParams> = {
  id: 'trunc',
  title: 'Truncation of a shared integer by 2^k (local CrypTen / SecureML, or dealer-assisted)',
  family: 'arithmetic',
  source: 'docs/arithmetic.md Truncation; SecureML (Mohassel & Zhang 2017) §4.1; CrypTen',
  params: TruncParams,
  defaults: { bits: 'f', method: 'profile' },
  variants: [
    { bits: 'f', method: 'dealer' },
    { bits: 'f', method: 'local-trunc' },
    { bits: 3 as t.Int, method: 'local-secureml' },
    { bits: 0 as t.Int, method: 'dealer' },
  ],
  inputs: () => [{ name: 'x', holder: 'shared', scale: 'int' }],
  outputs: () => [{ name: 'z', delivery: 'shared', scale: 'int' }],
  shapes: (_p, size) => vectorShapes(['x'], size),
  outputShapes: (_p, shapes) => ({ z: elementwiseShape('trunc', shapes, ['x']) }),
  unsupported: (config, p) => {
    const k = truncParamBits(config, p);
    if (k < 0 || k > config.ell - 2) return `bits ${k} is outside 0…${config.ell - 2} for ℓ = ${config.ell}`;
    const c = truncConfig(config, p);
    return c.truncation !== 'dealer' && c.parties !== 2
      ? `${c.truncation} truncation is 2-party only`
      : undefined;
  },
  domain: (config) => ({ x: real(-inputBound(config), inputBound(config)) }),
  ideal: (p, inputs, _shapes, config) => ({ z: inputs['x']!.map((v) => v / 2 ** truncParamBits(config, p)) }),
  cost: (config, p, shapes) =>
    truncationCost(truncConfig(config, p), sizeOf(shapes['x']!), truncParamBits(config, p)),
  bounds: (config, p) => ({
    ...truncationBounds(truncConfig(config, p), truncParamBits(config, p), inputBound(config)),
    approximation: { abs: 1, rel: 0 },
  }),
};
