// Leaky protocols of the kinds real engines have (issue 16 §7), each next to a control built the same
// way without the defect: a trusted-first-party Beaver product (CrypTen's TFP provider: party 0 makes
// the triple itself), a zero share used as a pad, one triple over a whole vector, a three-term leak on a
// later input after honest products, a message count and a message's round that depend on a secret, a
// mask that is 0 a little too often, and a zero sharing that leaves one party of a three-party sum
// unmasked.
import { type RingTensor, ringMask, ringTensor } from '../../../core/ring.ts';
import type { Shape } from '../../../core/shape.ts';
import { mulRaw } from '../../../protocols/steps.ts';
import { ringInput } from '../../../protocols/types.ts';
import { exchangeShares } from '../../../runtime/comm.ts';
import type { PartyContext } from '../../../runtime/context.ts';
import type { DealerDraws } from '../../../runtime/dealer.ts';
import { beaverTriple } from '../../../runtime/material/beaver.ts';
import type { InputDecl, OutputDecl } from '../../../spec/types.ts';
import { type Triple, beaverStep } from './beaver-step.ts';
import { type CatalogueEntry, catalogueProtocol } from './build.ts';
import { dealerMask, reshare } from './masked-opening.ts';

const shared = (name: string): InputDecl => ({ name, holder: 'shared', scale: 'int' });
const owned = (name: string, owner: number): InputDecl => ({ name, holder: 'owner', owner, scale: 'int' });
const sharedOut = (name: string): OutputDecl => ({ name, delivery: 'shared', scale: 'int' });
const clearOut = (name: string): OutputDecl => ({ name, delivery: 'clear', scale: 'int' });

/**
 * CrypTen's trusted-first-party triples: party 0 draws a and b itself, computes c = a·b and sends every
 * other party its shares — so party 0 knows the masks of every opening. The control takes the same
 * triple from the dealer.
 */
async function firstPartyTriple(ctx: PartyContext, ell: number, shape: Shape): Promise<Triple> {
  if (ctx.party !== 0) {
    const a = await ctx.recvRing(0, 'tfp/a', ell);
    const b = await ctx.recvRing(0, 'tfp/b', ell);
    return { a, b, c: await ctx.recvRing(0, 'tfp/c', ell) };
  }
  const m = ringMask(ell);
  const a = ctx.random('tfp/a', ell, shape);
  const b = ctx.random('tfp/b', ell, shape);
  const mine = { a: a.data.slice(), b: b.data.slice(), c: a.data.map((ai, i) => (ai * b.data[i]!) & m) };
  for (const j of ctx.others)
    for (const v of ['a', 'b', 'c'] as const) {
      const share = ctx.random(`tfp/${v}/${j}`, ell, shape);
      ctx.send(j, `tfp/${v}`, share);
      for (let i = 0; i < share.data.length; i++) mine[v][i] = (mine[v][i]! - share.data[i]!) & m;
    }
  return {
    a: ringTensor(ell, shape, mine.a),
    b: ringTensor(ell, shape, mine.b),
    c: ringTensor(ell, shape, mine.c),
  };
}

const product = (
  id: string,
  triple: (ctx: PartyContext, ell: number, shape: Shape) => Promise<Triple> | Triple,
) =>
  catalogueProtocol(id, [shared('x'), shared('y')], [sharedOut('z')], async (ctx, { config }, inputs) => {
    const x = ringInput(ctx, inputs, 'x', config.ell);
    return {
      z: await beaverStep(
        ctx,
        x,
        ringInput(ctx, inputs, 'y', config.ell),
        await triple(ctx, config.ell, x.shape),
      ),
    };
  });

/** 0 with an extra 1 %: a second dealer draw u below 2^ℓ/100 picks 0. */
const pointMass = (r: RingTensor, d: DealerDraws): void => {
  const u = d.ring('u', r.ell, r.shape);
  const cut = (1n << BigInt(r.ell)) / 100n;
  for (let i = 0; i < r.data.length; i++) if (u.data[i]! <= cut) r.data[i] = 0n;
};

/**
 * Re-randomising a sharing by a masked opening (masked-opening.ts) with the pad a dealer mask (the
 * control), a zero share from the pairwise keys (Σ rᵢ = 0: the opening is x), or a dealer mask with a
 * point mass at 0.
 */
const paddedOpening = (id: string, pad: 'dealer' | 'zero-share' | 'point-mass') =>
  catalogueProtocol(id, [shared('x')], [sharedOut('z')], async (ctx, { config }, inputs) => {
    const { ell } = config;
    const x = ringInput(ctx, inputs, 'x', ell);
    const r =
      pad === 'zero-share'
        ? ctx.zeroShare('pad', ell, x.shape)
        : dealerMask(ctx, ell, x.shape, pad === 'point-mass' ? pointMass : undefined);
    return { z: await reshare(ctx, x, r) };
  });

