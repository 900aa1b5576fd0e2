// The recipes of the four systems and of CrypTen (ALGORITHMS.md §4, §6; docs/models.md), each in the form
// its paper describes and, where the released code differs, as `<name>-released` — the released
// iteration counts, no deflation, T = 2.5, the swapped Quad, and the baselines as SecFormer's repository
// codes them — so that the released code's cost and defects can be reproduced.
import { usageError } from '../../core/errors.ts';
import type { ComponentChoice, Knob, Recipe } from './recipe.ts';

const softmaxCrypten: ComponentChoice = {
  protocol: 'softmax',
  params: {
    expIterations: 8,
    denominator: { method: 'newton', iterations: 10, signStep: false, eta: 'none' },
  },
};

const twoQuad = (denominator: Record<string, unknown>): ComponentChoice => ({
  protocol: 'softmax_2quad',
  params: { c: 5, denominator },
});

const layerNorm = (
  invSqrt: Record<string, unknown>,
  epsilonEncoding = 'at-least-one-ulp',
): ComponentChoice => ({
  protocol: 'layernorm',
  params: { invSqrt, epsilon: '$epsilon', epsilonEncoding, affine: 'shared' },
});
/** CrypTen-style (σ² + ε).sqrt().reciprocal(): SecFormer's "crypten_norm" baseline. */
const layerNormCrypten = layerNorm(
  { method: 'sqrt-reciprocal', sqrtIterations: 3, reciprocalIterations: 10 },
  'as-profile',
);
/** CrypTen's inv_sqrt (Newton, 3 iterations): PUMA's and SPU's LayerNorm. */
const layerNormNewton = layerNorm({ method: 'newton', iterations: 3 });

const geluTanh: ComponentChoice = { protocol: 'gelu_tanh', params: {} };

/** RSAttn: ReLU(x) / (Σ ReLU(x) + ε), ε = 1e-5 (MPCViT). */
const rsAttn: ComponentChoice = {
  protocol: 'softmax_relu',
  params: { epsilon: 1e-5, denominator: { method: 'newton', iterations: 10, signStep: false, eta: 0.25 } },
};

const MU: Knob = {
  name: 'mu',
  what: 'fraction μ of the L·H heads that keep RSAttn',
  kind: 'ratio',
  default: 0.5,
};
const REASSOCIATE: Knob = {
  name: 'reassociate',
  what: '1: ScaleAttn heads as Q·(Kᵀ·V)/(√d_h·N) (scale_attention), 0: through the N×N scores',
  kind: 'flag',
  default: 0,
};
const SOFTMAX_ROWS: Knob = {
  name: 'softmaxRows',
  what: 'number of (layer, head, query row) rows that keep softmax (the rest take SquaredAttn)',
  kind: 'budget',
  default: 'half',
};
const GELU_TOKENS: Knob = {
  name: 'geluTokens',
  what: 'number of (layer, token) pairs that keep GeLU (the rest are linearised)',
  kind: 'budget',
  default: 'half',
};

/**
 * SecFormer deflates the Goldschmidt inverse square root by a public η (1/√x = (1/√η)·GS(x/η)) but does
 * not say which η: the method converges for σ² + ε in [η/16, 2η] at t = 7, so η must be chosen for the
 * model's LayerNorm inputs. 8 covers [0.5, 16]: the rows of the built-in models under synthetic weights
 * and N(0, 1) inputs have σ² between 0.8 and 3 (pre-LN, post-LN and CCT orders alike; `mpcspec infer`
 * warns when a row leaves the band).
 */
const LAYERNORM_ETA: Knob = {
  name: 'layerNormEta',
  what: 'public deflation η of the Goldschmidt inverse square root (LayerNorm rows with σ² + ε in [η/16, 2η])',
  kind: 'positive',
  default: 8,
};

const mpcvitAttention = {
  kind: 'heads',
  mixed: { protocol: 'attention_heads', params: { relu: rsAttn.params } },
  maskParam: 'heads',
  fullHeads: rsAttn,
} as const;

const privit = (squaredN: number | '$seq'): Recipe['attention'] => ({
  kind: 'rows',
  mixed: {
    protocol: 'attention_rows',
    params: {
      softmax: {
        expIterations: 8,
        denominator: { method: 'newton', iterations: 10, signStep: false, eta: 1 / 32 },
      },
      squared: { n: squaredN },
    },
  },
  maskParam: 'rows',
});

const privitGelu: Recipe['gelu'] = {
  kind: 'tokens',
  mixed: { protocol: 'gelu_tokens', params: { gelu: { id: 'gelu_tanh' } } },
  maskParam: 'tokens',
};

