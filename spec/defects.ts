// The catalogue of defects found in the released code of the systems mpcspec checks (MPCFormer,
// SecFormer, MPCViT, PriViT) and of the mistakes a backend commonly makes. A spec reproduces a defect
// as a released-code form (spec/types.ts `releasedDefects`): parameters that run as the released code
// runs, judged by the bounds of the faithful parameters they claim — so the properties and `npm start`
// expect them to fail, and the backend runner can name a backend whose outputs match one.
export interface Defect {
  readonly id: string;
  readonly title: string;
  /** What goes wrong and when, in a sentence or two. */
  readonly effect: string;
}

export const DEFECTS: readonly Defect[] = [
  {
    id: 'fourier-mod-2pi',
    title: 'Fourier GeLU reduces the masked input modulo 2π instead of the series period',
    effect:
      'The sine series of erf has period 20 in z = x/√2; reducing δ modulo 2π evaluates it at the wrong point, with errors up to about 3.7 on the middle segment.',
  },
  {
    id: 'goldschmidt-undeflated',
    title: 'Goldschmidt division or inverse square root without deflation',
    effect:
      'The iteration converges only for inputs in (0, 2) (division) or (0, 3) (inverse square root); a softmax row sum in the hundreds or a variance of 3 or more diverges unless divided by a public η first.',
  },
  {
    id: 'quad-swapped',
    title: 'Quad GeLU with its linear and constant coefficients swapped',
    effect:
      'Computes 0.125x² + 0.5x + 0.25 instead of 0.125x² + 0.25x + 0.5: off by 0.25 − 0.25x everywhere.',
  },
  {
    id: 'newton-large-sum',
    title: 'Newton reciprocal fed row sums far above its range',
    effect:
      "CrypTen's reciprocal starts from 3·exp(1 − 2x) + 0.003 and is accurate on about [0.01, 50]; between 100 and 200 it is off by up to 7 %, and from about 257 on its initial guess explodes and it diverges — a 2Quad row sum in the thousands, or a ReLU softmax row sum of a few hundred.",
  },
  {
    id: 'sine-real-mask',
    title: 'Sine masks drawn from a bounded real interval',
    effect:
      'A mask t uniform on [−1024, 0) instead of the ring hides δ = x − t only statistically: the distribution of the opened value depends on x.',
  },
  {
    id: 'puma-breakpoint',
    title: 'PUMA GeLU re-implemented with the middle breakpoint at +1.95',
    effect:
      'Both polynomials under one indicator and the breakpoint sign flipped: inputs in [−1.95, 1.95) take the wrong piece and inputs above 3 return 0.',
  },
  {
    id: 'decode-negatives',
    title: 'A decode that divides negative values by 2^f − 1',
    effect:
      'Negative fixed-point values come out wrong by a relative 2^−f, about one ulp per unit of magnitude.',
  },
  {
    id: 'epsilon-zero',
    title: 'An epsilon that encodes to zero',
    effect:
      'At 16 fractional bits 1e-5 and 1e-12 encode to 0: a LayerNorm of a constant row or a ReLU softmax of a row without a positive score divides by zero.',
  },
];

export function findDefect(id: string): Defect | undefined {
  return DEFECTS.find((d) => d.id === id);
}
