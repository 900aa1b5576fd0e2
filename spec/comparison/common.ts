// What the comparison specs share (ALGORITHMS.md §2): exactness, operand domains and the output shape
// of a reduction over the last axis.
//   Comparisons are exact: implementation error 0 ulps, approximation error 0 (the ideal is evaluated
//   on the decoded inputs, so domains keep every input exactly representable as a float64).
import { inputError } from '../../core/errors.ts';
import { type Shape, formatShape } from '../../core/shape.ts';
import type { Config } from '../config.ts';
import { real } from '../domains.ts';
import type { Bounds, Domain } from '../types.ts';

export const EXACT: Bounds = { implementationUlps: 0, approximation: { abs: 0, rel: 0 } };

/**
 * Operands of a two-operand comparison (lt, gt, le, ge, max, min, argmax): |x| < 2^(ℓ−2) ring units,
 * so x − y never wraps (|x − y| < 2^(ℓ−1)), and at most 2^52 so the float64 ideal sees every value.
 */
export function compareDomain(config: Config): Domain {
  const units = Math.min(2 ** (config.ell - 2) - 1, 2 ** 52);
  return real(-units / 2 ** config.f, units / 2 ** config.f);
}

/** Equality operands: any value a float64 represents exactly (|x| ≤ 2^53 ring units), else all of the ring. */
export function equalityDomain(config: Config): Domain {
  const units = Math.min(2 ** (config.ell - 1) - 1, 2 ** 53);
  return real(-units / 2 ** config.f, units / 2 ** config.f);
}

/**
 * The ring without −2^(ℓ−1) (whose negation wraps), kept to values a float64 holds exactly near the top
 * (2^(ℓ−1) − 2^(ℓ−53) at ℓ = 64), for abs.
 */
export function symmetricRingDomain(config: Config): Domain {
  const units = 2 ** (config.ell - 1) - 2 ** Math.max(0, config.ell - 53);
  return real(-units / 2 ** config.f, units / 2 ** config.f);
}

/** Rows and row length of a reduction over the last axis, or an input error naming the operand. */
export function reductionDims(op: string, shape: Shape): { rows: number; k: number } {
  const k = shape[shape.length - 1];
  if (k === undefined || k === 0)
    throw inputError(
      `${op}: x of shape ${formatShape(shape)} has ${k === undefined ? 'no axis' : 'an empty last axis'} to reduce over; give at least one value per row`,
    );
  return { rows: shape.slice(0, -1).reduce((a, d) => a * d, 1), k };
}

export const CRYPTEN_SOURCE =
  'CrypTen 0.4 (facebookresearch/CrypTen): crypten/mpc/mpc.py, primitives/{circuit,converters,beaver}.py';
