// The tests the statistical mode runs on one projection between two groups of runs (issue 4 §3, issue 16
// §4): Kolmogorov–Smirnov on the signed value, the tail-run test (a bounded mask shifts the support's
// ends), the repeated-value test (a mask that is 0 a little too often puts an atom at the secret), χ²
// on the top three bits and χ² on single bits. Each group's sample is summarised once per projection, in
// one pass over its words as 32-bit halves: sorted as signed 64-bit integers (exact: order for KS and
// tail-run, equality for repeated values), and its bit counts; each compared pair is merged once.
import type { Coordinate } from './coordinates.ts';
import { atomsFromRuns } from './stats/atoms.ts';
import { chiSquareHomogeneity } from './stats/chi-square.ts';
import { ksFromRuns } from './stats/ks.ts';
import { type SortedWords, mergeWords, sortWords } from './stats/runs.ts';
import { tailRunFromRuns } from './stats/tail-run.ts';
import type { TestResult } from './verdict.ts';

/** A projection to test: a coordinate, a masked value, or a sum or difference of two coordinates. */
export interface Projection extends Coordinate {
  /** Bit positions to test one by one (none for traffic-shape numbers). */
  readonly bits: readonly number[];
}

/** Every bit up to 16 bits wide, else the low and the high eight. */
export function bitPositions(width: number): number[] {
  if (width <= 16) return Array.from({ length: width }, (_, k) => k);
  return [...Array.from({ length: 8 }, (_, k) => k), ...Array.from({ length: 8 }, (_, k) => width - 8 + k)];
}

interface GroupSample {
  /** The values, sign-extended from their width, ascending. */
  readonly sorted: SortedWords;
  /** Per tested bit position: how many values have it set. */
  readonly ones: Int32Array;
  /** Counts of the top `top` bits' values. */
  readonly top: Int32Array;
}

/** Per group, a buffer reused from one projection to the next (the tests run on hundreds of them). */
const scratch: Uint32Array[] = [];

function groupSample(c: Projection, g: number, from: number, to: number, top: number): GroupSample {
  const n = to - from;
  const src = new Uint32Array(c.words.buffer, c.words.byteOffset + from * 8, 2 * n);
  if ((scratch[g]?.length ?? 0) !== 2 * n) scratch[g] = new Uint32Array(2 * n);
  const ext = scratch[g]!;
  const w = c.width;
  const ones = new Int32Array(c.bits.length);
  const tops = new Int32Array(2 ** top);
  const p = w - top;
  for (let i = 0; i < n; i++) {
    const lo = src[2 * i]!;
    const hi = src[2 * i + 1]!;
    if (w >= 64) {
      ext[2 * i] = lo;
      ext[2 * i + 1] = hi;
    } else if (w > 32) {
      ext[2 * i] = lo;
      ext[2 * i + 1] = ((hi << (64 - w)) >> (64 - w)) >>> 0;
    } else {
      const l = (lo << (32 - w)) >> (32 - w);
      ext[2 * i] = l >>> 0;
      ext[2 * i + 1] = l < 0 ? 0xffffffff : 0;
    }
    for (let q = 0; q < c.bits.length; q++) {
      const k = c.bits[q]!;
      ones[q]! += k < 32 ? (lo >>> k) & 1 : (hi >>> (k - 32)) & 1;
    }
    const field = p >= 32 ? hi >>> (p - 32) : p + top <= 32 ? lo >>> p : (lo >>> p) | (hi << (32 - p));
    tops[field & (2 ** top - 1)]! += 1;
  }
  return { sorted: sortWords(ext), ones, top: tops };
}

/** The tests of projection `c` for every compared pair of groups (groups are runs [g·N, (g+1)·N)). */
export function projectionTests(
  c: Projection,
  N: number,
  groups: number,
  comparisons: readonly (readonly [number, number])[],
  tag: (g: number, h: number) => string,
): TestResult[] {
  const top = Math.min(3, c.width);
  const samples = Array.from({ length: groups }, (_, g) => groupSample(c, g, g * N, (g + 1) * N, top));
  const out: TestResult[] = [];
  for (const [g, h] of comparisons) {
    const a = samples[g]!;
    const b = samples[h]!;
    const name = `${tag(g, h)}${c.name}`;
    const runs = mergeWords(a.sorted, b.sorted);
    out.push(
      { test: `KS ${name}`, p: ksFromRuns(runs) },
      { test: `tail-run ${name}`, p: tailRunFromRuns(runs) },
      { test: `repeated values ${name}`, p: atomsFromRuns(runs) },
    );
    if (c.shape === true) continue;
    out.push({ test: `χ² top ${top} bits ${name}`, p: chiSquareHomogeneity(a.top, b.top) });
    c.bits.forEach((k, q) =>
      out.push({
        test: `χ² bit ${k} ${name}`,
        p: chiSquareHomogeneity([a.ones[q]!, N - a.ones[q]!], [b.ones[q]!, N - b.ones[q]!]),
      }),
    );
  }
  return out;
}
