// Defect identification (issue 17 §3): when an op fails, compare the backend's outputs with what every
// candidate mistake predicts (registry-candidates.ts, catalogue.ts) and name the best match with its
// evidence — cases matched (every element within the op's implementation bound of the prediction, or a
// wrap), failing cases it explains, the largest distance. A match must explain at least 95 % of the
// cases and more than the reference does; otherwise the verdict is "no match", with the worst cases.
import type { RegisteredProtocol } from '../../registry/index.ts';
import type { BoundProtocol } from '../../registry/index.ts';
import type { Config } from '../../spec/config.ts';
import type { Scale } from '../../spec/types.ts';
import { type AnsweredCase, type ReferenceOutputs, type WorstElement, worstCases } from '../value-check.ts';
import type { Candidate, CandidateSource, Outputs } from './candidate.ts';
import { catalogueCandidates } from './catalogue.ts';
import { registryCandidates } from './registry-candidates.ts';

export interface CandidateScore {
  readonly name: string;
  readonly source: CandidateSource;
  readonly explanation: string;
  readonly params?: unknown;
  readonly defect?: { readonly id: string; readonly title: string };
  readonly casesMatched: number;
  readonly cases: number;
  /** Of the cases the backend fails, how many this candidate explains. */
  readonly failingExplained: number;
  readonly failing: number;
  /** Largest |backend − prediction| over every element, in ulps. */
  readonly maxDistance: string;
}

export type DefectVerdict =
  | {
      readonly kind: 'match';
      readonly best: CandidateScore;
      /** Other candidates that explain as many cases. */
      readonly also: readonly string[];
      readonly candidatesTried: number;
    }
  | {
      readonly kind: 'no match';
      readonly closest?: CandidateScore;
      readonly worst: readonly WorstElement[];
      readonly candidatesTried: number;
    };

const MATCH_SHARE = 0.95;
const ORDER: readonly CandidateSource[] = ['variant', 'parameter', 'protocol', 'catalogue'];

/**
 * Elements of one case farther than `tolerance` ulps from `predicted`, and the largest distance. No
 * wrap is excused here: a wrap-shaped mistake (an unsigned shift) must be told from the reference.
 */
function distance(
  protocol: BoundProtocol,
  got: Outputs,
  predicted: Outputs,
  tolerance: (scale: Scale) => bigint,
): { misses: number; max: bigint } | undefined {
  let misses = 0;
  let max = 0n;
  for (const d of protocol.outputs()) {
    const g = got[d.name]!;
    const p = predicted[d.name];
    if (p === undefined || p.data.length !== g.data.length) return undefined;
    const within = tolerance(d.scale);
    for (let i = 0; i < g.data.length; i++) {
      const diff = BigInt.asIntN(g.ell, g.data[i]! - p.data[i]!);
      const abs = diff < 0n ? -diff : diff;
      if (abs > within) misses += 1;
      if (abs > max) max = abs;
    }
  }
  return { misses, max };
}

/**
 * Within how many ulps an output of a case matches: the case's bound; for a candidate, also the
 * mistake's own slack, or else one ulp for a fixed-point output (a backend's reals are re-encoded to
 * the nearest ring element; integers and bits come back exact).
 */
const tolerance =
  (candidate: Candidate | undefined, ref: ReferenceOutputs) =>
  (scale: Scale): bigint => {
    const ulps = ref.bounds.implementationUlps;
    if (candidate === undefined) return BigInt(ulps);
    return BigInt(ulps) + (candidate.slackUlps?.(ulps) ?? (scale === 'fixed' ? 1n : 0n));
  };

function score(
  candidate: Candidate,
  protocol: BoundProtocol,
  answered: readonly AnsweredCase[],
  references: readonly ReferenceOutputs[],
  failing: ReadonlySet<string>,
): CandidateScore | undefined {
  let casesMatched = 0;
  let failingExplained = 0;
  let maxDistance = 0n;
  for (let k = 0; k < answered.length; k++) {
    const a = answered[k]!;
    let predicted: Outputs;
    try {
      predicted = candidate.predict(a.case, references[k]!.reference);
    } catch {
      return undefined; // this mistake does not apply to this op's cases
    }
    const d = distance(protocol, a.outputs, predicted, tolerance(candidate, references[k]!));
    if (d === undefined) return undefined;
    if (d.max > maxDistance) maxDistance = d.max;
    if (d.misses === 0) {
      casesMatched += 1;
      if (failing.has(a.case.id)) failingExplained += 1;
    }
  }
  return {
    name: candidate.name,
    source: candidate.source,
    explanation: candidate.explanation,
    ...(candidate.params === undefined ? {} : { params: candidate.params }),
    ...(candidate.defect === undefined ? {} : { defect: candidate.defect }),
    casesMatched,
    cases: answered.length,
    failingExplained,
    failing: failing.size,
    maxDistance: maxDistance.toString(),
  };
}

const better = (a: CandidateScore, b: CandidateScore): number =>
  b.casesMatched - a.casesMatched ||
  b.failingExplained - a.failingExplained ||
  (BigInt(a.maxDistance) < BigInt(b.maxDistance)
    ? -1
    : BigInt(a.maxDistance) > BigInt(b.maxDistance)
      ? 1
      : 0) ||
  ORDER.indexOf(a.source) - ORDER.indexOf(b.source);

export function identifyDefect(
  entry: RegisteredProtocol,
  protocol: BoundProtocol,
  config: Config,
  answered: readonly AnsweredCase[],
  references: readonly ReferenceOutputs[],
  registry: readonly RegisteredProtocol[],
): DefectVerdict {
  const candidates = [
    ...registryCandidates(entry, protocol, config, registry),
    ...(answered.length === 0 ? [] : catalogueCandidates(protocol, config, answered[0]!.case)),
  ];
  // cases the reference does not explain, wraps included (a wrap is a miss here)
  const failing = new Set(
    answered
      .filter(
        (a, k) =>
          distance(protocol, a.outputs, references[k]!.reference, tolerance(undefined, references[k]!))!
            .misses > 0,
      )
      .map((a) => a.case.id),
  );
  const scores = candidates
    .map((c) => score(c, protocol, answered, references, failing))
    .filter((s): s is CandidateScore => s !== undefined)
    .sort(better);
  const best = scores[0];
  const referenceMatched = answered.length - failing.size;
  const needed = Math.ceil(MATCH_SHARE * answered.length);
  if (best !== undefined && best.casesMatched >= needed && best.casesMatched > referenceMatched)
    return {
      kind: 'match',
      best,
      also: scores
        .slice(1)
        .filter((s) => s.casesMatched === best.casesMatched)
        .map((s) => s.name),
      candidatesTried: scores.length,
    };
  return {
    kind: 'no match',
    ...(best === undefined || best.casesMatched <= referenceMatched ? {} : { closest: best }),
    worst: worstCases(protocol, config, answered, references, 3, failing.size === 0),
    candidatesTried: scores.length,
  };
}
