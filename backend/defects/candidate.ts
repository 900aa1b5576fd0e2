// A candidate explanation of a failing backend (issue 17 §3): what it would have output on each case if
// it had made one particular mistake — computed another registered parameter set, another protocol, or
// one of the classic mistakes of the catalogue — with the tolerance within which a match counts.
import type { RingTensor } from '../../core/ring.ts';
import type { BackendCase } from '../cases.ts';

export type Outputs = Readonly<Record<string, RingTensor>>;

export type CandidateSource = 'variant' | 'parameter' | 'protocol' | 'catalogue';

/** A known defect of released code, as the spec's released-code forms name it. */
export interface DefectTag {
  readonly id: string;
  readonly title: string;
}

export interface Candidate {
  /** Short, for tables: "reciprocal_goldschmidt {"eta":1}", "missing truncation". */
  readonly name: string;
  readonly source: CandidateSource;
  /** What the mistake is, in a sentence. */
  readonly explanation: string;
  /** The parameters behind a registry-derived candidate (printed with the match). */
  readonly params?: unknown;
  /** The released-code defect this reproduces, when the spec names one. */
  readonly defect?: DefectTag;
  /** Extra ulps a match may differ by beyond the op's implementation bound (e.g. lost low bits). */
  readonly slackUlps?: (boundUlps: number) => bigint;
  /** The outputs under this mistake for one case and its reference outputs; throws if it does not apply. */
  predict(c: BackendCase, reference: Outputs): Outputs;
}
