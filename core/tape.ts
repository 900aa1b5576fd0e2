// Random tapes (DESIGN.md, Randomness): every draw is labelled, and a label is drawn at most once per
// tape, so reusing randomness (the classic reused-mask bug) fails loudly instead of leaking silently.
// Every draw is recorded: the records are the tape part of a party's view.
import { copyWords } from './word-pool.ts';
import { runtimeError } from './errors.ts';
import { type Key, chachaWords, deriveKey, keyHex } from './prg.ts';
import { ringMask } from './ring.ts';

export interface TapeDraw {
  readonly label: string;
  readonly words: BigUint64Array;
}

export interface Tape {
  /** Who owns the tape, for error messages ("party 1", "dealer"). */
  readonly owner: string;
  /**
   * `count` uniform 64-bit words under a label this tape has not drawn before. `bits`, when given, says
   * only the low `bits` bits of each word are used (ringDraw passes ℓ): a tape that enumerates its
   * randomness (the privacy audit's) needs it; a draw without it counts as 64 bits.
   */
  words(label: string, count: number, bits?: number): BigUint64Array;
  /**
   * For kernels that read the keystream themselves (the dealer's fused AND triples): the ChaCha20 key
   * whose keystream `words(label, …)` would return, with the label claimed as drawn. Absent when the
   * tape is not a plain keystream or records its draws (a view needs the words).
   */
  readonly keyFor?: ((label: string) => Key) | undefined;
  /** Everything drawn so far, in order. */
  readonly draws: readonly TapeDraw[];
}

/** The ChaCha20 tape of core/prg.ts: label L draws words(K(key, L), count). */
export class KeyedTape implements Tape {
  private readonly used = new Set<string>();
  private readonly log: TapeDraw[] = [];
  readonly keyFor: ((label: string) => Key) | undefined;

  constructor(
    readonly owner: string,
    readonly key: Key,
    private readonly record = true,
  ) {
    this.keyFor = record ? undefined : (label) => this.claim(label);
  }

  words(label: string, count: number, bits = 64): BigUint64Array {
    const w = chachaWords(this.claim(label), count);
    if (bits < 64) {
      const m = ringMask(bits);
      for (let i = 0; i < w.length; i++) w[i] = w[i]! & m;
    }
    // The view keeps its own copy of what was handed out: callers may reuse the returned buffer
    // (zero sharing subtracts into it), and a view must show the draw as it was.
    if (this.record) this.log.push({ label, words: copyWords(w) });
    return w;
  }

  private claim(label: string): Key {
    if (this.used.has(label)) {
      throw runtimeError(
        `${this.owner}: random label '${label}' drawn twice; every draw needs its own label`,
      );
    }
    this.used.add(label);
    return deriveKey(this.key, label);
  }

  get draws(): readonly TapeDraw[] {
    return this.log;
  }

  get keyHex(): string {
    return keyHex(this.key);
  }
}

/** `count` uniform elements of Z_{2^ℓ}: the low ℓ bits of each word (uniform since 2^ℓ divides 2^64). */
export function ringDraw(tape: Tape, label: string, ell: number, count: number): BigUint64Array {
  const w = tape.words(label, count, ell);
  if (ell < 64) {
    const m = ringMask(ell);
    for (let i = 0; i < w.length; i++) w[i] = w[i]! & m;
  }
  return w;
}
