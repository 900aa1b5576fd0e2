// The GeLU variants' crypten schedule against CrypTen 0.4's own communication counter (2 parties,
// `crypten.cfg.communicator.verbose = True`; rounds, and bytes per element as the counter logs them for
// one party: (elements sent + received) × 8). Measured by running CrypTen 0.4 (../shared/third_party/
// crypten, torch 1.13) on 64 elements with each variant written as the released code writes it
// (SecFormer's crypten_gelu, Fourier GeLU with its sine opening, puma_gelu, the Quad activation,
// 0.5·x·(1 + erf(x/√2)) with CrypTen's erf, relu); the spec's formulas must give the same numbers.
import { describe, expect, it } from 'vitest';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';

/** [id, parameters, CrypTen's rounds, CrypTen's bytes per element]. */
const MEASURED: readonly [string, Record<string, unknown>, number, number][] = [
  ['gelu_tanh', {}, 26, 832],
  ['gelu_fourier', { T: 2.5, beta: 'released', mask: 'secformer', period: 20 }, 19, 944],
  ['gelu_fourier', {}, 19, 944],
  ['gelu_puma', {}, 33, 1520],
  ['gelu_quad', { coefficients: 'swapped' }, 1, 32],
  ['gelu_erf', { powers: 'crypten-pow' }, 35, 784],
  ['gelu_relu', {}, 9, 464],
];

describe("GeLU, crypten schedule = CrypTen 0.4's communication counter (2 parties)", () => {
  const config = resolveConfig('crypten', { parties: 2 });
  it.each(MEASURED)('%s %j: %i rounds, %i bytes per element', (id, params, rounds, bytes) => {
    const p = findProtocol(id).bind(params);
    const n = 64;
    const cost = p.cost(config, p.shapes(n));
    expect(cost.rounds).toBe(rounds);
    expect((cost.bitsSent[0]! + cost.bitsSent[1]!) / 8 / n).toBe(bytes);
  });
});
