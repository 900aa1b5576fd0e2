// Statistical mode (issue 4 §3): in the full ring, N seeded runs per secret group, run as one batch;
// every view coordinate (one element of one view item) and every sum and difference of two coordinates
// of one width (joint projections: x₀ + x₁ opens x), and ±x ± y ± z of three that include a received
// message (x₀ − a₀ + (x₁ − a₁) is an opening), is compared between every two groups by
//   Kolmogorov–Smirnov on the signed value, χ² on the top three bits, the tail-run test (bounded masks
//   shift the support's ends), and χ² on single bits (each bit up to 16 bits wide, else the low and
//   high eight; the lowest bit of projections),
// and a leak is declared when a p-value falls below α / (number of tests): Bonferroni, so a private
// protocol is flagged with probability at most α = 10⁻⁶ (the rank and χ² tests are conservative with
// ties). Seeds are fixed, so every run of the audit gives the same verdict.
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import { planBatch } from './batch-plan.ts';
import { type Coordinate, combine, coordinates, fieldCounts, signedSorted } from './coordinates.ts';
import { collectViews } from './instance-views.ts';
import { PrgFill } from './prg-fill.ts';
import { chiSquareHomogeneity } from './stats/chi-square.ts';
import { ksTwoSampleSorted } from './stats/ks.ts';
import { tailRunSorted } from './stats/tail-run.ts';
import { secretGroups } from './statistical-groups.ts';
import type { PartyVerdict, StatisticalEvidence, TestResult } from './verdict.ts';

export interface StatisticalOptions {
  readonly samples: number;
  readonly seed: bigint;
  readonly alpha?: number;
  /** At most this many coordinate pairs are projected (a seeded choice when there are more). */
  readonly maxPairs?: number;
}

export const DEFAULT_ALPHA = 1e-6;

function bitPositions(width: number): number[] {
  if (width <= 16) return Array.from({ length: width }, (_, k) => k);
  return [...Array.from({ length: 8 }, (_, k) => k), ...Array.from({ length: 8 }, (_, k) => width - 8 + k)];
}

/** Every test of one coordinate (or projection) between instance ranges A and B. */
function testsOf(
  c: Coordinate,
  a: [number, number],
  b: [number, number],
  bits: readonly number[],
): TestResult[] {
  const sa = signedSorted(c.words, c.width, a[0], a[1]);
  const sb = signedSorted(c.words, c.width, b[0], b[1]);
  const top = Math.min(3, c.width);
  const out: TestResult[] = [
    { test: `KS ${c.name}`, p: ksTwoSampleSorted(sa, sb) },
    { test: `tail-run ${c.name}`, p: tailRunSorted(sa, sb) },
    {
      test: `χ² top ${top} bits ${c.name}`,
      p: chiSquareHomogeneity(
        fieldCounts(c.words, c.width - top, top, a[0], a[1]),
        fieldCounts(c.words, c.width - top, top, b[0], b[1]),
      ),
    },
  ];
  for (const k of bits)
    out.push({
      test: `χ² bit ${k} ${c.name}`,
      p: chiSquareHomogeneity(fieldCounts(c.words, k, 1, a[0], a[1]), fieldCounts(c.words, k, 1, b[0], b[1])),
    });
  return out;
}

/**
 * Triples of same-width coordinates that include a received message (an opening is typically
 * own share of x − own share of the mask + the other's message: three terms), at most `max`.
 */
function triplesOf(
  cs: readonly Coordinate[],
  isMessage: readonly boolean[],
  max: number,
): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < cs.length && out.length < max; i++)
    for (let j = i + 1; j < cs.length && out.length < max; j++)
      for (let k = j + 1; k < cs.length && out.length < max; k++)
        if (
          (isMessage[i]! || isMessage[j]! || isMessage[k]!) &&
          cs[i]!.width === cs[j]!.width &&
          cs[j]!.width === cs[k]!.width
        )
          out.push([i, j, k]);
  return out;
}

function pairsOf(cs: readonly Coordinate[], max: number, seed: bigint): [number, number][] {
  const all: [number, number][] = [];
  for (let i = 0; i < cs.length; i++)
    for (let j = i + 1; j < cs.length; j++) if (cs[i]!.width === cs[j]!.width) all.push([i, j]);
  if (all.length <= max) return all;
  // a seeded, spread-out choice: every (all.length / max)-th pair from a seed-dependent start
  const step = all.length / max;
  const start = Number(seed % 997n) % Math.max(1, Math.floor(step));
  return Array.from({ length: max }, (_, k) => all[Math.min(all.length - 1, Math.floor(start + k * step))]!);
}

