// The keys of one run (docs/arithmetic.md, "Keys of one run"): everything random in a run derives from its seed.
//   party i's tape:   K(K₀, "party/i")        dealer tape: K(K₀, "dealer")
//   zero-sharing key between parties i and i+1 mod n:    K(K₀, "przs/i")
import { type Key, deriveKey, rootKey } from '../core/prg.ts';

export interface RunKeys {
  readonly root: Key;
  readonly parties: readonly Key[];
  readonly dealer: Key;
  readonly przs: readonly Key[];
}

export function runKeys(seed: bigint, parties: number): RunKeys {
  const root = rootKey(seed);
  return {
    root,
    parties: Array.from({ length: parties }, (_, i) => deriveKey(root, `party/${i}`)),
    dealer: deriveKey(root, 'dealer'),
    przs: Array.from({ length: parties }, (_, i) => deriveKey(root, `przs/${i}`)),
  };
}
