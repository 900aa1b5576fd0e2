// LayerNorm on shares (spec/layernorm/layernorm.ts): the row mean by a division by n, the variance by
// one square per feature, the inverse square root of σ² + ε on one value per row, the row-broadcast
// product, and γ, β. Labels under 'layernorm/': 'mean/…', 'square/…', 'variance/…', 'inv-sqrt/…',
// 'inflate/…', 'normalise/…', 'gamma/…'.
import type { RingTensor } from '../../core/ring.ts';
import { add, sub } from '../../core/ring-ops.ts';
import { broadcastFeatures, broadcastRows, rowDims } from '../../core/rows.ts';
import type { PartyContext } from '../../runtime/context.ts';
import type { Config } from '../../spec/config.ts';
import { takesSignStep } from '../../spec/layernorm/inv-sqrt.ts';
import {
  type InvSqrtMethod,
  type LayerNormParams,
  deflationOf,
  epsilonAdded,
} from '../../spec/layernorm/params.ts';
import { mulConst as clearMulConst } from '../../reference/steps.ts';
import {
  addConst,
  divInt,
  invSqrtGoldschmidt,
  invSqrtNr,
  mulConst,
  mulFixedByFeature,
  mulFixedByRow,
  mulPublicByFeature,
  reciprocalNr,
  reciprocalNrPos,
  rowSum,
  sqrt,
  squareFixed,
  squareRaw,
} from '../steps.ts';
import { type PartyInputs, type Protocol, ringInput } from '../types.ts';

/** ⟨r′⟩ = ⟨1/√(s/η)⟩ by the method (η = 1 but for Goldschmidt). */
async function invSqrtOf(ctx: PartyContext, c: Config, p: InvSqrtMethod, s: RingTensor): Promise<RingTensor> {
  switch (p.method) {
    case 'goldschmidt': {
      const q0 = p.eta === 1 ? s : await mulConst(ctx.scope('deflate'), c, s, 1 / p.eta);
      return invSqrtGoldschmidt(ctx, c, q0, { t: p.t, eta: 1 });
    }
    case 'newton':
      return invSqrtNr(ctx, c, s, p.iterations);
    case 'sqrt-reciprocal': {
      const root = await sqrt(ctx.scope('sqrt'), c, s, p.sqrtIterations);
      return takesSignStep(c)
        ? reciprocalNr(ctx.scope('reciprocal'), c, root, p.reciprocalIterations)
        : reciprocalNrPos(ctx.scope('reciprocal'), c, root, p.reciprocalIterations);
    }
  }
}

/** ⟨γ·y + β⟩, with enc(1/√η) still to apply to y when `eta` ≠ 1 (default schedule). */
async function affine(
  ctx: PartyContext,
  c: Config,
  p: LayerNormParams,
  y: RingTensor,
  gamma: RingTensor | undefined,
  beta: RingTensor | undefined,
  eta: number,
): Promise<RingTensor> {
  const inflate = 1 / Math.sqrt(eta);
  if (p.affine === 'none') return eta === 1 ? y : mulConst(ctx.scope('inflate'), c, y, inflate);
  if (p.affine === 'public') {
    // γ is public: every party folds enc(1/√η) into it in the clear, and party 0 adds β.
    const g = eta === 1 ? gamma! : clearMulConst(c, gamma!, inflate);
    const scaled = await mulPublicByFeature(ctx.scope('gamma'), c, y, g);
    return ctx.party === 0 ? add(scaled, broadcastFeatures(beta!, y.shape)) : scaled;
  }
  const g = eta === 1 ? gamma! : await mulConst(ctx.scope('inflate'), c, gamma!, inflate);
  const scaled = await mulFixedByFeature(ctx.scope('gamma'), c, y, g);
  return add(scaled, broadcastFeatures(beta!, y.shape));
}

export async function layerNorm(
  ctx: PartyContext,
  c: Config,
  x: RingTensor,
  p: LayerNormParams,
  gamma?: RingTensor,
  beta?: RingTensor,
): Promise<RingTensor> {
  const { n } = rowDims('layernorm', 'x', x.shape);
  const mu = await divInt(ctx.scope('mean'), c, rowSum(x), n);
  const d = sub(x, broadcastRows(mu, x.shape));
  const variance =
    c.schedule === 'crypten'
      ? await divInt(ctx.scope('variance'), c, rowSum(await squareFixed(ctx.scope('square'), c, d)), n)
      : await divInt(ctx.scope('variance'), c, rowSum(await squareRaw(ctx.scope('square'), d)), n * 2 ** c.f);
  const s = addConst(ctx, c, variance, epsilonAdded(c, p));
  const r = await invSqrtOf(ctx.scope('inv-sqrt'), c, p.invSqrt, s);
  const eta = deflationOf(p);
  if (c.schedule === 'crypten') {
    const inflated = eta === 1 ? r : await mulConst(ctx.scope('inflate'), c, r, 1 / Math.sqrt(eta));
    return affine(ctx, c, p, await mulFixedByRow(ctx.scope('normalise'), c, d, inflated), gamma, beta, 1);
  }
  return affine(ctx, c, p, await mulFixedByRow(ctx.scope('normalise'), c, d, r), gamma, beta, eta);
}

/** γ and β as this party holds them: shares, or the public values (encoded). */
function affineInputs(ctx: PartyContext, c: Config, p: LayerNormParams, inputs: PartyInputs) {
  if (p.affine === 'none') return {};
  return { gamma: ringInput(ctx, inputs, 'gamma', c.ell), beta: ringInput(ctx, inputs, 'beta', c.ell) };
}

export const layerNormProtocol: Protocol<LayerNormParams> = async (ctx, { config, params }, inputs) => {
  const { gamma, beta } = affineInputs(ctx, config, params, inputs);
  return {
    z: await layerNorm(
      ctx.scope('layernorm'),
      config,
      ringInput(ctx, inputs, 'x', config.ell),
      params,
      gamma,
      beta,
    ),
  };
};
