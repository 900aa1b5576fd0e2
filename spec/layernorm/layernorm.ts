// LayerNorm over the last axis (ALGORITHMS.md §4 LayerNorm, §6 "LayerNorm as coded"; SecFormer,
// arXiv 2401.00793 §4; docs/layernorm.md): per row (a token's features) x of n values,
//   μ = Σx / n, σ² = Σ(x − μ)² / n (population variance, one square), z = γ·(x − μ)·r + β,
//   r = 1/√(σ² + ε) by Goldschmidt (t, deflation η), CrypTen's Newton inv_sqrt, or sqrt then reciprocal.
// Steps (spec/steps.ts vocabulary; the reference and the protocol take the same ones):
//   μ = ⌊Σx / n⌋                          divInt: a division by the integer n (CrypTen's mean), not a
//                                          product with enc(1/n), which is 0.4 % off at n = 768, f = 16
//   d = x − μ                              local
//   crypten  σ² = ⌊Σ ⌊d²⌋ / n⌋             squareFixed, then the mean (CrypTen's var)
//   default  σ² = ⌊Σ d² / (n·2^f)⌋         squareRaw: one division for the truncation and the mean
//   s = σ² + ε                             ε as it encodes: 1e-5 and 1e-12 encode to 0 at f = 16
//                                          (params.ts epsilonEncoding lets ε be one ulp instead)
//   r′ = 1/√(s/η)                          inv-sqrt.ts (q₀ = ⌊s·enc(1/η)⌋ for Goldschmidt with η ≠ 1)
//   crypten  y = d·⌊r′·enc(1/√η)⌋          the row-broadcast product (|x| + rows opened)
//   default  y = d·r′, with enc(1/√η) folded into γ (or applied to y when there is no γ)
//   z = γ·y + β                            γ shared: a product with one value per feature (|x| + n
//                                          opened); γ public: a local product and a truncation
// Cost as coded (2 parties, crypten schedule, rows of any width): Goldschmidt t = 7: 22 rounds
// without a shared γ (1 square, 20 for the iteration, 1 product), 23 with SecFormer's shared weight;
// sqrt then reciprocal (CrypTen's crypten_norm): 58; Newton inv_sqrt (PUMA's norm): 19.
// Domain (rows.ts): features in [−64, 64], rows whose σ² + ε lies in the method's range; rows need two
// features (a row of one is constant). Released-code form: SecFormer's Goldschmidt without deflation
// (t = 7 end to end, 8 in its operation benchmark), which diverges on rows with σ² ≥ 3.
import type * as t from 'io-ts';
import type { Config } from '../config.ts';
import { rowwiseSpec, type ExtraInput } from '../rows/rowwise-spec.ts';
import {
  type ErrorModel,
  type Tracked,
  add,
  addConst,
  divInt,
  divIntCost,
  encodedValue,
  exact,
  free,
  mulConst,
  mulFixedByFeature,
  mulFixedByFeatureCost,
  mulFixedByRow,
  mulFixedByRowCost,
  mulPublicByFeature,
  mulPublicByFeatureCost,
  rowSum,
  seq,
  squareFixed,
  squareFixedCost,
  squareRaw,
  squareRawCost,
  sub,
  truncBitsCost,
} from '../steps.ts';
import type { Cost, ReleasedDefect } from '../types.ts';
import { invSqrtCost, invSqrtTracked } from './inv-sqrt.ts';
import { type LayerNormParams, LayerNormParams as Params, deflationOf, epsilonAdded } from './params.ts';
import { AFFINE_RANGE, ELEMENT_RANGE, LAYERNORM_WIDTHS, layerNormRowDomain, rowMoments } from './rows.ts';

/** ⌊γ·enc(1/√η) / 2^f⌋ for a public γ (decoded): the constant every party folds from the encoded γ. */
export function foldedGamma(config: Config, gamma: number, eta: number): number {
  const F = 2 ** config.f;
  const c = encodedValue(config, 1 / Math.sqrt(eta)) * F;
  return Math.floor((Math.round(gamma * F) * c) / F) / F;
}

