// Statistical mode (issue 4 §3, issue 16 §4): in the full ring, N seeded runs per secret group
// (statistical-groups.ts), each group run as one batch; every projection (statistical-projections.ts) is compared
// between the groups compared (statistical-tests.ts), and a leak is declared when a p-value falls below
// α / (number of tests): Bonferroni, so a private protocol is flagged with probability at most α = 10⁻⁶
// (the rank tests are conservative with ties; the χ² tests rest on their approximation with expected
// counts of at least 5). Seeds are fixed, so every run of the audit gives the same verdict. N is the
// caller's, or sized by the budget: `work` coordinate-samples per group over the words of one instance's
// view and randomness, between `minSamples` and `maxSamples` — cheap protocols get many runs (an atom
// of 1 % needs thousands of runs to pass the Bonferroni threshold), large ones fewer.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { usageError } from '../core/errors.ts';
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import type { BatchPlan } from './batch-plan.ts';
import { collectViews, joinViews } from './instance-views.ts';
import { PrgFill } from './prg-fill.ts';
import type { Opening } from './relations/relation-search.ts';
import { secretGroups } from './statistical-groups.ts';
import { projections } from './statistical-projections.ts';
import { type Projection, projectionTests } from './statistical-tests.ts';
import { describeShape } from './traffic-shape.ts';
import type { ModeResult, StatisticalEvidence, TestResult } from './verdict.ts';

export interface StatisticalOptions {
  readonly seed: bigint;
  readonly alpha?: number;
  /** Runs per group; default: sized by `work`. */
  readonly samples?: number;
  readonly work: number;
  readonly minSamples: number;
  readonly maxSamples: number;
  /** Message pairs tested at most. */
  readonly maxPairs: number;
  /** Masked values the relation search found. */
  readonly openings: readonly Opening[];
  /** The relation search found that what the party knows determines every secret. */
  readonly knowsAll?: boolean;
}

export type StatisticalResult = ModeResult<StatisticalEvidence>;

export const DEFAULT_ALPHA = 1e-6;

/**
 * Runs per group for a plan under a budget of `work` coordinate-samples; a protocol that does not batch
 * runs once per instance (about a hundred times slower a run) and gets the least.
 */