export const RECIPES: readonly Recipe[] = [
  {
    name: 'crypten',
    title: "CrypTen's own: softmax, tanh GeLU, (σ² + ε).sqrt().reciprocal() LayerNorm",
    source: 'CrypTen 0.4; the crypten baseline of SecFormer (arXiv 2401.00793) and its code',
    attention: { kind: 'uniform', normaliser: softmaxCrypten },
    gelu: { kind: 'uniform', gelu: geluTanh },
    layernorm: layerNormCrypten,
    knobs: [],
  },
  {
    name: 'mpcformer',
    title: 'MPCFormer: 2Quad with a deflated Newton reciprocal, Quad GeLU',
    source: 'MPCFormer (arXiv 2211.01452) §3.2',
    attention: {
      kind: 'uniform',
      normaliser: twoQuad({ method: 'newton', iterations: 10, signStep: true, eta: 4 }),
    },
    gelu: { kind: 'uniform', gelu: { protocol: 'gelu_quad', params: { coefficients: 'mpcformer' } } },
    layernorm: layerNormCrypten,
    knobs: [],
  },
  {
    name: 'mpcformer-released',
    title: "MPCFormer's released code: 2Quad with CrypTen's reciprocal undeflated, the swapped Quad",
    source: "MPCFormer src/benchmark; its baseline in SecFormer's repository",
    releasedFrom: 'mpcformer',
    attention: {
      kind: 'uniform',
      normaliser: twoQuad({ method: 'newton', iterations: 10, signStep: true, eta: 'none' }),
    },
    gelu: { kind: 'uniform', gelu: { protocol: 'gelu_quad', params: { coefficients: 'swapped' } } },
    layernorm: layerNormCrypten,
    knobs: [],
  },
  {
    name: 'secformer',
    title: 'SecFormer: Fourier GeLU, 2Quad with deflated Goldschmidt, Goldschmidt LayerNorm (deflated)',
    source: 'SecFormer (arXiv 2401.00793) §4',
    attention: { kind: 'uniform', normaliser: twoQuad({ method: 'goldschmidt', t: 7, eta: 100 }) },
    gelu: { kind: 'uniform', gelu: { protocol: 'gelu_fourier', params: {} } },
    layernorm: layerNorm({ method: 'goldschmidt', t: 7, eta: '$layerNormEta' }),
    knobs: [LAYERNORM_ETA],
  },
  {
    name: 'secformer-released',
    title: "SecFormer's released code: Fourier GeLU T = 2.5, Goldschmidt t = 7 undeflated",
    source: 'SecFormer efficiency/ and operation/ (released code)',
    releasedFrom: 'secformer',
    attention: { kind: 'uniform', normaliser: twoQuad({ method: 'goldschmidt', t: 7, eta: 'none' }) },
    gelu: {
      kind: 'uniform',
      gelu: {
        protocol: 'gelu_fourier',
        params: { T: 2.5, beta: 'released', mask: 'secformer', period: 20, reduction: '2pi' },
      },
    },
    layernorm: layerNorm({ method: 'goldschmidt', t: 7, eta: 1 }, 'as-profile'),
    knobs: [],
  },
  {
    name: 'puma',
    title: 'PUMA: piecewise GeLU, CrypTen softmax, Newton inverse square root LayerNorm',
    source: 'PUMA (Dong et al., arXiv 2307.12533); its baseline in SecFormer',
    attention: { kind: 'uniform', normaliser: softmaxCrypten },
    gelu: { kind: 'uniform', gelu: { protocol: 'gelu_puma', params: { form: 'puma' } } },
    layernorm: layerNormNewton,
    knobs: [],
  },
  {
    name: 'puma-released',
    title: "PUMA as SecFormer's repository codes it: the re-implemented GeLU (breakpoint +1.95, 0 above 3)",
    source: "SecFormer's puma_gelu and puma_norm",
    releasedFrom: 'puma',
    attention: { kind: 'uniform', normaliser: softmaxCrypten },
    gelu: { kind: 'uniform', gelu: { protocol: 'gelu_puma', params: { form: 'secformer' } } },
    layernorm: layerNormNewton,
    knobs: [],
  },
  {
    name: 'mpcvit',
    title: 'MPCViT: RSAttn or ScaleAttn per head by μ, tanh GeLU',
    source: 'MPCViT (arXiv 2211.13955) §3; its released src/utils/transformers.py',
    attention: mpcvitAttention,
    gelu: { kind: 'uniform', gelu: geluTanh },
    layernorm: layerNormNewton,
    knobs: [MU, REASSOCIATE],
  },
  {
    name: 'mpcvit-plus',
    title: 'MPCViT+: MPCViT, and per token GeLU or a fused W₂W₁ projection with a post-ReLU',
    source: 'MPCViT (arXiv 2211.13955) §3.4 (MPCViT+); its released inference.py --linear-gelu',
    attention: mpcvitAttention,
    gelu: { kind: 'fused-tokens', gelu: geluTanh, post: { protocol: 'relu', params: {} } },
    layernorm: layerNormNewton,
    knobs: [MU, REASSOCIATE, GELU_TOKENS],
  },
  {
    name: 'privit',
    title: 'PriViT: softmax or SquaredAttn per (head, row), GeLU or identity per token, by budgets',
    source: 'PriViT (arXiv 2310.04604) §3',
    attention: privit('$seq'),
    gelu: privitGelu,
    layernorm: layerNormNewton,
    knobs: [SOFTMAX_ROWS, GELU_TOKENS],
  },
  {
    name: 'privit-released',
    title: "PriViT's released code: SquaredAttn divides by 197 whatever the token count",
    source: 'PriViT src/benchmark/flax_privit_model.py',
    releasedFrom: 'privit',
    attention: privit(197),
    gelu: privitGelu,
    layernorm: layerNormNewton,
    knobs: [SOFTMAX_ROWS, GELU_TOKENS],
  },
];

export function findRecipe(name: string): Recipe {
  const r = RECIPES.find((q) => q.name === name);
  if (r === undefined)
    throw usageError(`unknown recipe '${name}'; recipes: ${RECIPES.map((q) => q.name).join(', ')}`);
  return r;
}