const perFeature = (name: 'gamma' | 'beta', holder: 'shared' | 'public'): ExtraInput<LayerNormParams> => ({
  decl: { name, holder, scale: 'fixed' },
  what: 'one value per feature',
  shape: (_p, x) => [x[x.length - 1]!],
  domain: () => ({ kind: 'real', min: -AFFINE_RANGE, max: AFFINE_RANGE }),
  // The error grows with |γ| (both signs: the witness rows are not symmetric), and with |x − μ| when
  // γ's own floor counts (γ = 0 then leaves an output of 0 with that error). β adds exactly: the
  // witnesses take it at 0, and the bound is widened for its shift (outputShift below).
  witness: () => (name === 'gamma' ? [-AFFINE_RANGE, 0, AFFINE_RANGE] : [0]),
});

/** The γ·y + β step on one row of tracked y (y deflated by enc(1/√η) still to apply when `inflate`). */
function affine(
  m: ErrorModel,
  p: LayerNormParams,
  y: readonly Tracked[],
  others: Readonly<Record<string, Float64Array>>,
  inflate: number,
): Tracked[] {
  if (p.affine === 'none')
    return inflate === 1 ? [...y] : y.map((v) => mulConst(m, v, 1 / Math.sqrt(inflate)));
  const gamma = others['gamma']!;
  const beta = others['beta']!;
  if (p.affine === 'public') {
    const g = inflate === 1 ? gamma : gamma.map((v) => foldedGamma(m.config, v, inflate));
    return mulPublicByFeature(m, y, g).map((v, j) => addConst(m, v, beta[j]!));
  }
  const g = Array.from(gamma, (v) =>
    inflate === 1 ? exact(v) : mulConst(m, exact(v), 1 / Math.sqrt(inflate)),
  );
  return mulFixedByFeature(m, y, g).map((v, j) => add(v, exact(beta[j]!)));
}

function steps(
  m: ErrorModel,
  p: LayerNormParams,
  row: readonly Tracked[],
  others: Readonly<Record<string, Float64Array>>,
): Tracked[] {
  const c = m.config;
  const n = row.length;
  const mu = divInt(m, rowSum(row), n);
  const d = row.map((x) => sub(x, mu));
  const variance =
    c.schedule === 'crypten'
      ? divInt(m, rowSum(d.map((v) => squareFixed(m, v))), n)
      : divInt(m, rowSum(d.map(squareRaw)), n * 2 ** c.f);
  const r = invSqrtTracked(m, p.invSqrt, addConst(m, variance, epsilonAdded(c, p)));
  const eta = deflationOf(p);
  if (c.schedule === 'crypten') {
    const inflated = eta === 1 ? r : mulConst(m, r, 1 / Math.sqrt(eta));
    return affine(m, p, mulFixedByRow(m, d, inflated), others, 1);
  }
  return affine(m, p, mulFixedByRow(m, d, r), others, eta);
}

function cost(config: Config, p: LayerNormParams, rows: number, n: number): Cost {
  const N = rows * n;
  const eta = deflationOf(p);
  const crypten = config.schedule === 'crypten';
  // The default schedule applies enc(1/√η) to γ (n values, shared), into γ (public, free) or to y.
  const inflate =
    eta === 1
      ? free(config)
      : crypten
        ? truncBitsCost(config, rows)
        : p.affine === 'shared'
          ? truncBitsCost(config, n)
          : p.affine === 'none'
            ? truncBitsCost(config, N)
            : free(config);
  const gamma =
    p.affine === 'shared'
      ? mulFixedByFeatureCost(config, N, n)
      : p.affine === 'public'
        ? mulPublicByFeatureCost(config, N)
        : free(config);
  const moments = crypten
    ? seq(config, divIntCost(config, rows, n), squareFixedCost(config, N), divIntCost(config, rows, n))
    : seq(
        config,
        divIntCost(config, rows, n),
        squareRawCost(config, N),
        divIntCost(config, rows, n * 2 ** config.f),
      );
  const normalise = mulFixedByRowCost(config, N, rows);
  const r = invSqrtCost(config, p.invSqrt, rows);
  return crypten
    ? seq(config, moments, r, inflate, normalise, gamma)
    : seq(config, moments, r, normalise, inflate, gamma);
}

