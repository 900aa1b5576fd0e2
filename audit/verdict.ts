// What a view audit returns (issue 4 §2, §3, §5; issue 16): per party, what each mode found and the
// evidence behind it — the relation it found, the distributions it compared, or the tests it ran with
// their p-values — and what it covered, so a report or the CLI can show why, not only whether. The
// verdict is honest about coverage: `private` only when every mode ran and passed for every party.
import type { BoundProtocol } from '../registry/index.ts';
import type { Config } from '../spec/config.ts';
import type { BatchMode } from './batch-layout.ts';

export type ModeName = 'relation' | 'exhaustive' | 'statistical';
export const MODES: readonly ModeName[] = ['relation', 'exhaustive', 'statistical'];

/**
 * passed: ran and found no dependence on a secret; leak: found one; trivial: the party knows every
 * secret (its own inputs and outputs determine them), so there is nothing hidden to compare.
 */
export type ModeStatus = 'passed' | 'leak' | 'trivial';

export interface RelationEvidence {
  readonly mode: 'relation';
  readonly ell: number;
  readonly instanceSize: number;
  readonly batching: BatchMode;
  /** Samples the relations hold on (views with the plan's traffic shape) and fresh samples they were checked on. */
  readonly samples: number;
  readonly verification: number;
  /** Samples set aside because their traffic shape differs (the other modes compare shapes). */
  readonly otherShape: number;
  readonly columns: {
    readonly hidden: number;
    readonly view: number;
    readonly secret: number;
    readonly known: number;
  };
  /** Coordinates left out to fit the budget, in words. */
  readonly dropped: readonly string[];
  /** Relations in the Howell basis, and those that describe masked values (tested by the statistical mode). */
  readonly relations: number;
  readonly openings: number;
  readonly leak?: {
    /** The relation, coordinates by name: what the party computes on the left, the secret on the right. */
    readonly relation: string;
    readonly secret: string;
    readonly terms: number;
    /** Other leaking relations (beyond the one shown). */
    readonly more: number;
  };
  /** Why a trivial verdict: the party's knowledge determines every secret element. */
  readonly note?: string;
}

export interface ExhaustiveEvidence {
  readonly mode: 'exhaustive';
  readonly ell: number;
  readonly instanceSize: number;
  readonly batching: BatchMode;
  /** 2^secretBits secrets, grouped into `classes` by what the party may know. */
  readonly secretBits: number;
  readonly classes: number;
  /** Hidden randomness enumerated for every (own tape, secret): 2^hiddenBits tapes. */
  readonly hiddenBits: number;
  readonly hiddenDraws: readonly string[];
  /** Own raw randomness (conditioned on): `ownTapes` of 2^ownBits, all of them when `complete`. */
  readonly ownBits: number;
  readonly ownTapes: number;
  readonly complete: boolean;
  readonly budgetBits: number;
  readonly evaluations: number;
  readonly distributionsCompared: number;
  readonly viewBits: number;
  readonly keys: 'exact' | 'hashed';
  readonly leak?: {
    readonly ownTape: string;
    readonly secretA: string;
    readonly secretB: string;
    /** Total-variation distance between the two view distributions. */
    readonly distance: number;
    readonly witness: string;
    readonly countA: number;
    readonly countB: number;
    readonly tapes: number;
  };
}

export interface TestResult {
  readonly test: string;
  readonly p: number;
}

export interface StatisticalEvidence {
  readonly mode: 'statistical';
  readonly ell: number;
  readonly instanceSize: number;
  readonly batching: BatchMode;
  readonly seed: string;
  readonly samplesPerGroup: number;
  readonly groups: readonly { readonly name: string; readonly secret: string; readonly shape: string }[];
  /** Which groups are compared (every two, or each with its equal-output partner). */
  readonly comparisons: number;
  /** Projections tested: view and traffic-shape coordinates, masked values the relation search found, message pairs. */
  readonly projections: {
    readonly coordinates: number;
    readonly openings: number;
    readonly pairs: number;
    /** Message pairs there were; pairs < messagePairs when the budget spread a choice over them. */
    readonly messagePairs: number;
    /** Reported views (no relation search): three-term sums with a message tested, of how many there were. */
    readonly triples?: number;
    readonly messageTriples?: number;
  };
  readonly tests: number;
  /** Family-wise false-alarm rate and the Bonferroni threshold per test (α / tests). */
  readonly alpha: number;
  readonly threshold: number;
  readonly smallest: readonly TestResult[];
  readonly leak?: TestResult;
  readonly note?: string;
}