export async function auditStatistical(
  protocol: BoundProtocol,
  config: Config,
  party: number,
  options: StatisticalOptions,
): Promise<PartyVerdict> {
  const t0 = performance.now();
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const plan = await planBatch(protocol, config, party, options.seed);
  const N = options.samples;
  const groups = secretGroups(protocol, config, party, plan.instanceShapes, options.seed);
  const base = {
    mode: 'statistical',
    ell: config.ell,
    batching: plan.mode,
    seed: options.seed.toString(),
    samplesPerGroup: N,
    alpha,
  } as const;
  if (groups === undefined)
    return { party, status: 'trivial', evidence: nothingToCompare(base), ms: performance.now() - t0 };
  const total = N * groups.length;
  const secrets = (first: number, batch: number): Readonly<Record<string, BigUint64Array>> => {
    const parts = Array.from({ length: batch }, (_, b) =>
      groups[Math.floor((first + b) / N)]!.values((first + b) % N),
    );
    return Object.fromEntries(
      protocol.inputs().map((d) => {
        const n = parts[0]![d.name]!.length;
        const out = new BigUint64Array(batch * n);
        parts.forEach((p, b) => out.set(p[d.name]!, b * n));
        return [d.name, out];
      }),
    );
  };
  const views = await collectViews(plan, new PrgFill(options.seed, total), secrets, 0, total);
  const cs = coordinates(plan, views);
  const isMessage = plan.items.flatMap((it) =>
    Array.from({ length: it.perInstance }, () => it.role === 'message'),
  );
  const { status, evidence } = await judgeViewSamples(
    { coordinates: cs, isMessage, groups, samplesPerGroup: N },
    { ...options, alpha },
    base,
  );
  return { party, status, evidence, ms: performance.now() - t0 };
}

type EvidenceBase = Pick<
  StatisticalEvidence,
  'mode' | 'ell' | 'batching' | 'seed' | 'samplesPerGroup' | 'alpha'
>;

/** The evidence when no two secrets reveal the same to the party (secretGroups found none). */
export const nothingToCompare = (base: EvidenceBase): StatisticalEvidence => ({
  ...base,
  groups: [],
  coordinates: 0,
  pairs: 0,
  triples: 0,
  tests: 0,
  threshold: base.alpha,
  smallest: [],
  note: 'no two secrets reveal the same output to this party: nothing hidden to compare',
});

/** View samples of one party: coordinates over N runs of each group, group after group. */
export interface ViewSamples {
  readonly coordinates: readonly Coordinate[];
  /** Per coordinate: part of a received message (triples must include one). */
  readonly isMessage: readonly boolean[];
  readonly groups: readonly { readonly name: string; readonly describe: string }[];
  readonly samplesPerGroup: number;
}

/**
 * The statistical verdict on view samples, wherever they came from (this engine's runs, or another
 * engine's views reported through the backend protocol): every coordinate, pair and triple tested
 * between every two groups, with the Bonferroni threshold.
 */
export async function judgeViewSamples(
  samples: ViewSamples,
  options: StatisticalOptions,
  base: EvidenceBase,
): Promise<{ status: 'leak' | 'private'; evidence: StatisticalEvidence }> {
  const { coordinates: cs, isMessage, groups } = samples;
  const N = samples.samplesPerGroup;
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const pairs = pairsOf(cs, options.maxPairs ?? 400, options.seed);
  const triples = triplesOf(cs, isMessage, options.maxPairs ?? 400);
  const results: TestResult[] = [];
  for (let g = 0; g < groups.length; g++)
    for (let h = g + 1; h < groups.length; h++) {
      const a: [number, number] = [g * N, (g + 1) * N];
      const b: [number, number] = [h * N, (h + 1) * N];
      const tag = `${groups[g]!.name} vs ${groups[h]!.name}: `;
      const push = (rs: TestResult[]): void => {
        for (const r of rs) results.push({ test: tag + r.test, p: r.p });
      };
      await new Promise((resolve) => setImmediate(resolve)); // long test batteries: let timers run
      for (const c of cs) push(testsOf(c, a, b, bitPositions(c.width)));
      for (const [i, j] of pairs)
        for (const sign of [1, -1] as const) {
          const x = cs[i]!;
          const y = cs[j]!;
          const name = `${x.name} ${sign === 1 ? '+' : '−'} ${y.name}`;
          push(testsOf({ name, width: x.width, words: combine(x.words, y.words, x.width, sign) }, a, b, [0]));
        }
      for (const [i, j, k] of triples)
        for (const [s1, s2] of [
          [1, 1],
          [1, -1],
          [-1, 1],
          [-1, -1],
        ] as const) {
          const [x, y, z] = [cs[i]!, cs[j]!, cs[k]!];
          const name = `${x.name} ${s1 === 1 ? '+' : '−'} ${y.name} ${s2 === 1 ? '+' : '−'} ${z.name}`;
          const words = combine(combine(x.words, y.words, x.width, s1), z.words, x.width, s2);
          push(testsOf({ name, width: x.width, words }, a, b, [0]));
        }
    }
  const threshold = alpha / Math.max(1, results.length);
  const smallest = [...results].sort((x, y) => x.p - y.p).slice(0, 5);
  const worst = smallest[0];
  const leaked = worst !== undefined && worst.p < threshold;
  const evidence: StatisticalEvidence = {
    ...base,
    groups: groups.map((g) => ({ name: g.name, secret: g.describe })),
    coordinates: cs.length,
    pairs: pairs.length,
    triples: triples.length,
    tests: results.length,
    threshold,
    smallest,
    ...(leaked ? { leak: worst } : {}),
  };
  return { status: leaked ? 'leak' : 'private', evidence };
}
