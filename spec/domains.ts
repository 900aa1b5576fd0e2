// Input domains used by several specs.
import type { Config } from './config.ts';
import type { Domain } from './types.ts';

export const RING: Domain = { kind: 'ring' };

export const real = (min: number, max: number): Domain => ({ kind: 'real', min, max });

/**
 * The largest |v| such that a product of two such fixed-point values, before truncation (|v|²·2^(2f)),
 * stays below 2^(ℓ−3) — inside dealer truncation's exact range with room to spare — capped at `cap`.
 */
export function productOperandBound(config: Config, cap: number): number {
  return Math.min(cap, 2 ** ((config.ell - 3 - 2 * config.f) / 2));
}

/** The largest |v| whose fixed-point encoding stays below 2^(ℓ−3), capped at `cap`. */
export function linearOperandBound(config: Config, cap: number): number {
  return Math.min(cap, 2 ** (config.ell - 3 - config.f));
}
