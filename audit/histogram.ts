// Exact view distributions compared as sorted arrays of view keys (issue 4): two multisets of equal
// size are equal iff their sorted arrays are; otherwise the total-variation distance and the view whose
// probability differs most are the evidence.
export function sameSorted(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface Difference {
  /** ½ Σ |P_a(v) − P_b(v)|. */
  readonly distance: number;
  /** The view key whose probabilities differ most, with its count in each. */
  readonly witness: number;
  readonly countA: number;
  readonly countB: number;
}

export function difference(a: Float64Array, b: Float64Array): Difference {
  let i = 0;
  let j = 0;
  let tv = 0;
  let best = { witness: Number.NaN, countA: 0, countB: 0, gap: -1 };
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    let ca = 0;
    let cb = 0;
    for (; i < a.length && a[i] === v; i++) ca++;
    for (; j < b.length && b[j] === v; j++) cb++;
    const gap = Math.abs(ca / a.length - cb / b.length);
    tv += gap;
    if (gap > best.gap) best = { witness: v, countA: ca, countB: cb, gap };
  }
  return { distance: tv / 2, witness: best.witness, countA: best.countA, countB: best.countB };
}

/**
 * The reference distribution of each class under the current own tape. Small exact keys (≤ 16 bits) are
 * compared by counting into a table — equal sizes and equal counts at every key of the block mean equal
 * multisets — larger ones by sorting.
 */
export class ReferenceBank {
  private readonly sorted = new Map<number, Float64Array>();
  /** The count tables in use this own tape, and every table allocated (reused, zeroed, across tapes). */
  private readonly counts = new Map<number, Int32Array>();
  private readonly tables = new Map<number, Int32Array>();
  private readonly scratch: Int32Array | undefined;

  constructor(private readonly countBits: number | undefined) {
    this.scratch = countBits === undefined ? undefined : new Int32Array(2 ** countBits);
  }

  clear(): void {
    for (const [c, keys] of this.sorted) {
      const table = this.counts.get(c);
      if (table !== undefined) for (let i = 0; i < keys.length; i++) table[keys[i]!] = 0;
    }
    this.sorted.clear();
    this.counts.clear();
  }

  /** Whether every key indexes the count table (a view of another traffic shape has a large key). */
  private countable(keys: Float64Array): boolean {
    const size = this.scratch?.length ?? 0;
    for (let i = 0; i < keys.length; i++) if (!(keys[i]! < size)) return false;
    return true;
  }

  /** Compare a block with class c's reference (and make it the reference if there is none). */
  matches(c: number, keys: Float64Array): boolean {
    const ref = this.sorted.get(c);
    if (ref === undefined) {
      this.sorted.set(c, keys.slice());
      if (this.scratch !== undefined && this.countable(keys)) {
        const table = this.tables.get(c) ?? new Int32Array(this.scratch.length);
        this.tables.set(c, table);
        this.counts.set(c, table);
        for (let i = 0; i < keys.length; i++) table[keys[i]!]! += 1;
      }
      return true;
    }
    const table = this.counts.get(c);
    const cur = this.scratch;
    if (table === undefined || cur === undefined || !this.countable(keys))
      return sameSorted(ref.sort(), keys.slice().sort());
    let same = keys.length === ref.length;
    for (let i = 0; i < keys.length; i++) cur[keys[i]!]! += 1;
    for (let i = 0; i < keys.length && same; i++) same = cur[keys[i]!] === table[keys[i]!];
    for (let i = 0; i < keys.length; i++) cur[keys[i]!] = 0;
    return same;
  }

  /** Class c's reference, sorted (for evidence). */
  reference(c: number): Float64Array {
    return this.sorted.get(c)!.slice().sort();
  }
}