export function samplesFor(
  plan: BatchPlan,
  o: Pick<StatisticalOptions, 'work' | 'minSamples' | 'maxSamples'>,
): number {
  if (plan.mode === 'unbatched') return o.minSamples;
  const words =
    plan.items.reduce((a, it) => a + it.perInstance, 0) + plan.draws.reduce((a, d) => a + d.perInstance, 0);
  return Math.max(o.minSamples, Math.min(o.maxSamples, Math.floor(o.work / Math.max(1, words))));
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

export async function auditStatistical(
  plan: BatchPlan,
  options: StatisticalOptions,
): Promise<StatisticalResult> {
  const { protocol, config, party } = plan;
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const N = options.samples ?? samplesFor(plan, options);
  const seed = chachaWords(deriveKey(rootKey(options.seed), 'audit/statistical'), 1)[0]!;
  const groupPlan = secretGroups(protocol, config, party, plan.instanceShapes, options.seed);
  if (groupPlan.kind === 'none' && options.knowsAll !== true)
    return { status: 'not run', reason: groupPlan.why };
  const base = {
    mode: 'statistical',
    ell: config.ell,
    instanceSize: plan.instanceSize,
    batching: plan.mode,
    seed: options.seed.toString(),
    samplesPerGroup: N,
    alpha,
  } as const;
  if (groupPlan.kind !== 'groups') {
    const why =
      groupPlan.kind === 'trivial'
        ? groupPlan.why
        : 'what the party knows determines every secret (the relation search), so no two secrets reveal the same to it';
    return {
      status: 'trivial',
      evidence: {
        ...base,
        groups: [],
        comparisons: 0,
        projections: { coordinates: 0, openings: 0, pairs: 0, messagePairs: 0 },
        tests: 0,
        threshold: alpha,
        smallest: [],
        note: why,
      },
      coverage: why,
    };
  }
  const { groups, comparisons } = groupPlan;
  const total = N * groups.length;
  const all = groups.map((g) => g.values(N));
  const secrets = (first: number, batch: number): Readonly<Record<string, BigUint64Array>> =>
    Object.fromEntries(
      protocol.inputs().map((d) => {
        const n = all[0]![d.name]!.length / N;
        const out = new BigUint64Array(batch * n);
        for (let b = first; b < first + batch;) {
          const g = Math.floor(b / N);
          const end = Math.min(first + batch, (g + 1) * N);
          out.set(all[g]![d.name]!.subarray((b - g * N) * n, (end - g * N) * n), (b - first) * n);
          b = end;
        }
        return [d.name, out];
      }),
    );
  // each group its own batch: a batch's message schedule is decided for all its instances at once
  const fill = new PrgFill(seed, total);
  const parts = [];
  for (let g = 0; g < groups.length; g++) parts.push(await collectViews(plan, fill, secrets, g * N, N));
  const views = joinViews(plan, parts);
  const set = projections(plan, views, options.openings, options.maxPairs);
  const tag = (g: number, h: number): string => `${groups[g]!.name} vs ${groups[h]!.name}: `;
  const results: TestResult[] = [];
  let n = 0;
  for (const c of set.all()) {
    if (++n % 64 === 0) await yieldToEventLoop(); // a test runner's or CLI's timers and messages run
    for (const r of projectionTests(c, N, groups.length, comparisons, tag)) results.push(r);
  }
  const threshold = alpha / Math.max(1, results.length);
  if (smallestAttainable(N) >= threshold)
    throw usageError(
      `statistical audit of ${protocol.id}: ${N} runs per group cannot show a leak: even two groups with no view value in common give p ≥ ${smallestAttainable(N).toExponential(1)}, above the threshold α/${results.length} tests = ${threshold.toExponential(1)}; use --samples ${fewestSamples(threshold)} or more`,
    );
  // at equal p, a traffic-shape test first: a view of another shape also differs in content (zeros)
  const shapeFirst = (t: TestResult): number => (t.test.includes('traffic shape:') ? 0 : 1);
  const smallest = [...results].sort((x, y) => x.p - y.p || shapeFirst(x) - shapeFirst(y)).slice(0, 5);
  const worst = smallest[0];
  const leaked = worst !== undefined && worst.p < threshold;
  const shapeOf = (g: number): string => {
    const counts = new Map<number, number>();
    for (let b = g * N; b < (g + 1) * N; b++) {
      const f = views.shape.fingerprint[b]!;
      counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    const [modal, times] = [...counts].sort((x, y) => y[1] - x[1])[0]!;
    const s = views.shapes.get(modal)!;
    return counts.size === 1
      ? describeShape(s)
      : `${describeShape(s)} in ${times} of ${N} runs, ${counts.size} shapes`;
  };
  const evidence: StatisticalEvidence = {
    ...base,
    groups: groups.map((g, k) => ({ name: g.name, secret: g.describe, shape: shapeOf(k) })),
    comparisons: comparisons.length,
    projections: {
      coordinates: set.coordinates,
      openings: set.openings,
      pairs: set.pairs,
      messagePairs: set.messagePairs,
    },
    tests: results.length,
    threshold,
    smallest,
    ...(leaked ? { leak: worst } : {}),
  };
  const pairs = set.pairs < set.messagePairs ? `${set.pairs} of ${set.messagePairs}` : `${set.pairs}`;
  const coverage = `ℓ ${config.ell}, ${plan.instanceSize}-element instances, ${groups.length} groups × ${N} runs, ${set.coordinates} coordinates (traffic shape included) + ${set.openings} masked values + ${pairs} message pairs, ${results.length} tests`;
  return { status: leaked ? 'leak' : 'passed', evidence, coverage };
}
