// The catalogue of deliberately leaky protocols (issue 4 §4): each reproduces one classic masking defect
// in a few lines, next to correct controls built the same way. The automatic audit must flag every
// defect, in the modes each entry declares, at the fixed seeds, and pass every control (engine-defects.ts
// holds the defects of issue 16).
import { type BitTensor, bitTensor, xor } from '../../../core/bits.ts';
import { type RingTensor, ringMask, ringTensor } from '../../../core/ring.ts';
import { mul } from '../../../core/ring-ops.ts';
import type { Shape } from '../../../core/shape.ts';
import type { PartyContext } from '../../../runtime/context.ts';
import type { DealerDraws } from '../../../runtime/dealer.ts';
import { dabit } from '../../../runtime/material/boolean.ts';
import { andShares } from '../../../protocols/comparison/boolean/and.ts';
import { exchangeShares } from '../../../runtime/comm.ts';
import { openToAll } from '../../../runtime/comm.ts';
import { ringInput } from '../../../protocols/types.ts';
import { findProtocol } from '../../../registry/index.ts';
import type { InputDecl, OutputDecl } from '../../../spec/types.ts';
import { type Triple, beaverStep } from './beaver-step.ts';
import { type CatalogueEntry, catalogueProtocol } from './build.ts';
import { dealerMask, reshare } from './masked-opening.ts';

const shared = (name: string): InputDecl => ({ name, holder: 'shared', scale: 'int' });
const sharedOut = (name: string): OutputDecl => ({ name, delivery: 'shared', scale: 'int' });

type Pair = (d: DealerDraws, ell: number, shape: Shape) => { a: RingTensor; b: RingTensor };

const uniformPair: Pair = (d, ell, shape) => ({ a: d.ring('a', ell, shape), b: d.ring('b', ell, shape) });
const constantPair =
  (ca: bigint, cb: bigint): Pair =>
  (d, ell, shape) => {
    const a = d.ring('a', ell, shape);
    const b = d.ring('b', ell, shape);
    a.data.fill(ca & ringMask(ell));
    b.data.fill(cb & ringMask(ell));
    return { a, b };
  };
/** A dealer whose a is biased: its lowest bit is always 0. */
const evenPair: Pair = (d, ell, shape) => {
  const { a, b } = uniformPair(d, ell, shape);
  for (let i = 0; i < a.data.length; i++) a.data[i] = (a.data[i]! << 1n) & ringMask(ell);
  return { a, b };
};

function triple(ctx: PartyContext, label: string, ell: number, shape: Shape, pair: Pair): Triple {
  const v = ctx.deal({
    kind: 'beaver-triple',
    label,
    items: 1,
    signature: `catalogue ${ell}`,
    generate: (d) => {
      const { a, b } = pair(d, ell, shape);
      return { a, b, c: mul(a, b) };
    },
  });
  return { a: v['a'] as RingTensor, b: v['b'] as RingTensor, c: v['c'] as RingTensor };
}

/** Beaver product (ALGORITHMS.md §1) with a pluggable dealer and, for the defect, unmasked opening. */
const beaver = (
  ctx: PartyContext,
  x: RingTensor,
  y: RingTensor,
  pair: Pair,
  masked = true,
): Promise<RingTensor> => beaverStep(ctx, x, y, triple(ctx, 'triple', x.ell, x.shape, pair), masked);

const product = (id: string, pair: Pair, masked = true) =>
  catalogueProtocol(id, [shared('x'), shared('y')], [sharedOut('z')], async (ctx, { config }, inputs) => ({
    z: await beaver(
      ctx,
      ringInput(ctx, inputs, 'x', config.ell),
      ringInput(ctx, inputs, 'y', config.ell),
      pair,
      masked,
    ),
  }));

/** Two products x·y and u·y; the defect opens both against ONE triple (x − a and u − a reveal x − u). */
const twoProducts = (id: string, reuse: boolean) =>
  catalogueProtocol(
    id,
    [shared('x'), shared('y'), shared('u')],
    [sharedOut('z'), sharedOut('w')],
    async (ctx, { config }, inputs) => {
      const r = (n: string): RingTensor => ringInput(ctx, inputs, n, config.ell);
      if (!reuse)
        return {
          z: await beaver(ctx.scope('first'), r('x'), r('y'), uniformPair),
          w: await beaver(ctx.scope('second'), r('u'), r('y'), uniformPair),
        };
      const { a, b, c } = triple(ctx, 'triple', config.ell, r('x').shape, uniformPair);
      const m = ringMask(config.ell);
      const n = a.data.length;
      const ops = ['x', 'y', 'u', 'y'].map(r);
      const masks = [a, b, a, b];
      const open = new BigUint64Array(4 * n);
      ops.forEach((op, k) => {
        for (let i = 0; i < n; i++) open[k * n + i] = (op.data[i]! - masks[k]!.data[i]!) & m;
      });
      const o = (await openToAll(ctx, 'open', ringTensor(config.ell, [4 * n], open))).data;
      const prod = (e: number): RingTensor =>
        ringTensor(
          config.ell,
          a.shape,
          c.data.map(
            (ci, i) =>
              (ci +
                o[e * n + i]! * b.data[i]! +
                o[(e + 1) * n + i]! * a.data[i]! +
                (ctx.party === 0 ? o[e * n + i]! * o[(e + 1) * n + i]! : 0n)) &
              m,
          ),
        );
      return { z: prod(0), w: prod(2) };
    },
  );