export type Evidence = RelationEvidence | ExhaustiveEvidence | StatisticalEvidence;

/** What a mode returns for one party: its status with evidence and coverage, or why it did not run. */
export type ModeResult<E extends Evidence = Evidence> =
  | { readonly status: ModeStatus; readonly evidence: E; readonly coverage: string }
  | { readonly status: 'not run'; readonly reason: string };

/** One mode's result for one party, named and timed: it ran (with evidence and coverage), or why it did not. */
export type ModeOutcome =
  | {
      readonly mode: ModeName;
      readonly status: ModeStatus;
      readonly evidence: Evidence;
      /** What the mode covered, in one line. */
      readonly coverage: string;
      readonly ms: number;
    }
  | { readonly mode: ModeName; readonly status: 'not run'; readonly reason: string; readonly ms: number };

/**
 * private: every mode ran and passed; leak: some mode found a dependence on a secret; incomplete: no
 * mode found one but some could not run; trivial: the party knows every secret.
 */
export type PartyStatus = 'private' | 'leak' | 'incomplete' | 'trivial';

export interface PartyVerdict {
  readonly party: number;
  readonly status: PartyStatus;
  readonly modes: readonly ModeOutcome[];
  /** For `incomplete`: why, mode by mode. */
  readonly incomplete: readonly string[];
  readonly ms: number;
}

export interface ViewVerdict {
  readonly id: string;
  readonly params: unknown;
  readonly profile: string;
  readonly parties: number;
  /** The worst party status: leak, then incomplete, then private (trivial only when every party is). */
  readonly status: PartyStatus;
  /** A deliberately reproduced defect the spec declares (spec/privacy.ts knownLeak). */
  readonly knownLeak?: string;
  readonly verdicts: readonly PartyVerdict[];
  /** No party's view leaks. */
  readonly ok: boolean;
  /** Some party had no mode that could run: nothing was checked for it. */
  readonly unchecked: boolean;
  readonly ms: number;
}

/**
 * A party's status from its modes' outcomes: a leak when any mode found one; trivial when every mode
 * that ran found nothing hidden (one that found something to compare and passed makes it an ordinary
 * pass); private when every mode ran; incomplete otherwise, with the reason per mode.
 */
export function partyStatus(
  modes: readonly ModeOutcome[],
  requested: readonly ModeName[],
): { status: PartyStatus; incomplete: string[] } {
  if (modes.some((m) => m.status === 'leak')) return { status: 'leak', incomplete: [] };
  const ran = modes.filter((m) => m.status !== 'not run');
  if (ran.length > 0 && ran.every((m) => m.status === 'trivial'))
    return { status: 'trivial', incomplete: [] };
  const incomplete = [
    ...modes.flatMap((m) => (m.status === 'not run' ? [`${m.mode}: ${m.reason}`] : [])),
    ...MODES.filter((m) => !requested.includes(m)).map((m) => `${m}: not requested`),
  ];
  return { status: incomplete.length === 0 ? 'private' : 'incomplete', incomplete };
}

/** The verdict's status over its parties: leak, then incomplete, then private (trivial only when every party is). */
const worstStatus = (statuses: readonly PartyStatus[]): PartyStatus =>
  statuses.includes('leak')
    ? 'leak'
    : statuses.includes('incomplete')
      ? 'incomplete'
      : statuses.every((s) => s === 'trivial')
        ? 'trivial'
        : 'private';

/**
 * The verdict over every party's on protocol `protocol` (named `id`): its worst status, ok unless a party
 * leaks, unchecked when some party had no mode run, and the defect the spec declares, if any.
 */
export function viewVerdict(
  id: string,
  protocol: Pick<BoundProtocol, 'params' | 'privacy'>,
  config: Pick<Config, 'profile' | 'parties'>,
  verdicts: readonly PartyVerdict[],
  ms: number,
): ViewVerdict {
  const status = worstStatus(verdicts.map((v) => v.status));
  const knownLeak = protocol.privacy().knownLeak;
  return {
    id,
    params: protocol.params,
    profile: config.profile,
    parties: config.parties,
    status,
    ...(knownLeak === undefined ? {} : { knownLeak }),
    verdicts,
    ok: status !== 'leak',
    unchecked: verdicts.some((v) => v.modes.every((m) => m.status === 'not run')),
    ms,
  };
}
