// LayerNorm's parameters (ALGORITHMS.md §4 LayerNorm, §6 "LayerNorm as coded"; docs/layernorm.md):
//   invSqrt   how r = 1/√(σ² + ε) is computed —
//             goldschmidt      SecFormer's iteration, t steps, on (σ² + ε)/η with a public deflation η
//                              (η = 1: none, as SecFormer's released code runs it)
//             newton           CrypTen's inv_sqrt (PUMA-style LayerNorm in SecFormer's code)
//             sqrt-reciprocal  CrypTen-style (σ² + ε).sqrt().reciprocal() (SecFormer's baseline
//                              "crypten_norm"): sqrt as x·inv_sqrt(x), then the Newton reciprocal — with
//                              CrypTen's sign step under the crypten schedule, without it otherwise
//   epsilon   ε as the model states it (1e-5 PyTorch and CCT, 1e-12 BERT, 1e-6 SecFormer's module)
//   epsilonEncoding  as-profile: ε encodes like any public constant, so 1e-5 and 1e-12 become 0 at
//             f = 16 (and 0 at f = 18); at-least-one-ulp: an ε that would encode to 0 is raised to one
//             ulp (2^−f) instead
//   affine    γ and β, one value per feature: shared (SecFormer's code: crypten.cryptensor weights),
//             public (known to every party), or none (γ = 1, β = 0: no inputs, no product)
import * as t from 'io-ts';
import { chosenBy } from '../codecs.ts';
import type { Config } from '../config.ts';
import { encodedValue } from '../arithmetic/tracked.ts';
import { Iterations, PositiveReal } from '../kernels/params.ts';

const Goldschmidt = t.type({ method: t.literal('goldschmidt'), t: Iterations, eta: PositiveReal });
const Newton = t.type({ method: t.literal('newton'), iterations: Iterations });
const SqrtReciprocal = t.type({
  method: t.literal('sqrt-reciprocal'),
  sqrtIterations: Iterations,
  reciprocalIterations: Iterations,
});

export const InvSqrtMethod = chosenBy('InvSqrtMethod', 'method', {
  goldschmidt: Goldschmidt,
  newton: Newton,
  'sqrt-reciprocal': SqrtReciprocal,
});
export type InvSqrtMethod = t.TypeOf<typeof InvSqrtMethod>;

/** A finite real ≥ 0. */
const NonNegativeReal = t.refinement(t.number, (v) => Number.isFinite(v) && v >= 0, 'number ≥ 0');

export const LayerNormParams = t.type({
  invSqrt: InvSqrtMethod,
  epsilon: NonNegativeReal,
  epsilonEncoding: t.keyof({ 'as-profile': null, 'at-least-one-ulp': null }),
  affine: t.keyof({ shared: null, public: null, none: null }),
});
export type LayerNormParams = t.TypeOf<typeof LayerNormParams>;

/** The real ε the steps add to σ² (encoded as the profile encodes constants, or at least one ulp). */
export function epsilonAdded(config: Config, p: LayerNormParams): number {
  const e = encodedValue(config, p.epsilon);
  return e === 0 && p.epsilon > 0 && p.epsilonEncoding === 'at-least-one-ulp' ? 2 ** -config.f : e;
}

/** The public deflation η of the Goldschmidt method (1: none). */
export const deflationOf = (p: LayerNormParams): number =>
  p.invSqrt.method === 'goldschmidt' ? p.invSqrt.eta : 1;
