// The masks of CrypTen's Set-Propagate-Kill prefix circuit (crypten/mpc/primitives/circuit.py,
// __SPK_circuit; ALGORITHMS.md §2), for any ring width ℓ. Level i = 0 … ⌈log₂ℓ⌉ − 1:
//   inMask     bits j < ℓ with j mod 2^(i+1) = 2^i − 1 (the top bit of each lower half-block)
//   multiplier 2 + 4 + … + 2^(2^i) = 2^(2^i + 1) − 2: multiplying a word with only in-bits set copies
//              each in-bit onto the 2^i bits above it (no carries: in-bits are 2^(i+1) apart)
//   outMask    inMask · multiplier mod 2^ℓ (the upper half-blocks that receive the fan-out)
// For ℓ = 64 these are CrypTen's constants (0x5555…, 0x2222…, 0x0808…, …, 2^31).
import { ringMask } from '../../core/ring.ts';
import { sklanskyDepth } from '../../spec/comparison/cost.ts';

export interface SklanskyLevel {
  readonly inMask: bigint;
  readonly outMask: bigint;
  readonly notOutMask: bigint;
  readonly multiplier: bigint;
}

export function sklanskyLevels(ell: number): SklanskyLevel[] {
  const m = ringMask(ell);
  return Array.from({ length: sklanskyDepth(ell) }, (_, i) => {
    const half = 2 ** i;
    let inMask = 0n;
    for (let j = half - 1; j < ell; j += 2 * half) inMask |= 1n << BigInt(j);
    const multiplier = ((1n << BigInt(half + 1)) - 2n) & m;
    const outMask = (inMask * multiplier) & m;
    return { inMask, outMask, notOutMask: ~outMask & m, multiplier };
  });
}