/**
 * x·y and u·v by honest Beaver products, then w re-randomised by opening w + r, where the dealer's r
 * should be uniform; the defect deals r = 0 (its shares sum to zero), so the opening is a three-term
 * leak of the fifth input: message + w₀ + r₀ = w.
 */
const lateInput = (id: string, degenerate: boolean) =>
  catalogueProtocol(
    id,
    ['x', 'y', 'u', 'v', 'w'].map(shared),
    [sharedOut('p'), sharedOut('q'), sharedOut('w')],
    async (ctx, { config }, inputs) => {
      const { ell } = config;
      const input = (n: string): RingTensor => ringInput(ctx, inputs, n, ell);
      const p = await mulRaw(ctx.scope('first'), input('x'), input('y'));
      const q = await mulRaw(ctx.scope('second'), input('u'), input('v'));
      const w = input('w');
      const rescale = ctx.scope('rescale');
      const zero = (r: RingTensor): void => void r.data.fill(0n);
      return {
        p,
        q,
        w: await reshare(rescale, w, dealerMask(rescale, ell, w.shape, degenerate ? zero : undefined)),
      };
    },
  );

/**
 * Party 1 shares its own input y with party 0 by sending a random share r limb by limb (ℓ/4 bits each),
 * lowest first, and an empty message to end: party 0's share is the limbs it received. The defect sends
 * only as many limbs as y has limbs that are not 0 in every element (an "optimisation"), so the number
 * of messages tells party 0 how large y is. Every limb is uniform; only the count leaks.
 */
const limbSharing = (id: string, skipZeroLimbs: boolean) =>
  catalogueProtocol(id, [owned('y', 1)], [sharedOut('y')], async (ctx, { config, shapes }, inputs) => {
    const { ell } = config;
    const shape = shapes['y']!;
    const n = shape.reduce((a, d) => a * d, 1);
    const bits = BigInt(ell / 4);
    const limb = (1n << bits) - 1n;
    const m = ringMask(ell);
    const share = new BigUint64Array(n);
    if (ctx.party === 1) {
      const y = ringInput(ctx, inputs, 'y', ell);
      const r = ctx.random('share', ell, shape);
      const used = [0n, 1n, 2n, 3n].filter(
        (k) => !skipZeroLimbs || y.data.some((v) => ((v >> (k * bits)) & limb) !== 0n),
      );
      used.forEach((_, q) => {
        const part = r.data.map((v) => (v >> (BigInt(q) * bits)) & limb);
        ctx.send(0, 'limb', ringTensor(ell, shape, part));
        for (let i = 0; i < n; i++) share[i] = share[i]! | (part[i]! << (BigInt(q) * bits));
      });
      ctx.send(0, 'limb', ringTensor(ell, [0], new BigUint64Array(0)));
      return {
        y: ringTensor(
          ell,
          shape,
          y.data.map((v, i) => (v - share[i]!) & m),
        ),
      };
    }
    if (ctx.party === 0)
      for (let q = 0n; ; q++) {
        const part = await ctx.recvRing(1, 'limb', ell);
        if (part.data.length === 0) break;
        for (let i = 0; i < n; i++) share[i] = share[i]! | (part.data[i]! << (q * bits));
      }
    return { y: ringTensor(ell, shape, share) };
  });

/**
 * Party 1 sends party 0 a random share r of its own input y after party 0's ready message; the defect
 * sends it at once when every element of y is below 2^(ℓ−1) (an early exit), so the round the share
 * arrives in says whether y is small. Contents and counts are the same either way.
 */
const delayedShare = (id: string, early: boolean) =>
  catalogueProtocol(id, [owned('y', 1)], [sharedOut('y')], async (ctx, { config, shapes }, inputs) => {
    const { ell } = config;
    const shape = shapes['y']!;
    if (ctx.party === 0) {
      ctx.send(1, 'ready', ringTensor(ell, [1], new BigUint64Array(1)));
      return { y: await ctx.recvRing(1, 'share', ell) };
    }
    const y = ringInput(ctx, inputs, 'y', ell);
    const r = ctx.random('share', ell, shape);
    const now = early && y.data.every((v) => v >> BigInt(ell - 1) === 0n);
    if (now) ctx.send(0, 'share', r);
    await ctx.recv(0, 'ready');
    if (!now) ctx.send(0, 'share', r);
    const m = ringMask(ell);
    return {
      y: ringTensor(
        ell,
        shape,
        y.data.map((v, i) => (v - r.data[i]!) & m),
      ),
    };
  });

/**
 * The sum a + b + c of three owners' inputs, opened to all: each party sends its input plus a zero share
 * built from pairwise keys (party i sends k_i to party i+1; z_i = k_i − k_{i−1}). The defect keeps only
 * the key of parties 0 and 1 (two-party code reused for three): z₀ = k₀, z₁ = −k₀, z₂ = 0, so party 2's
 * input goes out unmasked and parties 0 and 1 unmask each other's.
 */
