// Seeded randomness for the audit's instance tapes (core/prg.ts): draw (source, label) for instance b is
// words [b·n, (b+1)·n) of the ChaCha20 stream K(K₀(seed), "audit/<source>/<label>"), so a batched run
// and a run of instance b alone see the same values. Used by the probe, the batching check and the
// statistical mode.
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import { ringMask } from '../core/ring.ts';
import { type DrawKey, type InstanceFill, drawId } from './instance-tapes.ts';

export class PrgFill implements InstanceFill {
  private readonly streams = new Map<string, BigUint64Array>();
  private readonly root: Uint8Array;

  /** `instances`: how many instances the streams cover (every request must fall inside). */
  constructor(
    seed: bigint,
    private readonly instances: number,
  ) {
    this.root = rootKey(seed);
  }

  draw(
    key: DrawKey,
    perInstance: number,
    bits: number | undefined,
    first: number,
    batch: number,
  ): BigUint64Array {
    const id = `${drawId(key)}\u0000${perInstance}`;
    let s = this.streams.get(id);
    if (s === undefined) {
      // The cache outlives whatever arena the first draw ran in, so it keeps a private copy: a pooled
      // buffer would be detached or handed to another run when that arena is released.
      const pooled = chachaWords(
        deriveKey(this.root, `audit/${key.source}/${key.label}`),
        this.instances * perInstance,
      );
      s = pooled.slice();
      if (bits !== undefined && bits < 64) {
        const m = ringMask(bits);
        for (let i = 0; i < s.length; i++) s[i] = s[i]! & m;
      }
      this.streams.set(id, s);
    }
    return s.slice(first * perInstance, (first + batch) * perInstance);
  }
}
