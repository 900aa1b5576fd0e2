// The cases of one test group (issue 5 §2): ordinary values, domain ends or ring edges, shares at the
// ring's edge, an inexact (probabilistic-truncation) output, a truncation wrap, zero and negative inputs
// outside a non-negative domain, and — in a file's first group — invalid cases derived from the first
// ordinary one. Rare situations are found by searching seeds in a fixed order, so the search is part of
// the deterministic generation and its result replays from the recorded seed like any other case.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { ringMask } from '../../core/ring.ts';
import type { Shape } from '../../core/shape.ts';
import { type CaseResult, executeCase } from '../../harness/execute.ts';
import { partyInputs } from '../../harness/party-inputs.ts';
import type { BoundProtocol } from '../../registry/index.ts';
import type { Config } from '../../spec/config.ts';
import type { Flag } from '../format/flags.ts';
import type { Result } from '../format/vector-file.ts';
import { type Verdict, classify, describeVerdict } from './classify.ts';
import { type InputStyle, type Inputs, makeInputs, styleApplies } from './inputs.ts';
import { type CaseRecord, recordCase } from './record.ts';
import { caseSeed } from './seeds.ts';
import { tamperedCases } from './tamper.ts';

export interface GroupSetup {
  readonly protocol: BoundProtocol;
  readonly config: Config;
  readonly shapes: Readonly<Record<string, Shape>>;
  /** Names the group in seeds: [protocol id, profile, group key]. */
  readonly path: readonly string[];
}

export interface DraftCase {
  /** Which cases a size budget keeps first (0: always kept). */
  readonly rank: number;
  readonly comment: string;
  readonly flags: readonly Flag[];
  readonly result: Result;
  readonly record: CaseRecord;
}

const SHARE_WRAP_ATTEMPTS = 256;
const INEXACT_ATTEMPTS = 8;
const WRAP_ATTEMPTS = 12;

/**
 * One case; first a turn of the event loop, since a run on the in-memory network settles in microtasks
 * alone: without it generating a file would hold the loop for its whole length, starving progress bars
 * and a test runner's heartbeat.
 */
const run = async (g: GroupSetup, inputs: Inputs, seed: bigint): Promise<CaseResult> => {
  await yieldToEventLoop();
  return executeCase({
    protocol: g.protocol,
    config: g.config,
    shapes: g.shapes,
    inputs,
    seed,
    allowOutOfDomain: true,
  });
};

const inputsFor = (
  g: GroupSetup,
  style: (d: Parameters<typeof styleApplies>[1]) => InputStyle,
  ...name: (string | number)[]
) => makeInputs(g.protocol, g.config, g.shapes, (_decl, domain) => style(domain), ...g.path, ...name);

/**
 * Ranks for the file's size budget: every group's first ordinary case and the invalid ones are always
 * kept (rank 0), so no group disappears; then the domain's ends and the out-of-domain zero/negative
 * inputs, truncation wraps, shares at the edge.
 */
const RANK = {
  normal: 0,
  invalid: 0,
  edges: 1,
  outside: 1,
  wrap: 2,
  shareWrap: 3,
  inexact: 5,
  moreNormal: 6,
};

function draft(
  rank: number,
  comment: string,
  flags: readonly Flag[],
  verdict: Verdict,
  r: CaseResult,
): DraftCase {
  const extra: Flag[] =
    verdict.kind === 'acceptable' ? [verdict.wraps > 0 ? 'TruncationWrap' : 'ProbabilisticTruncation'] : [];
  const all = [...new Set([...flags, ...extra])];
  return {
    rank,
    comment: `${comment}; output ${describeVerdict(verdict)}`,
    flags: all,
    result: verdict.kind === 'valid' ? 'valid' : 'acceptable',
    record: recordCase(r),
  };
}

/** A seed under which party 0's share of the first shared input's element 0 lies just below 2^ℓ. */
function shareWrapSeed(g: GroupSetup, inputs: Inputs): bigint | undefined {
  const first = g.protocol.inputs().find((d) => d.holder === 'shared');
  if (first === undefined || (inputs[first.name]?.data.length ?? 0) === 0) return undefined;
  const edge = ringMask(g.config.ell) - (1n << BigInt(g.config.ell - 6));
  for (let a = 0; a < SHARE_WRAP_ATTEMPTS; a++) {
    const seed = caseSeed(...g.path, 'share-wrap', a);
    const share = partyInputs(g.protocol.inputs(), inputs, g.config, seed)[0]![first.name]!;
    if (share.data[0]! > edge) return seed;
  }
  return undefined;
}

export interface GroupCases {
  readonly cases: DraftCase[];
  /** Protocol bugs met while generating (an output beyond the spec's bound on in-domain inputs). */
  readonly problems: string[];
}

