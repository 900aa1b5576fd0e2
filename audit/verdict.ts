// What a view audit returns (issue 4 §2, §3, §5): per party a status and the evidence behind it — the
// distributions compared, the tapes enumerated, or the tests run with their p-values — so a report or
// the CLI can show why, not only whether.
import type { BatchMode } from './batch-plan.ts';

/** private: no difference found; leak: the view depends on a secret; trivial: nothing hidden to compare. */
export type PartyStatus = 'private' | 'leak' | 'trivial';

export interface ExhaustiveEvidence {
  readonly mode: 'exhaustive';
  readonly ell: number;
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
  readonly batching: BatchMode;
  readonly seed: string;
  readonly samplesPerGroup: number;
  readonly groups: readonly { readonly name: string; readonly secret: string }[];
  readonly coordinates: number;
  readonly pairs: number;
  readonly triples: number;
  readonly tests: number;
  /** Family-wise false-alarm rate and the Bonferroni threshold per test (α / tests). */
  readonly alpha: number;
  readonly threshold: number;
  readonly smallest: readonly TestResult[];
  readonly leak?: TestResult;
  readonly note?: string;
}

export interface PartyVerdict {
  readonly party: number;
  readonly status: PartyStatus;
  readonly evidence: ExhaustiveEvidence | StatisticalEvidence;
  readonly ms: number;
}

export type AuditMode = 'exhaustive' | 'statistical';

export interface ViewVerdict {
  readonly id: string;
  readonly params: unknown;
  readonly profile: string;
  readonly parties: number;
  readonly mode: AuditMode;
  /** Why the exhaustive mode was not used, when the automatic choice fell back to statistical. */
  readonly exhaustiveOutOfReach?: string;
  /** A deliberately reproduced defect the spec declares (spec/privacy.ts knownLeak). */
  readonly knownLeak?: string;
  readonly verdicts: readonly PartyVerdict[];
  /** No party's view leaks. */
  readonly ok: boolean;
  readonly ms: number;
}