/** Masked opening of x + r (dealer truncation's first step); the defect draws r from a short range. */
const maskedOpen = (id: string, short: boolean) =>
  catalogueProtocol(id, [shared('x')], [sharedOut('z')], async (ctx, { config }, inputs) => {
    const { ell } = config;
    const x = ringInput(ctx, inputs, 'x', ell);
    const shorten = (r: RingTensor): void => {
      for (let i = 0; i < r.data.length; i++) r.data[i] = r.data[i]! & ringMask(ell - 3);
    };
    return { z: await reshare(ctx, x, dealerMask(ctx, ell, x.shape, short ? shorten : undefined)) };
  });

/** B2A of lsb(x) (XOR shares x_i & 1) with a daBit: open b ⊕ r; the defect opens b itself. */
const b2a = (id: string, masked: boolean) =>
  catalogueProtocol(id, [shared('x')], [sharedOut('b')], async (ctx, { config }, inputs) => {
    const { ell } = config;
    const x = ringInput(ctx, inputs, 'x', ell);
    const bit = bitTensor(
      1,
      x.shape,
      x.data.map((v) => v & 1n),
    );
    const { rA, rB } = dabit(ctx, 'dabit', ell, 1, x.shape);
    const opened = await exchangeShares(ctx, 'open', masked ? xor(bit, rB) : bit);
    const z = opened.reduce((acc: BitTensor, p) => xor(acc, p));
    const m = ringMask(ell);
    const b = z.data.map((zi, i) =>
      masked ? (rA.data[i]! * (1n - 2n * zi) + (ctx.party === 0 ? zi : 0n)) & m : ctx.party === 0 ? zi : 0n,
    );
    return { b: ringTensor(ell, x.shape, b) };
  });

/** A2B's first level (party 0 adds x₀, party 1 adds x₁ as bit words): the generate word G = x₀ ∧ x₁; the defect opens it. */
const a2bGenerate = (id: string, leak: boolean) =>
  catalogueProtocol(id, [shared('x')], [sharedOut('p')], async (ctx, { config }, inputs) => {
    const { ell } = config;
    const x = ringInput(ctx, inputs, 'x', ell);
    const zero = bitTensor(ell, x.shape, new BigUint64Array(x.data.length));
    const mine = bitTensor(ell, x.shape, x.data.slice());
    const u = ctx.party === 0 ? mine : zero;
    const v = ctx.party === 1 ? mine : zero;
    const g = await andShares(ctx.scope('generate'), u, v);
    if (leak) await exchangeShares(ctx, 'carries', g);
    return { p: xor(xor(u, v), g) };
  });

export const LEAKY: readonly CatalogueEntry[] = [
  {
    protocol: product('leaky_open_unmasked', uniformPair, false),
    defect: 'opens x and y instead of x − a, y − b',
    caughtBy: ['relation', 'exhaustive', 'statistical'],
  },
  {
    protocol: product('leaky_zero_mask', constantPair(0n, 0n)),
    defect: 'Beaver triple with a = b = 0 (zero mask)',
    caughtBy: ['relation', 'exhaustive'],
  },
  {
    protocol: product('leaky_constant_mask', constantPair(5n, 3n)),
    defect: 'Beaver triple with constant a = 5, b = 3',
    caughtBy: ['relation', 'exhaustive'],
  },
  {
    protocol: maskedOpen('leaky_short_mask', true),
    defect: 'opens x + r with r from [0, 2^(ℓ−3)) (a short range)',
    caughtBy: ['exhaustive', 'statistical'],
  },
  {
    protocol: twoProducts('leaky_reused_triple', true),
    defect: 'one Beaver triple for two products',
    caughtBy: ['relation'],
  },
  {
    protocol: product('leaky_biased_triple', evenPair),
    defect: "a dealer whose triple's a is always even",
    caughtBy: ['relation', 'exhaustive', 'statistical'],
  },
  {
    protocol: b2a('leaky_b2a_unmasked', false),
    defect: 'B2A that opens the bit unmasked',
    caughtBy: ['relation', 'exhaustive'],
  },
  {
    protocol: a2bGenerate('leaky_a2b_carries', true),
    defect: 'A2B that opens its carries (the generate word x₀ ∧ x₁)',
    caughtBy: ['exhaustive', 'statistical'],
  },
  {
    protocol: findProtocol('sin').bind({ variant: 'secformer', period: 20 }),
    defect:
      'sine whose angle mask is a bounded real interval [−1024, 0) (SecFormer released code, ALGORITHMS.md §3)',
    caughtBy: ['statistical'],
  },
];

export const CONTROLS: readonly CatalogueEntry[] = [
  { protocol: product('control_beaver', uniformPair), defect: 'none: uniform triple, masked opening' },
  { protocol: maskedOpen('control_masked_open', false), defect: 'none: uniform mask' },
  { protocol: twoProducts('control_two_triples', false), defect: 'none: a triple per product' },
  { protocol: b2a('control_b2a', true), defect: 'none: daBit-masked opening' },
  { protocol: a2bGenerate('control_a2b', false), defect: 'none: carries stay shared' },
];
