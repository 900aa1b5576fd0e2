// The crypten schedule's exact cost against CrypTen 0.4's own communication counter: 2 parties,
// `crypten.cfg.communicator.verbose = True`, rounds and bytes per element as the counter logs them for
// one party (bytes = (elements sent + elements received) × 8). Measured by running CrypTen 0.4 (its
// copy in ../shared/third_party/crypten, torch 1.13) on 64 elements; the spec's formulas must give the
// same numbers. sigmoid is the case that caught the exp inside it running 8 squarings, not 9.
import { describe, expect, it } from 'vitest';
import { findProtocol } from '../../registry/index.ts';
import { resolveConfig } from '../../spec/config.ts';

/** CrypTen's counter: [rounds, bytes per element]. */
const MEASURED: readonly [string, number, number][] = [
  ['ltz', 8, 432],
  ['relu', 9, 464],
  ['sigmoid', 23, 752],
  ['tanh', 23, 752],
];

describe("crypten schedule = CrypTen 0.4's communication counter (2 parties)", () => {
  const config = resolveConfig('crypten', { parties: 2 });
  it.each(MEASURED)('%s: %i rounds, %i bytes per element', (id, rounds, bytes) => {
    const p = findProtocol(id).bind();
    const n = 64;
    const cost = p.cost(config, p.shapes(n));
    expect(cost.rounds).toBe(rounds);
    expect((cost.bitsSent[0]! + cost.bitsSent[1]!) / 8 / n).toBe(bytes);
  });
});
