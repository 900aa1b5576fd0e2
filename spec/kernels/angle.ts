// Angles of the secure sine (ALGORITHMS.md §3; SecFormer arXiv 2401.00793 §4.2, Zheng et al. 2023):
// a fixed-point value v (ring units, scale 2^f) stands for the angle 2π·k·v / (P·2^f). Reducing v
// modulo M = P·2^f first keeps float64 exact: for a power-of-two P with M | 2^ℓ the reduction of the
// ring element is the reduction of the real (that is what makes the ring-sound variant sound).
import { roundScaled } from '../../core/fixed.ts';
import type { Config } from '../config.ts';

/** M = P·2^f, the period in ring units. */
export const periodUnits = (config: Config, period: number): number => period * 2 ** config.f;

/** v mod M as a fraction of the period in [0, 1), for a ring element read as signed. */
export function periodFraction(signed: bigint, M: number): number {
  if (Number.isInteger(M) && M <= Number.MAX_SAFE_INTEGER) {
    const m = BigInt(M);
    const r = ((signed % m) + m) % m;
    return Number(r) / M;
  }
  const v = Number(signed);
  return (((v % M) + M) % M) / M;
}

/** enc(sin(2π·k·φ)) and enc(cos(2π·k·φ)) under the configuration's rounding, as ring integers. */
export function encodedSinCos(config: Config, k: number, fraction: number): [bigint, bigint] {
  const a = 2 * Math.PI * ((k * fraction) % 1);
  const F = 2 ** config.f;
  return [
    BigInt(roundScaled(Math.sin(a) * F, config.rounding)),
    BigInt(roundScaled(Math.cos(a) * F, config.rounding)),
  ];
}