export async function groupCases(g: GroupSetup, withInvalid: boolean): Promise<GroupCases> {
  const cases: DraftCase[] = [];
  const problems: string[] = [];
  const where = `${g.path.join('/')}`;
  const domains = Object.values(g.protocol.domain(g.config, g.shapes));
  const bounds = g.protocol.bounds(g.config, g.shapes);

  /** Run a case that must be within bound; a violation is a protocol bug. */
  const required = async (
    rank: number,
    comment: string,
    flags: Flag[],
    inputs: Inputs,
    seed: bigint,
  ): Promise<CaseResult> => {
    const r = await run(g, inputs, seed);
    const v = classify(r);
    if (v.kind === 'violation') problems.push(`${where}: ${comment}: ${describeVerdict(v)} (seed ${seed})`);
    else cases.push(draft(rank, comment, flags, v, r));
    return r;
  };

  const normals: CaseResult[] = [];
  for (let i = 0; i < 2; i++)
    normals.push(
      await required(
        i === 0 ? RANK.normal : RANK.moreNormal,
        `uniform inputs from the domain (#${i})`,
        ['Normal'],
        inputsFor(g, () => 'uniform', 'normal', i),
        caseSeed(...g.path, 'normal', i),
      ),
    );

  const edgeFlags: Flag[] = [
    ...(domains.some((d) => d.kind === 'real') ? (['DomainBoundary'] as const) : []),
    ...(domains.some((d) => d.kind === 'ring') ? (['RingEdge'] as const) : []),
  ];
  if (edgeFlags.length > 0)
    await required(
      RANK.edges,
      'inputs at the domain ends (min, max, 0) or ring edges (0, 1, −1, −2^(ℓ−1), 2^(ℓ−1)−1)',
      edgeFlags,
      inputsFor(g, () => 'edges', 'edges'),
      caseSeed(...g.path, 'edges'),
    );

  const wrapInputs = inputsFor(g, () => 'uniform', 'share-wrap');
  const wrapSeed = shareWrapSeed(g, wrapInputs);
  if (wrapSeed !== undefined)
    await required(
      RANK.shareWrap,
      "party 0's first input share lies within 2^(ℓ−6) below 2^ℓ (reconstruction wraps)",
      ['ShareWrap'],
      wrapInputs,
      wrapSeed,
    );

  const hasInexact = () => cases.some((c) => c.flags.includes('ProbabilisticTruncation'));
  for (let a = 0; bounds.implementationUlps > 0 && !hasInexact() && a < INEXACT_ATTEMPTS; a++) {
    const r = await run(
      g,
      inputsFor(g, () => 'uniform', 'inexact', a),
      caseSeed(...g.path, 'inexact', a),
    );
    const v = classify(r);
    if (v.kind === 'acceptable' && v.wraps === 0)
      cases.push(
        draft(RANK.inexact, `uniform inputs (search #${a} for an inexact output)`, ['Normal'], v, r),
      );
  }

  const hasWrap = cases.some((c) => c.flags.includes('TruncationWrap'));
  for (let a = 0; bounds.wrap !== undefined && !hasWrap && a < WRAP_ATTEMPTS; a++) {
    const r = await run(
      g,
      inputsFor(g, () => 'largest', 'wrap', a),
      caseSeed(...g.path, 'wrap', a),
    );
    const v = classify(r);
    if (v.kind === 'acceptable' && v.wraps > 0) {
      cases.push(
        draft(
          RANK.wrap,
          `largest-magnitude inputs (search #${a} for a truncation wrap)`,
          ['DomainBoundary'],
          v,
          r,
        ),
      );
      break;
    }
  }

  for (const [style, flag] of [
    ['zero', 'ZeroOutsideDomain'],
    ['negative', 'NegativeOutsideDomain'],
  ] as const) {
    if (!domains.some((d) => styleApplies(style, d))) continue;
    const inputs = inputsFor(g, (d) => (styleApplies(style, d) ? style : 'uniform'), style);
    const r = await run(g, inputs, caseSeed(...g.path, style)).catch(() => undefined);
    const v = r === undefined ? undefined : classify(r);
    // outside the domain the reference is still binding; a case the protocol cannot meet is left out
    if (r !== undefined && v !== undefined && v.kind !== 'violation')
      cases.push(
        draft(
          RANK.outside,
          `${style === 'zero' ? 'zero' : 'negative'} values where the domain excludes them`,
          [flag],
          v,
          r,
        ),
      );
  }

  const base = normals[0];
  if (withInvalid && base !== undefined) {
    for (const t of tamperedCases(recordCase(base), bounds, g.protocol.outputs()))
      cases.push({
        rank: RANK.invalid,
        comment: `${t.comment} (from the first uniform case)`,
        flags: [t.flag],
        result: 'invalid',
        record: t.record,
      });
  }
  return { cases, problems };
}
