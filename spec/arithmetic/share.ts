// Input sharing (ALGORITHMS.md §1, "Input sharing"). The owner's cleartext x becomes additive shares.
//   owner-sends:  the owner draws r_j for every other party j, sends it, keeps x − Σ r_j. 1 round,
//                 (n−1)·|x|·ℓ bits from the owner.
//   zero-sharing: CrypTen's PRZS — every party takes z_i from its pairwise keys (Σ z_i = 0) and the
//                 owner adds x. 0 rounds, 0 bits.
import * as t from 'io-ts';
import type { Config } from '../config.ts';
import { free } from '../cost.ts';
import { RING } from '../domains.ts';
import { elementwiseShape, vectorShapes } from '../shapes.ts';
import type { ProtocolSpec } from '../types.ts';
import { sizeOf } from '../../core/shape.ts';

export const ShareParams = t.type({
  owner: t.Int,
  variant: t.keyof({ profile: null, 'owner-sends': null, 'zero-sharing': null }),
});
export type ShareParams = t.TypeOf<typeof ShareParams>;

export const shareVariant = (config: Config, p: ShareParams): 'owner-sends' | 'zero-sharing' =>
  p.variant === 'profile' ? config.inputSharing : p.variant;

export const shareSpec: ProtocolSpec<ShareParams> = {
  id: 'share',
  title: 'Input sharing (owner-sends or pairwise zero-sharing)',
  family: 'arithmetic',
  source: 'docs/arithmetic.md Sharing; CrypTen ArithmeticSharedTensor (PRZS)',
  params: ShareParams,
  defaults: { owner: 0 as t.Int, variant: 'profile' },
  variants: [
    { owner: 0 as t.Int, variant: 'owner-sends' },
    { owner: 1 as t.Int, variant: 'owner-sends' },
    { owner: 1 as t.Int, variant: 'zero-sharing' },
  ],
  inputs: (p) => [{ name: 'x', holder: 'owner', owner: p.owner, scale: 'int' }],
  outputs: () => [{ name: 'x', delivery: 'shared', scale: 'int' }],
  shapes: (_p, size) => vectorShapes(['x'], size),
  outputShapes: (_p, shapes) => ({ x: elementwiseShape('share', shapes, ['x']) }),
  unsupported: (config, p) =>
    p.owner < 0 || p.owner >= config.parties
      ? `owner ${p.owner} is not a party (0…${config.parties - 1})`
      : undefined,
  domain: () => ({ x: RING }),
  ideal: (_p, inputs) => ({ x: inputs['x']! }),
  cost: (config, p, shapes) => {
    if (shareVariant(config, p) === 'zero-sharing') return free(config);
    const bits = sizeOf(shapes['x']!) * config.ell;
    const c = free(config);
    return {
      ...c,
      rounds: 1,
      bitsSent: c.bitsSent.map((_, i) => (i === p.owner ? (config.parties - 1) * bits : 0)),
      messagesSent: c.messagesSent.map((_, i) => (i === p.owner ? config.parties - 1 : 0)),
    };
  },
  bounds: () => ({ implementationUlps: 0, approximation: { abs: 0, rel: 0 } }),
};
