// Equality [x = y] as a 0/1 share (ALGORITHMS.md §2; spec/comparison/cost.ts eqzCost), exact on the
// whole ring (x − y ≡ 0 exactly when x = y); the domain only keeps inputs exact in float64 for the ideal.
//   crypten: CrypTen's two-party _eqz_2PC — the all-ones test on ¬(d₀ ⊕ −d₁), ⌈log₂ℓ⌉ AND rounds of one
//            ℓ-bit word, then a daBit B2A opening an ℓ-bit word. Two parties only (CrypTen computes
//            1 − ne with two LTZ for more parties; not reproduced).
//   default: open x − y + r and look up 8-bit chunks in equality tables; any number of parties.
import { CRYPTEN_SOURCE, equalityDomain } from './common.ts';
import { twoOperandSpec } from './compare.ts';
import { eqzCost } from './cost.ts';

export const eqSpec = twoOperandSpec({
  id: 'eq',
  title: 'x = y as a 0/1 share',
  source: `docs/comparison.md eq; ${CRYPTEN_SOURCE} (MPCTensor.eq, _eqz_2PC; circuit.eq)`,
  ideal: (x, y) => x === y,
  domain: equalityDomain,
  cost: eqzCost,
  unsupported: (config) =>
    config.schedule === 'crypten' && config.parties !== 2
      ? `the crypten schedule reproduces CrypTen's two-party equality (_eqz_2PC); with ${config.parties} parties use the default profile`
      : undefined,
});
