// The traffic shape of a party's view (spec/privacy.ts: the received messages, in order, are in the
// view): how many messages it received, how many bits, the last round stamp, and a fingerprint of the
// whole sequence of (sender, label, round, width, length). The audit treats them as view coordinates, so
// a message count, a length, a label or a round that depends on a secret is a leak like any other.
import type { ViewItem } from './view-items.ts';

export interface TrafficShape {
  readonly count: number;
  /** Bits received (elements × width, summed over messages). */
  readonly bits: number;
  /** The largest round stamp received (0 when nothing was received). */
  readonly rounds: number;
  /** A 52-bit hash of the message sequence: equal sequences have equal fingerprints. */
  readonly fingerprint: number;
  /** The sequence in words (for evidence). */
  readonly text: string;
}

/** The shape of one instance's view; `batch` divides the lengths of a run of several instances. */
export function trafficShape(items: readonly ViewItem[], batch = 1): TrafficShape {
  let count = 0;
  let bits = 0;
  let rounds = 0;
  const parts: string[] = [];
  for (const it of items) {
    if (it.message === undefined) continue;
    const length = it.data.length / batch;
    count += 1;
    bits += length * it.width;
    rounds = Math.max(rounds, it.message.round);
    parts.push(
      `'${it.message.label}' from ${it.message.from} in round ${it.message.round}: ${length}×${it.width}`,
    );
  }
  const text = parts.join('; ');
  return { count, bits, rounds, fingerprint: fingerprint(text), text };
}

/** Two 26-bit FNV-1a lanes of the text's UTF-16 units: an exact 52-bit integer. */
export function fingerprint(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c ^ (a >>> 7), 0x27d4eb2f);
  }
  return ((a >>> 6) & 0x3ffffff) * 67108864 + ((b >>> 6) & 0x3ffffff);
}

/** The shape of a view in words: "3 messages, 192 bits, round 2". */
export const describeShape = (s: TrafficShape): string =>
  `${s.count} message${s.count === 1 ? '' : 's'}, ${s.bits} bits, last round ${s.rounds}`;

/**
 * The traffic shape of runs [from, to) in words: the most frequent one, with how often it occurs when
 * the runs do not all share it (`describe` turns a fingerprint into words).
 */
export function groupShape(
  fingerprints: Float64Array,
  from: number,
  to: number,
  describe: (fingerprint: number) => string,
): string {
  const counts = new Map<number, number>();
  for (let b = from; b < to; b++) {
    const f = fingerprints[b]!;
    counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const [modal, times] = [...counts].sort((x, y) => y[1] - x[1])[0]!;
  return counts.size === 1
    ? describe(modal)
    : `${describe(modal)} in ${times} of ${to - from} runs, ${counts.size} shapes`;
}