const threePartySum = (id: string, degenerate: boolean) =>
  catalogueProtocol(
    id,
    [owned('a', 0), owned('b', 1), owned('c', 2)],
    [clearOut('s')],
    async (ctx, { config }, inputs) => {
      const { ell } = config;
      const m = ringMask(ell);
      const v = ringInput(ctx, inputs, ['a', 'b', 'c'][ctx.party]!, ell);
      const next = (ctx.party + 1) % ctx.parties;
      const prev = (ctx.party + ctx.parties - 1) % ctx.parties;
      const keyed = !degenerate || ctx.party === 0;
      const mine = keyed
        ? ctx.random('key', ell, v.shape)
        : ringTensor(ell, v.shape, new BigUint64Array(v.data.length));
      if (keyed) ctx.send(next, 'key', mine);
      const theirs =
        !degenerate || ctx.party === 1
          ? await ctx.recvRing(prev, 'key', ell)
          : ringTensor(ell, v.shape, new BigUint64Array(v.data.length));
      const masked = v.data.map((x, i) => (x + mine.data[i]! - theirs.data[i]!) & m);
      const parts = await exchangeShares(ctx, 'sum', ringTensor(ell, v.shape, masked));
      const s = parts.reduce(
        (acc, p) => acc.map((x, i) => (x + p.data[i]!) & m),
        new BigUint64Array(v.data.length),
      );
      return { s: ringTensor(ell, v.shape, s) };
    },
    (clear) => ({
      s: ringTensor(
        clear['a']!.ell,
        clear['a']!.shape,
        clear['a']!.data.map(
          (x, i) => (x + clear['b']!.data[i]! + clear['c']!.data[i]!) & ringMask(clear['a']!.ell),
        ),
      ),
    }),
  );

const dealerTriple = (ctx: PartyContext, ell: number, shape: Shape): Triple =>
  beaverTriple(ctx, 'triple', ell, shape);
/** One triple of one element, for every element of the vector. */
const vectorTriple = (ctx: PartyContext, ell: number): Triple => beaverTriple(ctx, 'triple', ell, [1]);

export const ENGINE_LEAKY: readonly CatalogueEntry[] = [
  {
    protocol: product('leaky_tfp_beaver', firstPartyTriple),
    defect: "trusted-first-party Beaver triples (CrypTen's TFP provider): party 0 draws a and b itself",
    caughtBy: ['relation', 'exhaustive'],
  },
  {
    protocol: paddedOpening('leaky_zero_pad', 'zero-share'),
    defect: 'a zero share (Σ zᵢ = 0) used as the pad of a masked opening',
    caughtBy: ['relation', 'exhaustive'],
  },
  {
    protocol: product('leaky_vector_triple', vectorTriple),
    defect: 'one Beaver triple for every element of a vector',
    caughtBy: ['relation'],
  },
  {
    protocol: lateInput('leaky_late_input', true),
    defect: "after two honest products, the fifth input's re-randomising mask is 0 (a three-term leak)",
    caughtBy: ['relation'],
  },
  {
    protocol: limbSharing('leaky_message_count', true),
    defect: 'a message count that depends on the secret (limbs of 0 are not sent)',
    caughtBy: ['exhaustive', 'statistical'],
  },
  {
    protocol: delayedShare('leaky_round', true),
    defect: 'a message whose round depends on the secret (small inputs are sent without waiting)',
    caughtBy: ['exhaustive', 'statistical'],
  },
  {
    protocol: paddedOpening('leaky_point_mask', 'point-mass'),
    defect: 'a mask that is 0 with 1 % extra probability',
    caughtBy: ['exhaustive', 'statistical'],
  },
  {
    protocol: threePartySum('leaky_zero_sum3', true),
    defect: 'a degenerate zero sharing in a three-party sum: party 2 unmasked, parties 0 and 1 share one key',
    parties: 3,
    caughtBy: ['relation', 'exhaustive', 'statistical'],
  },
];

export const ENGINE_CONTROLS: readonly CatalogueEntry[] = [
  {
    protocol: product('control_dealer_beaver', dealerTriple),
    defect: 'none: the triple comes from the dealer',
  },
  { protocol: paddedOpening('control_dealer_pad', 'dealer'), defect: 'none: a uniform dealer pad' },
  { protocol: lateInput('control_late_input', false), defect: 'none: a uniform re-randomising mask' },
  { protocol: limbSharing('control_message_count', false), defect: 'none: every limb is sent' },
  {
    protocol: delayedShare('control_round', false),
    defect: 'none: the share always waits for the ready message',
  },
  {
    protocol: threePartySum('control_zero_sum3', false),
    defect: 'none: a key per pair of parties',
    parties: 3,
  },
];
