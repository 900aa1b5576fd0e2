// Statistical mode (issue 4 §3, issue 16 §4): in the full ring, N seeded runs per secret group
// (statistical-groups.ts), each group run as one batch; every projection (statistical-projections.ts) is compared
// between the groups compared (statistical-tests.ts), and a leak is declared when a p-value falls below
// α / (number of tests): Bonferroni, so a private protocol is flagged with probability at most α = 10⁻⁶
// (the rank tests are conservative with ties; the χ² tests rest on their approximation with expected
// counts of at least 5). Seeds are fixed, so every run of the audit gives the same verdict. N is the
// caller's, or sized by the budget: `work` coordinate-samples per group over the words of one instance's
// view and randomness, between `minSamples` and `maxSamples` — cheap protocols get many runs (an atom
// of 1 % needs thousands of runs to pass the Bonferroni threshold), large ones fewer.
import { chachaWords, deriveKey, rootKey } from '../core/prg.ts';
import type { BatchPlan } from './batch-plan.ts';
import { collectViews, joinViews } from './instance-views.ts';
import { PrgFill } from './prg-fill.ts';
import type { Opening } from './relations/relation-search.ts';
import { secretGroups } from './statistical-groups.ts';
import { judgeProjections } from './statistical-judge.ts';
import { projections } from './statistical-projections.ts';
import { describeShape, groupShape } from './traffic-shape.ts';
import type { ModeResult, StatisticalEvidence } from './verdict.ts';

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

/** What the evidence says besides its tests: the mode, ring, batching, seed, runs per group and α. */
export type EvidenceBase = Pick<
  StatisticalEvidence,
  'mode' | 'ell' | 'instanceSize' | 'batching' | 'seed' | 'samplesPerGroup' | 'alpha'
>;

/** The evidence of a party that knows every secret: nothing hidden to compare, `why`. */
export const nothingHidden = (base: EvidenceBase, why: string): StatisticalEvidence => ({
  ...base,
  groups: [],
  comparisons: 0,
  projections: { coordinates: 0, openings: 0, pairs: 0, messagePairs: 0 },
  tests: 0,
  threshold: base.alpha,
  smallest: [],
  note: why,
});

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
  const base: EvidenceBase = {
    mode: 'statistical',
    ell: config.ell,
    instanceSize: plan.instanceSize,
    batching: plan.mode,
    seed: options.seed.toString(),
    samplesPerGroup: N,
    alpha,
  };
  if (groupPlan.kind !== 'groups') {
    const why =
      groupPlan.kind === 'trivial'
        ? groupPlan.why
        : 'what the party knows determines every secret (the relation search), so no two secrets reveal the same to it';
    return { status: 'trivial', evidence: nothingHidden(base, why), coverage: why };
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
  const judged = await judgeProjections(
    set,
    { names: groups.map((g) => g.name), comparisons, samplesPerGroup: N },
    alpha,
    protocol.id,
  );
  const shapeOf = (g: number): string =>
    groupShape(views.shape.fingerprint, g * N, (g + 1) * N, (f) => describeShape(views.shapes.get(f)!));
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
    ...judged,
  };
  const pairs = set.pairs < set.messagePairs ? `${set.pairs} of ${set.messagePairs}` : `${set.pairs}`;
  const coverage = `ℓ ${config.ell}, ${plan.instanceSize}-element instances, ${groups.length} groups × ${N} runs, ${set.coordinates} coordinates (traffic shape included) + ${set.openings} masked values + ${pairs} message pairs, ${judged.tests} tests`;
  return { status: judged.leak === undefined ? 'passed' : 'leak', evidence, coverage };
}
