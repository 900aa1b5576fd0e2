// Test-case flags (issue 5 §2; Wycheproof's `flags` + `notes`): every flag names one kind of case, is
// stable across regenerations, and is explained in the file's `notes` with the bug type it targets and
// what a backend with that bug does. Bug types follow Wycheproof's vocabulary.
import * as t from 'io-ts';

export const BugType = t.keyof({
  BASIC: null,
  EDGE_CASE: null,
  FUNCTIONALITY: null,
  KNOWN_BUG: null,
  CAN_OF_WORMS: null,
  MODIFIED_PARAMETER: null,
});
export type BugType = t.TypeOf<typeof BugType>;

export const Flag = t.keyof({
  Normal: null,
  DomainBoundary: null,
  RingEdge: null,
  ShareWrap: null,
  ProbabilisticTruncation: null,
  TruncationWrap: null,
  ZeroOutsideDomain: null,
  NegativeOutsideDomain: null,
  ShareOffByOne: null,
  AlteredMessage: null,
  WrongOutputShare: null,
  BadPreprocessing: null,
  OutputBeyondBound: null,
});
export type Flag = t.TypeOf<typeof Flag>;

export const Note = t.exact(t.type({ bugType: BugType, description: t.string, effect: t.string }), 'Note');
export type Note = t.TypeOf<typeof Note>;

export const NOTES: Readonly<Record<Flag, Note>> = {
  Normal: {
    bugType: 'BASIC',
    description: 'Ordinary inputs drawn uniformly from the spec domain.',
    effect: 'Any functional error of the protocol shows here first.',
  },
  DomainBoundary: {
    bugType: 'EDGE_CASE',
    description: 'Inputs at the ends of the spec domain (min, max, and 0 where the domain holds it).',
    effect:
      'Catches overflow of intermediate products and off-by-one range checks near the declared domain limits.',
  },
  RingEdge: {
    bugType: 'EDGE_CASE',
    description: 'Inputs at the edges of Z_2^ℓ: 0, 1, 2^ℓ − 1 (−1), 2^(ℓ−1) (most negative), 2^(ℓ−1) − 1.',
    effect: 'Catches signed/unsigned confusion and missing reduction mod 2^ℓ (e.g. in small rings).',
  },
  ShareWrap: {
    bugType: 'EDGE_CASE',
    description:
      'Input shares chosen (by seed) so that party 0 holds a share within 2^(ℓ−6) below 2^ℓ: reconstruction wraps around the ring.',
    effect:
      'Catches backends that add shares without reducing mod 2^ℓ (big integers, floats) or overflow when widening.',
  },
  ProbabilisticTruncation: {
    bugType: 'FUNCTIONALITY',
    description:
      "The protocol's output differs from the reference ⌊·/2^k⌋ by at most the spec's implementation bound (ulps), as probabilistic share truncation does.",
    effect: 'A checker that demands the exact floor wrongly rejects a correct backend.',
  },
  TruncationWrap: {
    bugType: 'KNOWN_BUG',
    description:
      "Local (2-party) truncation where the two shares overflow as signed integers: the output is off by a multiple of 2^(ℓ−k), the rare large error the spec's wrap bound allows (found by seed search).",
    effect:
      'Shows the known weakness of local truncation; a backend reproducing it bit-exactly implements the same method.',
  },
  ZeroOutsideDomain: {
    bugType: 'CAN_OF_WORMS',
    description:
      'An input is 0 where the spec domain excludes 0 (e.g. a zero denominator). Only the implementation bound applies: the ideal function is not approximated there.',
    effect: 'Catches divisions or comparisons that crash, hang or diverge from the reference at 0.',
  },
  NegativeOutsideDomain: {
    bugType: 'CAN_OF_WORMS',
    description:
      'An input is negative where the spec domain holds only non-negative values (e.g. a negative denominator). Only the implementation bound applies.',
    effect: 'Catches sign handling that differs from the reference outside the domain.',
  },
  ShareOffByOne: {
    bugType: 'MODIFIED_PARAMETER',
    description: "One party's input share is off by one: the shares no longer sum to the cleartext input.",
    effect: 'A verifier that does not recombine (or regenerate) input shares accepts this invalid case.',
  },
  AlteredMessage: {
    bugType: 'MODIFIED_PARAMETER',
    description: 'One element of one transcript message is altered; everything else is as recorded.',
    effect: 'A verifier that does not replay the protocol message by message accepts this invalid case.',
  },
  WrongOutputShare: {
    bugType: 'MODIFIED_PARAMETER',
    description:
      "One party's output share is off by one, so the output shares no longer sum to the expected output.",
    effect:
      'A verifier that checks only the cleartext output (which may still be within the bound) accepts this invalid case.',
  },
  BadPreprocessing: {
    bugType: 'MODIFIED_PARAMETER',
    description:
      "One party's share of dealer material is off by one, breaking its correlation (a Beaver triple with c ≠ a·b, a square pair with r2 ≠ r², …).",
    effect:
      'A verifier that trusts recorded preprocessing instead of regenerating it accepts this invalid case.',
  },
  OutputBeyondBound: {
    bugType: 'MODIFIED_PARAMETER',
    description:
      "The expected output (and party 0's output share with it) is one ulp beyond the spec's implementation bound from the reference.",
    effect: 'A black-box checker with a loose or missing bound accepts this invalid case.',
  },
};
