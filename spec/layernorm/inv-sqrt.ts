// r = 1/√s for LayerNorm's s = σ² + ε, by the method its parameters name (spec/layernorm/params.ts), as
// tracked steps and exact cost. Deflation (Goldschmidt) is LayerNorm's, not the kernel's: q₀ = ⌊s·enc(1/η)⌋
// goes to Goldschmidt without deflation, and enc(1/√η) is applied by the caller — to r itself under the
// crypten schedule (SecFormer's (1/√η)·GS(s/η)), to the normalised row under the default schedule (the
// floor then falls on y, whose ulps are worth less than r's).
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import {
  type ErrorModel,
  type Tracked,
  free,
  invSqrtGoldschmidt,
  invSqrtGoldschmidtCost,
  invSqrtNr,
  invSqrtNrCost,
  mulConst,
  reciprocalNr,
  reciprocalNrCost,
  reciprocalNrPos,
  reciprocalNrPosCost,
  seq,
  sqrt,
  sqrtCost,
  truncBitsCost,
} from '../steps.ts';
import type { InvSqrtMethod } from './params.ts';

/** Whether the reciprocal after the square root takes CrypTen's sign step (crypten schedule only). */
export const takesSignStep = (config: Config): boolean => config.schedule === 'crypten';

/** r′ = 1/√(s/η) (undeflated by the caller; η = 1 for the Newton methods), tracked. */
export function invSqrtTracked(m: ErrorModel, p: InvSqrtMethod, s: Tracked): Tracked {
  switch (p.method) {
    case 'goldschmidt': {
      const q0 = p.eta === 1 ? s : mulConst(m, s, 1 / p.eta);
      return invSqrtGoldschmidt(m, q0, { t: p.t, eta: 1 });
    }
    case 'newton':
      return invSqrtNr(m, s, p.iterations);
    case 'sqrt-reciprocal': {
      const root = sqrt(m, s, p.sqrtIterations);
      return takesSignStep(m.config)
        ? reciprocalNr(m, root, p.reciprocalIterations)
        : reciprocalNrPos(m, root, p.reciprocalIterations);
    }
  }
}

/** The cost of invSqrtTracked's steps over `rows` values (deflation included). */
export function invSqrtCost(config: Config, p: InvSqrtMethod, rows: number): Cost {
  switch (p.method) {
    case 'goldschmidt':
      return seq(
        config,
        p.eta === 1 ? free(config) : truncBitsCost(config, rows),
        invSqrtGoldschmidtCost(config, { t: p.t, eta: 1 }, rows),
      );
    case 'newton':
      return invSqrtNrCost(config, p.iterations, rows);
    case 'sqrt-reciprocal':
      return seq(
        config,
        sqrtCost(config, p.sqrtIterations, rows),
        takesSignStep(config)
          ? reciprocalNrCost(config, p.reciprocalIterations, rows)
          : reciprocalNrPosCost(config, p.reciprocalIterations, rows),
      );
  }
}
