// Two sorted samples merged into runs of equal values (the common input of the two-sample tests: KS,
// tail-run and repeated values only need, value by value in ascending order, how many of each sample
// sit there). Samples of 64-bit words are sorted as a BigInt64Array (natively) and merged through
// 32-bit views of the same memory, so no per-value BigInt is made: the audit runs these tests
// hundreds of thousands of times.

/** Signed 64-bit values, ascending, seen as interleaved 32-bit halves: value i = s[2i+1]·2^32 + u[2i]. */
export interface SortedWords {
  /** Signed view: s[2i + 1] is the high half. */
  readonly s: Int32Array;
  /** Unsigned view: u[2i] is the low half. */
  readonly u: Uint32Array;
  readonly length: number;
}

/** Sort values given as interleaved halves (low, high; the buffer is sorted in place). */
export function sortWords(halves: Uint32Array): SortedWords {
  new BigInt64Array(halves.buffer, halves.byteOffset, halves.length / 2).sort();
  return {
    s: new Int32Array(halves.buffer, halves.byteOffset, halves.length),
    u: halves,
    length: halves.length / 2,
  };
}

/** Per distinct value, ascending: the count in sample A and in sample B. */
export interface Runs {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly length: number;
  readonly nA: number;
  readonly nB: number;
}

let scratchA = new Int32Array(0);
let scratchB = new Int32Array(0);

/**
 * The runs of two samples of words, each sorted by sortWords. The runs live in buffers the next call
 * reuses: read them before merging again (the tests take a few million merges; allocating each would
 * keep the collector busy).
 */
export function mergeWords(a: SortedWords, b: SortedWords): Runs {
  const nA = a.length;
  const nB = b.length;
  if (scratchA.length < nA + nB) {
    scratchA = new Int32Array(nA + nB);
    scratchB = new Int32Array(nA + nB);
  }
  const ra = scratchA;
  const rb = scratchB;
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < nA || j < nB) {
    // the next value: the smaller head (halves compared: high first)
    let fromA: boolean;
    if (j >= nB) fromA = true;
    else if (i >= nA) fromA = false;
    else {
      const ha = a.s[2 * i + 1]!;
      const hb = b.s[2 * j + 1]!;
      fromA = ha < hb || (ha === hb && a.u[2 * i]! <= b.u[2 * j]!);
    }
    const vh = fromA ? a.s[2 * i + 1]! : b.s[2 * j + 1]!;
    const vl = fromA ? a.u[2 * i]! : b.u[2 * j]!;
    let ca = 0;
    let cb = 0;
    for (; i < nA && a.s[2 * i + 1] === vh && a.u[2 * i] === vl; i++) ca++;
    for (; j < nB && b.s[2 * j + 1] === vh && b.u[2 * j] === vl; j++) cb++;
    ra[k] = ca;
    rb[k] = cb;
    k++;
  }
  return { a: ra, b: rb, length: k, nA, nB };
}

/** The runs of two samples (numbers or 64-bit integers), each sorted ascending. */
export function mergeSorted<T extends number | bigint>(a: ArrayLike<T>, b: ArrayLike<T>): Runs {
  const ra = new Int32Array(a.length + b.length);
  const rb = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    let ca = 0;
    let cb = 0;
    for (; i < a.length && a[i]! === v; i++) ca++;
    for (; j < b.length && b[j]! === v; j++) cb++;
    ra[k] = ca;
    rb[k] = cb;
    k++;
  }
  return { a: ra, b: rb, length: k, nA: a.length, nB: b.length };
}
