// The statistical verdict on a set of projections (issue 4 §3, issue 16 §4): every projection's tests
// (statistical-tests.ts) for every compared pair of groups of N runs, a leak when a p-value falls below
// α / (number of tests) — Bonferroni, so a private view is flagged with probability at most α. Where the
// projections came from is the caller's: this engine's runs (statistical.ts) or the views another engine
// reported through the backend protocol (issue 17 §4), so both are judged by the same tests, threshold
// and refusal. Too few runs to reach the threshold at all is refused: such an audit could find nothing.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { usageError } from '../core/errors.ts';
import type { ProjectionSet } from './statistical-projections.ts';
import { type Projection, projectionTests } from './statistical-tests.ts';
import type { TestResult } from './verdict.ts';

/** The groups of runs: runs [g·N, (g+1)·N) are group g; `comparisons` are the pairs compared. */
export interface ComparedGroups {
  readonly names: readonly string[];
  readonly comparisons: readonly (readonly [number, number])[];
  readonly samplesPerGroup: number;
}

export interface Judgement {
  readonly tests: number;
  /** α / tests. */
  readonly threshold: number;
  /** The five smallest p-values (a traffic-shape test first among equals). */
  readonly smallest: readonly TestResult[];
  readonly leak?: TestResult;
}

/**
 * The smallest p-value the battery gives with n runs per group: the one of two groups whose values are
 * entirely apart (every value of one below every value of the other, the top bit 0 in one and 1 in the
 * other). Fewer runs than it takes to reach the threshold would make an audit that cannot find anything.
 */
function smallestAttainable(n: number): number {
  const words = new BigUint64Array(2 * n);
  for (let i = 0; i < n; i++) {
    words[i] = BigInt(i);
    words[n + i] = (1n << 63n) | BigInt(i);
  }
  const apart: Projection = { name: 'apart', width: 64, words, bits: [63] };
  const tests = projectionTests(apart, n, 2, [[0, 1]], () => '');
  return Math.min(...tests.map((t) => t.p));
}

/** The fewest runs per group with which two entirely different groups reach `threshold`. */
function fewestSamples(threshold: number): number {
  let n = 2;
  while (smallestAttainable(n) >= threshold) n++;
  return n;
}

/** Tests every projection of `set` between the compared groups; `subject` names what is audited in a refusal. */
export async function judgeProjections(
  set: ProjectionSet,
  groups: ComparedGroups,
  alpha: number,
  subject: string,
): Promise<Judgement> {
  const N = groups.samplesPerGroup;
  const tag = (g: number, h: number): string => `${groups.names[g]!} vs ${groups.names[h]!}: `;
  const results: TestResult[] = [];
  let n = 0;
  for (const c of set.all()) {
    if (++n % 64 === 0) await yieldToEventLoop(); // a test runner's or CLI's timers and messages run
    for (const r of projectionTests(c, N, groups.names.length, groups.comparisons, tag)) results.push(r);
  }
  const threshold = alpha / Math.max(1, results.length);
  if (smallestAttainable(N) >= threshold)
    throw usageError(
      `statistical audit of ${subject}: ${N} runs per group cannot show a leak: even two groups with no view value in common give p ≥ ${smallestAttainable(N).toExponential(1)}, above the threshold α/${results.length} tests = ${threshold.toExponential(1)}; use --samples ${fewestSamples(threshold)} or more`,
    );
  // at equal p, a traffic-shape test first: a view of another shape also differs in content (zeros)
  const shapeFirst = (t: TestResult): number => (t.test.includes('traffic shape:') ? 0 : 1);
  const smallest = [...results].sort((x, y) => x.p - y.p || shapeFirst(x) - shapeFirst(y)).slice(0, 5);
  const worst = smallest[0];
  return {
    tests: results.length,
    threshold,
    smallest,
    ...(worst !== undefined && worst.p < threshold ? { leak: worst } : {}),
  };
}
