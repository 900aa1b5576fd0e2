// The gate every erf- or tanh-shaped GeLU ends with (ALGORITHMS.md §4): ½·x·(1 + y), y ≈ erf(x/√2).
//   crypten schedule — ⌊x·enc(½)/2^f⌋ first, then a fixed-point product with 1 + y (the released code
//                      writes `0.5 * x * (1 + y)`, which CrypTen evaluates as (0.5·x)·(1 + y));
//   default schedule — one raw product x·(1 + y), truncated once by f + 1 bits (the ½ folded in).
import type { Config } from '../config.ts';
import type { Cost } from '../types.ts';
import {
  type ErrorModel,
  type Tracked,
  addConst,
  mulConst,
  mulFixed,
  mulFixedCost,
  mulRaw,
  mulRawCost,
  seq,
  truncBits,
  truncBitsCost,
} from '../steps.ts';

export function geluGate(m: ErrorModel, x: Tracked, y: Tracked): Tracked {
  const g = addConst(m, y, 1);
  return m.config.schedule === 'crypten'
    ? mulFixed(m, mulConst(m, x, 0.5), g)
    : truncBits(m, mulRaw(x, g), m.config.f + 1);
}

export const geluGateCost = (config: Config, n: number): Cost =>
  config.schedule === 'crypten'
    ? seq(config, truncBitsCost(config, n), mulFixedCost(config, n))
    : seq(config, mulRawCost(config, n), truncBitsCost(config, n));
