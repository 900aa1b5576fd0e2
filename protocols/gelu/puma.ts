// gelu_puma on shares (spec/gelu/puma.ts): three comparisons with public thresholds, the powers, the
// two polynomials, and the selection by 0/1 products — in SecFormer's order under the crypten schedule;
// under the default schedule the comparisons from one masked opening, x³ and x⁴ in one message, both
// polynomials truncated together and the three selections in one message. The released form (form
// 'secformer') differs only in the thresholds and in which selector multiplies which piece.
import { type RingTensor, ringTensor } from '../../core/ring.ts';
import { add, concat, split, sub } from '../../core/ring-ops.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { type GeluPumaParams, PUMA_CUBIC, PUMA_SEXTIC, pumaCuts } from '../../spec/gelu/puma.ts';
import { publicMinus } from '../comparison/arith-local.ts';
import { encodedConstant } from '../../spec/arithmetic/public-constant.ts';
import {
  addConst,
  ltPublic,
  mulFixed,
  mulFixedBatch,
  mulInt,
  mulRaw,
  mulRawBatch,
  squareFixed,
  truncBits,
} from '../steps.ts';
import { type Protocol, ringInput } from '../types.ts';

type Terms = readonly (readonly [RingTensor, number])[];

/**
 * ⌊enc(cᵢ)·tᵢ / 2^f⌋ for every term of every polynomial, in one truncation call (the same floors as one
 * mulConst per term; with the dealer's truncation, one round instead of one per term).
 */
async function scaledTerms(ctx: PartyContext, c: Config, terms: Terms): Promise<RingTensor[]> {
  const scaled = terms.map(([a, v]) => mulInt(a, encodedConstant(c, v)));
  const n = scaled[0]!.data.length;
  const all = await truncBits(ctx, c, ringTensor(c.ell, [terms.length * n], concat(scaled)), c.f);
  return split(
    c.ell,
    all.data,
    scaled.map((t) => t.shape),
  );
}

/** ⌊Σ enc(cᵢ)·tᵢ / 2^f⌋ per polynomial, the polynomials truncated in one call. */
async function sums(ctx: PartyContext, c: Config, polynomials: readonly Terms[]): Promise<RingTensor[]> {
  const raw = polynomials.map((terms) => terms.map(([a, v]) => mulInt(a, encodedConstant(c, v))).reduce(add));
  const n = raw[0]!.data.length;
  const all = await truncBits(ctx, c, ringTensor(c.ell, [raw.length * n], concat(raw)), c.f);
  return split(
    c.ell,
    all.data,
    raw.map((t) => t.shape),
  );
}

const cubicTerms = (x: RingTensor, x2: RingTensor, x3: RingTensor): Terms => [
  [x3, PUMA_CUBIC[3]],
  [x2, PUMA_CUBIC[2]],
  [x, PUMA_CUBIC[1]],
];

const sexticTerms = (x: RingTensor, x2: RingTensor, x4: RingTensor, x6: RingTensor): Terms => [
  [x6, PUMA_SEXTIC.c6],
  [x4, PUMA_SEXTIC.c4],
  [x2, PUMA_SEXTIC.c2],
  [x, PUMA_SEXTIC.c1],
];

/** The selectors of [P₃, P₆, x] from the comparisons [c₀, c₁, c₂]. */
function selectors(ctx: PartyContext, p: GeluPumaParams, cuts: readonly RingTensor[]): RingTensor[] {
  const [c0, c1, c2] = cuts as [RingTensor, RingTensor, RingTensor];
  return p.form === 'puma'
    ? [sub(c1, c0), sub(c2, c1), publicMinus(ctx, 1n, c2)]
    : [sub(c1, c0), sub(c1, c0), sub(c2, c1)];
}

async function released(ctx: PartyContext, c: Config, x: RingTensor, p: GeluPumaParams): Promise<RingTensor> {
  const [s3, s6, sx] = selectors(ctx, p, await ltPublic(ctx, c, x, pumaCuts(p)));
  const a2 = await squareFixed(ctx.scope('p3/x2'), c, x);
  const a3 = await mulFixed(ctx.scope('p3/x3'), c, x, a2);
  const t3 = await scaledTerms(ctx.scope('p3'), c, cubicTerms(x, a2, a3));
  const y3 = await mulRaw(ctx.scope('select0'), s3!, addConst(ctx, c, t3.reduce(add), PUMA_CUBIC[0]));
  const b2 = await squareFixed(ctx.scope('p6/x2'), c, x);
  const b3 = await mulFixed(ctx.scope('p6/x3'), c, x, b2);
  const b4 = await squareFixed(ctx.scope('p6/x4'), c, b2);
  const b6 = await squareFixed(ctx.scope('p6/x6'), c, b3);
  const t6 = await scaledTerms(ctx.scope('p6'), c, sexticTerms(x, b2, b4, b6));
  const y6 = await mulRaw(ctx.scope('select1'), s6!, addConst(ctx, c, t6.reduce(add), PUMA_SEXTIC.c0));
  const yx = await mulRaw(ctx.scope('select2'), sx!, x);
  return add(add(y3, y6), yx);
}

async function batched(ctx: PartyContext, c: Config, x: RingTensor, p: GeluPumaParams): Promise<RingTensor> {
  const cuts = await ltPublic(ctx, c, x, pumaCuts(p));
  const x2 = await squareFixed(ctx.scope('x2'), c, x);
  const [x3, x4] = (await mulFixedBatch(ctx.scope('x3x4'), c, [
    [x, x2],
    [x2, x2],
  ])) as [RingTensor, RingTensor];
  const x6 = await squareFixed(ctx.scope('x6'), c, x3);
  const [p3, p6] = (await sums(ctx.scope('polynomials'), c, [
    cubicTerms(x, x2, x3),
    sexticTerms(x, x2, x4, x6),
  ])) as [RingTensor, RingTensor];
  const [s3, s6, sx] = selectors(ctx, p, cuts);
  const ys = await mulRawBatch(ctx.scope('select'), c, [
    [s3!, addConst(ctx, c, p3, PUMA_CUBIC[0])],
    [s6!, addConst(ctx, c, p6, PUMA_SEXTIC.c0)],
    [sx!, x],
  ]);
  return ys.reduce(add);
}

export const geluPuma = (
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: GeluPumaParams,
): Promise<RingTensor> => (c.schedule === 'crypten' ? released(ctx, c, x, p) : batched(ctx, c, x, p));

export const geluPumaProtocol: Protocol<GeluPumaParams> = async (ctx, { config, params }, inputs) => ({
  z: await geluPuma(ctx.scope('gelu_puma'), config, ringInput(ctx, inputs, 'x', config.ell), params),
});