/** The ideal LayerNorm of one row: γ·(x − μ)/√(σ² + ε) + β in float64, with ε as the model states it. */
export function layerNormIdeal(
  p: LayerNormParams,
  row: ArrayLike<number>,
  gamma?: ArrayLike<number>,
  beta?: ArrayLike<number>,
): Float64Array {
  const { mean, variance } = rowMoments(row);
  const r = 1 / Math.sqrt(variance + p.epsilon);
  return Float64Array.from(
    { length: row.length },
    (_, j) => (gamma?.[j] ?? 1) * (row[j]! - mean) * r + (beta?.[j] ?? 0),
  );
}

/** SecFormer's LayerNorm module as released (operation/layernorm.py: ε = 1e-6, weight and bias shared). */
const SECFORMER = { epsilon: 1e-6, epsilonEncoding: 'as-profile', affine: 'shared' } as const;
/** The deflation SecFormer's paper describes and its code leaves out: σ² in [1, 32]. */
const FAITHFUL_ETA = 16;

const released = (iterations: number, where: string): ReleasedDefect<LayerNormParams> => ({
  defect: 'goldschmidt-undeflated',
  title: `SecFormer's LayerNorm (${where}): Goldschmidt inverse square root with t = ${iterations} and no deflation, divergent for σ² ≥ 3`,
  params: { ...SECFORMER, invSqrt: { method: 'goldschmidt', t: iterations as t.Int, eta: 1 } },
  claims: { ...SECFORMER, invSqrt: { method: 'goldschmidt', t: iterations as t.Int, eta: FAITHFUL_ETA } },
  shapes: { x: [4, 768], gamma: [768], beta: [768] },
});

export const layerNormSpec = rowwiseSpec<LayerNormParams>({
  id: 'layernorm',
  title: 'LayerNorm over the last axis: γ·(x − μ)/√(σ² + ε) + β',
  family: 'layernorm',
  source:
    'Ba, Kiros and Hinton 2016 (LayerNorm); SecFormer (arXiv 2401.00793) §4 and its operation/layernorm.py; CrypTen 0.4 inv_sqrt, sqrt, reciprocal; docs/layernorm.md',
  params: Params,
  defaults: {
    invSqrt: { method: 'goldschmidt', t: 7 as t.Int, eta: FAITHFUL_ETA },
    epsilon: 1e-5,
    epsilonEncoding: 'at-least-one-ulp',
    affine: 'shared',
  },
  variants: [
    {
      invSqrt: { method: 'newton', iterations: 3 as t.Int },
      epsilon: 1e-5,
      epsilonEncoding: 'as-profile',
      affine: 'public',
    },
    {
      invSqrt: { method: 'sqrt-reciprocal', sqrtIterations: 3 as t.Int, reciprocalIterations: 10 as t.Int },
      epsilon: 1e-12,
      epsilonEncoding: 'as-profile',
      affine: 'none',
    },
    {
      invSqrt: { method: 'goldschmidt', t: 8 as t.Int, eta: 0.25 },
      epsilon: 1e-12,
      epsilonEncoding: 'as-profile',
      affine: 'none',
    },
    {
      invSqrt: { method: 'goldschmidt', t: 7 as t.Int, eta: 256 },
      epsilon: 1e-5,
      epsilonEncoding: 'at-least-one-ulp',
      affine: 'public',
    },
  ],
  releasedDefects: [released(7, 'end to end'), released(8, 'operation benchmark')],
  lengths: LAYERNORM_WIDTHS,
  minLength: 2,
  // The witnesses are rows at 13 variances with a spike and a feature on the mean, and typical rows;
  // a row between them (another variance, spike and γ at once) has come within 10 % above them.
  boundMargin: 1.25,
  outputShift: (_config, p) => (p.affine === 'none' ? 0 : AFFINE_RANGE),
  extraInputs: (p) =>
    p.affine === 'none' ? [] : [perFeature('gamma', p.affine), perFeature('beta', p.affine)],
  domain: (config, p) => ({
    kind: 'real',
    min: -ELEMENT_RANGE,
    max: ELEMENT_RANGE,
    row: layerNormRowDomain(config, p),
  }),
  idealRow: (p, row, at) => layerNormIdeal(p, row, at.others['gamma'], at.others['beta']),
  steps: (m, p, row, at) => steps(m, p, row, at.others),
  cost: (config, p, { rows, n }) => cost(config, p, rows, n),
});
