// How a product of shared matrices comes back to scale 2^f, with the public factor a linear layer
// applies (ALGORITHMS.md §1 "Public constants", §4 scores S = QKᵀ/√d_h; docs/models.md): a list of
// steps that the protocol takes on shares, the reference on clear values, and the spec replays for its
// cost and error. A raw product has scale 2^(2f).
//   factor 1                         truncate by f
//   factor 2^−j, crypten schedule    truncate by f, then divide by 2^j (CrypTen's div by the integer
//                                    √d_h: a second local truncation)
//   factor 2^−j, default schedule    one truncation by f + j
//   any other factor c               truncate by f, then multiply by enc(c) and truncate (a public
//                                    fixed-point constant, CrypTen's div by a float)
import type { Config } from '../config.ts';
import { seq } from '../cost.ts';
import { truncBitsCost } from '../arithmetic/cost.ts';
import { type ErrorModel, type Tracked, mulConst, truncBits } from '../arithmetic/tracked.ts';
import type { Bounds, Cost } from '../types.ts';

export type ScaleStep =
  { readonly kind: 'trunc'; readonly bits: number } | { readonly kind: 'mulConst'; readonly c: number };

/** The exponent j when c = 2^−j (j ≥ 0), else undefined. */
function inversePowerOfTwo(c: number): number | undefined {
  if (!(c > 0 && c <= 1)) return undefined;
  const j = Math.round(-Math.log2(c));
  return 2 ** -j === c ? j : undefined;
}

/** The steps that bring a raw product back to scale 2^f, multiplied by the public factor c. */
export function scaleSteps(config: Config, c: number): readonly ScaleStep[] {
  const j = inversePowerOfTwo(c);
  if (j === 0) return [{ kind: 'trunc', bits: config.f }];
  if (j !== undefined)
    return config.schedule === 'crypten'
      ? [
          { kind: 'trunc', bits: config.f },
          { kind: 'trunc', bits: j },
        ]
      : [{ kind: 'trunc', bits: config.f + j }];
  return [
    { kind: 'trunc', bits: config.f },
    { kind: 'mulConst', c },
  ];
}

/** Their cost on `elements` values: each step is one truncation (a public constant's included). */
export const scaleCost = (config: Config, c: number, elements: number): Cost =>
  seq(config, ...scaleSteps(config, c).map(() => truncBitsCost(config, elements)));

/** Their tracked error on a raw product (scale 2^(2f)) of exact value v. */
export function scaleTracked(m: ErrorModel, c: number, raw: Tracked): Tracked {
  let x = raw;
  for (const step of scaleSteps(m.config, c))
    x = step.kind === 'trunc' ? truncBits(m, x, step.bits) : mulConst(m, x, step.c);
  return x;
}

/**
 * The wrap modulus of these steps in output ulps: a wrap of a truncation chain shifts the result by a
 * multiple of 2^(ℓ − bits truncated); after a public constant's product a wrap leaves garbage (1).
 */
export function scaleWrapModulus(config: Config, c: number): bigint {
  const steps = scaleSteps(config, c);
  if (steps.some((s) => s.kind === 'mulConst')) return 1n;
  const bits = steps.reduce((acc, s) => acc + (s.kind === 'trunc' ? s.bits : 0), 0);
  return 1n << BigInt(config.ell - bits);
}

/**
 * Bounds of a product of shared matrices brought back by these steps, for dot products of `terms` terms
 * whose exact value is at most `dotMax` in magnitude: the protocol within the steps' ulps of the
 * reference (wrapping as the steps may), the reference within the floors and the constant's encoding
 * of the float64 ideal, which itself may be off by the float64 rounding of `terms` products. `carried`:
 * errors the raw product already carries from an earlier truncated operand (a chain of products).
 */
export function scaledProductBounds(
  m: ErrorModel,
  c: number,
  terms: number,
  dotMax: number,
  carried: { readonly e: number; readonly d: number; readonly w: number } = { e: 0, d: 0, w: 0 },
): Pick<Bounds, 'implementationUlps' | 'wrap' | 'approximation'> {
  const out = scaleTracked(m, c, { v: dotMax, ...carried, raw: true });
  const floatRounding = terms * dotMax * Math.abs(c) * 2 ** -52;
  return {
    implementationUlps: Math.ceil(out.d / m.u - 1e-9),
    ...(out.w > 0
      ? { wrap: { probability: Math.min(1, out.w), modulus: scaleWrapModulus(m.config, c) } }
      : {}),
    // out.v follows the constant as encoded: the encoding's error is relative to the value.
    approximation: {
      abs: out.e + floatRounding,
      rel: dotMax === 0 ? 0 : Math.abs(out.v - dotMax * c) / Math.abs(dotMax * c),
    },
  };
}
