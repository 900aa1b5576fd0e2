// Reference of LayerNorm (spec/layernorm/layernorm.ts): the same steps on clear ring values, each floor
// exact — μ = ⌊Σx/n⌋, σ² by ⌊⌊d²⌋ summed / n⌋ (crypten) or ⌊Σd² / (n·2^f)⌋ (default), + ε, the inverse
// square root, the row product, γ and β.
import type { RingTensor } from '../../core/ring.ts';
import { broadcastFeatures, broadcastRows, rowDims } from '../../core/rows.ts';
import { add, sub } from '../../core/ring-ops.ts';
import type { Config } from '../../spec/config.ts';
import { type LayerNormParams, deflationOf, epsilonAdded } from '../../spec/layernorm/params.ts';
import type { InvSqrtMethod } from '../../spec/layernorm/params.ts';
import { takesSignStep } from '../../spec/layernorm/inv-sqrt.ts';
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
import type { Reference } from '../types.ts';

/** r′ = 1/√(s/η) by the method (η = 1 but for Goldschmidt). */
export function invSqrtOf(c: Config, p: InvSqrtMethod, s: RingTensor): RingTensor {
  switch (p.method) {
    case 'goldschmidt':
      return invSqrtGoldschmidt(c, p.eta === 1 ? s : mulConst(c, s, 1 / p.eta), { t: p.t, eta: 1 });
    case 'newton':
      return invSqrtNr(c, s, p.iterations);
    case 'sqrt-reciprocal': {
      const root = sqrt(c, s, p.sqrtIterations);
      return takesSignStep(c)
        ? reciprocalNr(c, root, p.reciprocalIterations)
        : reciprocalNrPos(c, root, p.reciprocalIterations);
    }
  }
}

/** z = γ·y + β, with enc(1/√η) still to apply to y when `eta` ≠ 1 (default schedule). */
function affine(
  c: Config,
  p: LayerNormParams,
  y: RingTensor,
  gamma: RingTensor | undefined,
  beta: RingTensor | undefined,
  eta: number,
): RingTensor {
  const inflate = 1 / Math.sqrt(eta);
  if (p.affine === 'none') return eta === 1 ? y : mulConst(c, y, inflate);
  const g = eta === 1 ? gamma! : mulConst(c, gamma!, inflate);
  const scaled = p.affine === 'public' ? mulPublicByFeature(c, y, g) : mulFixedByFeature(c, y, g);
  return add(scaled, broadcastFeatures(beta!, y.shape));
}

export function layerNorm(
  c: Config,
  x: RingTensor,
  p: LayerNormParams,
  gamma?: RingTensor,
  beta?: RingTensor,
): RingTensor {
  const { n } = rowDims('layernorm', 'x', x.shape);
  const mu = divInt(rowSum(x), n);
  const d = sub(x, broadcastRows(mu, x.shape));
  const variance =
    c.schedule === 'crypten'
      ? divInt(rowSum(squareFixed(c, d)), n)
      : divInt(rowSum(squareRaw(d)), n * 2 ** c.f);
  const r = invSqrtOf(c, p.invSqrt, addConst(c, variance, epsilonAdded(c, p)));
  const eta = deflationOf(p);
  if (c.schedule === 'crypten') {
    const inflated = eta === 1 ? r : mulConst(c, r, 1 / Math.sqrt(eta));
    return affine(c, p, mulFixedByRow(c, d, inflated), gamma, beta, 1);
  }
  return affine(c, p, mulFixedByRow(c, d, r), gamma, beta, eta);
}

export const layerNormReference: Reference<LayerNormParams> = (c, p, inputs) => ({
  z: layerNorm(c, inputs['x']!, p, inputs['gamma'], inputs['beta']),
});
